/**
 * The issuer service in-process on 127.0.0.1 (ephemeral port): issuance from a raw log, verification by the shared
 * verifier, revocation, a full OpenID4VCI pre-authorized flow by a test wallet (holder key, proof JWT, nonce), replay
 * and stale-nonce refusals, bad input, and a restart that loses nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { didJwk } from '../credential/did.ts';
import { obSchemaValidator } from '../credential/ob-schema.ts';
import { verifyCredential } from '../credential/verify.ts';
import type { LogEvent } from '../log/events.ts';
import { scoreSession } from '../scoring/score-game.ts';
import { buildApp } from './app.ts';
import { DEFAULT_LIMITS, type IssuerConfig } from './config.ts';
import { fixtureProfileSource } from './fixtures/profile.ts';
import { simulatedSession } from './fixtures/session-log.ts';
import { createIssuer, type Issuer } from './issuer.ts';
import { DC_CONFIG_ID, VC_CONFIG_ID } from './oid4vci.ts';
import { FileStore } from './store.ts';
import { freePort } from './testing/free-port.ts';

interface Running {
  issuer: Issuer;
  app: FastifyInstance;
  url: string;
  store: FileStore;
}

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
  const store = new FileStore(dataDir);
  const issuer = await createIssuer(config, { profileSource: fixtureProfileSource, store });
  const app = await buildApp({ config, issuer });
  await app.listen({ port: listenPort, host: '127.0.0.1' });
  return { issuer, app, url, store };
}

async function stop(r: Running): Promise<void> {
  await r.app.close();
  await r.issuer.close();
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

function offerOf(uri: string): { credential_issuer: string; credential_configuration_ids: string[]; grants: Record<string, { 'pre-authorized_code': string; tx_code?: unknown }> } {
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
    const ci = (await (await fetch(`${issuerUrl}/.well-known/openid-credential-issuer`)).json()) as { credential_endpoint: string; nonce_endpoint: string; credential_configurations_supported: Record<string, unknown> };
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
  proof(aud: string, nonce: string): Promise<string> {
    return new SignJWT({ nonce }).setProtectedHeader({ alg: 'ES256', typ: 'openid4vci-proof+jwt', jwk: this.holderJwk }).setAudience(aud).setIssuedAt().sign(this.privateKey);
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
let shortLog: LogEvent[];
let standardLog: LogEvent[];
const schemaValidator = obSchemaValidator();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'talentscan-issuer-'));
  run = await start(dir);
  shortLog = simulatedSession({ battery: 'short', seed: 2 });
  standardLog = simulatedSession({ battery: 'standard', seed: 4 });
});

afterAll(async () => {
  await stop(run);
  rmSync(dir, { recursive: true, force: true });
});

describe('issuance from the raw log', () => {
  it('re-scores a standard session, signs both formats and offers it to a wallet', async () => {
    const scores = scoreSession(standardLog).map((s) => ({ game: s.game, metrics: s.metrics }));
    const res = await post(`${run.url}/issuer/api/credentials`, { events: standardLog, claimed: { scores } }, { origin: run.url });
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

  it('revokes on the candidate\'s request (and a coach admin can too); verifiers then see it', async () => {
    const a = (await (await post(`${run.url}/issuer/api/credentials`, { events: shortLog })).json()) as IssueResponse;
    expect((await verifyCredential(a.vcSdJwt)).ok).toBe(true);
    expect((await post(`${run.url}/issuer/api/revoke`, { credentialId: a.credentialId, token: 'wrong' })).status).toBe(403);
    const r = await post(`${run.url}/issuer/api/revoke`, { credentialId: a.credentialId, token: a.revocation.token });
    expect(r.status).toBe(200);
    expect(await verifyCredential(a.vcSdJwt)).toMatchObject({ ok: false, reason: 'revoked' });
    expect(await verifyCredential(a.dcSdJwt)).toMatchObject({ ok: false, reason: 'revoked' });

    const b = (await (await post(`${run.url}/issuer/api/credentials`, { events: shortLog })).json()) as IssueResponse;
    expect((await post(`${run.url}/issuer/api/revoke`, { credentialId: b.credentialId }, { authorization: 'Bearer nope' })).status).toBe(403);
    expect((await post(`${run.url}/issuer/api/revoke`, { credentialId: b.credentialId }, { authorization: 'Bearer admin-secret' })).status).toBe(200);
    expect(await verifyCredential(b.dcSdJwt)).toMatchObject({ ok: false, reason: 'revoked' });
  });
});

describe('OpenID4VCI pre-authorized code flow', () => {
  it('issues to a test wallet with holder binding; refuses a replayed code and a stale nonce', async () => {
    const issued = (await (await post(`${run.url}/issuer/api/credentials`, { events: shortLog, txCode: true })).json()) as IssueResponse;
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
    const noProof = await fetch(meta.credential_endpoint, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token.access_token}` }, body: JSON.stringify({ credential_configuration_id: VC_CONFIG_ID }) });
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
    // A proof for another audience.
    const badAud = await wallet.credential(meta.credential_endpoint, token.access_token, DC_CONFIG_ID, await wallet.proof('https://elsewhere.example', await wallet.nonce(meta.nonce_endpoint)));
    expect(badAud.status).toBe(400);

    // The SD-JWT VC with a fresh nonce; then the same configuration again is refused.
    const dcRes = await wallet.credential(meta.credential_endpoint, token.access_token, DC_CONFIG_ID, await wallet.proof(run.url, await wallet.nonce(meta.nonce_endpoint)));
    expect(dcRes.status).toBe(200);
    const dc = ((await dcRes.json()) as { credentials: { credential: string }[] }).credentials[0]!.credential;
    const dv = await verifyCredential(dc, { schemaValidator });
    expect(dv.ok && dv.format).toBe('dc+sd-jwt');
    const again = await wallet.credential(meta.credential_endpoint, token.access_token, DC_CONFIG_ID, await wallet.proof(run.url, await wallet.nonce(meta.nonce_endpoint)));
    expect(again.status).toBe(400);

    // No access token, a forged one.
    expect((await fetch(meta.credential_endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);
    expect((await wallet.credential(meta.credential_endpoint, token.access_token.slice(0, -4) + 'AAAA', DC_CONFIG_ID, 'x')).status).toBe(401);

    // Revoking the candidate's credential revokes the wallet copy too (one status entry).
    await post(`${run.url}/issuer/api/revoke`, { credentialId: issued.credentialId, token: issued.revocation.token });
    expect(await verifyCredential(credential)).toMatchObject({ ok: false, reason: 'revoked' });
  });
});

describe('bad input: a clear 4xx, nothing issued, the service stays up', () => {
  const mutate = (f: (events: LogEvent[]) => LogEvent[]) => f(structuredClone(shortLog));
  const cases: [string, () => Promise<Response>, number, string][] = [
    ['malformed JSON', () => post(`${run.url}/issuer/api/credentials`, '{"events": [1, 2'), 400, 'malformed-json'],
    ['not JSON', () => fetch(`${run.url}/issuer/api/credentials`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hi' }), 415, 'unsupported-media-type'],
    ['oversized body', () => post(`${run.url}/issuer/api/credentials`, JSON.stringify({ events: shortLog, pad: 'x'.repeat(1_100_000) })), 413, 'too-large'],
    ['unknown field', () => post(`${run.url}/issuer/api/credentials`, { events: shortLog, admin: true }), 400, 'bad-request'],
    ['another origin', () => post(`${run.url}/issuer/api/credentials`, { events: shortLog }, { origin: 'https://evil.example' }), 403, 'origin-not-allowed'],
    [
      'unknown game version',
      () => post(`${run.url}/issuer/api/credentials`, { events: mutate((ev) => ev.map((e) => (e.type === 'game-start' && e.game === 'flanker' ? { ...e, version: '9.9.9' } : e))) }),
      422,
      'unknown-game-version',
    ],
    [
      'unknown game',
      () => post(`${run.url}/issuer/api/credentials`, { events: mutate((ev) => ev.map((e) => (e.type === 'game-start' && e.game === 'flanker' ? { ...e, game: 'tetris' } : e))) }),
      422,
      'unknown-game',
    ],
    [
      'forged scores',
      () => {
        const scores = scoreSession(shortLog).map((s) => ({ game: s.game, metrics: s.metrics }));
        scores[0]!.metrics['simple.median_rt'] = { value: 150 };
        return post(`${run.url}/issuer/api/credentials`, { events: shortLog, claimed: { scores } });
      },
      422,
      'scores-disagree',
    ],
    ['time-scaled play', () => post(`${run.url}/issuer/api/credentials`, { events: simulatedSession({ battery: 'short', seed: 2, timeScale: 4 }) }), 422, 'time-scaled'],
    ['a field of the wrong type', () => post(`${run.url}/issuer/api/credentials`, { events: mutate((ev) => ev.map((e, i) => (i === 5 ? ({ ...e, t: 'soon' } as unknown as LogEvent) : e))) }), 422, 'invalid-log'],
    ['a gap in seq', () => post(`${run.url}/issuer/api/credentials`, { events: mutate((ev) => ev.filter((_, i) => i !== 40)) }), 422, 'sequence'],
    [
      'clock running backwards',
      () => post(`${run.url}/issuer/api/credentials`, { events: mutate((ev) => ev.map((e, i) => (i === 60 ? { ...e, t: e.t - 60_000 } : e))) }),
      422,
      'clock',
    ],
    [
      'response before the target, not premature',
      () =>
        post(`${run.url}/issuer/api/credentials`, {
          events: mutate((ev) => {
            const r = ev.find((e) => e.type === 'response' && e.game === 'reaction' && e.block > 0) as Extract<LogEvent, { type: 'response' }>;
            const input = ev[r.input] as Extract<LogEvent, { type: 'input' }>;
            const onset = ev.find((e) => e.type === 'stimulus' && e.game === r.game && e.block === r.block && e.trial === r.trial)!;
            input.t = r.t = onset.t - 120;
            return ev;
          }),
        }),
      422,
      'impossible-rt',
    ],
    [
      'more trials than the design has',
      () =>
        post(`${run.url}/issuer/api/credentials`, {
          events: mutate((ev) => ev.map((e) => (e.type !== 'block-start' && 'trial' in e && e.game === 'corsi' && e.block === 1 && e.trial === 0 ? { ...e, trial: 999 } : e))),
        }),
      422,
      'design',
    ],
    ['unfinished session', () => post(`${run.url}/issuer/api/credentials`, { events: shortLog.slice(0, -1) }), 422, 'incomplete'],
    ['unknown norm group', () => post(`${run.url}/issuer/api/credentials`, { events: shortLog, normGroup: 'martians' }), 422, 'unknown-norm-group'],
  ];

  it.each(cases)('%s → %i %s', async (_name, send, status, code) => {
    const before = run.store.allocatedCount();
    const res = await send();
    expect(res.status).toBe(status);
    const body = (await res.json()) as { error: string; reason: string };
    expect(body.error).toBe(code);
    expect(body.reason.length).toBeGreaterThan(10);
    expect(run.store.allocatedCount()).toBe(before);
  });

  it('survives a few hundred bad requests and then issues a good one', async () => {
    const before = run.store.allocatedCount();
    const bad = Array.from({ length: 300 }, (_, i) => cases[i % cases.length]![1]);
    for (let i = 0; i < bad.length; i += 25) {
      const statuses = await Promise.all(bad.slice(i, i + 25).map(async (send) => (await send()).status));
      for (const s of statuses) expect(s >= 400 && s < 500).toBe(true);
    }
    expect(run.store.allocatedCount()).toBe(before);
    const good = await post(`${run.url}/issuer/api/credentials`, { events: shortLog });
    expect(good.status).toBe(201);
    expect((await verifyCredential(((await good.json()) as IssueResponse).vcSdJwt)).ok).toBe(true);
  }, 60_000);
});

describe('restart', () => {
  it('keeps the key, pending offers and the status list across a restart', async () => {
    const dir2 = mkdtempSync(join(tmpdir(), 'talentscan-restart-'));
    try {
      const first = await start(dir2);
      const port = Number(new URL(first.url).port);
      const did = first.issuer.identity.did;
      const a = (await (await post(`${first.url}/issuer/api/credentials`, { events: shortLog })).json()) as IssueResponse;
      const b = (await (await post(`${first.url}/issuer/api/credentials`, { events: shortLog })).json()) as IssueResponse;
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
  it('issues a credential from the real norm-based profile (profileFromLog) that passes the OB 3.0 schema', async () => {
    const { profileFromLogSource } = await import('../credential/profile-source.ts');
    const dir3 = mkdtempSync(join(tmpdir(), 'talentscan-engine-'));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const config = { publicUrl: url, name: 'T', dataDir: dir3, allowedOrigins: [url], validForDays: 365, ...DEFAULT_LIMITS };
    const issuer = await createIssuer(config, { profileSource: profileFromLogSource, store: new FileStore(dir3) });
    const app = await buildApp({ config, issuer });
    await app.listen({ port, host: '127.0.0.1' });
    try {
      const res = await post(`${url}/issuer/api/credentials`, { events: standardLog });
      expect(res.status).toBe(201);
      const body = (await res.json()) as IssueResponse & { recompute: { norm: { id: string } } };
      expect(schemaValidator(body.credential)).toEqual([]);
      const v = await verifyCredential(body.vcSdJwt, { schemaValidator });
      if (!v.ok) throw new Error(v.detail);
      expect(v.summary.domains.length).toBeGreaterThan(0);
      expect(v.summary.roles.every((r) => !r.name.startsWith('role.'))).toBe(true);
      const unknown = await post(`${url}/issuer/api/credentials`, { events: standardLog, normGroup: 'martians' });
      expect(((await unknown.json()) as { error: string }).error).toBe('unknown-norm-group');
    } finally {
      await app.close();
      await issuer.close();
      rmSync(dir3, { recursive: true, force: true });
    }
  });
});
