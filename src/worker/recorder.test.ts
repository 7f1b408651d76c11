import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { reactionDesign } from '../../games/reaction/design.ts';
import { simulateReaction, TYPICAL_PARTICIPANT } from '../../games/reaction/simulate.ts';
import type { LogEvent } from '../log/events.ts';
import { memoryStore, openIdbStore, type EventStore } from './event-store.ts';
import { Recorder } from './recorder.ts';

const row = (sessionId: string) => ({ sessionId, battery: 'standard', startedAt: 1, finished: false });
const start = (sessionId: string): LogEvent => ({
  type: 'session-start',
  seq: 0,
  page: 0,
  t: 0,
  sessionId,
  schema: 1,
  appVersion: 't',
  battery: 'standard',
  lang: 'nl',
});

const page: LogEvent = {
  type: 'page-start',
  seq: 1,
  page: 0,
  t: 1,
  timeOrigin: 1.7e12,
  crossOriginIsolated: true,
  userAgent: 't',
  viewport: { width: 1, height: 1, dpr: 1 },
  pointer: 'fine',
};

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
    expect(r2.trials('a', 'reaction').length).toBe(31);
    expect(r2.score('a', 'reaction').metrics['simple.median_rt']?.value).toBeGreaterThan(0);
  });

  it('refuses events out of order', async () => {
    const r = await Recorder.open();
    await r.startSession(row('b'), [start('b')]);
    expect(() => r.append('b', [{ ...start('b'), seq: 5 }])).toThrow(/seq 5 after 0/);
  });

  it('a session whose start cannot be written fails to start and leaves nothing to resume (fault 1)', async () => {
    const inner = memoryStore();
    const full: EventStore = { ...inner, append: async () => Promise.reject(new DOMException('full', 'QuotaExceededError')) };
    const r = await Recorder.open(async () => full);
    await expect(r.startSession(row('c'), [start('c')])).rejects.toThrow(/QuotaExceededError/);
    expect(r.status()).toMatchObject({ state: 'error', reason: 'quota' });
    expect(await r.sessions()).toEqual([]);
  });

  it('flush rejects when it did not write; the worker retries by itself until the backlog is written (faults 2, 6)', async () => {
    let failing = false;
    const inner = memoryStore();
    const flaky: EventStore = {
      ...inner,
      append: async (id, events, d) => {
        if (failing) throw new DOMException('full', 'QuotaExceededError');
        return inner.append(id, events, d);
      },
    };
    const r = await Recorder.open(async () => flaky);
    const statuses: string[] = [];
    r.onStatus((s) => statuses.push(s.state === 'error' ? `error:${s.reason}` : s.state));
    await r.startSession(row('c'), [start('c')]);
    failing = true;
    const played = shift(simulateReaction(reactionDesign(5), TYPICAL_PARTICIPANT, 1), 1).slice(0, 40);
    r.append('c', played);
    await expect(r.flush()).rejects.toThrow(/QuotaExceededError/);
    expect(r.status()).toMatchObject({ state: 'error', reason: 'quota', pending: 40 });
    expect(await r.storedCount('c')).toBe(1); // what the store holds, not what was meant to be written
    expect(r.written('c')).toHaveLength(1);
    failing = false;
    // No new event, no flush from outside: the worker's own retry writes the backlog.
    await r.whenWritten();
    expect(await r.storedCount('c')).toBe(41);
    expect(r.status()).toEqual({ state: 'ok', persistedSeq: 40 });
    expect(statuses).toContain('error:quota');
    expect(statuses.at(-1)).toBe('ok');
  });

  it('reads "finished" from the log, and refuses anything after a session-end (fault 5)', async () => {
    const store = memoryStore();
    const r = await Recorder.open(async () => store);
    await r.startSession(row('f'), [start('f')]);
    const end: LogEvent = { type: 'session-end', seq: 1, page: 0, t: 5 };
    r.append('f', [end]);
    await r.flush();
    // The row flag was never set (a crash before markFinished): the log still says finished.
    expect((await store.sessions())[0]?.finished).toBe(false);
    expect((await r.sessions())[0]?.finished).toBe(true);
    expect(() => r.append('f', [{ ...end, seq: 2 }])).toThrow(/has ended/);
  });

  it('an emergency backup holds unwritten events, and imports back after validation', async () => {
    let failing = false;
    const inner = memoryStore();
    const flaky: EventStore = {
      ...inner,
      append: async (id, ev, d) => (failing ? Promise.reject(new DOMException('x', 'UnknownError')) : inner.append(id, ev, d)),
    };
    const r = await Recorder.open(async () => flaky);
    await r.startSession(row('g'), [start('g'), page]);
    failing = true;
    const played = shift(simulateReaction(reactionDesign(5), TYPICAL_PARTICIPANT, 1), 2).slice(0, 30);
    r.append('g', played);
    await r.flush().catch(() => undefined);
    const backup = await r.backup('g');
    expect(backup.events).toHaveLength(32);
    expect(await r.storedCount('g')).toBe(2);

    const other = await Recorder.open(async () => memoryStore());
    expect(await other.restore(JSON.stringify(backup))).toEqual({ sessionId: 'g', outcome: 'restored' });
    expect(await other.resume('g')).toEqual([start('g'), page, ...played]);

    const edited = structuredClone(backup);
    edited.events.splice(5, 1);
    await expect(other.restore(JSON.stringify({ ...edited, row: { ...edited.row, sessionId: 'h' } }))).rejects.toThrow(/session/);
    await expect(Recorder.open(async () => memoryStore()).then((x) => x.restore(JSON.stringify(edited)))).rejects.toThrow(/seq/);
    await expect(other.restore('{"format":"nope"}')).rejects.toThrow(/not a Talentscan backup/);
  });

  it("a certified session's backup holds no capability token, and imports as a practice-only copy", async () => {
    const link = { token: 'secret-capability', ackSeq: 0, hash: 'h0' };
    const device = memoryStore();
    const r = await Recorder.open(
      async () => device,
      async () => new Response('{}', { status: 503 }),
    );
    const played = shift(simulateReaction(reactionDesign(5), TYPICAL_PARTICIPANT, 1), 2).slice(0, 20);
    await r.startSession({ ...row('k'), mode: 'certified', witness: link }, [start('k'), page]);
    r.append('k', played);
    await r.flush();
    const text = JSON.stringify(await r.backup('k'));
    expect(text).not.toContain('secret-capability');
    expect(JSON.parse(text).row).not.toHaveProperty('witness');

    // Another device: a practice copy, with no link to upload with.
    const other = await Recorder.open(async () => memoryStore());
    expect(await other.restore(text)).toEqual({ sessionId: 'k', outcome: 'practice-copy' });
    expect(await other.session('k')).toEqual(expect.objectContaining({ mode: 'practice', copyOf: 'certified' }));
    expect((await other.session('k'))?.witness).toBeUndefined();
    // A file made before links were left out: the token in it is ignored.
    const old = JSON.parse(text);
    old.row.witness = link;
    const third = await Recorder.open(async () => memoryStore());
    await third.restore(JSON.stringify(old));
    expect((await third.session('k'))?.witness).toBeUndefined();
    expect(third.uploadStatus('k')).toBeNull();

    // The device that holds the certified session keeps it (certified, linked) and does not import the backup.
    await device.deleteSession('k');
    await device.putSession({ ...row('k'), mode: 'certified', witness: link });
    await device.append('k', [start('k')]);
    const same = await Recorder.open(async () => device);
    expect(await same.restore(text)).toEqual({ sessionId: 'k', outcome: 'certified-here' });
    expect(await device.count('k')).toBe(1);
    expect((await same.session('k'))?.witness).toEqual(link);
  });

  it('falls back to memory, and says so, where IndexedDB cannot be opened', async () => {
    const r = await Recorder.open(() => Promise.reject(new DOMException('denied', 'InvalidStateError')));
    expect(r.status()).toEqual({ state: 'memory', detail: 'InvalidStateError: denied' });
    await r.startSession(row('d'), [start('d')]);
    expect(r.events('d')).toHaveLength(1);
  });

  it('lists the finished sessions with when each ended (read from the log), never an unfinished or a deleted one', async () => {
    const store = memoryStore();
    const r = await Recorder.open(async () => store);
    const pageOf = (timeOrigin: number): LogEvent => ({ ...page, timeOrigin });
    // Finished, but the row flag was never set (a crash before markFinished): the log decides.
    await r.startSession({ ...row('g1'), startedAt: 10 }, [start('g1'), pageOf(2e12), { type: 'session-end', seq: 2, page: 0, t: 1234 }]);
    // Unfinished: the resume screen's, never a result.
    await r.startSession({ ...row('g2'), startedAt: 20 }, [start('g2'), pageOf(3e12)]);
    // Finished, then deleted.
    await r.startSession({ ...row('g3'), startedAt: 30 }, [start('g3'), pageOf(4e12), { type: 'session-end', seq: 2, page: 0, t: 9 }]);
    await r.deleteSession('g3');
    // Finished without a page-start for its page: the row's start time stands in.
    await r.startSession({ ...row('g4'), startedAt: 40, mode: 'certified' }, [start('g4'), { type: 'session-end', seq: 1, page: 0, t: 9 }]);
    const found = await r.finishedSessions();
    expect(found.map((f) => [f.row.sessionId, f.endedAt, f.row.finished]).sort()).toEqual([
      ['g1', 2e12 + 1234, true],
      ['g4', 40, true],
    ]);
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
