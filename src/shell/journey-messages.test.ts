import { describe, expect, it } from 'vitest';
import { JOURNEY_MESSAGES } from './journey-messages.ts';
import { RESULTS_EXPLAIN_MESSAGES } from './results-explain-messages.ts';
import { SOUND_MESSAGES } from './sound-messages.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each([
  ['journey', JOURNEY_MESSAGES],
  ['sound', SOUND_MESSAGES],
  ['results explained', RESULTS_EXPLAIN_MESSAGES],
])('%s words', (_name, bundle) => {
  const en = bundle.en;
  it.each(['nl', 'uk', 'ar'] as const)('%s has every English key, with the same placeholders, and nothing else', (lang) => {
    const other = bundle[lang];
    expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(en)) {
      expect(other[key], key).toBeTruthy();
      expect(placeholders(other[key] ?? ''), key).toEqual(placeholders(text));
    }
  });
});
