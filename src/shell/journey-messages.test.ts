import { describe, expect, it } from 'vitest';
import { baseKeys, pluralVariantProblems } from '../i18n/plural-variants.ts';
import { SESSION_MESSAGES } from './session-messages.ts';
import { JOURNEY_MESSAGES } from './journey-messages.ts';
import { SOUND_MESSAGES } from './sound-messages.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each([
  ['journey', JOURNEY_MESSAGES],
  ['sound', SOUND_MESSAGES],
  ['session', SESSION_MESSAGES],
])('%s words', (_name, bundle) => {
  const en = bundle.en;
  it.each(['nl', 'uk', 'ar'] as const)('%s has every English key, with the same placeholders, and nothing else', (lang) => {
    const other = bundle[lang];
    expect(baseKeys(other).sort()).toEqual(baseKeys(en).sort());
    for (const [key, text] of Object.entries(en)) {
      if (!baseKeys(en).includes(key)) continue;
      expect(other[key], key).toBeTruthy();
      expect(placeholders(other[key] ?? ''), key).toEqual(placeholders(text));
    }
  });

  it.each(['en', 'nl', 'uk', 'ar'] as const)('%s plural forms stand beside their message, in categories the language has', (lang) => {
    expect(pluralVariantProblems(lang, bundle[lang])).toEqual([]);
  });
});
