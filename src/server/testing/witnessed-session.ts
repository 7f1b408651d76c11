/**
 * Test-only: a certified session played by a simulated candidate THROUGH the witness API, so that the server, its
 * integrity checks and its issuer judge it exactly like a real one. The session is created, each game's seed is
 * fetched from the server, the games' own simulated participants play the designs of those seeds, and the log is
 * uploaded in the recorder's batches, hash-chained, each when the server clock says its last event has just happened.
 *
 * The server's clock is the test's (`createIssuer({ now })`), so a 10-minute battery uploads in a second of real time
 * and still looks, to the server, as it would have arrived live. Options let a test play the attacker: edit the events,
 * use other seeds, upload everything at once.
 */
import { joinGameLogs } from '../../log/join-session.ts';
import type { LogEvent } from '../../log/events.ts';
import { chainHash, genesisHash, type CreateSessionResponse, type GameStartResponse } from '../../log/witness.ts';
import { BATTERIES } from '../../runtime/batteries.ts';
import { cutBatches, simulateHandedOut } from '../../integrity/simulated-record.ts';

/** A server clock a test moves by hand, or (`realClock`) the wall clock, which a play waits for. */
export interface TestClock {
  now: () => number;
  set(ms: number): void | Promise<void>;
}

export function testClock(start = Date.now()): TestClock {
  let t = start;
  return {
    now: () => t,
    set: (ms) => {
      t = Math.max(t, Math.round(ms));
    },
  };
}

/** Real time, for a server that is not in the test's process: `set` waits until the wall clock gets there. */
export function realClock(): TestClock {
  return { now: Date.now, set: (ms) => new Promise((ok) => setTimeout(ok, Math.max(0, ms - Date.now()))) };
}

export interface WitnessedPlayOptions {
  battery?: string;
  normGroup?: string;
  /** Seeds the simulated participants' answers (not the designs: those come from the server). */
  rngSeed?: number;
  origin?: string;
  /** Play the design of a seed the server did not hand out (per game). */
  foreignSeed?: (game: string, handedOut: number) => number;
  /** Change the log after it was played and before it is uploaded (what a tampering browser would do). */
  mutate?: (events: LogEvent[]) => LogEvent[];
  /** Upload every batch at once, right after the session was created (a log written offline, time-compressed). */
  uploadAtOnce?: boolean;
  /** Stop after this many games (an unfinished battery). */
  games?: number;
  /** The pilot whose embedded scan this is (its battery and norm group must be the ones played). */
  pilot?: string;
  /** The pilot's start token and the embedded scan's id it names, sent when the session is created. */
  startToken?: string;
  embedId?: string;
  /**
   * Server instances that share one database: the n-th request of the play goes to `instances[n % length]` (the
   * origin stays `baseUrl`'s, the public origin they share). Default: every request to `baseUrl`.
   */
  instances?: string[];
  /** Told the wall time (ms) of each batch upload and its event count (the ingest benchmark). */
  onUpload?: (ms: number, events: number) => void;
}

export interface WitnessedPlay {
  sessionId: string;
  token: string;
  events: LogEvent[];
  /** Statuses of the batch uploads, in order. */
  uploads: number[];
  auth: Record<string, string>;
  /** Asks for the session's credential (now, by the server clock). */
  credential(body?: Record<string, unknown>): Promise<Response>;
}

export async function playWitnessed(baseUrl: string, clock: TestClock, opts: WitnessedPlayOptions = {}): Promise<WitnessedPlay> {
  const battery = opts.battery ?? 'short';
  const games = (BATTERIES[battery]?.games ?? []).slice(0, opts.games);
  const origin = opts.origin ?? baseUrl;
  const instances = opts.instances?.length ? opts.instances : [baseUrl];
  let requests = 0;
  const next = () => instances[requests++ % instances.length]!;
  const json = { 'content-type': 'application/json', origin };
  const created = await fetch(`${next()}/api/sessions`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({
      battery,
      normGroup: opts.normGroup ?? 'sro-provisional-all',
      lang: 'en',
      consent: { textVersion: 'certified-1', mode: 'certified', acceptedAt: clock.now() },
      ...(opts.pilot ? { pilot: opts.pilot } : {}),
      ...(opts.startToken ? { startToken: opts.startToken } : {}),
      ...(opts.embedId ? { embedId: opts.embedId } : {}),
    }),
  });
  if (created.status !== 201) throw new Error(`POST /api/sessions: ${created.status} ${await created.text()}`);
  const session = (await created.json()) as CreateSessionResponse;
  const auth = { ...json, authorization: `Bearer ${session.token}` };
  const path = `/api/sessions/${session.sessionId}`;

  const logs: LogEvent[][] = [];
  for (const [i, game] of games.entries()) {
    await clock.set(session.serverStart + 10 + i);
    const res = await fetch(`${next()}${path}/games/${game}/start`, { method: 'POST', headers: { origin, authorization: auth.authorization } });
    if (res.status !== 200) throw new Error(`start ${game}: ${res.status} ${await res.text()}`);
    const { seed } = (await res.json()) as GameStartResponse;
    logs.push(simulateHandedOut(game, opts.foreignSeed?.(game, seed) ?? seed, (opts.rngSeed ?? 1) * 100 + i));
  }
  // session-start is at t = 900 on the page clock: logged 50 ms after the server created the session.
  const timeOrigin = session.serverStart + 50 - 900;
  let events = joinGameLogs(logs, { sessionId: session.sessionId, battery, timeOrigin });
  if (opts.mutate) events = opts.mutate(events);

  const uploads: number[] = [];
  let prev = await genesisHash(session.sessionId);
  for (const batch of cutBatches(events)) {
    if (!opts.uploadAtOnce) await clock.set(timeOrigin + batch[batch.length - 1]!.t + 150);
    const hash = await chainHash(prev, batch);
    const t0 = performance.now();
    const res = await fetch(`${next()}${path}/batches`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ fromSeq: batch[0]!.seq, events: batch, prevHash: prev, hash }),
    });
    await res.arrayBuffer();
    opts.onUpload?.(performance.now() - t0, batch.length);
    uploads.push(res.status);
    if (res.status === 200) prev = hash;
  }
  return {
    sessionId: session.sessionId,
    token: session.token,
    events,
    uploads,
    auth,
    credential: async (body = {}) => {
      await clock.set(clock.now() + 1000);
      return fetch(`${next()}${path}/credential`, { method: 'POST', headers: auth, body: JSON.stringify(body) });
    },
  };
}
