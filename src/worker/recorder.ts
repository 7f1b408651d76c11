import { sessionEndedAt } from '../log/ended-at.ts';
import type { LogEvent } from '../log/events.ts';
import { pairTrials, type TrialRecord } from '../log/trials.ts';
import type { GameScore } from '../runtime/game-contract.ts';
import { profileFromLog } from '../scoring/build-profile.ts';
import type { Profile } from '../scoring/profile-types.ts';
import { scoreGame, scoreSession } from '../scoring/score-game.ts';
import { memoryStore, openIdbStore, type EventStore, type SessionRow, type WitnessLink } from './event-store.ts';
import { makeBackup, parseBackup, type SessionBackup } from './backup.ts';
import { WitnessUploader, type UploadStatus } from './witness-uploader.ts';

export type StorageStatus =
  | { state: 'ok'; persistedSeq: number }
  | { state: 'memory'; detail: string }
  /**
   * `pending`: events held only in memory, of which `pendingTrials` end a completed trial; `sessionId`: the session
   * they belong to; `retryInMs`: when the worker tries again by itself.
   */
  | {
      state: 'error';
      reason: 'quota' | 'write-failed';
      detail: string;
      sessionId: string;
      pending: number;
      pendingTrials: number;
      retryInMs: number;
    };

/**
 * What importing a backup did: `restored` (the backup's log is now this device's), `kept` (this device already held
 * as much), `practice-copy` (a certified session's backup, imported as practice only), `certified-here` (this device
 * holds the certified session itself, which goes on from its own copy; the backup was not imported).
 */
export interface RestoreResult {
  sessionId: string;
  outcome: 'restored' | 'kept' | 'practice-copy' | 'certified-here';
}

/** A finished session on this device and when it ended (epoch ms). */
export interface FinishedSession {
  row: SessionRow;
  endedAt: number;
}

/** flush() could not write everything: the events are kept in memory and retried by the worker. */
export class StorageWriteError extends Error {
  constructor(readonly status: StorageStatus) {
    super(status.state === 'error' ? status.detail : 'storage');
    this.name = 'StorageWriteError';
  }
}

