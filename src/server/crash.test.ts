/**
 * SIGKILL during a burst loses nothing acknowledged. The real server (`src/server/main.ts`, a child process) takes a
 * burst of event-batch uploads, credential issuances and revocations; it is killed with SIGKILL while requests are in
 * flight, restarted on the same data, and every acknowledged batch (the server's chain head is at or past it, with the
 * same hash), credential (downloaded again, same id; its revocation record is there) and revocation (set in the
 * status list) must be found. Unacknowledged work may be lost — but the log must go on from where the server says it is.
 *
 * On PGlite in a temporary data folder, and on PostgreSQL when `TALENTSCAN_PG_TEST_URL` names one. The kill comes
 * after a count of acknowledgements, not after a time, so a slow machine only makes the burst slower. The sessions to
 * be issued are played beforehand through an in-process server on the same database with a clock hours back (a
 * witnessed battery must take its real time; see testing/witnessed-session.ts), so the burst needs no waiting.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { profileFromLogSource } from '../credential/profile-source.ts';
import { cutBatches, simulateHandedOut } from '../integrity/simulated-record.ts';
import { joinGameLogs } from '../log/join-session.ts';
import { chainHash, type CreateSessionResponse, type GameStartResponse, genesisHash } from '../log/witness.ts';
import { buildApp } from './app.ts';
import { DEFAULT_LIMITS, type IssuerConfig } from './config.ts';
import { createIssuer } from './issuer.ts';
import { freePort } from './testing/free-port.ts';
import { statusBit } from './testing/status-bit.ts';
import { DB_KINDS, freshPgSchema, openTestDb } from './testing/test-db.ts';
import { playWitnessed, testClock } from './testing/witnessed-session.ts';
import type { SessionCredentialResponse } from './witness-api.ts';

/** Sessions issued (and then revoked) in the burst, and sessions whose logs are uploaded in it. */
const ISSUED = 4;
const UPLOADERS = 4;
/** The kill comes once this much was acknowledged (the rest of the burst is still in flight). */
const KILL_AFTER = { credentials: 2, revocations: 1, batches: 25 };

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
}, 60_000);

interface Server {
  url: string;
  child: ChildProcess;
}

