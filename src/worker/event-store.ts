import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { LogEvent, SessionStartEvent } from '../log/events.ts';

export interface SessionRow {
  sessionId: string;
  battery: string;
  /** Epoch ms of the session start, for listing only (never scored). */
  startedAt: number;
  finished: boolean;
}

/** Where the log lives. IndexedDB in the browser; memory where IndexedDB is refused (the shell then warns). */
export interface EventStore {
  readonly durable: boolean;
  putSession(row: SessionRow): Promise<void>;
  sessions(): Promise<SessionRow[]>;
  append(sessionId: string, events: readonly LogEvent[]): Promise<void>;
  events(sessionId: string): Promise<LogEvent[]>;
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
    async append(sessionId, events) {
      const tx = db.transaction('events', 'readwrite');
      // put, not add: a batch retried after a failed commit must not fail on the rows that did land.
      await Promise.all([...events.map((event) => tx.store.put({ sessionId, seq: event.seq, event })), tx.done]);
    },
    async events(sessionId) {
      const range = IDBKeyRange.bound([sessionId, -Infinity], [sessionId, Infinity]);
      return (await db.getAll('events', range)).map((row) => row.event);
    },
    async deleteSession(sessionId) {
      const tx = db.transaction(['events', 'sessions'], 'readwrite');
      await Promise.all([
        tx.objectStore('events').delete(IDBKeyRange.bound([sessionId, -Infinity], [sessionId, Infinity])),
        tx.objectStore('sessions').delete(sessionId),
        tx.done,
      ]);
    },
  };
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
    async deleteSession(sessionId) {
      rows.delete(sessionId);
      logs.delete(sessionId);
    },
  };
}

export function sessionRowOf(start: SessionStartEvent, startedAt: number): SessionRow {
  return { sessionId: start.sessionId, battery: start.battery, startedAt, finished: false };
}
