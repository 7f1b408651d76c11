/**
 * The issuer's state behind a small interface: pending offers (pre-authorized codes), nonces, grants (access token →
 * what it may fetch), issued-credential records (for revocation), and the status list. Single-use values are
 * consumed with `take`, which is atomic (one event-loop turn), so a replayed code or nonce finds nothing.
 *
 * `FileStore` (the default) keeps the state in memory and appends every change to a journal in the data folder
 * before the change is acknowledged; on start it replays snapshot + journal, so a restart loses nothing. It compacts
 * the journal into a snapshot on start and every few thousand changes. One process owns the folder (a lock file
 * says which); more instances would need a shared store behind the same interface (e.g. Redis, SQL).
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type Namespace = 'offer' | 'nonce' | 'grant' | 'record' | 'issuer-state' | 'par' | 'authorization-code';

export interface IssuerStore {
  put(ns: Namespace, key: string, value: unknown, expiresAt: number): Promise<void>;
  get<T>(ns: Namespace, key: string): Promise<T | undefined>;
  /** Returns the value and removes it, atomically: the second caller gets undefined. */
  take<T>(ns: Namespace, key: string): Promise<T | undefined>;
  delete(ns: Namespace, key: string): Promise<void>;
  /** A random, never-used index into a status list of `size` entries. */
  allocateStatusIndex(size: number): Promise<number>;
  /** Marks an index revoked (irreversible). */
  revoke(idx: number): Promise<void>;
  revoked(): Promise<number[]>;
  /** Changes whenever the revoked set changes (status list cache key). */
  statusRevision(): number;
  close(): Promise<void>;
}

interface Entry {
  value: unknown;
  expiresAt: number;
}

type Change =
  | { op: 'put'; ns: Namespace; key: string; value: unknown; expiresAt: number }
  | { op: 'del'; ns: Namespace; key: string }
  | { op: 'alloc'; idx: number }
  | { op: 'revoke'; idx: number };

interface Snapshot {
  version: 1;
  entries: Record<Namespace, Record<string, Entry>>;
  allocated: number[];
  revoked: number[];
}

export class MemoryStore implements IssuerStore {
  protected readonly maps: Record<Namespace, Map<string, Entry>> = {
    offer: new Map(),
    nonce: new Map(),
    grant: new Map(),
    record: new Map(),
    'issuer-state': new Map(),
    par: new Map(),
    'authorization-code': new Map(),
  };
  protected readonly allocated = new Set<number>();
  protected readonly revokedSet = new Set<number>();
  private revision = 0;
  constructor(protected readonly now: () => number = Date.now) {}

  protected record(_change: Change): void {}

  async put(ns: Namespace, key: string, value: unknown, expiresAt: number): Promise<void> {
    this.apply({ op: 'put', ns, key, value, expiresAt });
  }
  async get<T>(ns: Namespace, key: string): Promise<T | undefined> {
    const e = this.maps[ns].get(key);
    if (!e) return undefined;
    if (e.expiresAt <= this.now()) {
      this.apply({ op: 'del', ns, key });
      return undefined;
    }
    return e.value as T;
  }
  async take<T>(ns: Namespace, key: string): Promise<T | undefined> {
    const e = this.maps[ns].get(key);
    if (!e) return undefined;
    this.apply({ op: 'del', ns, key });
    return e.expiresAt > this.now() ? (e.value as T) : undefined;
  }
  async delete(ns: Namespace, key: string): Promise<void> {
    if (this.maps[ns].has(key)) this.apply({ op: 'del', ns, key });
  }
  async allocateStatusIndex(size: number): Promise<number> {
    if (this.allocated.size >= size * 0.9) throw new Error('The status list is nearly full; configure a new list');
    for (;;) {
      const idx = crypto.getRandomValues(new Uint32Array(1))[0]! % size;
      if (!this.allocated.has(idx)) {
        this.apply({ op: 'alloc', idx });
        return idx;
      }
    }
  }
  async revoke(idx: number): Promise<void> {
    if (!this.revokedSet.has(idx)) this.apply({ op: 'revoke', idx });
  }
  async revoked(): Promise<number[]> {
    return [...this.revokedSet];
  }
  statusRevision(): number {
    return this.revision;
  }
  /** How many status entries were handed out (each one a credential issued). */
  allocatedCount(): number {
    return this.allocated.size;
  }
  async close(): Promise<void> {}

