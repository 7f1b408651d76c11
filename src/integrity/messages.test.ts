import { describe, expect, it } from 'vitest';
import { CHECKS, REFUSAL_CHECK } from './index.ts';
import { INTEGRITY_MESSAGES } from './messages.ts';

describe('integrity messages', () => {
  it('has every key in all four languages, with the same placeholders', () => {
    const keys = Object.keys(INTEGRITY_MESSAGES.en).sort();
    const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const lang of ['nl', 'uk', 'ar'] as const) {
      expect(Object.keys(INTEGRITY_MESSAGES[lang]).sort()).toEqual(keys);
      for (const k of keys) expect(ph(INTEGRITY_MESSAGES[lang][k]!), `${lang} ${k}`).toEqual(ph(INTEGRITY_MESSAGES.en[k]!));
    }
  });

  it('has words for every refusal code', () => {
    for (const code of Object.keys(REFUSAL_CHECK)) expect(INTEGRITY_MESSAGES.en[`integrity.refusal.${code}`], code).toBeDefined();
    for (const check of CHECKS) expect(INTEGRITY_MESSAGES.en[`integrity.check.${check}`], check).toBeDefined();
  });
});
