import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../log/events.ts';
import { rewitness } from './attacks.ts';
import { assessWitnessed, type WitnessRecord } from './index.ts';
import { simulatedWitnessedRecord } from './simulated-record.ts';

/**
 * A reload between two blocks of the last game: the rest of the session runs on page 1, whose clock starts again near
 * zero and which has no anchor of its own (no game starts on it), so the device wall clock carries the anchors over.
 */
async function withReload(record: WitnessRecord): Promise<WitnessRecord> {
  const origin = (record.events[1] as Extract<LogEvent, { type: 'page-start' }>).timeOrigin;
  const lastStart = record.events.filter((e) => e.type === 'game-start').at(-1)!;
  const cut = record.events.find((e) => e.type === 'block-end' && e.seq > lastStart.seq)!;
  const shift = cut.t - 300;
  return rewitness(record, (events) => [
    ...events.map((e) =>
      e.seq <= cut.seq ? e : ({ ...e, page: 1, t: e.t - shift, ...(e.type === 'stimulus' ? { drawnAt: e.drawnAt - shift } : {}) } as LogEvent),
    ),
    { ...(events[1] as Extract<LogEvent, { type: 'page-start' }>), seq: cut.seq + 0.5, page: 1, t: 300, timeOrigin: origin + shift },
  ]);
}

const assess = (r: WitnessRecord) => assessWitnessed(r, { now: r.serverStart + 86_400_000 });

describe('a session resumed after a reload', () => {
  it('passes, whatever the device clock says', async () => {
    for (const clockSkewMs of [0, 2 * 3_600_000]) {
      const r = await withReload(await simulatedWitnessedRecord({ seed: 31, battery: 'short', clockSkewMs }));
      expect(new Set(r.events.map((e) => e.page))).toEqual(new Set([0, 1]));
      expect((await assess(r)).refusals).toEqual([]);
    }
  });

  it('is refused when the reloaded page arrives sooner than it can have been played', async () => {
    const r = await withReload(await simulatedWitnessedRecord({ seed: 32, battery: 'short', clockSkewMs: -3_600_000 }));
    const firstOfPage1 = r.batches.findIndex((b) => r.events[b.fromSeq]!.page === 1);
    const at = r.batches[firstOfPage1]!.receivedAt;
    // Everything of page 1 arrives within seconds of its first batch, though it spans a whole block of play.
    const rushed = { ...r, batches: r.batches.map((b, i) => (i >= firstOfPage1 ? { ...b, receivedAt: at + 10 * (i - firstOfPage1) } : b)) };
    expect((await assess(rushed)).refusals.map((x) => x.code)).toContain('received-too-early');
  });

  it('does not throw on an empty or malformed record, it refuses', async () => {
    const empty: WitnessRecord = { sessionId: 's', battery: 'standard', normGroup: 'x', serverStart: 0, seeds: [], batches: [], events: [] };
    const v = await assess(empty);
    expect(v.ok).toBe(false);
    expect(v.refusals.map((x) => x.code)).toEqual(expect.arrayContaining(['session-mismatch', 'hash-chain-broken', 'games-missing', 'session-not-finished']));
  });
});

describe('page time against server time', () => {
  it('counts the first page from session-start: time spent before the session existed is not the session', async () => {
    const { spans } = await import('./witness-checks.ts');
    const record: WitnessRecord = {
      sessionId: 's1',
      battery: 'reaction',
      normGroup: 'x',
      serverStart: 1_000_000,
      seeds: [],
      batches: [{ fromSeq: 0, toSeq: 2, receivedAt: 1_005_000, prevHash: '', hash: '' }],
      events: [
        { type: 'session-start', seq: 0, page: 0, t: 70_000, sessionId: 's1', schema: 1, appVersion: 'x', battery: 'reaction', lang: 'nl' },
        { type: 'interruption', seq: 1, page: 0, t: 10_000, reason: 'blur' },
        { type: 'session-end', seq: 2, page: 0, t: 74_000 },
      ],
    };
    expect(spans(record)).toEqual({ pageMs: 4000, serverMs: 5000 });
    // A log that is not this session's gets no such allowance.
    expect(spans({ ...record, sessionId: 'other' }).pageMs).toBe(64_000);
  });
});
