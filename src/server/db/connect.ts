/**
 * Opens the server's database and brings its schema up to date.
 *
 * - `DATABASE_URL` set (postgres://…): PostgreSQL through `pg` — production, and several server instances sharing
 *   one issuer state.
 * - otherwise PGlite in `<data folder>/db`: Postgres compiled to WebAssembly inside this process, so `npm start`
 *   needs no database service. One process owns that folder.
 *
 * The same schema (migrations.ts) and the same Kysely queries run on both.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations.ts';
import { pgliteDialect } from './pglite-dialect.ts';
import type { Database } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Db {
  kysely: Kysely<Database>;
  kind: DatabaseKind;
  /** Where the data lives, for the start-up message (a URL without its password, or a folder). */
  where: string;
  close(): Promise<void>;
}

const INT8 = 20;

export async function openDatabase(opts: { databaseUrl?: string; dataDir?: string; inMemory?: boolean }): Promise<Db> {
  let kysely: Kysely<Database>;
  let kind: DatabaseKind;
  let where: string;
  if (opts.databaseUrl) {
    // bigint columns hold epoch ms and seeds: numbers, not strings.
    const types = {
      getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === INT8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)),
    };
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: Number(process.env.DATABASE_POOL_SIZE ?? 10), types });
    kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    kind = 'postgres';
    where = redact(opts.databaseUrl);
  } else {
    const { PGlite } = await import('@electric-sql/pglite');
    let db: Awaited<ReturnType<typeof PGlite.create>>;
    if (opts.inMemory) {
      db = await PGlite.create();
      where = 'in memory';
    } else {
      if (!opts.dataDir) throw new Error('openDatabase: a data folder or a DATABASE_URL is needed');
      const dir = join(opts.dataDir, 'db');
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      db = await PGlite.create(dir);
      where = dir;
    }
    kysely = new Kysely<Database>({ dialect: pgliteDialect(db) });
    kind = 'pglite';
  }
  // The migration tables live in the connection's own schema: Kysely otherwise looks for them in every schema and,
  // finding another schema's, would not create its own (several databases in one PostgreSQL, e.g. the tests').
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(kysely);
  const migrationTableSchema = rows[0]?.schema ?? 'public';
  const { error, results } = await new Migrator({ db: kysely, provider: migrationProvider, migrationTableSchema }).migrateToLatest();
  if (error) {
    await kysely.destroy();
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`Database migration ${failed ?? ''} failed: ${(error as Error).message}`);
  }
  return { kysely, kind, where, close: () => kysely.destroy() };
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres';
  }
}
