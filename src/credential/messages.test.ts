import { describe, expect, it } from 'vitest';
import { VERIFY_FAILURE_REASONS } from './verify.ts';
import { CREDENTIAL_MESSAGES, issueErrorKey } from './messages.ts';

const REASONS = VERIFY_FAILURE_REASONS;

describe('credential messages', () => {
  it('has every key in all four languages, with the same placeholders', () => {
    const keys = Object.keys(CREDENTIAL_MESSAGES.en).sort();
    for (const lang of ['nl', 'uk', 'ar'] as const) {
      expect(Object.keys(CREDENTIAL_MESSAGES[lang]).sort()).toEqual(keys);
      for (const k of keys) {
        const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
        expect(ph(CREDENTIAL_MESSAGES[lang][k]!), `${lang} ${k}`).toEqual(ph(CREDENTIAL_MESSAGES.en[k]!));
      }
    }
  });
  it('has words for every verification failure and every issuer error', () => {
    for (const r of REASONS) expect(CREDENTIAL_MESSAGES.en[`verify.fail.${r}`]).toBeDefined();
    for (const code of ['busy', 'scores-disagree', 'invalid-log', 'time-scaled', 'too-large', undefined])
      expect(CREDENTIAL_MESSAGES.en[issueErrorKey(code)]).toBeDefined();
  });
});
