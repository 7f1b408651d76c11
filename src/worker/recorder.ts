import type { LogEvent } from '../log/events.ts';
import { pairTrials, type TrialRecord } from '../log/trials.ts';
import type { GameScore } from '../runtime/game-contract.ts';
import { profileFromLog } from '../scoring/build-profile.ts';
import type { Profile } from '../scoring/profile-types.ts';
import { scoreGame, scoreSession } from '../scoring/score-game.ts';
import { memoryStore, openIdbStore, type EventStore, type SessionRow } from './event-store.ts';

export type StorageStatus =
  | { state: 'ok'; persistedSeq: number }
  | { state: 'memory'; detail: string }
  | { state: 'error'; reason: 'quota' | 'write-failed'; detail: string; pending: number };

/** Events that close a unit of work: written at once rather than with the next batch. */
const SAFE_POINTS = new Set<LogEvent['type']>(['trial-end', 'block-end', 'game-end', 'session-end', 'interruption', 'session-start', 'page-start']);
/** Longest an event waits in memory before it is written. */
export const BATCH_MS = 100;

/**
 * The recorder: appends a session's events to the durable log in small batches, keeps the in-memory copy that
 * pairing and scoring read, and reports storage trouble instead of losing events. It stamps no time of its own.
 */
export class Recorder {
  private logs = new Map<string, LogEvent[]>();
  private pending = new Map<string, LogEvent[]>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing: Promise<void> = Promise.resolve();
  private current: StorageStatus;
  private listeners: ((s: StorageStatus) => void)[] = [];

  private constructor(private readonly store: EventStore, initial: StorageStatus) {
    this.current = initial;
  }

  static async open(open: () => Promise<EventStore> = openIdbStore): Promise<Recorder> {
    try {
      return new Recorder(await open(), { state: 'ok', persistedSeq: -1 });
    } catch (err) {
      return new Recorder(memoryStore(), { state: 'memory', detail: describe(err) });
    }
  }

  status(): StorageStatus {
    return this.current;
  }

  onStatus(listener: (s: StorageStatus) => void): void {
    this.listeners.push(listener);
  }

  async startSession(row: SessionRow, first: readonly LogEvent[]): Promise<void> {
    this.logs.set(row.sessionId, []);
    await this.store.putSession(row);
    this.append(row.sessionId, first);
    await this.flush();
  }

  /**
   * Stores a finished session's log as it is (automation only: browser tests show a known session's results). The
   * log must start with its session-start and be numbered without gaps, as every log the recorder writes is.
   */
  async importSession(events: readonly LogEvent[]): Promise<string> {
    const first = events[0];
    if (!first || first.type !== 'session-start') throw new Error('Recorder: a log starts with its session-start');
    this.logs.set(first.sessionId, []);
    await this.store.putSession({ sessionId: first.sessionId, battery: first.battery, startedAt: Date.now(), finished: events.at(-1)?.type === 'session-end' });
    this.append(first.sessionId, events);
    await this.flush();
    return first.sessionId;
  }

  /** Loads a stored session so that it can continue; returns its log. */
  async resume(sessionId: string): Promise<LogEvent[]> {
    const events = await this.store.events(sessionId);
    this.logs.set(sessionId, events);
    return events;
  }

  /** Appends events in log order. A gap or repeat in `seq` is a bug upstream: refuse it loudly. */
  append(sessionId: string, events: readonly LogEvent[]): void {
    const log = this.logs.get(sessionId);
    if (!log) throw new Error(`Recorder: session ${sessionId} is not open`);
    let last = log.at(-1)?.seq ?? -1;
    for (const e of events) {
      if (e.seq !== last + 1) throw new Error(`Recorder: event seq ${e.seq} after ${last} (expected ${last + 1})`);
      last = e.seq;
    }
    log.push(...events);
    const queue = this.pending.get(sessionId) ?? [];
    queue.push(...events);
    this.pending.set(sessionId, queue);
    if (events.some((e) => SAFE_POINTS.has(e.type))) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), BATCH_MS);
  }

  /** Writes everything pending. Resolves once it is stored (or the failure is reported and kept for retry). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.writing = this.writing.then(() => this.writePending());
    return this.writing;
  }

  private async writePending(): Promise<void> {
    for (const [sessionId, queue] of this.pending) {
      if (queue.length === 0) continue;
      const batch = queue.slice();
      try {
        await this.store.append(sessionId, batch);
        queue.splice(0, batch.length);
        if (this.current.state !== 'memory') this.setStatus({ state: 'ok', persistedSeq: batch.at(-1)?.seq ?? -1 });
      } catch (err) {
        // Keep the batch: the next flush retries it. The shell tells the candidate.
        const quota = err instanceof DOMException && err.name === 'QuotaExceededError';
        this.setStatus({ state: 'error', reason: quota ? 'quota' : 'write-failed', detail: describe(err), pending: queue.length });
      }
    }
  }

  events(sessionId: string): LogEvent[] {
    return this.logs.get(sessionId) ?? [];
  }

  trials(sessionId: string, game?: string): TrialRecord[] {
    return pairTrials(this.events(sessionId), game);
  }

  score(sessionId: string, game: string): GameScore {
    return scoreGame(this.events(sessionId), game);
  }

  scoreAll(sessionId: string): GameScore[] {
    return scoreSession(this.events(sessionId));
  }

  /** The profile against a norm group: the same pure function the issuer runs on the same log. */
  profile(sessionId: string, normGroup?: string): Profile {
    return profileFromLog(this.events(sessionId), normGroup ? { normGroup } : {});
  }

  async sessions(): Promise<SessionRow[]> {
    return (await this.store.sessions()).sort((a, b) => b.startedAt - a.startedAt);
  }

  async markFinished(sessionId: string): Promise<void> {
    const row = (await this.store.sessions()).find((r) => r.sessionId === sessionId);
    if (row) await this.store.putSession({ ...row, finished: true });
  }

  async deleteSession(sessionId: string): Promise<void> {
    await this.flush();
    this.logs.delete(sessionId);
    this.pending.delete(sessionId);
    await this.store.deleteSession(sessionId);
  }

  private setStatus(s: StorageStatus): void {
    this.current = s;
    for (const l of this.listeners) l(s);
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
