/**
 * `npm run bench:issuer` — event-batch ingest and issuance of certified sessions, on PGlite (always) and PostgreSQL
 * (when TALENTSCAN_PG_TEST_URL or DATABASE_URL is set; scripts/pg-test-cluster.sh starts a throw-away one).
 *
 * The issuer runs in-process on 127.0.0.1 with a test clock. Simulated candidates play the standard battery through
 * the witness API (testing/witnessed-session.ts): session, seeds from the server, the log uploaded in the recorder's
 * batches, hash-chained; then each asks for its credential (integrity checks, validation, re-scoring, profile, two
 * signatures, wallet offer). Ingest: batches/s and events/s over the wall time of the uploads, with 1 and 8 sessions
 * uploading at once. Issuance: latency p50/p99 per request at the client, 1 and 8 at once. Prints numbers; asserts
 * nothing. BENCH_SESSIONS (default 8) sessions per run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { profileFromLogSource } from '../../src/credential/profile-source.ts';
import { buildApp } from '../../src/server/app.ts';
import { DEFAULT_LIMITS } from '../../src/server/config.ts';
import { createIssuer } from '../../src/server/issuer.ts';
import { freePort } from '../../src/server/testing/free-port.ts';
import { DB_KINDS, freshPgSchema, openTestDb } from '../../src/server/testing/test-db.ts';
import { playWitnessed, testClock, type WitnessedPlay } from '../../src/server/testing/witnessed-session.ts';

const SESSIONS = Number(process.env.BENCH_SESSIONS ?? 8);
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

async function pool<T>(n: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await task(i);
      }
    }),
  );
  return out;
}

console.log(`Issuer benchmark: ${cpus()[0]?.model ?? 'cpu'} ×${cpus().length}, Node ${process.version}; ${SESSIONS} standard-battery sessions per row.\n`);
console.log(
  '| database | concurrency | batches/s | events/s | upload p50 ms | issuance p50 ms | issuance p99 ms | issued |\n|---|---|---|---|---|---|---|---|',
);
for (const kind of DB_KINDS) {
  for (const concurrency of [1, 8]) {
    const dir = mkdtempSync(join(tmpdir(), 'talentscan-bench-'));
    const pg = kind === 'postgres' ? await freshPgSchema() : undefined;
    const db = await openTestDb(kind, pg ? { url: pg.url } : {});
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const config = { publicUrl: url, name: 'bench', dataDir: dir, allowedOrigins: [url], validForDays: 365, ...DEFAULT_LIMITS, maxConcurrentIssuance: 64 };
    const clock = testClock(Date.now() - 48 * 3_600_000);
    const issuer = await createIssuer(config, { profileSource: profileFromLogSource, db, now: clock.now });
    const app = await buildApp({ config, issuer });
    await app.listen({ port, host: '127.0.0.1' });
    try {
      const uploadMs: number[] = [];
      let events = 0;
      let uploadWall = 0;
      const plays: WitnessedPlay[] = await pool(SESSIONS, concurrency, (i) =>
        playWitnessed(url, clock, {
          battery: 'standard',
          rngSeed: 10 + i,
          onUpload: (ms, n) => {
            uploadMs.push(ms);
            events += n;
            uploadWall += ms / concurrency;
          },
        }),
      );
      const lat = await pool(plays.length, concurrency, async (i) => {
        const s = performance.now();
        const res = await plays[i]!.credential();
        await res.arrayBuffer();
        return { ms: performance.now() - s, ok: res.status === 201 };
      });
      const ms = lat.map((l) => l.ms).sort((a, b) => a - b);
      const up = [...uploadMs].sort((a, b) => a - b);
      const secs = uploadWall / 1000;
      console.log(
        `| ${kind} | ${concurrency} | ${(uploadMs.length / secs).toFixed(0)} | ${(events / secs).toFixed(0)} | ${pct(up, 50).toFixed(1)} | ${pct(ms, 50).toFixed(0)} | ${pct(ms, 99).toFixed(0)} | ${lat.filter((l) => l.ok).length}/${lat.length} |`,
      );
    } finally {
      await app.close();
      await issuer.close();
      await pg?.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
console.log('\nbatches/s and events/s: uploads ÷ (summed upload latency ÷ concurrency), an estimate of ingest capacity with that many sessions uploading.');
