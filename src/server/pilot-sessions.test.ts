/**
 * Pilots' certified sessions through the witness API, on PGlite and (when configured) PostgreSQL: a pilot that
 * requires a start token gets sessions only with a valid one, each token starts one session (also after that session
 * was deleted), and the credential says whether the pilot vouched for the session or
 * it was only played with the pilot's settings — as the shared verifier reads it. Retention per pilot: the raw events
 * of a pilot's sessions go after the pilot's `retentionDays`, every other session's after RETENTION_DAYS, by the
 * server's own housekeeping on the test clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profileFromLogSource } from '../credential/profile-source.ts';
import { verifyCredential } from '../credential/verify.ts';
import type { PilotConfig } from '../embed/pilot.ts';
import type { Issuer } from './issuer.ts';
import { type PilotBackend, pilotBackend, testPilot } from './testing/pilots.ts';
import { DB_KINDS } from './testing/test-db.ts';
import { startTestServer, type TestServer } from './testing/test-server.ts';
import { playWitnessed, type TestClock } from './testing/witnessed-session.ts';
import type { SessionCredentialResponse } from './witness-api.ts';

const DAY = 86_400_000;
const EMBED = 'embed-0001';

describe.each(DB_KINDS)('pilot sessions on %s', (kind) => {
  let server: TestServer;
  let issuer: Issuer;
  let url: string;
  let clock: TestClock;
  let acme: PilotBackend;

  /** A start token as Acme's backend signs one, on the server's clock. */
  const startToken = (claims: Record<string, unknown> = {}) => acme.sign(clock.now(), { aud: url, embedId: EMBED, ...claims });

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
    acme = await pilotBackend('acme', 'acme-2026');
    const pilots = new Map<string, PilotConfig>([
      ['acme', testPilot({ name: 'Acme Careers', startToken: { required: true, jwks: acme.jwks }, retentionDays: 7 })],
      ['open', testPilot({ id: 'open', name: 'Open Platform', retentionDays: 90 })],
    ]);
    server = await startTestServer({ db: kind, profileSource: profileFromLogSource, issuer: { pilots } });
    ({ issuer, url, clock } = server);
  }, 120_000);

  afterAll(() => server?.close(), 60_000);

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
    const after: [number, Record<string, boolean>][] = [
      [6, { acme: true, open: true, plain: true }],
      [8, { acme: false, open: true, plain: true }],
      [31, { acme: false, open: true, plain: false }],
      [91, { acme: false, open: false, plain: false }],
    ];
    for (const [days, expected] of after) {
      await clock.set(issuedAt + days * DAY);
      await issuer.housekeeping();
      expect(await held(), `${days} days after issuance`).toEqual(expected);
    }
    // What was witnessed stays: the batch hashes, and the credential can be downloaded again.
    expect((await issuer.witness.batches(acme.sessionId)).batches.length).toBeGreaterThan(0);
    expect((await acme.credential()).status).toBe(200);
  });
});
