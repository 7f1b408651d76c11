/**
 * A pilot's embedded certified session, played through the witness API by a simulated candidate, reaches the pilot's
 * LRS — a test LRS in this process that checks the xAPI headers, the credentials and every statement with an
 * independent validator — built from the server's own copy. A failing LRS is retried and recorded; the session keeps
 * everything and still gets its credential, which names the pilot. A pilot's session must use the pilot's settings.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PilotConfig } from '../embed/pilot.ts';
import type { XapiStatement } from '../embed/xapi.ts';
import type { Issuer } from './issuer.ts';
import { profileFromLogSource } from '../credential/profile-source.ts';
import { xapiWarnings } from './xapi-rules.ts';
import { testPilot } from './testing/pilots.ts';
import { startTestServer, type TestServer } from './testing/test-server.ts';
import { playWitnessed, type TestClock } from './testing/witnessed-session.ts';
import type { SessionCredentialResponse } from './witness-api.ts';

const AUTH = 'Basic dGVzdDpzZWNyZXQ=';

/** A Learning Record Store as a pilot would run one: POST /xapi/statements, Basic auth, xAPI version header. */
class TestLrs {
  readonly received: XapiStatement[] = [];
  readonly refusals: string[] = [];
  /** Status codes to answer next (then 200). */
  failNext: number[] = [];
  private server: Server | null = null;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const fail = this.failNext.shift();
        if (fail) return res.writeHead(fail).end('{"message":"try later"}');
        const problem =
          req.method !== 'POST' || req.url !== '/xapi/statements'
            ? `${req.method} ${req.url}`
            : req.headers.authorization !== AUTH
              ? 'bad credentials'
              : req.headers['x-experience-api-version'] !== '1.0.3'
                ? 'no xAPI version header'
                : null;
        if (problem) {
          this.refusals.push(problem);
          return res.writeHead(problem === 'bad credentials' ? 401 : 400).end(problem);
        }
        const statements = JSON.parse(body) as XapiStatement[];
        const invalid = statements.map((s) => xapiWarnings(s)).filter((w) => w.length > 0);
        if (invalid.length) {
          this.refusals.push(JSON.stringify(invalid));
          return res.writeHead(400).end('invalid statement');
        }
        this.received.push(...statements);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(statements.map((s) => s.id)));
      });
    });
    await new Promise<void>((ok) => this.server!.listen(0, '127.0.0.1', ok));
    const a = this.server.address();
    if (a === null || typeof a === 'string') throw new Error('no port');
    this.url = `http://127.0.0.1:${a.port}/xapi/`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((ok) => this.server?.close(() => ok()));
  }
}

const pilot = (over: Partial<PilotConfig>) => testPilot({ xapi: { enabled: true }, ...over });

