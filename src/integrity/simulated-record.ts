/**
 * Witnessed records of simulated candidates, for tests, calibration and the attack table: the games' own simulated
 * participants (`simulate()` with typical parameters and abilities drawn per candidate) play a battery whose seeds the
 * "server" handed out; the log is cut into batches where the recorder cuts them, each received a moment after its last
 * event, and hash-chained as the witness protocol does. Inputs carry the key a keyboard would have sent, as real
 * capture records it. Pure and deterministic for its options. Never used for a real candidate.
 */
import { TYPICAL_PARTICIPANT as CORSI } from '../../games/corsi/simulate.ts';
import { TYPICAL_PARTICIPANT as FLANKER } from '../../games/flanker/simulate.ts';
import { createRng } from '../lib/rng.ts';
import { TYPICAL_PARTICIPANT as REACTION } from '../../games/reaction/simulate.ts';
import { GAMES } from '../../games/registry.ts';
import { TYPICAL_PARTICIPANT as REVERSAL } from '../../games/reversal/simulate.ts';
import { TYPICAL_PARTICIPANT as STOP } from '../../games/stop/simulate.ts';
import { TYPICAL_PARTICIPANT as SWITCH } from '../../games/switch/simulate.ts';
import { joinGameLogs } from '../log/join-session.ts';
import type { LogEvent } from '../log/events.ts';
import { chainHash, genesisHash } from '../log/witness.ts';
import { BATTERIES } from '../runtime/batteries.ts';
import { drawAbilities, simulateGame, typicalAbilities, type GameId } from '../scoring/testing/simulated-sessions.ts';
import type { SeedHandout, WitnessedBatch, WitnessRecord } from './record.ts';

export interface SimulatedRecordOptions {
  seed: number;
  battery?: string;
  sessionId?: string;
  /** Server epoch ms the session was created. */
  serverStart?: number;
  /** How far the device's wall clock is ahead of the server's (ms; negative: behind). */
  clockSkewMs?: number;
  /** Typical abilities (0) instead of abilities drawn per candidate. */
  typical?: boolean;
  /** Queue batches offline: from batch `fromBatch`, `batches` batches reach the server `durationMs` late, together. */
  offline?: { fromBatch: number; batches: number; durationMs: number };
}

/** Where the recorder ends a batch (it writes at once at these, within 100 ms otherwise). */
const CUT_AFTER = new Set<LogEvent['type']>(['session-start', 'page-start', 'trial-end', 'block-end', 'game-end', 'interruption', 'session-end']);

const KEY_FOR: Record<string, string> = { left: 'ArrowLeft', right: 'ArrowRight', any: ' ' };

const TYPICAL: Readonly<Record<string, unknown>> = { reaction: REACTION, stop: STOP, flanker: FLANKER, switch: SWITCH, corsi: CORSI, reversal: REVERSAL };

/** One game played by its typical simulated participant on the design of a seed the server handed out. */
export function simulateHandedOut(game: string, seed: number, rngSeed = seed): LogEvent[] {
  const manifest = GAMES[game];
  if (!manifest || !(game in TYPICAL)) throw new Error(`No simulated participant for game "${game}"`);
  return withKeys(manifest.simulate(manifest.design(seed), TYPICAL[game], rngSeed));
}

/** Gives keyboard inputs the key that produced their answer (the games' simulate() leaves it out where nothing reads it). */
export function withKeys(events: LogEvent[]): LogEvent[] {
  const answers = new Map<number, string>();
  for (const e of events) if (e.type === 'response') answers.set(e.input, e.value);
  return events.map((e) => {
    if (e.type !== 'input' || e.device !== 'keyboard' || e.key !== undefined) return e;
    const key = KEY_FOR[answers.get(e.seq) ?? ''];
    return key ? { ...e, key } : e;
  });
}

/** Batches of a log in the recorder's cut, each with the server time it was received, chained from the session's genesis. */
export async function witnessBatches(sessionId: string, groups: readonly { events: readonly LogEvent[]; receivedAt: number }[]): Promise<WitnessedBatch[]> {
  let prev = await genesisHash(sessionId);
  const out: WitnessedBatch[] = [];
  for (const g of groups) {
    const hash = await chainHash(prev, g.events);
    out.push({ fromSeq: g.events[0]!.seq, toSeq: g.events[g.events.length - 1]!.seq, receivedAt: g.receivedAt, prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

export function cutBatches(events: readonly LogEvent[]): LogEvent[][] {
  const groups: LogEvent[][] = [];
  let cur: LogEvent[] = [];
  for (const e of events) {
    cur.push(e);
    if (CUT_AFTER.has(e.type)) {
      groups.push(cur);
      cur = [];
    }
  }
  if (cur.length) groups.push(cur);
  return groups;
}

export async function simulatedWitnessedRecord(opts: SimulatedRecordOptions): Promise<WitnessRecord> {
  const battery = opts.battery ?? 'standard';
  const games = BATTERIES[battery]?.games ?? [];
  const rng = createRng(opts.seed * 7919 + 13);
  const abilities = opts.typical ? typicalAbilities() : drawAbilities(rng);
  const sessionId = opts.sessionId ?? `sim-${opts.seed}`;
  const serverStart = opts.serverStart ?? 1_767_000_000_000 + opts.seed * 3_600_000;
  const skew = opts.clockSkewMs ?? 0;
  // simulateGame designs with seed·7 + 1: that is the seed the server "hands out".
  const gameSeeds = games.map((_, i) => opts.seed * 100 + i + 1);
  const logs = games.map((g, i) => simulateGame(g as GameId, abilities, gameSeeds[i]!));
  // session-start (t = 900 on the page clock) is logged 50 ms after the server created the session.
  const trueOrigin = serverStart + 50 - 900;
  const events = withKeys(joinGameLogs(logs, { sessionId, battery, timeOrigin: trueOrigin + skew }));
  const trueTime = (e: LogEvent) => trueOrigin + e.t;

  const seeds: SeedHandout[] = [];
  for (const e of events) {
    if (e.type !== 'game-start') continue;
    seeds.push({ game: e.game, version: e.version, seed: e.seed, handedOutAt: Math.round(trueTime(e) - 40 - rng.uniform(0, 100)) });
  }

  const groups = cutBatches(events);
  let last = serverStart;
  const timed = groups.map((g, i) => {
    let at = trueTime(g[g.length - 1]!) + 100 + rng.uniform(20, 200);
    const off = opts.offline;
    if (off && i >= off.fromBatch && i < off.fromBatch + off.batches) {
      const end = groups[Math.min(groups.length - 1, off.fromBatch + off.batches - 1)]!;
      at = trueTime(end[end.length - 1]!) + off.durationMs;
    }
    last = Math.max(last + 1, Math.round(at));
    return { events: g, receivedAt: last };
  });
  return { sessionId, battery, normGroup: 'sro-provisional-all', serverStart, seeds, batches: await witnessBatches(sessionId, timed), events };
}
