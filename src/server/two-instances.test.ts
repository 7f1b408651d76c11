/**
 * Two server instances on one PostgreSQL database behave as one issuer (what a deployment behind a load balancer
 * relies on): requests of one candidate or one wallet may reach either instance, and racing them redeems nothing
 * twice — no pre-authorized code, nonce, access-token grant or session credential; one status list (revoked through
 * one, read through the other); a witnessed session whose seeds and batches arrive through both keeps one chain.
 *
 * Both instances are full servers (`buildApp` + `createIssuer`, each with its own connection pool) in this process,
 * sharing the signing key and the public origin as instances of one deployment do. Needs `TALENTSCAN_PG_TEST_URL`
 * (scripts/pg-test-cluster.sh); without it the suite is skipped with a message.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profileFromLogSource } from '../credential/profile-source.ts';
import { chainHash, genesisHash } from '../log/witness.ts';
import { buildApp } from './app.ts';
import { DEFAULT_LIMITS, type IssuerConfig } from './config.ts';
import { openDatabase } from './db/connect.ts';
import { createIssuer, type Issuer } from './issuer.ts';
import { DC_CONFIG_ID, VC_CONFIG_ID } from './oid4vci.ts';
import { freePort } from './testing/free-port.ts';
import { statusBit } from './testing/status-bit.ts';
import { freshPgSchema, PG_TEST_URL } from './testing/test-db.ts';
import { playWitnessed, testClock } from './testing/witnessed-session.ts';
import type { SessionCredentialResponse } from './witness-api.ts';

const PRE_AUTH = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';

if (!PG_TEST_URL) console.warn('Two-instance test skipped: it needs PostgreSQL (set TALENTSCAN_PG_TEST_URL; scripts/pg-test-cluster.sh starts one).');

describe.skipIf(!PG_TEST_URL)('two server instances on one PostgreSQL', () => {
  const servers: { app: FastifyInstance; issuer: Issuer; url: string }[] = [];
  let dir: string;
  let drop: (() => Promise<void>) | undefined;
  /** Both instances' clock (hours back: a simulated battery takes a moment of real time). */
  const clock = testClock(Date.now() - 3 * 3_600_000);
  let A: string;
  let B: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'talentscan-two-'));
    const schema = await freshPgSchema();
    drop = schema.drop;
    const ports = [await freePort(), await freePort()];
    const urls = ports.map((p) => `http://127.0.0.1:${p}`);
    // Opened together: the migrations run once, under the migrator's lock, whichever instance gets it.
    const dbs = await Promise.all(urls.map(() => openDatabase({ databaseUrl: schema.url })));
    for (const [i, db] of dbs.entries()) {
      const config: IssuerConfig = {
        // One deployment: one public origin (the load balancer's; here the first instance's), one key (the shared data folder's).
        publicUrl: urls[0]!,
        name: 'T',
        dataDir: dir,
        allowedOrigins: urls,
        validForDays: 365,
        ...DEFAULT_LIMITS,
      };
      const issuer = await createIssuer(config, { profileSource: profileFromLogSource, db, now: clock.now });
      const app = await buildApp({ config, issuer });
      await app.listen({ port: ports[i]!, host: '127.0.0.1' });
      servers.push({ app, issuer, url: urls[i]! });
    }
    [A, B] = urls as [string, string];
  }, 120_000);

  afterAll(async () => {
    for (const s of servers) {
      await s.app.close();
      await s.issuer.close();
    }
    await drop?.();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  const form = (fields: Record<string, string>): RequestInit => ({
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  const nonce = async (base: string) => ((await (await fetch(`${base}/issuer/oid4vci/nonce`, { method: 'POST' })).json()) as { c_nonce: string }).c_nonce;

  async function holderProof(cNonce: string): Promise<string> {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    return new SignJWT({ nonce: cNonce })
      .setProtectedHeader({ alg: 'ES256', typ: 'openid4vci-proof+jwt', jwk: await exportJWK(publicKey) })
      .setAudience(A)
      .setIssuedAt()
      .sign(privateKey);
  }

  const credentialRequest = (base: string, accessToken: string, configId: string, proof: string) =>
    fetch(`${base}/issuer/oid4vci/credential`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ credential_configuration_id: configId, proofs: { jwt: [proof] } }),
    });

  async function tokenFor(code: string, base: string): Promise<string> {
    const res = await fetch(`${base}/issuer/oid4vci/token`, form({ grant_type: PRE_AUTH, 'pre-authorized_code': code }));
    expect(res.status).toBe(200);
    return ((await res.json()) as { access_token: string }).access_token;
  }

  let witnessed: { play: Awaited<ReturnType<typeof playWitnessed>>; body: SessionCredentialResponse } | undefined;

  it('keeps one chain for a session whose seeds and batches arrive through both, and issues its one credential once', { timeout: 240_000 }, async () => {
    const play = await playWitnessed(A, clock, { rngSeed: 11, instances: [A, B] });
    expect(play.uploads.length).toBeGreaterThan(4);
    expect(play.uploads.every((s) => s === 200)).toBe(true);
    for (const base of [A, B]) {
      const status = (await (await fetch(`${base}/api/sessions/${play.sessionId}`, { headers: play.auth })).json()) as { ackSeq: number; finished: boolean };
      expect(status).toMatchObject({ ackSeq: play.events.length - 1, finished: true });
    }
    // The server's copy, read back through either instance's store, is the log as played, link after link.
    const { batches, events } = await servers[1]!.issuer.witness.batches(play.sessionId);
    expect(events).toEqual(play.events);
    let prev = await genesisHash(play.sessionId);
    for (const b of batches) {
      expect(b.prevHash).toBe(prev);
      expect(b.hash).toBe(await chainHash(prev, events.slice(b.fromSeq, b.toSeq + 1)));
      prev = b.hash;
    }

    // Both instances asked at once, several times: one credential, the same answer to everyone who gets one.
    clock.set(clock.now() + 1000);
    const ask = (base: string) =>
      fetch(`${base}/api/sessions/${play.sessionId}/credential`, { method: 'POST', headers: play.auth, body: '{}' }).then(async (r) => ({
        status: r.status,
        body: (await r.json()) as SessionCredentialResponse,
      }));
    const answers = await Promise.all([A, B, A, B].map(ask));
    const ok = answers.filter((a) => a.status === 200 || a.status === 201);
    expect(answers.every((a) => [200, 201, 409].includes(a.status))).toBe(true);
    expect(answers.filter((a) => a.status === 201).length).toBeLessThanOrEqual(1);
    const first = ok[0]?.body ?? (await ask(B)).body;
    for (const a of ok) expect(a.body.credentialId).toBe(first.credentialId);
    expect((await ask(A)).body.credentialId).toBe(first.credentialId);
    const k = servers[0]!.issuer.witness.db.kysely;
    const records = await k.selectFrom('credentials').select('id').where('session_id', '=', play.sessionId).execute();
    expect(records.map((r) => r.id)).toEqual([first.credentialId]);
    witnessed = { play, body: first };
  });

  it('hands out one seed per game, whichever instance each racing request reaches', { timeout: 60_000 }, async () => {
    const created = (await (
      await fetch(`${B}/api/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: A },
        body: JSON.stringify({
          battery: 'short',
          normGroup: 'sro-provisional-all',
          lang: 'en',
          consent: { textVersion: 'c1', mode: 'certified', acceptedAt: 1 },
        }),
      })
    ).json()) as { sessionId: string; token: string };
    const start = (base: string) =>
      fetch(`${base}/api/sessions/${created.sessionId}/games/reaction/start`, { method: 'POST', headers: { authorization: `Bearer ${created.token}` } }).then(
        async (r) => ((await r.json()) as { seed: number }).seed,
      );
    const seeds = await Promise.all([A, B, A, B, A, B].map(start));
    expect(new Set(seeds).size).toBe(1);
    const rows = await servers[0]!.issuer.witness.handouts(created.sessionId);
    expect(rows.map((r) => r.seed)).toEqual([seeds[0]]);
  });

  it('redeems a pre-authorized code once, however many requests race for it on both instances', { timeout: 60_000 }, async () => {
    const body = witnessed?.body;
    if (!body) throw new Error('needs the credential of the first test');
    const code = (JSON.parse(new URL(body.offer.uri).searchParams.get('credential_offer')!) as { grants: Record<string, { 'pre-authorized_code': string }> })
      .grants[PRE_AUTH]!['pre-authorized_code'];
    const res = await Promise.all(
      Array.from({ length: 8 }, (_, i) => fetch(`${i % 2 ? B : A}/issuer/oid4vci/token`, form({ grant_type: PRE_AUTH, 'pre-authorized_code': code }))),
    );
    expect(res.map((r) => r.status).sort()).toEqual([200, 400, 400, 400, 400, 400, 400, 400]);
    for (const r of res.filter((x) => x.status === 400)) expect(((await r.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it('accepts a nonce once and a grant once per configuration, across instances', { timeout: 60_000 }, async () => {
    const play = await playWitnessed(B, clock, { rngSeed: 12, instances: [B, A] });
    const issued = await play.credential();
    expect(issued.status).toBe(201);
    const body = (await issued.json()) as SessionCredentialResponse;
    const code = (JSON.parse(new URL(body.offer.uri).searchParams.get('credential_offer')!) as { grants: Record<string, { 'pre-authorized_code': string }> })
      .grants[PRE_AUTH]!['pre-authorized_code'];
    const accessToken = await tokenFor(code, B);

    // One nonce, in two requests for the two configurations (each allowed once), one to each instance: one gets through.
    const shared = await nonce(A);
    const proof1 = await holderProof(shared);
    const proof2 = await holderProof(shared);
    const byNonce = await Promise.all([credentialRequest(A, accessToken, VC_CONFIG_ID, proof1), credentialRequest(B, accessToken, DC_CONFIG_ID, proof2)]);
    expect(byNonce.map((r) => r.status).sort()).toEqual([200, 400]);
    const refused = byNonce.find((r) => r.status === 400)!;
    expect(((await refused.json()) as { error: string }).error).toBe('invalid_nonce');
    const used = byNonce[0]!.status === 200 ? VC_CONFIG_ID : DC_CONFIG_ID;
    const other = used === VC_CONFIG_ID ? DC_CONFIG_ID : VC_CONFIG_ID;

    // The other configuration, asked for with one access token and two fresh nonces on both instances at once: one copy.
    const race = await Promise.all(
      [A, B, A, B].map(async (base) => credentialRequest(base, accessToken, other, await holderProof(await nonce(base === A ? B : A)))),
    );
    expect(race.map((r) => r.status).sort()).toEqual([200, 400, 400, 400]);
    for (const r of race.filter((x) => x.status === 400))
      expect(((await r.json()) as { error: string; error_description: string }).error_description).toMatch(/already issued/);
    // And the configuration already fetched stays fetched.
    expect((await credentialRequest(B, accessToken, used, await holderProof(await nonce(B)))).status).toBe(400);
  });

  it('keeps one status list: revoked through one instance, read as revoked through the other', { timeout: 60_000 }, async () => {
    const body = witnessed?.body;
    if (!body) throw new Error('needs the credential of the first test');
    const idx = body.status.idx;
    // Each instance has served (and cached) the list before the revocation.
    expect([await statusBit(A, idx), await statusBit(B, idx)]).toEqual([0, 0]);
    const revoke = await fetch(`${A}/issuer/api/revoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: A },
      body: JSON.stringify({ credentialId: body.credentialId, token: body.revocation.token }),
    });
    expect(revoke.status).toBe(200);
    expect([await statusBit(B, idx), await statusBit(A, idx)]).toEqual([1, 1]);
    // A session deleted through B revokes what A issued for it, and A then no longer knows the session.
    const play = witnessed!.play;
    const del = await fetch(`${B}/api/sessions/${play.sessionId}`, { method: 'DELETE', headers: { authorization: play.auth.authorization! } });
    expect(del.status).toBe(200);
    expect((await fetch(`${A}/api/sessions/${play.sessionId}`, { headers: play.auth })).status).toBe(404);
  });
});