/** Events that close a unit of work: written at once rather than with the next batch. */
const SAFE_POINTS = new Set<LogEvent['type']>(['trial-end', 'block-end', 'game-end', 'session-end', 'interruption', 'session-start', 'page-start', 'consent']);
/** Events whose batch is written with strict durability: a completed trial or block must survive a power cut. */
const STRICT_POINTS = new Set<LogEvent['type']>(['trial-end', 'block-end', 'session-end']);
/** Longest an event waits in memory before it is written. */
export const BATCH_MS = 100;
/** Retry schedule after a failed write: doubling from the first to the last delay. */
export const RETRY_FIRST_MS = 500;
export const RETRY_MAX_MS = 8000;

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
  private uploadListeners: ((s: UploadStatus) => void)[] = [];
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryMs = RETRY_FIRST_MS;
  private drained: (() => void)[] = [];
  private rows = new Map<string, SessionRow>();
  readonly uploader: WitnessUploader;

  private constructor(
    private readonly store: EventStore,
    initial: StorageStatus,
    fetchImpl?: typeof fetch,
  ) {
    this.current = initial;
    this.uploader = new WitnessUploader({
      written: (sessionId) => this.written(sessionId),
      saveLink: (sessionId, link) => this.saveLink(sessionId, link),
      onStatus: (u) => {
        for (const l of this.uploadListeners) l(u);
      },
      ...(fetchImpl ? { fetchImpl } : {}),
    });
  }

  static async open(open: () => Promise<EventStore> = openIdbStore, fetchImpl?: typeof fetch): Promise<Recorder> {
    try {
      return new Recorder(await open(), { state: 'ok', persistedSeq: -1 }, fetchImpl);
    } catch (err) {
      return new Recorder(memoryStore(), { state: 'memory', detail: describe(err) }, fetchImpl);
    }
  }

  onUpload(listener: (s: UploadStatus) => void): void {
    this.uploadListeners.push(listener);
  }

  uploadStatus(sessionId: string): UploadStatus | null {
    return this.uploader.status(sessionId);
  }

  status(): StorageStatus {
    return this.current;
  }

  onStatus(listener: (s: StorageStatus) => void): void {
    this.listeners.push(listener);
  }

  /**
   * Opens a new session: its row, then its first events, both confirmed written before this resolves. Throws (a
   * `QuotaExceededError`, a `StorageWriteError`) when they could not be written: the shell says so before any game.
   */
  async startSession(row: SessionRow, first: readonly LogEvent[]): Promise<void> {
    await this.store.putSession(row);
    this.rows.set(row.sessionId, row);
    this.logs.set(row.sessionId, []);
    if (row.witness) this.uploader.track(row.sessionId, row.witness, false);
    this.append(row.sessionId, first);
    try {
      await this.flush();
    } catch (err) {
      // A session whose start is not stored is no session: leave no empty row to be offered for resuming.
      this.uploader.untrack(row.sessionId);
      this.logs.delete(row.sessionId);
      this.pending.delete(row.sessionId);
      this.rows.delete(row.sessionId);
      await this.store.deleteSession(row.sessionId).catch(() => undefined);
      throw err;
    }
  }

  /**
   * Stores a finished session's log as it is (automation only: browser tests show a known session's results). The
   * log must start with its session-start and be numbered without gaps, as every log the recorder writes is.
   */
  async importSession(events: readonly LogEvent[]): Promise<string> {
    const first = events[0];
    if (first?.type !== 'session-start') throw new Error('Recorder: a log starts with its session-start');
    const mode = events.find((e) => e.type === 'consent')?.mode ?? 'practice';
    await this.store.putSession({
      sessionId: first.sessionId,
      battery: first.battery,
      startedAt: Date.now(),
      finished: events.at(-1)?.type === 'session-end',
      mode,
    });
    this.logs.set(first.sessionId, []);
    this.append(first.sessionId, events);
    await this.flush();
    return first.sessionId;
  }

  /**
   * Loads a stored session so that it can continue; returns its log. A certified session starts uploading again from
   * where the server stands (asked first).
   */
  async resume(sessionId: string): Promise<LogEvent[]> {
    const events = await this.store.events(sessionId);
    this.logs.set(sessionId, events);
    const row = (await this.store.sessions()).find((r) => r.sessionId === sessionId);
    if (row) this.rows.set(sessionId, row);
    if (row?.witness && !this.uploader.tracking(sessionId)) this.uploader.track(sessionId, row.witness, true);
    return events;
  }

  /** The session's row (mode, witness link) as stored. */
  async session(sessionId: string): Promise<SessionRow | null> {
    return this.rows.get(sessionId) ?? (await this.store.sessions()).find((r) => r.sessionId === sessionId) ?? null;
  }

  /**
   * Appends events in log order. A gap or repeat in `seq` is a bug upstream, and so is anything after the
   * `session-end`: refuse both loudly (a finished session is never continued).
   */
  append(sessionId: string, events: readonly LogEvent[]): void {
    const log = this.logs.get(sessionId);
    if (!log) throw new Error(`Recorder: session ${sessionId} is not open`);
    let last = log.at(-1)?.seq ?? -1;
    let ended = log.at(-1)?.type === 'session-end';
    for (const e of events) {
      if (e.seq !== last + 1) throw new Error(`Recorder: event seq ${e.seq} after ${last} (expected ${last + 1})`);
      if (ended) throw new Error(`Recorder: session ${sessionId} has ended; event seq ${e.seq} refused`);
      last = e.seq;
      ended = e.type === 'session-end';
    }
    log.push(...events);
    const queue = this.pending.get(sessionId) ?? [];
    queue.push(...events);
    this.pending.set(sessionId, queue);
    if (events.some((e) => SAFE_POINTS.has(e.type))) this.flushInBackground();
    else this.timer ??= setTimeout(() => this.flushInBackground(), BATCH_MS);
  }

  /**
   * Writes everything pending. Resolves once it is stored; rejects with a StorageWriteError when something could not
   * be written (the events stay in memory and the worker retries them by itself, with backoff).
   */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const attempt = this.writing.then(() => this.writePending());
    this.writing = attempt.then(() => undefined);
    return attempt.then((ok) => {
      if (!ok) throw new StorageWriteError(this.current);
    });
  }

  /** Events held in memory only (not yet confirmed written), over all sessions. */
  pendingCount(): number {
    let n = 0;
    for (const q of this.pending.values()) n += q.length;
    return n;
  }

  /** Resolves once nothing is pending (after the worker's own retries, however long they take). */
  whenWritten(): Promise<void> {
    if (this.pendingCount() === 0) return Promise.resolve();
    return new Promise((resolve) => this.drained.push(resolve));
  }

  private flushInBackground(): void {
    this.flush().catch(() => undefined); // reported through the status; retried on the worker's schedule
  }

  private async writePending(): Promise<boolean> {
    let ok = true;
    for (const [sessionId, queue] of this.pending) {
      if (queue.length === 0) continue;
      const batch = queue.slice();
      try {
        await this.store.append(sessionId, batch, batch.some((e) => STRICT_POINTS.has(e.type)) ? 'strict' : 'relaxed');
        queue.splice(0, batch.length);
        // Durable here first, then to the server (certified sessions): the same batch, in the same order.
        this.uploader.enqueue(sessionId, batch);
      } catch (err) {
        ok = false;
        const quota = err instanceof DOMException && err.name === 'QuotaExceededError';
        this.setStatus({
          state: 'error',
          reason: quota ? 'quota' : 'write-failed',
          detail: describe(err),
          sessionId,
          pending: queue.length,
          pendingTrials: queue.filter((e) => e.type === 'trial-end' && e.reason !== 'interrupted').length,
          retryInMs: this.retryMs,
        });
      }
    }
    if (ok) {
      this.retryMs = RETRY_FIRST_MS;
      if (this.retryTimer) clearTimeout(this.retryTimer);
      this.retryTimer = null;
      if (this.current.state !== 'memory') this.setStatus({ state: 'ok', persistedSeq: this.lastWrittenSeq() });
      for (const resolve of this.drained.splice(0)) resolve();
    } else {
      this.scheduleRetry();
    }
    return ok;
  }

  /** The worker retries a failed write by itself: a backlog is written when space returns, without a new event. */
  private scheduleRetry(): void {
    if (this.retryTimer) return;
    const delay = this.retryMs;
    this.retryMs = Math.min(RETRY_MAX_MS, this.retryMs * 2);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.flushInBackground();
    }, delay);
  }

  private lastWrittenSeq(): number {
    let seq = -1;
    for (const [sessionId, log] of this.logs) if ((this.pending.get(sessionId)?.length ?? 0) === 0) seq = Math.max(seq, log.at(-1)?.seq ?? -1);
    return seq;
  }

  /** The session's events confirmed written to the store (the in-memory log minus what is pending). */
  written(sessionId: string): LogEvent[] {
    const log = this.logs.get(sessionId) ?? [];
    const pending = this.pending.get(sessionId)?.length ?? 0;
    return log.slice(0, log.length - pending);
  }

  /** How many of the session's events the store holds, read back from it (never what was meant to be written). */
  storedCount(sessionId: string): Promise<number> {
    return this.store.count(sessionId);
  }

  private async saveLink(sessionId: string, link: WitnessLink): Promise<void> {
    const row = await this.session(sessionId);
    if (!row) return;
    const next = { ...row, witness: link };
    this.rows.set(sessionId, next);
    await this.store.putSession(next);
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

  /** Stored sessions, newest first; `finished` is read from each log (its last event is `session-end`). */
  async sessions(): Promise<SessionRow[]> {
    const rows = await this.store.sessions();
    const withLast = await Promise.all(rows.map(async (r) => ({ row: r, last: await this.store.lastEvent(r.sessionId) })));
    // A row without events is a start that was never stored (startSession failed): nothing to resume or show.
    return withLast
      .filter(({ last }) => last !== undefined)
      .map(({ row, last }) => ({ ...row, finished: last?.type === 'session-end' }))
      .sort((a, b) => b.startedAt - a.startedAt);
  }

  /**
   * Finished sessions on this device with when each ended (`sessionEndedAt`, read from the stored log; the row's start
   * time where the log cannot say), for the welcome screen's "your results" entry. Deleted sessions are gone from the
   * store, so they are never listed. Unsorted: the shell orders them (src/shell/past-results.ts).
   */
  async finishedSessions(): Promise<FinishedSession[]> {
    const finished = (await this.sessions()).filter((r) => r.finished);
    return Promise.all(finished.map(async (row) => ({ row, endedAt: sessionEndedAt(await this.store.events(row.sessionId)) ?? row.startedAt })));
  }

  /** The emergency copy: the row and every event logged, including those not yet written here. */
  async backup(sessionId: string): Promise<SessionBackup> {
    const row = await this.session(sessionId);
    if (!row) throw new Error(`Recorder: no session ${sessionId}`);
    const events = this.logs.get(sessionId) ?? (await this.store.events(sessionId));
    return makeBackup(row, events);
  }

  /**
   * Imports a backup file's text (validated first) so that its session can be resumed. A longer copy already on this
   * device wins (nothing is overwritten with less). A backup of a certified session becomes a practice-only copy
   * (see src/worker/backup.ts), except where this device still holds that certified session with its server link:
   * then the device's own copy goes on, certified, and the backup is not imported (the answers only it holds were
   * never uploaded, so the server cannot certify them).
   */
  async restore(text: string): Promise<RestoreResult> {
    const { row, events } = parseBackup(text);
    const sessionId = row.sessionId;
    const existing = (await this.store.sessions()).find((r) => r.sessionId === sessionId);
    if (existing?.witness) return { sessionId, outcome: 'certified-here' };
    if ((await this.store.count(sessionId)) >= events.length) return { sessionId, outcome: 'kept' };
    await this.store.putSession(row);
    await this.store.append(sessionId, events, 'strict');
    this.logs.delete(sessionId);
    this.pending.delete(sessionId);
    this.rows.set(sessionId, row);
    return { sessionId, outcome: row.copyOf === 'certified' ? 'practice-copy' : 'restored' };
  }

  /** The session's log as the store holds it, read back without opening the session (the resume screen's summary). */
  storedEvents(sessionId: string): Promise<LogEvent[]> {
    return this.store.events(sessionId);
  }

  /** Updates the listing hint (see SessionRow.finished); the log stays what decides. */
  async markFinished(sessionId: string): Promise<void> {
    const row = await this.session(sessionId);
    if (row) await this.store.putSession({ ...row, finished: true });
  }

  async deleteSession(sessionId: string): Promise<void> {
    await this.flush().catch(() => undefined); // deleting: what could not be written goes anyway
    this.uploader.untrack(sessionId);
    this.logs.delete(sessionId);
    this.pending.delete(sessionId);
    this.rows.delete(sessionId);
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
