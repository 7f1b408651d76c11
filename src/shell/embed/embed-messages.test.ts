import { describe, expect, it } from 'vitest';
import { SHARE_LEVELS } from '../../embed/pilot.ts';
import { CONSENT_VERSION, SESSION_MESSAGES } from '../session-messages.ts';
import { CONSENT_RETENTION_DAYS, EMBED_CONSENT_VERSION, EMBED_MESSAGES } from './embed-messages.ts';
import { scanSettings } from './scan-settings.ts';

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

  it("state a pilot's own retention in the consent, where it is not the days the certified text states", () => {
    for (const [code, messages] of Object.entries(SESSION_MESSAGES))
      expect(messages['consent.certified.howLong'], code).toContain(String(CONSENT_RETENTION_DAYS));
    const pilot = {
      id: 'acme',
      name: 'Acme',
      hostOrigins: [],
      battery: 'reaction',
      defaultLang: 'nl' as const,
      normGroup: 'sro-provisional-all',
      roles: [],
      branding: { accent: '#112233' },
      share: 'summary' as const,
      xapi: { enabled: false },
      retentionDays: CONSENT_RETENTION_DAYS,
      startToken: { required: false },
    };
    expect(scanSettings(pilot).consentExtra.map((c) => c.key)).toEqual(['embed.consent.offeredBy', 'embed.consent.share.summary']);
    expect(scanSettings({ ...pilot, retentionDays: 7 }).consentExtra.at(-1)).toEqual({ key: 'embed.consent.retention', params: { pilot: 'Acme', days: 7 } });
  });
});
