/**
 * Databases for the server's tests: PGlite always; PostgreSQL too when `TALENTSCAN_PG_TEST_URL` (or `DATABASE_URL`)
 * names one — each test database is then a fresh schema of it, dropped afterwards, so tests never see each other's rows
 * nor a developer's data. scripts/pg-test-cluster.sh starts a throw-away cluster and prints such a URL.
 */
import pg from 'pg';
import { openDatabase, type Db } from '../db/connect.ts';

export const PG_TEST_URL = process.env.TALENTSCAN_PG_TEST_URL ?? process.env.DATABASE_URL;

export const DB_KINDS: ('pglite' | 'postgres')[] = PG_TEST_URL ? ['pglite', 'postgres'] : ['pglite'];

if (!PG_TEST_URL) {
  console.warn('PostgreSQL tests skipped: set TALENTSCAN_PG_TEST_URL (scripts/pg-test-cluster.sh starts a throw-away cluster).');
}

/** A URL whose connections all use a new, empty schema; `drop()` removes it. */
export async function freshPgSchema(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!PG_TEST_URL) throw new Error('no PostgreSQL test URL');
  const schema = `t_${crypto.randomUUID().replaceAll('-', '')}`;
  const client = new pg.Client({ connectionString: PG_TEST_URL });
  await client.connect();
  await client.query(`create schema ${schema}`);
  await client.end();
  // String concatenation, not URL: a socket URL (postgresql://user@/db?host=/dir) is no WHATWG URL.
  const url = `${PG_TEST_URL}${PG_TEST_URL.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    url,
    async drop() {
      const c = new pg.Client({ connectionString: PG_TEST_URL });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    },
  };
}

/** A migrated test database of the given kind; PGlite in `dataDir` (persistent across reopen) or in memory. */
export async function openTestDb(kind: 'pglite' | 'postgres', opts: { dataDir?: string; url?: string } = {}): Promise<Db> {
  if (kind === 'postgres') return openDatabase({ databaseUrl: opts.url ?? PG_TEST_URL! });
  return opts.dataDir ? openDatabase({ dataDir: opts.dataDir }) : openDatabase({ inMemory: true });
}
