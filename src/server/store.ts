/**
 * The issuer's state in SQL (db/): pending offers (pre-authorized codes), nonces, grants (access token → what it may
 * fetch), issued-credential records (for revocation) and the status list.
 *
 * Single-use values are consumed with `take`: one `DELETE … RETURNING` statement, which PostgreSQL runs atomically,
 * so of two requests (or two server instances) redeeming the same code or nonce exactly one gets it. A grant's one credential per
 * configuration is claimed the same way (`claim`: insert unless held). Status indexes are
 * claimed with `INSERT … ON CONFLICT DO NOTHING`, so two instances never hand out the same entry. Every change is
 * committed before the caller acknowledges anything.
 */
import { sql } from 'kysely';
import type { Db } from './db/connect.ts';

export type Namespace = 'offer' | 'nonce' | 'grant' | 'grant-use' | 'issuer-state' | 'par' | 'authorization-code';

/** What revocation needs to know about an issued credential. */
export interface CredentialRecord {
  idx: number;
  tokenHash: string;
  sessionId?: string;
}

export interface IssuerStore {
  put(ns: Namespace, key: string, value: unknown, expiresAt: number): Promise<void>;
  get<T>(ns: Namespace, key: string): Promise<T | undefined>;
  /** Returns the value and removes it, atomically: the second caller (in any instance) gets undefined. */
  take<T>(ns: Namespace, key: string): Promise<T | undefined>;
  /** Stores the value unless the key is held (and not expired); true for the one caller, of any instance, that stored it. */
  claim(ns: Namespace, key: string, value: unknown, expiresAt: number): Promise<boolean>;
  delete(ns: Namespace, key: string): Promise<void>;
  putRecord(id: string, record: CredentialRecord, expiresAt: number): Promise<void>;
  getRecord(id: string): Promise<CredentialRecord | undefined>;
  /** A random, never-used index into a status list of `size` entries. */
  allocateStatusIndex(size: number): Promise<number>;
  /** Marks an index revoked (irreversible). */
  revoke(idx: number): Promise<void>;
  revoked(): Promise<number[]>;
  isRevoked(idx: number): Promise<boolean>;
  /** Changes whenever the revoked set changes (status list cache key); shared by every instance. */
  statusRevision(): Promise<number>;
  /** How many status entries were handed out (each one a credential issued). */
  allocatedCount(): Promise<number>;
  /** Deletes expired offers, nonces and grants; returns how many. */
  sweep(): Promise<number>;
  close(): Promise<void>;
}

const TABLES = {
  offer: { table: 'offers', key: 'code' },
  nonce: { table: 'nonces', key: 'nonce' },
  grant: { table: 'grants', key: 'id' },
} as const;

/** Where a namespace lives: its own table, or the shared `issuer_values` table under its name (migration 0002). */
function place(ns: Namespace) {
  if (ns === 'offer' || ns === 'nonce' || ns === 'grant') {
    const { table, key } = TABLES[ns];
    return { table: sql.table(table), col: sql.ref(key), where: sql`true`, nsCol: sql``, nsVal: sql``, conflict: sql.ref(key) };
  }
  return { table: sql.table('issuer_values'), col: sql.ref('key'), where: sql`ns = ${ns}`, nsCol: sql`ns, `, nsVal: sql`${ns}, `, conflict: sql`ns, key` };
}

export class SqlStore implements IssuerStore {
  constructor(
    readonly db: Db,
    private readonly now: () => number = Date.now,
    /** Whether close() closes the database too (false when the witness store shares it). */
    private readonly ownsDb = true,
  ) {}

  private get k() {
    return this.db.kysely;
  }

  async put(ns: Namespace, key: string, value: unknown, expiresAt: number): Promise<void> {
    const p = place(ns);
    const json = JSON.stringify(value);
    // The tables share a shape; Kysely cannot type a table chosen at run time, so these statements are raw SQL.
    await sql`insert into ${p.table} (${p.nsCol}${p.col}, value, expires_at) values (${p.nsVal}${key}, ${json}::jsonb, ${expiresAt})
      on conflict (${p.conflict}) do update set value = excluded.value, expires_at = excluded.expires_at`.execute(this.k);
  }

