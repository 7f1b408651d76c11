/**
 * Kysely over PGlite (Postgres compiled to WebAssembly, embedded in this process): Kysely's own Postgres dialect with
 * a "pool" of PGlite's one connection. No maintained dialect supports PGlite 0.5 on Node 20; this is the glue only —
 * SQL compilation, transactions and the query builder are Kysely's Postgres ones, so one query layer serves PGlite and
 * PostgreSQL alike.
 *
 * PGlite runs one statement at a time on one session, so the pool hands the connection to one borrower at a time
 * (a transaction holds it from BEGIN to COMMIT); others queue in order.
 */
import type { PGlite } from '@electric-sql/pglite';
import { PostgresDialect, type PostgresCursor, type PostgresPool, type PostgresPoolClient, type PostgresQueryResult } from 'kysely';

class PgliteClient implements PostgresPoolClient {
  constructor(
    private readonly db: PGlite,
    private readonly onRelease: () => void,
  ) {}

  query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(sqlOrCursor: string | PostgresCursor<R>, parameters?: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    // Cursors (streaming) are not used by this server.
    if (typeof sqlOrCursor !== 'string') throw new Error('PGlite: streaming queries are not supported');
    return this.run<R>(sqlOrCursor, parameters ?? []);
  }

  private async run<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
    const res = await this.db.query<R>(sql, [...parameters]);
    const command = (sql.trimStart().split(/\s+/, 1)[0] ?? '').toUpperCase() as PostgresQueryResult<R>['command'];
    const dml = command === 'INSERT' || command === 'UPDATE' || command === 'DELETE' || command === 'MERGE';
    return { command, rowCount: dml ? (res.affectedRows ?? 0) : res.rows.length, rows: res.rows };
  }

  release(): void {
    this.onRelease();
  }
}

/** One borrower at a time, first come first served. */
class PglitePool implements PostgresPool {
  private tail: Promise<void> = Promise.resolve();
  constructor(private readonly db: PGlite) {}

  connect(): Promise<PostgresPoolClient> {
    let release!: () => void;
    const freed = new Promise<void>((r) => (release = r));
    const acquired = this.tail.then(() => new PgliteClient(this.db, release));
    this.tail = this.tail.then(() => freed);
    return acquired;
  }

  async end(): Promise<void> {
    await this.db.close();
  }
}

export function pgliteDialect(db: PGlite): PostgresDialect {
  return new PostgresDialect({ pool: new PglitePool(db) });
}
