/**
 * The issuer service in-process on 127.0.0.1 (ephemeral port): issuance from a witnessed session (a simulated
 * candidate plays through the witness API), verification by the shared verifier, revocation, a full OpenID4VCI
 * pre-authorized flow by a test wallet (holder key, proof JWT, nonce), replay and stale-nonce refusals, bad input, and
 * a restart that loses nothing. There is no way to have a log the browser sends signed (the practice-era endpoint is gone).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { didJwk } from '../credential/did.ts';
import { obSchemaValidator } from '../credential/ob-schema.ts';
import { verifyCredential } from '../credential/verify.ts';
import type { LogEvent } from '../log/events.ts';
import { buildApp } from './app.ts';
import { DEFAULT_LIMITS, type IssuerConfig } from './config.ts';
import { fixtureProfileSource } from './fixtures/profile.ts';
import { createIssuer, type Issuer } from './issuer.ts';
import { DC_CONFIG_ID, VC_CONFIG_ID } from './oid4vci.ts';
import type { SqlStore } from './store.ts';
import { openDatabase } from './db/connect.ts';
import { freePort } from './testing/free-port.ts';
import { playWitnessed, testClock, type TestClock } from './testing/witnessed-session.ts';

interface Running {
  issuer: Issuer;
  app: FastifyInstance;
  url: string;
  store: SqlStore;
  clock: TestClock;
}

// Every credential here is earned by a simulated candidate playing a whole battery through the API: seconds each.
vi.setConfig({ testTimeout: 120_000 });

/** One server clock for every issuer of this file, so a restarted issuer never sees time run backwards. */
const clock = testClock(Date.now() - 6 * 3_600_000);

async function start(dataDir: string, port = 0, overrides: Partial<IssuerConfig> = {}): Promise<Running> {
  const listenPort = port || (await freePort());
  const url = `http://127.0.0.1:${listenPort}`;
  const config: IssuerConfig = {
    publicUrl: url,
    name: 'Talentscan (test)',
    dataDir,
    allowedOrigins: [url],
    validForDays: 365,
    adminToken: 'admin-secret',
    ...DEFAULT_LIMITS,
    maxBodyBytes: 1024 * 1024,
    ...overrides,
  };
  const issuer = await createIssuer(config, { profileSource: fixtureProfileSource, db: await openDatabase({ dataDir }), now: clock.now });
  const app = await buildApp({ config, issuer });
  await app.listen({ port: listenPort, host: '127.0.0.1' });
  return { issuer, app, url, store: issuer.store as SqlStore, clock };
}

async function stop(r: Running): Promise<void> {
  await r.app.close();
  await r.issuer.close();
}

/** A credential for a session witnessed from start to end (the only way to get one). */
async function issue(r: Running, opts: { battery?: string; txCode?: boolean; rngSeed?: number } = {}): Promise<IssueResponse> {
  const play = await playWitnessed(r.url, r.clock, { battery: opts.battery ?? 'short', normGroup: 'fixture-adults', rngSeed: opts.rngSeed ?? 2 });
  const res = await play.credential(opts.txCode ? { txCode: true } : {});
  const body = (await res.json()) as IssueResponse & { message?: string };
  if (res.status !== 201) throw new Error(`credential: ${res.status} ${body.message}`);
  return body;
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

interface IssueResponse {
  credentialId: string;
  vcSdJwt: string;
  dcSdJwt: string;
  credential: { id: string };
  offer: { uri: string; qrSvg: string; txCode?: string };
  revocation: { credentialId: string; token: string };
}

function offerOf(uri: string): {
  credential_issuer: string;
  credential_configuration_ids: string[];
  grants: Record<string, { 'pre-authorized_code': string; tx_code?: unknown }>;
} {
  expect(uri.startsWith('openid-credential-offer://')).toBe(true);
  return JSON.parse(new URL(uri).searchParams.get('credential_offer')!) as ReturnType<typeof offerOf>;
}

const PRE_AUTH = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';

/** A minimal wallet written against the specs (fetch + jose), independent of the issuer's OpenID4VCI library. */
class TestWallet {
  holderJwk!: JWK;
  private privateKey!: CryptoKey;
  async init(): Promise<this> {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    this.holderJwk = await exportJWK(publicKey);
    this.privateKey = privateKey;
    return this;
  }
  async metadata(issuerUrl: string) {
    const ci = (await (await fetch(`${issuerUrl}/.well-known/openid-credential-issuer`)).json()) as {
      credential_endpoint: string;
      nonce_endpoint: string;
      credential_configurations_supported: Record<string, unknown>;
    };
    const as = (await (await fetch(`${issuerUrl}/.well-known/oauth-authorization-server`)).json()) as { token_endpoint: string };
    return { ...ci, token_endpoint: as.token_endpoint };
  }
  token(endpoint: string, code: string, txCode?: string) {
    const form = new URLSearchParams({ grant_type: PRE_AUTH, 'pre-authorized_code': code, ...(txCode ? { tx_code: txCode } : {}) });
    return fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
  }
  async nonce(endpoint: string): Promise<string> {
    return ((await (await fetch(endpoint, { method: 'POST' })).json()) as { c_nonce: string }).c_nonce;
  }
  proof(aud: string, nonce: string, iat = Math.floor(Date.now() / 1000)): Promise<string> {
    return new SignJWT({ nonce })
      .setProtectedHeader({ alg: 'ES256', typ: 'openid4vci-proof+jwt', jwk: this.holderJwk })
      .setAudience(aud)
      .setIssuedAt(iat)
      .sign(this.privateKey);
  }
  credential(endpoint: string, accessToken: string, configId: string, proof: string) {
    return fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ credential_configuration_id: configId, proofs: { jwt: [proof] } }),
    });
  }
}

