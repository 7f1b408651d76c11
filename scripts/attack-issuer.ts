/**
 * npm run attack:issuer [-- --in-process] [-- --url http://127.0.0.1:8080] [-- --battery short]
 *
 * Runs the attacks of src/integrity/attacks.ts and prints a table: attack, expected refusal, got, verdict.
 * --in-process: each attack is applied to an honest simulated witnessed record and judged by `assessWitnessed`
 *   directly (plus the honest record itself, which must pass).
 * Otherwise against a running server, through the witness endpoints of src/log/witness.ts only, as an attacker
 * would: create a certified session, fetch (or skip) each game's seed, upload the forged log in batches with a
 * correct (or deliberately broken) hash chain, ask for the credential. A refusal shows as the error code the server
 * answered; "ISSUED" means the attack got a credential. Uploads are as fast as the network allows, so every HTTP
 * attack is also time-compressed; the row passes when the expected code is among the codes the server gave.
 * Over HTTP it also attacks a pilot's start token (`startTokenAttacks`, --pilot demo): a pilot that requires one must
 * refuse a session without it, with a token signed by another key or with HS256 or `none`, a replayed token and one
 * made for another embedded scan. The last two need a real token: --start-token-url (default: the demo host's
 * `/start-token` on the port after --url's, as `npm start` runs it).
 * Exit code 1 when any attack was not refused with its expected code.
 */
import { pathToFileURL } from 'node:url';
import { base64url, generateKeyPair, SignJWT } from 'jose';
import { BATTERIES } from '../src/runtime/batteries.ts';
import { ATTACKS, type Attack } from '../src/integrity/attacks.ts';
import { assessWitnessed } from '../src/integrity/index.ts';
import { cutBatches, simulatedWitnessedRecord, simulateHandedOut } from '../src/integrity/simulated-record.ts';
import { joinGameLogs } from '../src/log/join-session.ts';
import type { LogEvent } from '../src/log/events.ts';
import {
  canonicalJson,
  chainHash,
  genesisHash,
  type CreateSessionRequest,
  type CreateSessionResponse,
  type GameStartResponse,
  type UploadBatchRequest,
} from '../src/log/witness.ts';

export interface Row {
  attack: string;
  expected: string;
  got: string[];
}

export async function inProcess(battery = 'standard'): Promise<Row[]> {
  const honest = await simulatedWitnessedRecord({ seed: 7, battery });
  const judge = async (r: typeof honest) => (await assessWitnessed(r, { now: r.serverStart + 86_400_000 })).refusals.map((x) => x.code);
  const rows: Row[] = [{ attack: 'honest (no attack)', expected: '—', got: await judge(honest) }];
  for (const a of ATTACKS) rows.push({ attack: a.id, expected: a.expected, got: [...new Set(await judge(await a.build(honest)))] });
  return rows;
}

class Refused extends Error {
  constructor(readonly codes: string[]) {
    super(codes.join(', '));
  }
}

async function call<T>(base: string, method: string, path: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    /* a non-JSON answer is reported by its status */
  }
  if (!res.ok) {
    // The witness API answers `{ error, message, details }`: details is the integrity checks' `{ refusals }` or the
    // log gate's list of problems; older answers carried them at the top level.
    const details = json.details as { refusals?: unknown } | unknown[] | undefined;
    const listed = Array.isArray(details) ? details : details?.refusals;
    const problems = [listed, json.problems, json.refusals].find(Array.isArray) ?? [];
    const codes = [String(json.error ?? `http-${res.status}`), ...problems.map((p) => String((p as { code?: unknown }).code ?? '')).filter(Boolean)];
    throw new Refused([...new Set(codes)]);
  }
  return json as T;
}

