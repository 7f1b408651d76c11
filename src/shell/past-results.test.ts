import { describe, expect, it } from 'vitest';
import type { SessionRow } from '../worker/event-store.ts';
import { credentialAccess, pastResults } from './past-results.ts';
import { PAST_RESULTS_MESSAGES } from './past-results-messages.ts';

const row = (sessionId: string, extra: Partial<SessionRow> = {}): SessionRow => ({ sessionId, battery: 'short', startedAt: 1, finished: true, ...extra });
const link = { token: 'tok', ackSeq: 10, hash: 'h' };

describe('pastResults', () => {
  it('lists finished sessions newest first, by when each ended', () => {
    const list = pastResults([
      { row: row('old'), endedAt: 1_000 },
      { row: row('new'), endedAt: 3_000 },
      { row: row('mid'), endedAt: 2_000 },
    ]);
    expect(list.map((p) => p.sessionId)).toEqual(['new', 'mid', 'old']);
  });

  it('never lists an unfinished session, and is empty when there is nothing', () => {
    expect(pastResults([{ row: row('u', { finished: false }), endedAt: 5 }])).toEqual([]);
    expect(pastResults([])).toEqual([]);
  });

  it('orders sessions that ended at the same moment by id, whatever order the store gave', () => {
    const a = { row: row('a'), endedAt: 7 };
    const b = { row: row('b'), endedAt: 7 };
    expect(pastResults([b, a]).map((p) => p.sessionId)).toEqual(['a', 'b']);
    expect(pastResults([a, b]).map((p) => p.sessionId)).toEqual(['a', 'b']);
  });

  it("hands a certified session's token on only while this device holds it", () => {
    const [withKey] = pastResults([{ row: row('c', { mode: 'certified', witness: link }), endedAt: 1 }]);
    expect(withKey).toEqual({ sessionId: 'c', endedAt: 1, credential: 'available', certified: { sessionId: 'c', token: 'tok' } });
    const [lost] = pastResults([{ row: row('d', { mode: 'certified' }), endedAt: 1 }]);
    expect(lost).toEqual({ sessionId: 'd', endedAt: 1, credential: 'key-lost', certified: null });
  });
});

describe('credentialAccess', () => {
  it('a practice scan has none; an old row without a mode is practice', () => {
    expect(credentialAccess(row('p', { mode: 'practice' }))).toBe('none');
    expect(credentialAccess(row('p'))).toBe('none');
  });

  it('a certified scan with its token can make its credential here; without it, or as a backup copy, it cannot', () => {
    expect(credentialAccess(row('c', { mode: 'certified', witness: link }))).toBe('available');
    expect(credentialAccess(row('c', { mode: 'certified' }))).toBe('key-lost');
    expect(credentialAccess(row('c', { mode: 'practice', copyOf: 'certified' }))).toBe('key-lost');
  });
});

describe('its words', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  it.each(['nl', 'uk', 'ar'] as const)('%s has every English key, with the same placeholders, and nothing else', (lang) => {
    const en = PAST_RESULTS_MESSAGES.en;
    const other = PAST_RESULTS_MESSAGES[lang];
    expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(en)) {
      expect(other[key], key).toBeTruthy();
      expect(placeholders(other[key] ?? ''), key).toEqual(placeholders(text));
    }
  });
});