let dir: string;
let run: Running;
const schemaValidator = obSchemaValidator();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'talentscan-issuer-'));
  run = await start(dir);
}, 120_000);

afterAll(async () => {
  await stop(run);
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('issuance from the raw log', () => {
  it('re-scores a standard session, signs both formats and offers it to a wallet', async () => {
    const play = await playWitnessed(run.url, run.clock, { battery: 'standard', normGroup: 'fixture-adults', rngSeed: 4 });
    const res = await play.credential();
    expect(res.status).toBe(201);
    const body = (await res.json()) as IssueResponse;
    expect(res.headers.get('cache-control')).toBe('no-store');
    for (const compact of [body.vcSdJwt, body.dcSdJwt]) {
      const v = await verifyCredential(compact, { schemaValidator, trustedIssuers: [run.issuer.identity.did] });
      if (!v.ok) throw new Error(`${v.reason}: ${v.detail}`);
      expect(v.status).toMatchObject({ checked: true, value: 0 });
      expect(v.summary.domains).toHaveLength(6);
      expect(v.keyBinding).toBe('absent');
    }
    expect(schemaValidator(body.credential)).toEqual([]);
    expect(body.offer.qrSvg.startsWith('<svg')).toBe(true);
    expect(offerOf(body.offer.uri).credential_configuration_ids).toEqual([VC_CONFIG_ID, DC_CONFIG_ID]);
  });

  it("revokes on the candidate's request (and a coach admin can too); verifiers then see it", async () => {
    const a = await issue(run);
    expect((await verifyCredential(a.vcSdJwt)).ok).toBe(true);
    expect((await post(`${run.url}/issuer/api/revoke`, { credentialId: a.credentialId, token: 'wrong' })).status).toBe(403);
    const r = await post(`${run.url}/issuer/api/revoke`, { credentialId: a.credentialId, token: a.revocation.token });
    expect(r.status).toBe(200);
    expect(await verifyCredential(a.vcSdJwt)).toMatchObject({ ok: false, reason: 'revoked' });
    expect(await verifyCredential(a.dcSdJwt)).toMatchObject({ ok: false, reason: 'revoked' });

    const b = await issue(run, { rngSeed: 3 });
    expect((await post(`${run.url}/issuer/api/revoke`, { credentialId: b.credentialId }, { authorization: 'Bearer nope' })).status).toBe(403);
    expect((await post(`${run.url}/issuer/api/revoke`, { credentialId: b.credentialId }, { authorization: 'Bearer admin-secret' })).status).toBe(200);
    expect(await verifyCredential(b.dcSdJwt)).toMatchObject({ ok: false, reason: 'revoked' });
  });
});

describe('OpenID4VCI pre-authorized code flow', () => {
  it('issues to a test wallet with holder binding; refuses a replayed code and a stale nonce', async () => {
    const issued = await issue(run, { txCode: true });
    const offer = offerOf(issued.offer.uri);
    expect(offer.credential_issuer).toBe(run.url);
    const grant = offer.grants[PRE_AUTH]!;
    expect(grant.tx_code).toMatchObject({ input_mode: 'numeric', length: 6 });
    const wallet = await new TestWallet().init();
    const meta = await wallet.metadata(offer.credential_issuer);
    expect(Object.keys(meta.credential_configurations_supported)).toEqual([VC_CONFIG_ID, DC_CONFIG_ID]);

    // Wrong transaction code, then the right one.
    const wrong = await wallet.token(meta.token_endpoint, grant['pre-authorized_code'], '000000' === issued.offer.txCode ? '111111' : '000000');
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { error: string }).error).toBe('invalid_grant');
    const tokenRes = await wallet.token(meta.token_endpoint, grant['pre-authorized_code'], issued.offer.txCode);
    expect(tokenRes.status).toBe(200);
    const token = (await tokenRes.json()) as { access_token: string; token_type: string; c_nonce?: string };
    expect(token.token_type).toBe('Bearer');

    // Replayed pre-authorized code.
    const replay = await wallet.token(meta.token_endpoint, grant['pre-authorized_code'], issued.offer.txCode);
    expect(replay.status).toBe(400);
    expect(((await replay.json()) as { error: string }).error).toBe('invalid_grant');

    // A credential request without a proof, and one with a nonce the issuer never gave.
    const noProof = await fetch(meta.credential_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token.access_token}` },
      body: JSON.stringify({ credential_configuration_id: VC_CONFIG_ID }),
    });
    expect(noProof.status).toBe(400);
    const made = await wallet.credential(meta.credential_endpoint, token.access_token, VC_CONFIG_ID, await wallet.proof(run.url, 'made-up'));
    expect(((await made.json()) as { error: string }).error).toBe('invalid_nonce');

    // The real thing: nonce from the nonce endpoint, proof JWT with the holder key.
    const nonce = await wallet.nonce(meta.nonce_endpoint);
    const credRes = await wallet.credential(meta.credential_endpoint, token.access_token, VC_CONFIG_ID, await wallet.proof(run.url, nonce));
    expect(credRes.status).toBe(200);
    const credential = ((await credRes.json()) as { credentials: { credential: string }[] }).credentials[0]!.credential;
    const v = await verifyCredential(credential, { schemaValidator, trustedIssuers: [run.issuer.identity.did] });
    if (!v.ok) throw new Error(`${v.reason}: ${v.detail}`);
    expect(v.format).toBe('vc+sd-jwt');
    expect(v.holderKey).toMatchObject({ kty: 'EC', crv: 'P-256', x: wallet.holderJwk.x, y: wallet.holderJwk.y });
    expect(v.credential.credentialSubject.id).toBe(didJwk(wallet.holderJwk));

    // Stale nonce: the one just used.
    const stale = await wallet.credential(meta.credential_endpoint, token.access_token, DC_CONFIG_ID, await wallet.proof(run.url, nonce));
    expect(stale.status).toBe(400);
    expect(((await stale.json()) as { error: string }).error).toBe('invalid_nonce');
    // Expired nonce.
    await run.store.put('nonce', 'expired-nonce', {}, Date.now() - 1);
    const expired = await wallet.credential(meta.credential_endpoint, token.access_token, DC_CONFIG_ID, await wallet.proof(run.url, 'expired-nonce'));
    expect(((await expired.json()) as { error: string }).error).toBe('invalid_nonce');
    // A stale proof and one from the future (iat), each with a fresh nonce.
    for (const iat of [Math.floor(Date.now() / 1000) - 3600, Math.floor(Date.now() / 1000) + 3600]) {
      const dated = await wallet.credential(
        meta.credential_endpoint,
        token.access_token,
        DC_CONFIG_ID,
        await wallet.proof(run.url, await wallet.nonce(meta.nonce_endpoint), iat),
      );
      expect([dated.status, ((await dated.json()) as { error: string }).error]).toEqual([400, 'invalid_proof']);
    }
    // A proof for another audience.
    const badAud = await wallet.credential(
      meta.credential_endpoint,
      token.access_token,
      DC_CONFIG_ID,
      await wallet.proof('https://elsewhere.example', await wallet.nonce(meta.nonce_endpoint)),
    );
    expect(badAud.status).toBe(400);

    // The SD-JWT VC with a fresh nonce; then the same configuration again is refused.
    const dcRes = await wallet.credential(
      meta.credential_endpoint,
      token.access_token,
      DC_CONFIG_ID,
      await wallet.proof(run.url, await wallet.nonce(meta.nonce_endpoint)),
    );
    expect(dcRes.status).toBe(200);
    const dc = ((await dcRes.json()) as { credentials: { credential: string }[] }).credentials[0]!.credential;
    const dv = await verifyCredential(dc, { schemaValidator });
    expect(dv.ok && dv.format).toBe('dc+sd-jwt');
    const again = await wallet.credential(
      meta.credential_endpoint,
      token.access_token,
      DC_CONFIG_ID,
      await wallet.proof(run.url, await wallet.nonce(meta.nonce_endpoint)),
    );
    expect(again.status).toBe(400);

    // No access token, a forged one.
    expect((await fetch(meta.credential_endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);
    expect((await wallet.credential(meta.credential_endpoint, `${token.access_token.slice(0, -4)}AAAA`, DC_CONFIG_ID, 'x')).status).toBe(401);

    // Revoking the candidate's credential revokes the wallet copy too (one status entry).
    await post(`${run.url}/issuer/api/revoke`, { credentialId: issued.credentialId, token: issued.revocation.token });
    expect(await verifyCredential(credential)).toMatchObject({ ok: false, reason: 'revoked' });
  });
});

describe('bad input: a clear 4xx, nothing issued, the service stays up', () => {
  const consent = { textVersion: 'c1', mode: 'certified', acceptedAt: 1 };
  const session = { battery: 'short', normGroup: 'fixture-adults', lang: 'en', consent };
  const cases: [string, () => Promise<Response>, number, string][] = [
    ['malformed JSON', () => post(`${run.url}/api/sessions`, '{"battery": [1, 2'), 400, 'malformed-json'],
    [
      'not JSON',
      () => fetch(`${run.url}/api/sessions`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hi' }),
      415,
      'unsupported-media-type',
    ],
    ['oversized body', () => post(`${run.url}/api/sessions`, JSON.stringify({ ...session, pad: 'x'.repeat(1_100_000) })), 413, 'too-large'],
    ['unknown field', () => post(`${run.url}/api/sessions`, { ...session, admin: true }), 400, 'bad-request'],
    ['practice mode', () => post(`${run.url}/api/sessions`, { ...session, consent: { ...consent, mode: 'practice' } }), 400, 'bad-request'],
    ['unknown battery', () => post(`${run.url}/api/sessions`, { ...session, battery: 'marathon' }), 422, 'unknown-battery'],
    ['another origin', () => post(`${run.url}/api/sessions`, session, { origin: 'https://evil.example' }), 403, 'origin-not-allowed'],
    ['the practice-era issuance of a browser-sent log', () => post(`${run.url}/issuer/api/credentials`, { events: [] }), 404, 'not-found'],
  ];

  it.each(cases)('%s → %i %s', async (_name, send, status, code) => {
    const before = await run.store.allocatedCount();
    const res = await send();
    expect(res.status).toBe(status);
    const body = (await res.json()) as { error: string; reason: string };
    expect(body.error).toBe(code);
    expect(body.reason.length).toBeGreaterThan(10);
    expect(await run.store.allocatedCount()).toBe(before);
  });

  /** What a tampering browser can upload: consistent with its own chain, refused when the credential is asked for. */
  const tampered: [string, (ev: LogEvent[]) => LogEvent[], string][] = [
    ['unknown game version', (ev) => ev.map((e) => (e.type === 'game-start' && e.game === 'flanker' ? { ...e, version: '9.9.9' } : e)), 'unknown-game-version'],
    // The batch with the gap is refused at upload, so the server's copy ends before it: the session never ended there.
    ['a gap in seq', (ev) => ev.filter((_, i) => i !== 40), 'session-not-finished'],
    ['clock running backwards', (ev) => ev.map((e, i) => (i === 60 ? { ...e, t: e.t - 60_000 } : e)), 'clock'],
    ['unfinished session', (ev) => ev.slice(0, -1), 'session-not-finished'],
    [
      'a presentation before the frame that drew the stimulus',
      (ev) => ev.map((e) => (e.type === 'stimulus' && e.game === 'reaction' && e.block === 1 && e.trial === 0 ? { ...e, presentedAt: e.drawnAt - 5 } : e)),
      'onset',
    ],
    [
      'more trials than the design has',
      (ev) => ev.map((e) => (e.type !== 'block-start' && 'trial' in e && e.game === 'corsi' && e.block === 1 && e.trial === 0 ? { ...e, trial: 999 } : e)),
      'design',
    ],
  ];
  it.each(tampered)('a witnessed log with %s → 422 %s', { timeout: 120_000 }, async (_name, mutate, code) => {
    const before = await run.store.allocatedCount();
    const play = await playWitnessed(run.url, run.clock, { normGroup: 'fixture-adults', rngSeed: 8, mutate });
    const res = await play.credential();
    const body = (await res.json()) as { error: string; reason: string };
    expect([res.status, body.error]).toEqual([422, code]);
    expect(await run.store.allocatedCount()).toBe(before);
  });

  it('refuses an unknown norm group at the start', async () => {
    const play = playWitnessed(run.url, run.clock, { normGroup: 'martians' });
    await expect(play).resolves.toBeDefined();
    const res = await (await play).credential();
    expect(((await res.json()) as { error: string }).error).toBe('unknown-norm-group');
  }, 120_000);

  it('survives a few hundred bad requests and then issues a good one', async () => {
    const before = await run.store.allocatedCount();
    const bad = Array.from({ length: 300 }, (_, i) => cases[i % cases.length]![1]);
    for (let i = 0; i < bad.length; i += 25) {
      const statuses = await Promise.all(bad.slice(i, i + 25).map(async (send) => (await send()).status));
      for (const s of statuses) expect(s >= 400 && s < 500).toBe(true);
    }
    expect(await run.store.allocatedCount()).toBe(before);
    expect((await verifyCredential((await issue(run, { rngSeed: 9 })).vcSdJwt)).ok).toBe(true);
  }, 120_000);
});

describe('restart', () => {
  it('keeps the key, pending offers and the status list across a restart', { timeout: 120_000 }, async () => {
    const dir2 = mkdtempSync(join(tmpdir(), 'talentscan-restart-'));
    try {
      const first = await start(dir2);
      const port = Number(new URL(first.url).port);
      const did = first.issuer.identity.did;
      const a = await issue(first);
      const b = await issue(first, { rngSeed: 3 });
      await post(`${first.url}/issuer/api/revoke`, { credentialId: a.credentialId, token: a.revocation.token });
      await stop(first);

      const second = await start(dir2, port);
      try {
        expect(second.issuer.identity.did).toBe(did);
        expect(await verifyCredential(a.vcSdJwt)).toMatchObject({ ok: false, reason: 'revoked' });
        expect((await verifyCredential(b.vcSdJwt)).ok).toBe(true);
        const wallet = await new TestWallet().init();
        const meta = await wallet.metadata(second.url);
        const code = offerOf(b.offer.uri).grants[PRE_AUTH]!['pre-authorized_code'];
        const tokenRes = await wallet.token(meta.token_endpoint, code);
        expect(tokenRes.status).toBe(200);
      } finally {
        await stop(second);
      }
    } finally {
      rmSync(dir2, { recursive: true, force: true });
    }
  });
});

describe('with the profile engine', () => {
  it('issues a credential from the real norm-based profile (profileFromLog) that passes the OB 3.0 schema', { timeout: 120_000 }, async () => {
    const { profileFromLogSource } = await import('../credential/profile-source.ts');
    const dir3 = mkdtempSync(join(tmpdir(), 'talentscan-engine-'));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const config = { publicUrl: url, name: 'T', dataDir: dir3, allowedOrigins: [url], validForDays: 365, ...DEFAULT_LIMITS };
    const issuer = await createIssuer(config, { profileSource: profileFromLogSource, db: await openDatabase({ inMemory: true }), now: clock.now });
    const app = await buildApp({ config, issuer });
    await app.listen({ port, host: '127.0.0.1' });
    try {
      const res = await (await playWitnessed(url, clock, { battery: 'standard', rngSeed: 4 })).credential();
      expect(res.status).toBe(201);
      const body = (await res.json()) as IssueResponse & { recompute: { norm: { id: string } } };
      expect(schemaValidator(body.credential)).toEqual([]);
      const v = await verifyCredential(body.vcSdJwt, { schemaValidator });
      if (!v.ok) throw new Error(v.detail);
      expect(v.summary.domains.length).toBeGreaterThan(0);
      expect(v.summary.roles.every((r) => !r.name.startsWith('role.'))).toBe(true);
      const unknown = await (await playWitnessed(url, clock, { normGroup: 'martians', rngSeed: 5 })).credential();
      expect(((await unknown.json()) as { error: string }).error).toBe('unknown-norm-group');
    } finally {
      await app.close();
      await issuer.close();
      rmSync(dir3, { recursive: true, force: true });
    }
  });
});
