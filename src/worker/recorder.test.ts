import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { reactionDesign } from '../../games/reaction/design.ts';
import { simulateReaction, TYPICAL_PARTICIPANT } from '../../games/reaction/simulate.ts';
import type { LogEvent } from '../log/events.ts';
import { memoryStore, openIdbStore, type EventStore } from './event-store.ts';
import { Recorder } from './recorder.ts';

const row = (sessionId: string) => ({ sessionId, battery: 'standard', startedAt: 1, finished: false });
const start = (sessionId: string): LogEvent => ({ type: 'session-start', seq: 0, page: 0, t: 0, sessionId, schema: 1, appVersion: 't', battery: 'standard', lang: 'nl' });

/** Moves a simulated play behind the session start (responses name their input by seq, so those move too). */
function shift(events: LogEvent[], by: number): LogEvent[] {
  return events.map((e) => (e.type === 'response' ? { ...e, seq: e.seq + by, input: e.input + by } : { ...e, seq: e.seq + by }) as LogEvent);
}

describe('Recorder with IndexedDB', () => {
  it('persists every event and a new recorder (a reload) reads the same log back', async () => {
    const r1 = await Recorder.open();
    await r1.startSession(row('a'), [start('a')]);
    const played = shift(simulateReaction(reactionDesign(5), TYPICAL_PARTICIPANT, 1), 1);
    r1.append('a', played.slice(0, 100));
    r1.append('a', played.slice(100));
    await r1.flush();

    const r2 = await Recorder.open();
    const back = await r2.resume('a');
    expect(back).toEqual([start('a'), ...played]);
    expect(r2.trials('a', 'reaction').length).toBe(39);
    expect(r2.score('a', 'reaction').metrics['simple.median_rt']?.value).toBeGreaterThan(0);
  });

  it('refuses events out of order', async () => {
    const r = await Recorder.open();
    await r.startSession(row('b'), [start('b')]);
    expect(() => r.append('b', [{ ...start('b'), seq: 5 }])).toThrow(/seq 5 after 0/);
  });

  it('keeps events and reports the failure when a write fails, and writes them on the next flush', async () => {
    let failing = true;
    const inner = memoryStore();
    const flaky: EventStore = {
      ...inner,
      durable: true,
      append: async (id, events) => {
        if (failing) throw new DOMException('full', 'QuotaExceededError');
        return inner.append(id, events);
      },
    };
    const r = await Recorder.open(async () => flaky);
    const statuses: string[] = [];
    r.onStatus((s) => statuses.push(s.state === 'error' ? `error:${s.reason}` : s.state));
    await r.startSession(row('c'), [start('c')]);
    expect(r.status()).toMatchObject({ state: 'error', reason: 'quota', pending: 1 });
    failing = false;
    await r.flush();
    expect(r.status()).toEqual({ state: 'ok', persistedSeq: 0 });
    expect(await inner.events('c')).toEqual([start('c')]);
    expect(statuses[0]).toBe('error:quota');
    expect(statuses.at(-1)).toBe('ok');
  });

  it('falls back to memory, and says so, where IndexedDB cannot be opened', async () => {
    const r = await Recorder.open(() => Promise.reject(new DOMException('denied', 'InvalidStateError')));
    expect(r.status()).toEqual({ state: 'memory', detail: 'InvalidStateError: denied' });
    await r.startSession(row('d'), [start('d')]);
    expect(r.events('d')).toHaveLength(1);
  });

  it('deletes a session on request', async () => {
    const store = await openIdbStore();
    const r = await Recorder.open(async () => store);
    await r.startSession(row('e'), [start('e')]);
    await r.deleteSession('e');
    expect(await store.events('e')).toEqual([]);
    expect((await store.sessions()).find((s) => s.sessionId === 'e')).toBeUndefined();
  });
});
