import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { LogEvent, SessionMode, SessionStartEvent } from '../log/events.ts';

/** A certified session's link to the server: the capability token and how far the server has acknowledged the log. */
export interface WitnessLink {
  token: string;
  /** Highest seq the server acknowledged (-1: nothing yet). */
  ackSeq: number;
  /** Chain hash at `ackSeq` (the genesis hash before the first batch). */
  hash: string;
}

export interface SessionRow {
  sessionId: string;
  battery: string;
  /** Epoch ms of the session start, for listing only (never scored). */
  startedAt: number;
  /**
   * A hint for listing only: whether a session is finished is read from its log (`session-end`), because a crash
   * between the last event and this flag leaves it stale.
   */
  finished: boolean;
  /** Absent in rows written before the two modes existed: practice. */
  mode?: SessionMode;
  /** Certified sessions only. */
  witness?: WitnessLink;
  /**
   * Set on a session restored from a backup of a certified session: a practice-only copy. A backup never carries the
   * server link (see src/worker/backup.ts), so this copy uploads nothing and yields no credential.
   */
  copyOf?: 'certified';
}

/** Which writes must reach the disk before they count as done: the ends of trials and blocks (see openIdbStore). */
export type Durability = 'strict' | 'relaxed';

/** Where the log lives. IndexedDB in the browser; memory where IndexedDB is refused (the shell then warns). */
export interface EventStore {
  readonly durable: boolean;
  putSession(row: SessionRow): Promise<void>;
  sessions(): Promise<SessionRow[]>;
  append(sessionId: string, events: readonly LogEvent[], durability?: Durability): Promise<void>;
  events(sessionId: string): Promise<LogEvent[]>;
  /** Events stored for the session, read back from the store. */
  count(sessionId: string): Promise<number>;
  /** The session's last stored event. */
  lastEvent(sessionId: string): Promise<LogEvent | undefined>;
  deleteSession(sessionId: string): Promise<void>;
}

interface TalentscanDB extends DBSchema {
  sessions: { key: string; value: SessionRow };
  events: { key: [string, number]; value: { sessionId: string; seq: number; event: LogEvent } };
}

export const DB_NAME = 'talentscan';

export async function openIdbStore(): Promise<EventStore> {
  const db: IDBPDatabase<TalentscanDB> = await openDB<TalentscanDB>(DB_NAME, 1, {
    upgrade(d) {
      d.createObjectStore('sessions', { keyPath: 'sessionId' });
      d.createObjectStore('events', { keyPath: ['sessionId', 'seq'] });
    },
  });
  return {
    durable: true,
    async putSession(row) {
      await db.put('sessions', row);
    },
    sessions: () => db.getAll('sessions'),
    async append(sessionId, events, durability = 'relaxed') {
      // 'strict' waits until the OS has flushed the write (where the browser supports the hint): used for the
      // batches that close a trial or block, so a power cut cannot take a completed trial the candidate saw end.
      const tx = db.transaction('events', 'readwrite', { durability });
      // put, not add: a batch retried after a failed commit must not fail on the rows that did land.
      await Promise.all([...events.map((event) => tx.store.put({ sessionId, seq: event.seq, event })), tx.done]);
    },
    async events(sessionId) {
      return (await db.getAll('events', sessionRange(sessionId))).map((row) => row.event);
    },
    count: (sessionId) => db.count('events', sessionRange(sessionId)),
    async lastEvent(sessionId) {
      const cursor = await db.transaction('events').store.openCursor(sessionRange(sessionId), 'prev');
      return cursor?.value.event;
    },
    async deleteSession(sessionId) {
      const tx = db.transaction(['events', 'sessions'], 'readwrite');
      await Promise.all([tx.objectStore('events').delete(sessionRange(sessionId)), tx.objectStore('sessions').delete(sessionId), tx.done]);
    },
  };
}

function sessionRange(sessionId: string): IDBKeyRange {
  return IDBKeyRange.bound([sessionId, -Infinity], [sessionId, Infinity]);
}

export function memoryStore(): EventStore {
  const rows = new Map<string, SessionRow>();
  const logs = new Map<string, Map<number, LogEvent>>();
  return {
    durable: false,
    async putSession(row) {
      rows.set(row.sessionId, { ...row });
    },
    async sessions() {
      return [...rows.values()];
    },
    async append(sessionId, events) {
      const log = logs.get(sessionId) ?? new Map<number, LogEvent>();
      for (const e of events) log.set(e.seq, e);
      logs.set(sessionId, log);
    },
    async events(sessionId) {
      return [...(logs.get(sessionId)?.values() ?? [])].sort((a, b) => a.seq - b.seq);
    },
    async count(sessionId) {
      return logs.get(sessionId)?.size ?? 0;
    },
    async lastEvent(sessionId) {
      return [...(logs.get(sessionId)?.values() ?? [])].sort((a, b) => a.seq - b.seq).at(-1);
    },
    async deleteSession(sessionId) {
      rows.delete(sessionId);
      logs.delete(sessionId);
    },
  };
}

export function sessionRowOf(start: SessionStartEvent, startedAt: number, mode: SessionMode = 'practice'): SessionRow {
  return { sessionId: start.sessionId, battery: start.battery, startedAt, finished: false, mode };
}

/**
 * Browser tests only (automation builds): a full disk at the IndexedDB boundary, switched on and off from the test,
 * because Chromium's quota override does not reach an off-the-record profile's IndexedDB. Every write then fails
 * as the browser fails it on a full device (`QuotaExceededError`); reads still work.
 */
export function faultableStore(store: EventStore): { store: EventStore; setFull(full: boolean): void } {
  let full = false;
  const refuse = () => Promise.reject(new DOMException('The quota has been exceeded (test fault).', 'QuotaExceededError'));
  return {
    setFull: (f) => void (full = f),
    store: {
      ...store,
      durable: store.durable,
      putSession: (row) => (full ? refuse() : store.putSession(row)),
      append: (id, events, durability) => (full ? refuse() : store.append(id, events, durability)),
    },
  };
}