/** Starts `src/server/main.ts` as its own process (node with the tsx loader: the pid is the server's) and waits until it answers. */
async function startServer(env: Record<string, string>, port: number): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', DEMO_HOST_PORT: 'off', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}): ${stderr}`);
    const up = await fetch(`${url}/issuer/api/info`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { url, child };
    if (Date.now() > deadline) throw new Error(`the server did not answer within 60 s: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function sigkill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** A log to upload: one Reaction game on the seed the server hands out, cut into the recorder's batches, with its chain. */
async function uploadPlan(url: string, rng: number) {
  const json = { 'content-type': 'application/json' };
  const created = await fetch(`${url}/api/sessions`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({
      battery: 'reaction',
      normGroup: 'sro-provisional-all',
      lang: 'en',
      consent: { textVersion: 'c1', mode: 'certified', acceptedAt: 1 },
    }),
  });
  const session = (await created.json()) as CreateSessionResponse;
  const auth = { ...json, authorization: `Bearer ${session.token}` };
  const start = await fetch(`${url}/api/sessions/${session.sessionId}/games/reaction/start`, {
    method: 'POST',
    headers: { authorization: auth.authorization },
  });
  const { seed } = (await start.json()) as GameStartResponse;
  const events = joinGameLogs([simulateHandedOut('reaction', seed, rng)], {
    sessionId: session.sessionId,
    battery: 'reaction',
    timeOrigin: session.serverStart,
  });
  const batches = cutBatches(events);
  /** Chain hash after each seq that ends a batch. */
  const chain = new Map<number, string>();
  let prev = await genesisHash(session.sessionId);
  chain.set(-1, prev);
  const bodies = [];
  for (const batch of batches) {
    const hash = await chainHash(prev, batch);
    bodies.push({ fromSeq: batch[0]!.seq, events: batch, prevHash: prev, hash });
    chain.set(batch.at(-1)!.seq, hash);
    prev = hash;
  }
  return { sessionId: session.sessionId, auth, bodies, chain, events };
}

describe.each(DB_KINDS)('SIGKILL of the server on %s during a burst', (kind) => {
  it('loses no acknowledged batch, credential record or revocation', { timeout: 300_000 }, async () => {
    const t0 = Date.now();
    // Where the time goes (most of it starting servers on a busy machine), printed once at the end.
    const laps: string[] = [];
    const lap = (what: string) => laps.push(`${what} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const dir = mkdtempSync(join(tmpdir(), 'talentscan-crash-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const appDir = join(dir, 'app');
    mkdirSync(appDir);
    writeFileSync(join(appDir, 'index.html'), '<!doctype html><title>crash test</title>');
    const dataDir = join(dir, 'data');
    const pg = kind === 'postgres' ? await freshPgSchema() : undefined;
    if (pg) cleanups.push(pg.drop);
    const env: Record<string, string> = { APP_DIR: appDir, TALENTSCAN_DATA_DIR: dataDir, ...(pg ? { DATABASE_URL: pg.url } : {}) };

    let toIssue: Awaited<ReturnType<typeof playWitnessed>>[] = [];
    // Before: finished sessions to issue, played through an in-process server on the same data (then closed: a PGlite
    // folder has one owner at a time).
    {
      const db = await openTestDb(kind, pg ? { url: pg.url } : { dataDir });
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const config: IssuerConfig = { publicUrl: url, name: 'T', dataDir, allowedOrigins: [url], validForDays: 365, ...DEFAULT_LIMITS };
      const clock = testClock(Date.now() - 3 * 3_600_000);
      const issuer = await createIssuer(config, { profileSource: profileFromLogSource, db, now: clock.now });
      const app = await buildApp({ config, issuer });
      await app.listen({ port, host: '127.0.0.1' });
      toIssue = [];
      for (let i = 0; i < ISSUED; i++) toIssue.push(await playWitnessed(url, clock, { battery: 'reaction', rngSeed: 40 + i }));
      await app.close();
      await issuer.close();
    }
    lap('sessions played');

    const port = await freePort();
    let server = await startServer(env, port);
    lap('server up');
    const url = server.url;
    // The burst. Every acknowledgement is written down the moment its answer is complete.
    const acked = { batches: new Map<string, number>(), credentials: new Map<string, SessionCredentialResponse>(), revoked: new Set<string>() };
    let ackedBatches = 0;
    let killed: Promise<void> | undefined;
    // Set once the server is dead: the uploaders keep sending until then, so the kill always cuts requests off (with a
    // flag set when the kill was only decided, they could all finish their last log in the 300 ms before it landed).
    let dead = false;
    const maybeKill = () => {
      if (killed) return;
      if (acked.credentials.size >= KILL_AFTER.credentials && acked.revoked.size >= KILL_AFTER.revocations && ackedBatches >= KILL_AFTER.batches)
        // A moment later, at no fixed point of any request: the next issuance is usually being computed by then.
        killed = new Promise((r) => setTimeout(r, Math.random() * 300))
          .then(() => sigkill(server.child))
          .then(() => {
            dead = true;
          });
    };
    /** Logs whose upload began in the burst: new sessions are started and uploaded until the kill. */
    const plans: Awaited<ReturnType<typeof uploadPlan>>[] = [];
    const uploads = Array.from({ length: UPLOADERS }, async (_, u) => {
      for (let n = 0; !dead; n++) {
        const p = await uploadPlan(url, 70 + 10 * n + u);
        plans.push(p);
        for (const body of p.bodies) {
          const res = await fetch(`${url}/api/sessions/${p.sessionId}/batches`, { method: 'POST', headers: p.auth, body: JSON.stringify(body) });
          const answer = (await res.json()) as { ackSeq: number };
          expect(res.status).toBe(200);
          acked.batches.set(p.sessionId, answer.ackSeq);
          ackedBatches++;
          maybeKill();
        }
      }
    });
    // The played sessions' tokens, without the in-process server's origin.
    const authOf = (play: (typeof toIssue)[number]) => ({ 'content-type': 'application/json', authorization: `Bearer ${play.token}` });
    const askCredential = (play: (typeof toIssue)[number]) =>
      fetch(`${url}/api/sessions/${play.sessionId}/credential`, { method: 'POST', headers: authOf(play), body: '{}' });
    const issuances = (async () => {
      for (const play of toIssue) {
        const res = await askCredential(play);
        const body = (await res.json()) as SessionCredentialResponse;
        expect(res.status).toBe(201);
        acked.credentials.set(play.sessionId, body);
        maybeKill();
        // Every other credential is revoked at once; the rest stay valid.
        if (acked.credentials.size % 2 === 1) {
          const rev = await fetch(`${url}/issuer/api/revoke`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ credentialId: body.credentialId, token: body.revocation.token }),
          });
          await rev.arrayBuffer();
          expect(rev.status).toBe(200);
          acked.revoked.add(body.credentialId);
          maybeKill();
        }
      }
    })();
    const outcomes = await Promise.allSettled([...uploads, issuances]);
    lap(
      `killed after ${ackedBatches} batches (${plans.length} sessions), ${acked.credentials.size} credentials, ${acked.revoked.size} revocations acknowledged,`,
    );
    expect(killed, 'the issuances ended before the kill: issue more').toBeDefined();
    await killed;
    // The kill cut requests off mid-way (a refused connection or a reset is all a client sees), and nothing else failed.
    const failures = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as Error] : []));
    expect(failures.length).toBeGreaterThan(0);
    for (const f of failures)
      expect(`${f.message} ${String((f.cause as Error | undefined)?.message)}`).toMatch(/fetch failed|terminated|ECONNRESET|ECONNREFUSED|other side closed/);

    server = await startServer(env, port);
    lap('restarted');

    // Every acknowledged batch is there: the server's head is at or past it, on the same chain — and the log goes on
    // from the head the server reports.
    for (const p of plans) {
      const res = await fetch(`${url}/api/sessions/${p.sessionId}`, { headers: p.auth });
      expect(res.status).toBe(200);
      const status = (await res.json()) as { ackSeq: number; hash: string };
      expect(status.ackSeq).toBeGreaterThanOrEqual(acked.batches.get(p.sessionId) ?? -1);
      expect(status.hash).toBe(p.chain.get(status.ackSeq));
      for (const body of p.bodies.filter((b) => b.fromSeq > status.ackSeq)) {
        const res = await fetch(`${url}/api/sessions/${p.sessionId}/batches`, { method: 'POST', headers: p.auth, body: JSON.stringify(body) });
        expect(res.status).toBe(200);
      }
      const after = (await (await fetch(`${url}/api/sessions/${p.sessionId}`, { headers: p.auth })).json()) as { ackSeq: number; finished: boolean };
      expect(after).toMatchObject({ ackSeq: p.events.length - 1, finished: true });
    }

    // Every acknowledged credential is there: downloaded again, the same one; its revocation record answers.
    expect(acked.credentials.size).toBeGreaterThanOrEqual(KILL_AFTER.credentials);
    for (const play of toIssue) {
      const issued = acked.credentials.get(play.sessionId);
      if (!issued) continue;
      const again = await askCredential(play);
      expect(again.status).toBe(200);
      expect(((await again.json()) as SessionCredentialResponse).credentialId).toBe(issued.credentialId);
      // Every acknowledged revocation is in the status list; the others are still valid.
      expect(await statusBit(url, issued.status.idx)).toBe(acked.revoked.has(issued.credentialId) ? 1 : 0);
      const revoke = await fetch(`${url}/issuer/api/revoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ credentialId: issued.credentialId, token: issued.revocation.token }),
      });
      expect(revoke.status).toBe(200);
    }

    lap('checked');
    console.log(`SIGKILL test on ${kind}: ${laps.join(', ')}`);
    const exited = new Promise((r) => server.child.once('exit', r));
    server.child.kill('SIGTERM');
    await exited;
  });
});
