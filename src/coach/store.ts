/**
 * The coach's records in this browser's IndexedDB (idb). Nothing goes to a server. When the coach sets a passphrase,
 * every record is sealed (seal.ts) and readable only after unlocking; locking forgets the key.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { deriveKey, newSalt, PBKDF2_ITERATIONS, seal, unseal, type Sealed } from './seal.ts';
import type { CandidateRecord } from './types.ts';

export const COACH_DB = 'talentscan-coach';
const CHECK = 'talentscan-coach-check';

interface Row {
  id: string;
  record?: CandidateRecord;
  sealed?: Sealed;
}
interface LockMeta {
  salt: string;
  iterations: number;
  check: Sealed;
}
interface CoachDb extends DBSchema {
  records: { key: string; value: Row };
  meta: { key: string; value: LockMeta };
}

export class LockedError extends Error {
  constructor() {
    super('The workspace is locked.');
  }
}

export class CoachStore {
  private key: CryptoKey | undefined;
  private constructor(
    private readonly db: IDBPDatabase<CoachDb>,
    private lockMeta: LockMeta | undefined,
    private readonly iterations: number,
  ) {}

  static async open(name = COACH_DB, iterations = PBKDF2_ITERATIONS): Promise<CoachStore> {
    const db = await openDB<CoachDb>(name, 1, {
      upgrade(d) {
        d.createObjectStore('records', { keyPath: 'id' });
        d.createObjectStore('meta');
      },
    });
    return new CoachStore(db, await db.get('meta', 'lock'), iterations);
  }

  get encrypted(): boolean {
    return this.lockMeta !== undefined;
  }
  get locked(): boolean {
    return this.encrypted && this.key === undefined;
  }

  /** Returns false for a wrong passphrase. */
  async unlock(passphrase: string): Promise<boolean> {
    if (!this.lockMeta) return true;
    const key = await deriveKey(passphrase, this.lockMeta.salt, this.lockMeta.iterations);
    try {
      if ((await unseal<string>(key, this.lockMeta.check)) !== CHECK) return false;
    } catch {
      return false;
    }
    this.key = key;
    return true;
  }

  lock(): void {
    this.key = undefined;
  }

  /** Seals every record with a key from this passphrase (also to change it, when unlocked). */
  async setPassphrase(passphrase: string): Promise<void> {
    const records = await this.list();
    const salt = newSalt();
    const key = await deriveKey(passphrase, salt, this.iterations);
    const meta: LockMeta = { salt, iterations: this.iterations, check: await seal(key, CHECK) };
    const rows = await Promise.all(records.map(async (r): Promise<Row> => ({ id: r.id, sealed: await seal(key, r) })));
    const tx = this.db.transaction(['records', 'meta'], 'readwrite');
    await Promise.all([...rows.map((row) => tx.objectStore('records').put(row)), tx.objectStore('meta').put(meta, 'lock'), tx.done]);
    this.lockMeta = meta;
    this.key = key;
  }

  async list(): Promise<CandidateRecord[]> {
    const rows = await this.db.getAll('records');
    return Promise.all(rows.map((row) => this.open(row)));
  }

  async get(id: string): Promise<CandidateRecord | undefined> {
    const row = await this.db.get('records', id);
    return row ? this.open(row) : undefined;
  }

  async put(record: CandidateRecord): Promise<void> {
    if (this.locked) throw new LockedError();
    const row: Row = this.key ? { id: record.id, sealed: await seal(this.key, record) } : { id: record.id, record };
    await this.db.put('records', row);
  }

  async delete(id: string): Promise<void> {
    await this.db.delete('records', id);
  }

  /** Removes every record and the passphrase: the workspace is empty as on first use. */
  async deleteAll(): Promise<void> {
    const tx = this.db.transaction(['records', 'meta'], 'readwrite');
    await Promise.all([tx.objectStore('records').clear(), tx.objectStore('meta').clear(), tx.done]);
    this.lockMeta = undefined;
    this.key = undefined;
  }

  close(): void {
    this.db.close();
  }

  private async open(row: Row): Promise<CandidateRecord> {
    if (row.record) return row.record;
    if (!row.sealed) throw new Error(`Record ${row.id} is empty`);
    if (!this.key) throw new LockedError();
    return unseal<CandidateRecord>(this.key, row.sealed);
  }
}
