/**
 * Pilots' certified sessions through the witness API, on PGlite and (when configured) PostgreSQL: a pilot that
 * requires a start token gets sessions only with a valid one, each token starts one session (also after that session
 * was deleted, and across the shared database), and the credential says whether the pilot vouched for the session or
 * it was only played with the pilot's settings — as the shared verifier reads it. Retention per pilot: the raw events
 * of a pilot's sessions go after the pilot's `retentionDays`, every other session's after RETENTION_DAYS, by the
 * server's own housekeeping on the test clock.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profileFromLogSource } from '../credential/profile-source.ts';
import { verifyCredential } from '../credential/verify.ts';
import type { PilotConfig, PublicJwk } from '../embed/pilot.ts';
import { buildApp } from './app.ts';
import { DEFAULT_LIMITS, type IssuerConfig } from './config.ts';
import { createIssuer, type Issuer } from './issuer.ts';
import { freePort } from './testing/free-port.ts';
import { DB_KINDS, freshPgSchema, openTestDb } from './testing/test-db.ts';
import { playWitnessed, testClock, type TestClock } from './testing/witnessed-session.ts';
import type { SessionCredentialResponse } from './witness-api.ts';

const DAY = 86_400_000;
const EMBED = 'embed-0001';

const pilot = (over: Partial<PilotConfig>): PilotConfig => ({
  id: 'acme',
  name: 'Acme Careers',
  hostOrigins: ['https://acme.example'],
  battery: 'reaction',
  defaultLang: 'nl',
  normGroup: 'sro-provisional-all',
  roles: [],
  branding: { accent: '#112233' },
  share: 'domains',
  xapi: { enabled: false },
  retentionDays: 30,
  ...over,
});

describe.each(DB_KINDS)('pilot sessions on %s', (kind) => {
  let app: FastifyInstance;
  let issuer: Issuer;
  let url: string;
  let clock: TestClock;
  let dir: string;
  let drop: (() => Promise<void>) | undefined;
  let signingKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

  /** A start token as Acme's backend signs one, on the server's clock. */
  const startToken = (claims: Record<string, unknown> = {}) => {
    const iat = Math.floor(clock.now() / 1000);
    return new SignJWT({ iss: 'acme', aud: url, embedId: EMBED, jti: crypto.randomUUID(), iat, exp: iat + 300, ...claims })
      .setProtectedHeader({ alg: 'ES256', kid: 'acme-2026' })
      .sign(signingKey);
  };

  const createWith = (body: Record<string, unknown>) =>
    fetch(`${url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({
        battery: 'reaction',
        normGroup: 'sro-provisional-all',
        lang: 'en',
        consent: { textVersion: 'certified-1', mode: 'certified', acceptedAt: clock.now() },
        pilot: 'acme',
        embedId: EMBED,
        ...body,
      }),
    });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'talentscan-pilots-'));
    const pgSchema = kind === 'postgres' ? await freshPgSchema() : undefined;
    drop = pgSchema?.drop;
    const db = await openTestDb(kind, { ...(pgSchema ? { url: pgSchema.url } : {}) });
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    ({ privateKey: signingKey } = await generateKeyPair('ES256', { extractable: true }));
    const { d: _private, ...pub } = await exportJWK(signingKey);
    const jwks = { keys: [{ ...pub, kid: 'acme-2026', alg: 'ES256', use: 'sig' } as PublicJwk] };
    const pilots = new Map<string, PilotConfig>([
      ['acme', pilot({ startToken: { required: true, jwks }, retentionDays: 7 })],
      ['open', pilot({ id: 'open', name: 'Open Platform', retentionDays: 90 })],
    ]);
    const config: IssuerConfig = { publicUrl: url, name: 'T', dataDir: dir, allowedOrigins: [url], validForDays: 365, ...DEFAULT_LIMITS };
    clock = testClock(Date.now() - 3 * 3_600_000);
    issuer = await createIssuer(config, { profileSource: profileFromLogSource, db, now: clock.now, pilots });
    app = await buildApp({ config, issuer, pilots });
    await app.listen({ port, host: '127.0.0.1' });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await issuer?.close();
    await drop?.();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('starts a pilot session only with a valid start token, each token once', { timeout: 60_000 }, async () => {
    const missing = await createWith({});
    expect(missing.status).toBe(403);
    expect((await missing.json()).error).toBe('start-token-missing');
    const expired = await createWith({
      startToken: await startToken({ iat: Math.floor(clock.now() / 1000) - 900, exp: Math.floor(clock.now() / 1000) - 120 }),
    });
    expect((await expired.json()).error).toBe('start-token-expired');
    const elsewhere = await createWith({ startToken: await startToken({ aud: 'https://another-scan.example' }) });
    expect((await elsewhere.json()).error).toBe('start-token-audience');
    // A token names its pilot; it cannot start another pilot's session, nor a session that names none.
    const open = await createWith({ pilot: 'open', startToken: await startToken() });
    expect((await open.json()).error).toBe('start-token-pilot');
    const noPilot = await createWith({ pilot: undefined, startToken: await startToken() });
    expect((await noPilot.json()).error).toBe('start-token-without-pilot');

    const token = await startToken();
    const ok = await createWith({ startToken: token });
    expect(ok.status).toBe(201);
    const { sessionId, token: capability } = (await ok.json()) as { sessionId: string; token: string };
    const row = await issuer.witness.getSession(sessionId);
    expect(row?.start_token).toMatchObject({ kid: 'acme-2026', alg: 'ES256', embedId: EMBED });
    expect(JSON.stringify(row?.start_token)).not.toContain(token);
    const replay = await createWith({ startToken: token });
    expect(replay.status).toBe(403);
    expect((await replay.json()).error).toBe('start-token-replayed');
    // Deleting the session does not make its token usable again.
    const del = await fetch(`${url}/api/sessions/${sessionId}`, { method: 'DELETE', headers: { origin: url, authorization: `Bearer ${capability}` } });
    expect(del.status).toBe(200);
    expect((await (await createWith({ startToken: token })).json()).error).toBe('start-token-replayed');
  });

  it('states in the credential whether the pilot vouched for the session, and the verifier reads it', { timeout: 120_000 }, async () => {
    const vouched = await playWitnessed(url, clock, { battery: 'reaction', pilot: 'acme', startToken: await startToken(), embedId: EMBED, rngSeed: 4 });
    const settingsOnly = await playWitnessed(url, clock, { battery: 'reaction', pilot: 'open', rngSeed: 5 });
    for (const [play, binding, name] of [
      [vouched, 'start-token', 'Acme Careers'],
      [settingsOnly, 'settings', 'Open Platform'],
    ] as const) {
      const res = await play.credential();
      const body = (await res.json()) as SessionCredentialResponse;
      expect(res.status).toBe(201);
      const v = await verifyCredential(body.vcSdJwt, { trustedIssuers: [issuer.identity.did] });
      if (!v.ok) throw new Error(`${v.reason}: ${v.detail}`);
      expect(v.assurance?.embedding).toEqual({ pilot: binding === 'settings' ? 'open' : 'acme', pilotName: name, binding });
      const evidence = (body.credential as { evidence: { genre?: string; narrative?: string }[] }).evidence.find((e) => e.genre === 'Assurance');
      expect(evidence?.narrative).toMatch(
        binding === 'start-token' ? /Embedded by the pilot "Acme Careers".*start token/ : /settings of the pilot "Open Platform".*did not vouch/,
      );
    }
  });

  it("deletes a pilot's raw events after the pilot's retention, the others' after RETENTION_DAYS", { timeout: 120_000 }, async () => {
    const acme = await playWitnessed(url, clock, { battery: 'reaction', pilot: 'acme', startToken: await startToken(), embedId: EMBED, rngSeed: 6 });
    const open = await playWitnessed(url, clock, { battery: 'reaction', pilot: 'open', rngSeed: 7 });
    const plain = await playWitnessed(url, clock, { battery: 'reaction', rngSeed: 8 });
    for (const p of [acme, open, plain]) expect((await p.credential()).status).toBe(201);
    const held = async () =>
      Object.fromEntries(
        await Promise.all(
          (
            [
              ['acme', acme],
              ['open', open],
              ['plain', plain],
            ] as const
          ).map(async ([k, p]) => [k, (await issuer.witness.batches(p.sessionId)).events.length > 0] as const),
        ),
      );
    const issuedAt = clock.now();
    // Acme keeps 7 days, the deployment 30 (DEFAULT_LIMITS), Open 90: the server's own housekeeping on its clock.
    await clock.set(issuedAt + 6 * DAY);
    await issuer.housekeeping();
    expect(await held()).toEqual({ acme: true, open: true, plain: true });
    await clock.set(issuedAt + 8 * DAY);
    await issuer.housekeeping();
    expect(await held()).toEqual({ acme: false, open: true, plain: true });
    await clock.set(issuedAt + 31 * DAY);
    await issuer.housekeeping();
    expect(await held()).toEqual({ acme: false, open: true, plain: false });
    await clock.set(issuedAt + 91 * DAY);
    await issuer.housekeeping();
    expect(await held()).toEqual({ acme: false, open: false, plain: false });
    // What was witnessed stays: the batch hashes, and the credential can be downloaded again.
    expect((await issuer.witness.batches(acme.sessionId)).batches.length).toBeGreaterThan(0);
    expect((await acme.credential()).status).toBe(200);
  });
});
