import type { LogEvent } from '../log/events.ts';
import { chainHash } from '../log/witness.ts';
import { uploadBatch, witnessStatus, WitnessHttpError } from './witness-api.ts';
import type { WitnessLink } from './event-store.ts';

export interface UploadStatus {
  sessionId: string;
  /** synced: the server holds everything written here; waiting: offline or the server is away, a retry is scheduled. */
  state: 'synced' | 'uploading' | 'waiting' | 'refused';
  /** Highest seq the server acknowledged. */
  ackSeq: number;
  /** Events written on this device that the server does not hold yet. */
  pending: number;
  /** Why the server refused (its error code and message), or why the last try failed. */
  detail?: string;
}

export interface UploaderDeps {
  /** The session's events already written to the local store, in order (only these are uploaded). */
  written(sessionId: string): readonly LogEvent[];
  /** Keeps the acknowledged chain head with the session row, so a reload resumes from it. */
  saveLink(sessionId: string, link: WitnessLink): Promise<void>;
  onStatus(status: UploadStatus): void;
  fetchImpl?: typeof fetch;
}

/** Largest batch sent in one request when a backlog is uploaded after a reload or an offline stretch. */
export const MAX_BATCH_EVENTS = 500;
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;

interface Track {
  link: WitnessLink;
  /** Batches written locally, not yet acknowledged, in order. */
  queue: LogEvent[][];
  busy: boolean;
  timer: ReturnType<typeof setTimeout> | null;
  retryMs: number;
  refused: boolean;
  /** The server's position must be asked before the next upload (after a reload or a refused chain). */
  resync: boolean;
}

/**
 * Streams certified sessions' logs to the server (the witness protocol, src/log/witness.ts): the same batches, in the
 * same order, as the recorder wrote them to IndexedDB, each with the chain hash of the log so far. Offline or a server
 * away is not an error: the batches wait and the uploader retries with backoff, and at once when the browser says it
 * is online again. A refusal by the server (4xx) stops the session's uploads and is reported, never retried blindly.
 */
export class WitnessUploader {
  private tracks = new Map<string, Track>();

  constructor(private readonly deps: UploaderDeps) {}

  /** Starts uploading a certified session. `resync`: ask the server where it stands first (a resumed page). */
  track(sessionId: string, link: WitnessLink, resync: boolean): void {
    this.tracks.set(sessionId, { link: { ...link }, queue: [], busy: false, timer: null, retryMs: FIRST_RETRY_MS, refused: false, resync });
    void this.pump(sessionId);
  }

  untrack(sessionId: string): void {
    const t = this.tracks.get(sessionId);
    if (t?.timer) clearTimeout(t.timer);
    this.tracks.delete(sessionId);
  }

  tracking(sessionId: string): boolean {
    return this.tracks.has(sessionId);
  }

  /** A batch the recorder has just written to the local store. */
  enqueue(sessionId: string, batch: readonly LogEvent[]): void {
    const t = this.tracks.get(sessionId);
    if (!t || batch.length === 0) return;
    t.queue.push(batch.slice());
    void this.pump(sessionId);
  }

  /** The connection is back (the worker's `online` event): try every waiting session now. */
  retryNow(): void {
    for (const [sessionId, t] of this.tracks) {
      if (t.refused) continue;
      if (t.timer) clearTimeout(t.timer);
      t.timer = null;
      t.retryMs = FIRST_RETRY_MS;
      void this.pump(sessionId);
    }
  }

  status(sessionId: string): UploadStatus | null {
    const t = this.tracks.get(sessionId);
    if (!t) return null;
    return this.describe(sessionId, t, t.refused ? 'refused' : t.busy ? 'uploading' : t.queue.length || t.resync ? 'waiting' : 'synced');
  }

