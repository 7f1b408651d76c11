/**
 * Certified sessions through the witness API, on PGlite and (when configured) PostgreSQL: a simulated candidate
 * plays through the API and gets the session's one credential from the server's own copy; the protocol's refusals
 * (chain, order, seeds, tokens); the integrity checks' refusals for the attacks; deletion revokes; retention.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profileFromLogSource } from '../credential/profile-source.ts';
import { verifyCredential } from '../credential/verify.ts';
import type { LogEvent } from '../log/events.ts';
import { chainHash } from '../log/witness.ts';
import { buildApp } from './app.ts';
import { DEFAULT_LIMITS, type IssuerConfig } from './config.ts';
import { createIssuer, type Issuer } from './issuer.ts';
import { freePort } from './testing/free-port.ts';
import { DB_KINDS, freshPgSchema, openTestDb } from './testing/test-db.ts';
import { playWitnessed, testClock, type TestClock } from './testing/witnessed-session.ts';
import type { SessionCredentialResponse } from './witness-api.ts';

const PRE_AUTH = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';

describe.each(DB_KINDS)('witnessed sessions on %s', (kind) => {
  let app: FastifyInstance;
  let issuer: Issuer;
  let url: string;
  let clock: TestClock;
  let dir: string;
  let drop: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'talentscan-witness-'));
    const pgSchema = kind === 'postgres' ? await freshPgSchema() : undefined;
    drop = pgSchema?.drop;
    const db = await openTestDb(kind, { ...(pgSchema ? { url: pgSchema.url } : {}) });
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    const config: IssuerConfig = { publicUrl: url, name: 'T', dataDir: dir, allowedOrigins: [url], validForDays: 365, ...DEFAULT_LIMITS };
    clock = testClock(Date.now() - 3 * 3_600_000);
    issuer = await createIssuer(config, { profileSource: profileFromLogSource, db, now: clock.now });
    app = await buildApp({ config, issuer });
    await app.listen({ port, host: '127.0.0.1' });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await issuer?.close();
    await drop?.();
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('issues the one credential of a witnessed short battery, with its assurance, and answers it again', { timeout: 120_000 }, async () => {
    const play = await playWitnessed(url, clock, { rngSeed: 3 });
    expect(play.uploads.every((s) => s === 200)).toBe(true);
    const status = (await (await fetch(`${url}/api/sessions/${play.sessionId}`, { headers: play.auth })).json()) as {
      ackSeq: number;
      finished: boolean;
      games: string[];
    };
    expect(status).toMatchObject({ ackSeq: play.events.length - 1, finished: true, games: ['reaction', 'flanker', 'corsi'] });
    const res = await play.credential();
    const body = (await res.json()) as SessionCredentialResponse & { error?: string; message?: string };
    expect(res.status, `${body.error}: ${body.message}`).toBe(201);
    const v = await verifyCredential(body.vcSdJwt, { trustedIssuers: [issuer.identity.did] });
    if (!v.ok) throw new Error(`${v.reason}: ${v.detail}`);
    expect(body.assurance).toMatchObject({ mode: 'certified', witnessed: true, battery: 'short', games: ['reaction', 'flanker', 'corsi'] });
    expect(JSON.stringify(body.credential)).toContain('"genre":"Assurance"');
    const again = await play.credential();
    expect(again.status).toBe(200);
    const againBody = (await again.json()) as SessionCredentialResponse;
    expect(againBody.credentialId).toBe(body.credentialId);
    // While its offer is pending a re-download answers it; once a wallet redeemed it, a fresh offer for the same credential.
    expect(againBody.offer.uri).toBe(body.offer.uri);
    const code = (offer: SessionCredentialResponse['offer']) =>
      (JSON.parse(new URL(offer.uri).searchParams.get('credential_offer')!) as { grants: Record<string, { 'pre-authorized_code': string }> }).grants[PRE_AUTH]![
        'pre-authorized_code'
      ];
    const redeem = (c: string) =>
      fetch(`${url}/issuer/oid4vci/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: PRE_AUTH, 'pre-authorized_code': c }).toString(),
      });
    expect((await redeem(code(body.offer))).status).toBe(200);
    const third = (await (await play.credential()).json()) as SessionCredentialResponse;
    expect(third.credentialId).toBe(body.credentialId);
    expect(third.vcSdJwt).toBe(body.vcSdJwt);
    expect(code(third.offer)).not.toBe(code(body.offer));
    expect((await redeem(code(third.offer))).status).toBe(200);
    // Nothing can be added to a log a credential was issued from.
    const late = await fetch(`${url}/api/sessions/${play.sessionId}/batches`, {
      method: 'POST',
      headers: play.auth,
      body: JSON.stringify({
        fromSeq: play.events.length,
        events: [{ ...play.events.at(-1)!, seq: play.events.length }],
        prevHash: '0'.repeat(64),
        hash: '0'.repeat(64),
      }),
    });
    expect(late.status).toBe(409);

    // Deleting the session revokes its credential, and the server forgets it.
    const del = await fetch(`${url}/api/sessions/${play.sessionId}`, { method: 'DELETE', headers: { origin: url, authorization: play.auth.authorization! } });
    expect(del.status).toBe(200);
    expect(await verifyCredential(body.vcSdJwt)).toMatchObject({ ok: false, reason: 'revoked' });
    expect((await fetch(`${url}/api/sessions/${play.sessionId}`, { headers: play.auth })).status).toBe(404);
  });

  it('hands out one seed per game, in battery order, only to the token holder', { timeout: 60_000 }, async () => {
    const created = (await (
      await fetch(`${url}/api/sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: url },
        body: JSON.stringify({
          battery: 'short',
          normGroup: 'sro-provisional-all',
          lang: 'nl',
          consent: { textVersion: 'c1', mode: 'certified', acceptedAt: 1 },
        }),
      })
    ).json()) as { sessionId: string; token: string };
    const h = { origin: url, authorization: `Bearer ${created.token}` };
    const start = (game: string, headers: Record<string, string> = h) =>
      fetch(`${url}/api/sessions/${created.sessionId}/games/${game}/start`, { method: 'POST', headers });
    expect(((await (await start('flanker')).json()) as { error: string }).error).toBe('game-out-of-order');
    expect(((await (await start('stop')).json()) as { error: string }).error).toBe('game-not-in-battery');
    const first = (await (await start('reaction')).json()) as { seed: number; version: string };
    expect(Number.isInteger(first.seed)).toBe(true);
    expect(((await (await start('reaction')).json()) as { seed: number }).seed).toBe(first.seed);
    expect((await start('flanker', { origin: url, authorization: 'Bearer nope' })).status).toBe(403);
    expect((await start('flanker', { origin: 'https://evil.example', authorization: h.authorization })).status).toBe(403);
    expect((await fetch(`${url}/api/sessions/00000000-0000-0000-0000-000000000000/games/reaction/start`, { method: 'POST', headers: h })).status).toBe(404);
  });

  it('stores the chain append-only: a broken link, a gap and an altered batch are refused; a replay is acknowledged', { timeout: 120_000 }, async () => {
    const play = await playWitnessed(url, clock, { rngSeed: 4, games: 1 });
    const base = `${url}/api/sessions/${play.sessionId}/batches`;
    const status = (await (await fetch(`${url}/api/sessions/${play.sessionId}`, { headers: play.auth })).json()) as { ackSeq: number; hash: string };
    const next: LogEvent[] = [{ ...play.events.at(-1)!, seq: status.ackSeq + 1 }];
    const send = (b: unknown) => fetch(base, { method: 'POST', headers: play.auth, body: JSON.stringify(b) });
    const wrongPrev = '1'.repeat(64);
    const broken = await send({ fromSeq: status.ackSeq + 1, events: next, prevHash: wrongPrev, hash: await chainHash(wrongPrev, next) });
    expect([broken.status, ((await broken.json()) as { error: string }).error]).toEqual([409, 'chain-broken']);
    const altered = await send({ fromSeq: status.ackSeq + 1, events: next, prevHash: status.hash, hash: '2'.repeat(64) });
    expect([altered.status, ((await altered.json()) as { error: string }).error]).toEqual([409, 'hash-mismatch']);
    const gapEvents = [{ ...next[0]!, seq: status.ackSeq + 5 }];
    const gap = await send({ fromSeq: status.ackSeq + 5, events: gapEvents, prevHash: status.hash, hash: await chainHash(status.hash, gapEvents) });
    expect([gap.status, ((await gap.json()) as { error: string }).error]).toEqual([409, 'seq-gap']);
    const good = { fromSeq: status.ackSeq + 1, events: next, prevHash: status.hash, hash: await chainHash(status.hash, next) };
    const ok = (await (await send(good)).json()) as { ackSeq: number; hash: string };
    expect(ok.ackSeq).toBe(status.ackSeq + 1);
    const replay = await send(good);
    expect(replay.status).toBe(200);
    expect(await replay.json()).toEqual(ok);
    expect((await send({ ...good, extra: 1 })).status).toBe(400);
  });

  const attacks: [string, Parameters<typeof playWitnessed>[2], RegExp][] = [
    ['a foreign seed', { foreignSeed: (_g, s) => s + 1 }, /^seed-mismatch$/],
    ['a log uploaded all at once (time-compressed)', { uploadAtOnce: true }, /^(received-too-early|page-clock-implausible)$/],
    ['a dropped game', { games: 2 }, /^(games-missing|session-not-finished)$/],
    [
      'identical RTs',
      {
        mutate: (ev) => {
          const onset = new Map<string, number>();
          for (const e of ev) if (e.type === 'stimulus' && e.game === 'reaction') onset.set(`${e.block}/${e.trial}`, e.t);
          return ev.map((e) => {
            if (e.type !== 'response' || e.game !== 'reaction') return e;
            const t = onset.get(`${e.block}/${e.trial}`);
            return t === undefined ? e : { ...e, t: t + 180 };
          });
        },
      },
      /./,
    ],
  ];
  it.each(attacks)('refuses %s with its reason code', { timeout: 120_000 }, async (_name, opts, code) => {
    const play = await playWitnessed(url, clock, { rngSeed: 5, ...opts });
    const res = await play.credential();
    const body = (await res.json()) as { error: string; message: string };
    expect(res.status, body.message).toBeGreaterThanOrEqual(400);
    expect(body.error).toMatch(code);
    expect(body.message.length).toBeGreaterThan(10);
  });

  it('deletes the raw events of issued sessions after the retention period, unless the candidate asked to keep them', { timeout: 120_000 }, async () => {
    const a = await playWitnessed(url, clock, { rngSeed: 6 });
    const b = await playWitnessed(url, clock, { rngSeed: 7 });
    expect((await a.credential()).status).toBe(201);
    expect((await b.credential({ keepRawEvents: true })).status).toBe(201);
    const purged = await issuer.witness.purgeRawEvents(clock.now() + 31 * 86_400_000, 30 * 86_400_000);
    expect(purged).toBeGreaterThanOrEqual(1);
    expect((await issuer.witness.batches(a.sessionId)).events).toEqual([]);
    expect((await issuer.witness.batches(b.sessionId)).events.length).toBe(b.events.length);
    // The credential itself is untouched and can still be downloaded again.
    expect((await a.credential()).status).toBe(200);
  });
});
