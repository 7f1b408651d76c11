import { describe, expect, it } from 'vitest';
import { SHARE_LEVELS } from '../../embed/pilot.ts';
import { CONSENT_VERSION } from '../session-messages.ts';
import { EMBED_CONSENT_VERSION, EMBED_MESSAGES } from './embed-messages.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('embedded scan words', () => {
  it('exist in every language with the same placeholders, including a consent line per share level', () => {
    for (const level of SHARE_LEVELS) expect(EMBED_MESSAGES.en[`embed.consent.share.${level}`]).toBeTruthy();
    for (const [code, messages] of Object.entries(EMBED_MESSAGES)) {
      expect(Object.keys(messages).sort(), code).toEqual(Object.keys(EMBED_MESSAGES.en).sort());
      for (const [key, text] of Object.entries(EMBED_MESSAGES.en)) expect(placeholders(messages[key] ?? ''), `${code} ${key}`).toEqual(placeholders(text));
    }
  });

  it("keep the consent version within the log's 32 characters (the server refuses a longer one)", () => {
    expect(`${CONSENT_VERSION.certified}+${EMBED_CONSENT_VERSION}`.length).toBeLessThanOrEqual(32);
  });
});