  private async pump(sessionId: string): Promise<void> {
    const t = this.tracks.get(sessionId);
    if (!t || t.busy || t.refused || t.timer) return;
    t.busy = true;
    try {
      if (t.resync) await this.resync(sessionId, t);
      while (t.queue.length > 0 && this.tracks.get(sessionId) === t) {
        const batch = (t.queue[0] ?? []).filter((e) => e.seq > t.link.ackSeq);
        if (batch.length === 0) {
          t.queue.shift();
          continue;
        }
        if (batch[0]?.seq !== t.link.ackSeq + 1) {
          // A hole between what the server holds and this batch (a batch lost on the way): rebuild from the store.
          t.resync = true;
          await this.resync(sessionId, t);
          continue;
        }
        this.deps.onStatus(this.describe(sessionId, t, 'uploading'));
        const hash = await chainHash(t.link.hash, batch);
        const answer = await uploadBatch(sessionId, t.link.token, { fromSeq: batch[0].seq, events: batch, prevHash: t.link.hash, hash }, this.deps.fetchImpl);
        const last = batch.at(-1)?.seq ?? t.link.ackSeq;
        if (answer.ackSeq !== last || answer.hash !== hash) {
          throw new WitnessHttpError(409, 'chain-mismatch', `The server acknowledged seq ${answer.ackSeq} with another hash than this device computed.`);
        }
        t.link = { ...t.link, ackSeq: last, hash };
        t.queue.shift();
        t.retryMs = FIRST_RETRY_MS;
        await this.deps.saveLink(sessionId, t.link).catch(() => undefined); // the server's status is the truth on resume
      }
      this.deps.onStatus(this.describe(sessionId, t, 'synced'));
    } catch (err) {
      this.fail(sessionId, t, err);
    } finally {
      t.busy = false;
    }
  }

  /** Asks the server where its copy stands and queues everything written here after it. */
  private async resync(sessionId: string, t: Track): Promise<void> {
    const server = await witnessStatus(sessionId, t.link.token, this.deps.fetchImpl);
    const written = this.deps.written(sessionId);
    const lastHere = written.at(-1)?.seq ?? -1;
    if (server.ackSeq > lastHere) throw new WitnessHttpError(409, 'ahead', `The server holds seq ${server.ackSeq}, this device only ${lastHere}.`);
    t.link = { ...t.link, ackSeq: server.ackSeq, hash: server.hash };
    const rest = written.filter((e) => e.seq > server.ackSeq);
    t.queue = [];
    for (let i = 0; i < rest.length; i += MAX_BATCH_EVENTS) t.queue.push(rest.slice(i, i + MAX_BATCH_EVENTS));
    t.resync = false;
    await this.deps.saveLink(sessionId, t.link).catch(() => undefined);
  }

  private fail(sessionId: string, t: Track, err: unknown): void {
    if (this.tracks.get(sessionId) !== t) return; // untracked meanwhile (session deleted)
    const http = err instanceof WitnessHttpError ? err : new WitnessHttpError(0, 'error', String(err));
    const detail = `${http.code}: ${http.message}`;
    if (http.status === 409 && !t.resync && http.code !== 'ahead') {
      // The server and this device disagree on the chain: ask the server once where it stands, then go on.
      t.resync = true;
    } else if (!http.transient) {
      t.refused = true;
      this.deps.onStatus(this.describe(sessionId, t, 'refused', detail));
      return;
    }
    this.deps.onStatus(this.describe(sessionId, t, 'waiting', detail));
    t.timer = setTimeout(() => {
      t.timer = null;
      void this.pump(sessionId);
    }, t.retryMs);
    t.retryMs = Math.min(MAX_RETRY_MS, t.retryMs * 2);
  }

  private describe(sessionId: string, t: Track, state: UploadStatus['state'], detail?: string): UploadStatus {
    const pending = t.queue.reduce((n, b) => n + b.filter((e) => e.seq > t.link.ackSeq).length, 0);
    return { sessionId, state, ackSeq: t.link.ackSeq, pending, ...(detail ? { detail } : {}) };
  }
}
