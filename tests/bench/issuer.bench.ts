/**
 * `npm run bench:issuer` — issuance throughput and latency of the credential issuer on this machine.
 *
 * Starts the issuer in-process on 127.0.0.1 (fresh temporary data folder, the real FileStore), then POSTs complete
 * simulated session logs (the standard six-game battery, ~2,800 events, ~340 kB) to /issuer/api/credentials: each
 * request is validated, re-scored with the games' scorers, profiled, built into an OB 3.0 credential and signed twice
 * (vc+sd-jwt and dc+sd-jwt), with a wallet offer and QR code. Reports per-request latency (p50/p99, measured at the
 * client, so HTTP and JSON parsing are included) and throughput at concurrency 1 and 4, and the split of one request
 * between its stages. Prints numbers; asserts nothing.
 *
 * The profile comes from the profile engine (src/scoring/build-profile.ts) when it exists, else from the test stand-in.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ProfileSource } from '../../src/credential/profile-source.ts';
import { DEFAULT_LIMITS } from '../../src/server/config.ts';
import { fixtureProfileSource } from '../../src/server/fixtures/profile.ts';
import { simulatedSession } from '../../src/server/fixtures/session-log.ts';
import { createIssuer } from '../../src/server/issuer.ts';
import { buildApp } from '../../src/server/app.ts';
import { FileStore } from '../../src/server/store.ts';
import { freePort } from '../../src/server/testing/free-port.ts';

const N = Number(process.env.BENCH_N ?? 200);
const engine = existsSync(resolve(import.meta.dirname, '../../src/scoring/build-profile.ts'));
const profileSource: ProfileSource = engine ? (await import('../../src/credential/profile-source.ts')).profileFromLogSource : fixtureProfileSource;

const dir = mkdtempSync(join(tmpdir(), 'talentscan-bench-'));
const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const config = { publicUrl: url, name: 'bench', dataDir: dir, allowedOrigins: [url], validForDays: 365, ...DEFAULT_LIMITS, maxConcurrentIssuance: 64 };
const issuer = await createIssuer(config, { profileSource, store: new FileStore(dir) });
const app = await buildApp({ config, issuer });
await app.listen({ port, host: '127.0.0.1' });

const logs = Array.from({ length: 8 }, (_, i) => JSON.stringify({ events: simulatedSession({ battery: 'standard', seed: 10 + i }) }));

async function once(i: number): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(`${url}/issuer/api/credentials`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: logs[i % logs.length] });
  await res.arrayBuffer();
  if (res.status !== 201) throw new Error(`HTTP ${res.status}`);
  return performance.now() - t0;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function run(concurrency: number): Promise<void> {
  const lat: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < N) lat.push(await once(next++));
    }),
  );
  const secs = (performance.now() - t0) / 1000;
  lat.sort((a, b) => a - b);
  console.log(`| ${concurrency} | ${N} | ${(N / secs).toFixed(1)} | ${pct(lat, 50).toFixed(1)} | ${pct(lat, 99).toFixed(1)} | ${lat[lat.length - 1]!.toFixed(1)} |`);
}

async function stages(): Promise<void> {
  const body = JSON.parse(logs[0]!) as { events: unknown[] };
  const times: Record<string, number[]> = { 'validate + re-score + profile + log hash': [], 'build credential': [], 'sign vc+sd-jwt + dc+sd-jwt': [] };
  for (let i = 0; i < 30; i++) {
    let t = performance.now();
    const prepared = await issuer.issuance.prepare(issuer.issuance.parseRequest(structuredClone(body)));
    times['validate + re-score + profile + log hash']!.push(performance.now() - t);
    t = performance.now();
    const vc = issuer.issuance.build(prepared);
    times['build credential']!.push(performance.now() - t);
    t = performance.now();
    await Promise.all([issuer.issuance.secure(vc, { idx: 1, uri: 'x' }, 'vc+sd-jwt'), issuer.issuance.secure(vc, { idx: 1, uri: 'x' }, 'dc+sd-jwt')]);
    times['sign vc+sd-jwt + dc+sd-jwt']!.push(performance.now() - t);
  }
  console.log('\n| stage (in-process, 30 runs) | median ms |\n|---|---|');
  for (const [k, v] of Object.entries(times)) console.log(`| ${k} | ${v.sort((a, b) => a - b)[Math.floor(v.length / 2)]!.toFixed(2)} |`);
}

console.log(`Issuer benchmark: ${cpus()[0]?.model ?? 'cpu'} ×${cpus().length}, Node ${process.version}; profile from ${engine ? 'the profile engine' : 'the test stand-in (profile engine not present)'}`);
console.log(`Each request: a standard-battery log of ${JSON.parse(logs[0]!).events.length} events, ${(logs[0]!.length / 1024).toFixed(0)} kB.\n`);
for (let i = 0; i < 10; i++) await once(i); // warm-up
console.log('| concurrency | requests | issuances/s | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|---|');
await run(1);
await run(4);
await stages();

await app.close();
await issuer.close();
rmSync(dir, { recursive: true, force: true });