/** One attack over HTTP. Returns the codes that stopped it, or ['ISSUED']. */
async function overHttp(base: string, battery: string, attack: Attack, replaySource: LogEvent[] | null): Promise<{ codes: string[]; log: LogEvent[] }> {
  const spec = attack.http!;
  const create: CreateSessionRequest = {
    battery,
    normGroup: 'sro-provisional-all',
    lang: 'en',
    consent: { textVersion: 'attack-test', mode: 'certified', acceptedAt: Date.now() },
  };
  let session: CreateSessionResponse;
  try {
    session = await call<CreateSessionResponse>(base, 'POST', '/api/sessions', create);
  } catch (err) {
    const why = err instanceof Refused ? err.codes.join(', ') : (err as Error).message;
    throw new Error(`${base} does not start certified sessions (POST /api/sessions: ${why}); is it a server with the witness endpoints of src/log/witness.ts?`);
  }
  const { sessionId, token } = session;
  let prev = await genesisHash(sessionId);
  let next = 0;
  let uploaded: LogEvent[] = [];
  const upload = async (events: LogEvent[], breakAt = -1) => {
    for (const [i, batch] of cutBatches(events).entries()) {
      const prevHash = i === breakAt ? '0'.repeat(64) : prev;
      const body: UploadBatchRequest = { fromSeq: batch[0]!.seq, events: batch, prevHash, hash: await chainHash(prevHash, batch) };
      await call(base, 'POST', `/api/sessions/${sessionId}/batches`, body, token);
      prev = body.hash;
      next = batch[batch.length - 1]!.seq + 1;
    }
  };
  try {
    const games = BATTERIES[battery]!.games;
    const logs: LogEvent[][] = [];
    for (const [k, game] of games.entries()) {
      let seed = 1000 + k;
      if (spec.seeds !== 'none') seed = (await call<GameStartResponse>(base, 'POST', `/api/sessions/${sessionId}/games/${game}/start`, {}, token)).seed;
      if (spec.seeds === 'foreign' && k === 0) seed += 1;
      if (replaySource) continue;
      logs.push(simulateHandedOut(game, seed));
      const joined = joinGameLogs(logs, { sessionId, battery, timeOrigin: session.serverStart + 50 - 900 });
      // The foreign seed is already in the log (the game was simulated on it); every other edit applies as written.
      const edited = renumber(attack.editEvents && spec.seeds !== 'foreign' ? attack.editEvents(structuredClone(joined)) : joined);
      const body = edited.filter((e) => e.type !== 'session-end');
      // Edits must leave what was uploaded unchanged (they are local to trials and games).
      if (canonicalJson(body.slice(0, next)) !== canonicalJson(uploaded)) throw new Error(`attack ${attack.id}: its edit changed events already uploaded`);
      await upload(body.slice(next), spec.breakChain && k === games.length - 1 ? 0 : -1);
      uploaded = body;
      if (k === games.length - 1 && !spec.dropSessionEnd) {
        await upload(edited.slice(next));
        uploaded = edited;
      }
    }
    // The earlier session's log, unchanged: its session-start names that session.
    if (replaySource) await upload(replaySource);
    await call(base, 'POST', `/api/sessions/${sessionId}/credential`, { lang: 'en' }, token);
    return { codes: ['ISSUED'], log: uploaded };
  } catch (err) {
    if (err instanceof Refused) return { codes: err.codes, log: uploaded };
    throw err;
  }
}

/** Seqs from 0 again after an edit dropped events; answers keep naming their inputs. */
function renumber(events: LogEvent[]): LogEvent[] {
  const map = new Map(events.map((e, i) => [e.seq, i]));
  return events.map((e, i) => {
    const moved = { ...e, seq: i } as LogEvent;
    if (moved.type === 'response') moved.input = map.get(moved.input) ?? moved.input;
    return moved;
  });
}

export async function againstServer(base: string, battery: string): Promise<Row[]> {
  const rows: Row[] = [];
  let lastLog: LogEvent[] | null = null;
  for (const a of ATTACKS) {
    if (!a.http) {
      rows.push({ attack: a.id, expected: a.expected, got: [`(in-process only: ${a.inProcessOnly ?? 'no endpoint for it'})`] });
      continue;
    }
    if (a.http.replay && !lastLog) {
      rows.push({ attack: a.id, expected: a.expected, got: ['(no earlier session to replay)'] });
      continue;
    }
    const result = await overHttp(base, battery, a, a.http.replay ? lastLog : null);
    if (!a.http.replay && result.log.length) lastLog = result.log;
    rows.push({ attack: a.id, expected: a.http.expected ?? a.expected, got: result.codes });
  }
  return rows;
}

/** How a start-token attack gets a real token from the pilot's backend (as any visitor of the pilot's page can). */
export type TokenSource = (embedId: string) => Promise<string>;

/**
 * Attacks on a pilot's start token, each a `POST /api/sessions` naming the pilot: rows as the other attacks', the
 * honest row (a real token, when `token` is given) must create its session.
 */