  async get<T>(ns: Namespace, key: string): Promise<T | undefined> {
    const p = place(ns);
    const { rows } = await sql<{ value: T }>`select value from ${p.table} where ${p.where} and ${p.col} = ${key} and expires_at > ${this.now()}`.execute(
      this.k,
    );
    return rows[0]?.value;
  }

  async take<T>(ns: Namespace, key: string): Promise<T | undefined> {
    const p = place(ns);
    const { rows } = await sql<{
      value: T;
      expires_at: number;
    }>`delete from ${p.table} where ${p.where} and ${p.col} = ${key} returning value, expires_at`.execute(this.k);
    const row = rows[0];
    return row && Number(row.expires_at) > this.now() ? row.value : undefined;
  }

  async claim(ns: Namespace, key: string, value: unknown, expiresAt: number): Promise<boolean> {
    const p = place(ns);
    const json = JSON.stringify(value);
    // One statement: of concurrent claimers exactly one inserts (or takes over an expired row) and gets a row back.
    const { rows } = await sql`insert into ${p.table} as t (${p.nsCol}${p.col}, value, expires_at) values (${p.nsVal}${key}, ${json}::jsonb, ${expiresAt})
      on conflict (${p.conflict}) do update set value = excluded.value, expires_at = excluded.expires_at where t.expires_at <= ${this.now()}
      returning 1 as claimed`.execute(this.k);
    return rows.length === 1;
  }

  async delete(ns: Namespace, key: string): Promise<void> {
    const p = place(ns);
    await sql`delete from ${p.table} where ${p.where} and ${p.col} = ${key}`.execute(this.k);
  }

  async putRecord(id: string, record: CredentialRecord, expiresAt: number): Promise<void> {
    await this.k
      .insertInto('credentials')
      .values({ id, status_idx: record.idx, token_hash: record.tokenHash, session_id: record.sessionId ?? null, issued_at: this.now(), expires_at: expiresAt })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }

  async getRecord(id: string): Promise<CredentialRecord | undefined> {
    const row = await this.k
      .selectFrom('credentials')
      .select(['status_idx', 'token_hash', 'session_id'])
      .where('id', '=', id)
      .where('expires_at', '>', this.now())
      .executeTakeFirst();
    return row ? { idx: row.status_idx, tokenHash: row.token_hash, ...(row.session_id ? { sessionId: row.session_id } : {}) } : undefined;
  }

  async allocateStatusIndex(size: number): Promise<number> {
    if ((await this.allocatedCount()) >= size * 0.9) throw new Error('The status list is nearly full; configure a new list');
    for (;;) {
      const idx = crypto.getRandomValues(new Uint32Array(1))[0]! % size;
      const claimed = await this.k
        .insertInto('status_entries')
        .values({ idx, revoked: false, revoked_at: null })
        .onConflict((oc) => oc.column('idx').doNothing())
        .returning('idx')
        .executeTakeFirst();
      if (claimed) return idx;
    }
  }

  async revoke(idx: number): Promise<void> {
    await this.k.updateTable('status_entries').set({ revoked: true, revoked_at: this.now() }).where('idx', '=', idx).where('revoked', '=', false).execute();
  }

  async revoked(): Promise<number[]> {
    const rows = await this.k.selectFrom('status_entries').select('idx').where('revoked', '=', true).execute();
    return rows.map((r) => r.idx);
  }

  async isRevoked(idx: number): Promise<boolean> {
    const row = await this.k.selectFrom('status_entries').select('revoked').where('idx', '=', idx).executeTakeFirst();
    return row?.revoked === true;
  }

  async statusRevision(): Promise<number> {
    // Revocation is irreversible, so the number of revoked entries only grows: it is a revision every instance agrees on.
    const row = await this.k
      .selectFrom('status_entries')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('revoked', '=', true)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async allocatedCount(): Promise<number> {
    const row = await this.k
      .selectFrom('status_entries')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async sweep(): Promise<number> {
    const now = this.now();
    let n = 0;
    for (const table of ['offers', 'nonces', 'grants', 'issuer_values'] as const) {
      const res = await this.k.deleteFrom(table).where('expires_at', '<=', now).executeTakeFirst();
      n += Number(res.numDeletedRows);
    }
    return n;
  }

  async close(): Promise<void> {
    if (this.ownsDb) await this.db.close();
  }
}
