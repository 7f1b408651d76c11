import { describe, expect, it } from 'vitest';
import { GAME_MESSAGES } from '../../games/messages.ts';
import { GAMES } from '../../games/registry.ts';
import { LANGUAGES, messageIn, registerMessages } from './index.ts';
import { en } from './en.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n', () => {
  it('every language has every shell message, with the same placeholders', () => {
    for (const [code, l] of Object.entries(LANGUAGES)) {
      for (const [key, text] of Object.entries(en)) {
        const translated = (l.messages as Record<string, string>)[key];
        expect(translated, `${code}: ${key}`).toBeTruthy();
        expect(placeholders(translated ?? ''), `${code}: ${key}`).toEqual(placeholders(text));
      }
    }
  });

  it('every game brings its name, instructions and metric names in all four languages', () => {
    for (const game of Object.values(GAMES)) {
      const design = game.design(1);
      const keys = [`game.${game.id}`, ...design.blocks.map((b) => b.instruction), ...game.metrics.map((m) => `metric.${game.id}.${m.id}`)];
      for (const code of Object.keys(LANGUAGES) as (keyof typeof LANGUAGES)[]) {
        for (const key of keys) {
          expect(
            GAME_MESSAGES.some((m) => typeof m[code][key] === 'string' && m[code][key] !== ''),
            `${code}: ${key}`,
          ).toBe(true);
        }
      }
    }
  });

  it('Arabic is right-to-left, the others left-to-right', () => {
    expect(LANGUAGES.ar.dir).toBe('rtl');
    expect([LANGUAGES.nl.dir, LANGUAGES.en.dir, LANGUAGES.uk.dir]).toEqual(['ltr', 'ltr', 'ltr']);
  });

  it('messageIn reads any language without switching the page: shell, game and registered words, filled', () => {
    expect(messageIn('ar', 'welcome.start')).toBe(LANGUAGES.ar.messages['welcome.start']);
    expect(messageIn('nl', 'intro.game', { index: 2, count: 3 })).toBe('Spel 2 van 3');
    expect(messageIn('uk', 'game.flanker')).toBe(GAME_MESSAGES.find((m) => m.uk['game.flanker'])?.uk['game.flanker']);
    expect(messageIn('en', 'test.only.word')).toBeUndefined();
    registerMessages({ en: { 'test.only.word': 'Hi {name}' }, nl: { 'test.only.word': 'Hoi {name}' }, uk: {}, ar: {} });
    expect(messageIn('nl', 'test.only.word', { name: 'Sam' })).toBe('Hoi Sam');
    expect(messageIn('ar', 'test.only.word')).toBeUndefined();
  });

  it('picks the plural form by count in each language; a form without a variant is the message itself', () => {
    registerMessages({
      en: { 'test.left': 'About {count} minutes', 'test.left#one': 'About {count} minute' },
      nl: { 'test.left': 'Ongeveer {count} minuten', 'test.left#one': 'Ongeveer {count} minuut' },
      uk: { 'test.left': '{count} хвилин', 'test.left#one': '{count} хвилина', 'test.left#few': '{count} хвилини' },
      ar: { 'test.left': '{count} دقيقة', 'test.left#one': 'دقيقة واحدة', 'test.left#two': 'دقيقتان', 'test.left#few': '{count} دقائق' },
    });
    expect([1, 2, 9].map((count) => messageIn('en', 'test.left', { count }))).toEqual(['About 1 minute', 'About 2 minutes', 'About 9 minutes']);
    expect([1, 21, 3, 24, 5, 11, 0].map((count) => messageIn('uk', 'test.left', { count }))).toEqual([
      '1 хвилина',
      '21 хвилина',
      '3 хвилини',
      '24 хвилини',
      '5 хвилин',
      '11 хвилин',
      '0 хвилин',
    ]);
    const ar = [1, 2, 9, 15, 100].map((count) => messageIn('ar', 'test.left', { count })?.replace(/[\u2066-\u2069]/g, ''));
    expect(ar).toEqual(['دقيقة واحدة', 'دقيقتان', '9 دقائق', '15 دقيقة', '100 دقيقة']);
    // A count given as text (already formatted) chooses no form: the message itself.
    expect(messageIn('en', 'test.left', { count: '1' })).toBe('About 1 minutes');
  });

  it('isolates each value in a right-to-left sentence (FSI … PDI), so Latin names keep their order; left-to-right text is untouched', () => {
    registerMessages({
      en: { 'test.open': 'Open {name}' },
      nl: { 'test.open': 'Open {name}' },
      uk: { 'test.open': 'Відкрити {name}' },
      ar: { 'test.open': 'فتح {name}' },
    });
    expect(messageIn('ar', 'test.open', { name: 'Candidate 1' })).toBe('فتح \u2068Candidate 1\u2069');
    expect(messageIn('en', 'test.open', { name: 'Candidate 1' })).toBe('Open Candidate 1');
  });
});