export async function startTokenAttacks(base: string, pilotId: string, token?: TokenSource): Promise<Row[]> {
  const res = await fetch(`${base}/api/pilots/${encodeURIComponent(pilotId)}`);
  if (!res.ok) return [{ attack: `start token (pilot ${pilotId})`, expected: '—', got: [`(no pilot "${pilotId}" on ${base})`] }];
  const pilot = (await res.json()) as { id: string; battery: string; normGroup: string; startToken?: { required: boolean } };
  const create = async (embedId: string, startToken?: string): Promise<string[]> => {
    const body: CreateSessionRequest = {
      battery: pilot.battery,
      normGroup: pilot.normGroup,
      lang: 'en',
      consent: { textVersion: 'attack-test', mode: 'certified', acceptedAt: Date.now() },
      pilot: pilot.id,
      embedId,
      ...(startToken ? { startToken } : {}),
    };
    try {
      await call<CreateSessionResponse>(base, 'POST', '/api/sessions', body);
      return [];
    } catch (err) {
      if (err instanceof Refused) return err.codes;
      throw err;
    }
  };
  const claims = () => {
    const iat = Math.floor(Date.now() / 1000);
    return { iss: pilot.id, aud: base, embedId: 'attack-embed', jti: crypto.randomUUID(), iat, exp: iat + 300 };
  };
  const { privateKey } = await generateKeyPair('ES256');
  const rows: Row[] = [];
  const row = async (attack: string, expected: string, got: Promise<string[]>) => rows.push({ attack, expected, got: await got });
  if (!pilot.startToken?.required) rows.push({ attack: 'start-token-none', expected: 'start-token-missing', got: ['(the pilot does not require a token)'] });
  else await row('start-token-none', 'start-token-missing', create('attack-embed'));
  await row(
    'start-token-self-signed',
    'start-token-unknown-key',
    create('attack-embed', await new SignJWT(claims()).setProtectedHeader({ alg: 'ES256', kid: 'attacker-1' }).sign(privateKey)),
  );
  const secret = new TextEncoder().encode('guessing the pilot has a shared secret');
  await row(
    'start-token-hs256',
    'start-token-algorithm',
    create('attack-embed', await new SignJWT(claims()).setProtectedHeader({ alg: 'HS256' }).sign(secret)),
  );
  const unsigned = `${base64url.encode(JSON.stringify({ alg: 'none' }))}.${base64url.encode(JSON.stringify(claims()))}.`;
  await row('start-token-alg-none', 'start-token-algorithm', create('attack-embed', unsigned));
  if (!token) {
    for (const attack of ['start-token-replay', 'start-token-other-embed']) rows.push({ attack, expected: '—', got: ['(no token source: --start-token-url)'] });
    return rows;
  }
  let real: string;
  try {
    real = await token('attack-embed-1');
  } catch (err) {
    rows.push({ attack: 'start-token (real token)', expected: '—', got: [`(could not get a token: ${(err as Error).message})`] });
    return rows;
  }
  await row('honest (a real start token)', '—', create('attack-embed-1', real));
  await row('start-token-replay', 'start-token-replayed', create('attack-embed-1', real));
  await row('start-token-other-embed', 'start-token-embed-id', create('attack-embed-2', await token('attack-embed-1')));
  return rows;
}

/** A start-token source that asks a pilot backend's endpoint (the demo host's `POST /start-token { embedId }`). */
export function tokenFromUrl(url: string): TokenSource {
  return async (embedId) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ embedId }) });
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    return ((await res.json()) as { token: string }).token;
  };
}

/** Prints the table; true when every attack that ran was refused with its expected code (and the honest row passed). */
export function print(rows: Row[], log: (line: string) => void = console.log): boolean {
  const w = [Math.max(6, ...rows.map((r) => r.attack.length)), Math.max(17, ...rows.map((r) => r.expected.length))];
  let allOk = true;
  log(`${'attack'.padEnd(w[0]!)}  ${'expected refusal'.padEnd(w[1]!)}  verdict  got`);
  for (const r of rows) {
    const honest = r.expected === '—';
    const ok = honest ? r.got.length === 0 : r.got.includes(r.expected);
    const skipped = r.got.length === 1 && r.got[0]!.startsWith('(');
    if (!ok && !skipped) allOk = false;
    log(
      `${r.attack.padEnd(w[0]!)}  ${r.expected.padEnd(w[1]!)}  ${(skipped ? 'skipped' : ok ? 'ok' : 'FAIL').padEnd(7)}  ${r.got.join(', ') || '(passed all checks)'}`,
    );
  }
  return allOk;
}

async function main(args: readonly string[]): Promise<number> {
  const opt = (name: string, fallback: string) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
  };
  try {
    if (args.includes('--in-process')) return print(await inProcess(opt('--battery', 'standard'))) ? 0 : 1;
    const base = opt('--url', 'http://127.0.0.1:8080').replace(/\/+$/, '');
    const rows = await againstServer(base, opt('--battery', 'short'));
    const demoHost = new URL(base);
    demoHost.port = String(Number(demoHost.port || 80) + 1);
    const tokenUrl = opt('--start-token-url', `${demoHost.origin}/start-token`);
    rows.push(...(await startTokenAttacks(base, opt('--pilot', 'demo'), tokenFromUrl(tokenUrl))));
    return print(rows) ? 0 : 1;
  } catch (err) {
    console.error((err as Error).message);
    return 2;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) process.exit(await main(process.argv.slice(2)));
