/**
 * Test-only: the whole server (issuer, witness API, coach verifier and, given `appDir`, the built app) in the test's
 * process, on a free port, with an in-memory database and the test's clock. Sessions are played through the witness
 * API (`play`, `credential`), so the issuer judges them exactly as it would a live one, in a moment of real time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ProfileSource } from '../../credential/profile-source.ts';
import { buildApp } from '../app.ts';
import { DEFAULT_LIMITS, type IssuerConfig } from '../config.ts';
import { openDatabase } from '../db/connect.ts';
import { fixtureProfileSource } from '../fixtures/profile.ts';
import { createIssuer, type Issuer, type IssuerDeps } from '../issuer.ts';
import { freePort } from './free-port.ts';
import { freshPgSchema, openTestDb } from './test-db.ts';
import { playWitnessed, testClock, type TestClock, type WitnessedPlay, type WitnessedPlayOptions } from './witnessed-session.ts';

export interface TestServerOptions {
  /** The issuer's display name. */
  name?: string;
  /** Default: the fixture profile source (norm group `fixture-adults`); the production one scores the real log. */
  profileSource?: ProfileSource;
  /** Defaults for every `play` (battery `short`, the fixture norm group when the fixture source is used). */
  play?: WitnessedPlayOptions;
  /** A built app folder to serve beside the API, as production does. */
  appDir?: string;
  /** Pilots, the environment their LRS credentials are read from, the fetch that reaches their LRS. */
  issuer?: Pick<IssuerDeps, 'pilots' | 'env' | 'lrsFetch'>;
  /** The database: PGlite in memory (default), or a fresh schema of the PostgreSQL test database, dropped on close. */
  db?: 'pglite' | 'postgres';
}

export interface TestServer {
  url: string;
  app: FastifyInstance;
  issuer: Issuer;
  config: IssuerConfig;
  /**
   * The server's clock, hours back: log validation refuses a session that starts in the wall clock's future, and a
   * battery played on this clock takes a moment of real time.
   */
  clock: TestClock;
  /** A new witnessed session played through the API (each gets its own answer seed). */
  play(opts?: WitnessedPlayOptions): Promise<WitnessedPlay>;
  /** A new session's credential answer (`POST /api/sessions/:id/credential` with `body`); throws unless 201. */
  credential<T = Record<string, unknown>>(body?: Record<string, unknown>, opts?: WitnessedPlayOptions): Promise<T & { play: WitnessedPlay }>;
  close(): Promise<void>;
}

export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'talentscan-test-server-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const config: IssuerConfig = {
    publicUrl: url,
    name: opts.name ?? 'Talentscan (test)',
    dataDir: dir,
    allowedOrigins: [url],
    validForDays: 365,
    ...DEFAULT_LIMITS,
    maxBodyBytes: 1024 * 1024,
  };
  const clock = testClock(Date.now() - 6 * 3_600_000);
  const profileSource = opts.profileSource ?? fixtureProfileSource;
  const pgSchema = opts.db === 'postgres' ? await freshPgSchema() : undefined;
  const db = pgSchema ? await openTestDb('postgres', { url: pgSchema.url }) : await openDatabase({ inMemory: true });
  const issuer = await createIssuer(config, { profileSource, db, now: clock.now, ...opts.issuer });
  const app = await buildApp({
    config,
    issuer,
    ...(opts.appDir ? { appDir: opts.appDir } : {}),
    ...(opts.issuer?.pilots ? { pilots: opts.issuer.pilots } : {}),
  });
  await app.listen({ port, host: '127.0.0.1' });

  const defaults: WitnessedPlayOptions = { battery: 'short', ...(profileSource === fixtureProfileSource ? { normGroup: 'fixture-adults' } : {}), ...opts.play };
  let played = 0;
  const play = (o: WitnessedPlayOptions = {}) => playWitnessed(url, clock, { ...defaults, rngSeed: (defaults.rngSeed ?? 3) + played++, ...o });
  return {
    url,
    app,
    issuer,
    config,
    clock,
    play,
    async credential<T>(body: Record<string, unknown> = {}, o: WitnessedPlayOptions = {}) {
      const session = await play(o);
      const res = await session.credential(body);
      if (res.status !== 201) throw new Error(`credential: ${res.status} ${await res.text()}`);
      return { ...((await res.json()) as T), play: session };
    },
    async close() {
      await app.close();
      await issuer.close();
      await pgSchema?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