describe('xAPI forwarding to a pilot LRS', () => {
  const lrs = new TestLrs();
  const env: Record<string, string | undefined> = { ACME_LRS_AUTH: AUTH };
  let server: TestServer;
  let issuer: Issuer;
  let url: string;
  let clock: TestClock;

  beforeAll(async () => {
    await lrs.start();
    const pilots = new Map<string, PilotConfig>([
      ['acme', pilot({ xapi: { enabled: true, lrs: { endpoint: lrs.url, authEnv: 'ACME_LRS_AUTH' } } })],
      ['quiet', pilot({ id: 'quiet', share: 'summary', xapi: { enabled: true, lrs: { endpoint: lrs.url, authEnv: 'QUIET_LRS_AUTH' } } })],
      ['nolrs', pilot({ id: 'nolrs' })],
    ]);
    server = await startTestServer({ profileSource: profileFromLogSource, issuer: { pilots, env } });
    ({ issuer, url, clock } = server);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await lrs.stop();
  }, 60_000);

  /** The forwarding runs beside the upload (never in its way): wait until it has settled. */
  async function settled(sessionId: string, state: string): Promise<Awaited<ReturnType<Issuer['xapi']['status']>>> {
    for (let i = 0; i < 100; i++) {
      const rows = await issuer.xapi.status(sessionId);
      if (rows.length > 0 && rows.every((r) => r.state === state && r.attempts > 0)) return rows;
      await new Promise((r) => setTimeout(r, 50));
    }
    return issuer.xapi.status(sessionId);
  }

  it('sends the statements of a finished session from the server copy; they validate; the credential names the pilot', { timeout: 120_000 }, async () => {
    const play = await playWitnessed(url, clock, { battery: 'reaction', pilot: 'acme', rngSeed: 4 });
    expect(play.uploads.every((s) => s === 200)).toBe(true);
    const rows = await settled(play.sessionId, 'sent');
    expect(rows.map((r) => r.state)).toEqual(['sent', 'sent']);
    const mine = lrs.received.filter((s) => s.context.registration === play.sessionId);
    expect(mine.map((s) => s.object.id)).toEqual([`${url}/xapi/activities/games/reaction`, `${url}/xapi/activities/scan/reaction`]);
    for (const s of mine) expect(xapiWarnings(s)).toEqual([]);
    // The pilot may receive domains: the game's statement carries the speed sten, computed by the server.
    expect(mine[0]?.result.score).toMatchObject({ min: 1, max: 10 });
    expect(mine[1]?.result).toMatchObject({ completion: true, score: { raw: 1, max: 1 } });
    expect(mine[0]?.actor.account).toEqual({ homePage: url, name: play.sessionId });
    expect(lrs.refusals).toEqual([]);

    const res = await play.credential();
    const body = (await res.json()) as SessionCredentialResponse;
    expect(res.status).toBe(201);
    const evidence = (body.credential as { evidence: { genre?: string; pilot?: string }[] }).evidence;
    expect(evidence.find((e) => e.genre === 'Assurance')?.pilot).toBe('acme');
  });

  it('retries when the LRS fails, records why, and loses neither the statements nor the session', { timeout: 120_000 }, async () => {
    lrs.failNext = [503];
    const before = lrs.received.length;
    const play = await playWitnessed(url, clock, { battery: 'reaction', pilot: 'acme', rngSeed: 5 });
    const failed = await settled(play.sessionId, 'pending');
    expect(failed.every((r) => r.attempts === 1 && /503/.test(r.lastError ?? ''))).toBe(true);
    expect(lrs.received.length).toBe(before);
    // Not due yet: nothing is sent again before its backoff.
    expect((await issuer.xapi.flush()).sent).toBe(0);
    await clock.set(clock.now() + 31_000);
    expect(await issuer.xapi.flush()).toMatchObject({ sent: 2 });
    expect((await issuer.xapi.status(play.sessionId)).map((r) => r.state)).toEqual(['sent', 'sent']);
    // The session went on as if no LRS existed.
    expect((await play.credential()).status).toBe(201);
  });

  it('keeps statements waiting while the credentials are missing, and sends only what a summary pilot may see', { timeout: 120_000 }, async () => {
    const play = await playWitnessed(url, clock, { battery: 'reaction', pilot: 'quiet', rngSeed: 6 });
    const waiting = await settled(play.sessionId, 'pending');
    expect(waiting.every((r) => /QUIET_LRS_AUTH is not set/.test(r.lastError ?? ''))).toBe(true);
    env.QUIET_LRS_AUTH = AUTH;
    await clock.set(clock.now() + 31_000);
    await issuer.xapi.flush();
    const mine = lrs.received.filter((s) => s.context.registration === play.sessionId);
    expect(mine).toHaveLength(2);
    expect(mine[0]?.result.score).toBeUndefined();
  });

  it('sends nothing for a pilot without an LRS, and refuses a pilot session with other settings', { timeout: 120_000 }, async () => {
    const play = await playWitnessed(url, clock, { battery: 'reaction', pilot: 'nolrs', rngSeed: 7 });
    expect(play.uploads.every((s) => s === 200)).toBe(true);
    expect(await issuer.xapi.status(play.sessionId)).toEqual([]);
    await expect(playWitnessed(url, clock, { battery: 'short', pilot: 'acme' })).rejects.toThrow(/422.*pilot-settings/);
    await expect(playWitnessed(url, clock, { battery: 'reaction', pilot: 'nobody' })).rejects.toThrow(/422.*unknown-pilot/);
  });
});