  /** Applies a change to memory and records it (the file store journals it first). */
  protected apply(change: Change, replay = false): void {
    if (!replay) this.record(change);
    switch (change.op) {
      case 'put':
        this.maps[change.ns].set(change.key, { value: change.value, expiresAt: change.expiresAt });
        break;
      case 'del':
        this.maps[change.ns].delete(change.key);
        break;
      case 'alloc':
        this.allocated.add(change.idx);
        break;
      case 'revoke':
        this.revokedSet.add(change.idx);
        this.revision++;
        break;
    }
  }

  protected snapshot(): Snapshot {
    const now = this.now();
    const entries = {} as Snapshot['entries'];
    for (const ns of Object.keys(this.maps) as Namespace[]) {
      entries[ns] = {};
      for (const [k, e] of this.maps[ns]) if (e.expiresAt > now) entries[ns][k] = e;
    }
    return { version: 1, entries, allocated: [...this.allocated], revoked: [...this.revokedSet] };
  }
}

export class FileStore extends MemoryStore {
  private readonly snapshotFile: string;
  private readonly journalFile: string;
  private readonly lockFile: string;
  private changes = 0;
  private closed = false;

  constructor(readonly dir: string, now: () => number = Date.now) {
    super(now);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    this.snapshotFile = join(dir, 'issuer-state.json');
    this.journalFile = join(dir, 'issuer-state.journal');
    this.lockFile = join(dir, 'issuer-state.lock');
    this.lock();
    this.load();
    this.compact();
  }

  protected override record(change: Change): void {
    if (this.closed) throw new Error('The issuer store is closed');
    appendFileSync(this.journalFile, JSON.stringify(change) + '\n', { mode: 0o600 });
    if (++this.changes >= 5000) queueMicrotask(() => this.compact());
  }

  override async close(): Promise<void> {
    if (this.closed) return;
    this.compact();
    this.closed = true;
    rmSync(this.lockFile, { force: true });
  }

  private lock(): void {
    if (existsSync(this.lockFile)) {
      const pid = Number(readFileSync(this.lockFile, 'utf8'));
      let alive = false;
      if (pid && pid !== process.pid) {
        try {
          process.kill(pid, 0);
          alive = true;
        } catch {
          alive = false;
        }
      }
      if (alive) throw new Error(`The issuer data folder ${this.dir} is in use by process ${pid}`);
    }
    writeFileSync(this.lockFile, String(process.pid), { mode: 0o600 });
  }

  private load(): void {
    if (existsSync(this.snapshotFile)) {
      const snap = JSON.parse(readFileSync(this.snapshotFile, 'utf8')) as Snapshot;
      for (const ns of Object.keys(snap.entries) as Namespace[]) {
        for (const [key, e] of Object.entries(snap.entries[ns] ?? {})) this.apply({ op: 'put', ns, key, value: e.value, expiresAt: e.expiresAt }, true);
      }
      for (const idx of snap.allocated) this.apply({ op: 'alloc', idx }, true);
      for (const idx of snap.revoked) this.apply({ op: 'revoke', idx }, true);
    }
    if (existsSync(this.journalFile)) {
      for (const line of readFileSync(this.journalFile, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        try {
          this.apply(JSON.parse(line) as Change, true);
        } catch {
          // A torn last line (crash mid-write) is the only way to get here; everything before it is kept.
        }
      }
    }
  }

  /** Writes a snapshot (atomically: temp file + rename) and empties the journal. */
  private compact(): void {
    if (this.closed) return;
    const tmp = `${this.snapshotFile}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.snapshot()), { mode: 0o600 });
    renameSync(tmp, this.snapshotFile);
    writeFileSync(this.journalFile, '', { mode: 0o600 });
    this.changes = 0;
  }
}
