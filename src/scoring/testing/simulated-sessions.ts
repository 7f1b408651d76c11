/**
 * Simulated candidates for tests and demos of the profile engine and its CLIs: a latent ability per domain drives
 * each game's own simulate() (the games' participant models), the logs are joined into one session log, and the
 * scores come from the real scorers. Nothing here is used to score a real candidate.
 */
import { simulateCorsi, TYPICAL_PARTICIPANT as CORSI } from '../../../games/corsi/simulate.ts';
import { simulateFlanker, TYPICAL_PARTICIPANT as FLANKER } from '../../../games/flanker/simulate.ts';
import { createRng, type Rng } from '../../lib/rng.ts';
import { GAMES } from '../../../games/registry.ts';
import { simulateReaction, TYPICAL_PARTICIPANT as REACTION } from '../../../games/reaction/simulate.ts';
import { simulateReversal, TYPICAL_PARTICIPANT as REVERSAL } from '../../../games/reversal/simulate.ts';
import { simulateStop, TYPICAL_PARTICIPANT as STOP } from '../../../games/stop/simulate.ts';
import { simulateSwitch, TYPICAL_PARTICIPANT as SWITCH } from '../../../games/switch/simulate.ts';
import type { InputDevice, LogEvent } from '../../log/events.ts';
import type { Domain } from '../../runtime/game-contract.ts';
import { DOMAINS } from '../profile-types.ts';
import { scoreSession } from '../score-game.ts';
import type { SessionExport } from '../session-export.ts';
import { joinGameLogs } from '../../log/join-session.ts';

export type Abilities = Record<Domain, number>;

export const ALL_GAMES = ['reaction', 'stop', 'flanker', 'switch', 'corsi', 'reversal'] as const;
export type GameId = (typeof ALL_GAMES)[number];

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** One game's log for a candidate with these abilities (z units; 0 is typical). `latencyMs` adds device latency to every answer. */
export function simulateGame(game: GameId, a: Abilities, seed: number, latencyMs = 0): LogEvent[] {
  const s = a['processing-speed'];
  const designSeed = seed * 7 + 1;
  switch (game) {
    case 'reaction':
      return simulateReaction(GAMES.reaction!.design(designSeed), {
        ...REACTION,
        simple: { ...REACTION.simple, mu: REACTION.simple.mu - 30 * s + latencyMs },
        choice: { ...REACTION.choice, mu: REACTION.choice.mu - 40 * s + latencyMs },
      }, seed);
    case 'stop':
      return simulateStop(GAMES.stop!.design(designSeed), {
        ...STOP,
        go: { ...STOP.go, mu: STOP.go.mu - 40 * s + latencyMs },
        ssrt: { mean: STOP.ssrt.mean - 30 * a.inhibition, sd: STOP.ssrt.sd },
      }, seed);
    case 'flanker':
      return simulateFlanker(GAMES.flanker!.design(designSeed), {
        ...FLANKER,
        congruent: { ...FLANKER.congruent, mu: FLANKER.congruent.mu - 40 * s + latencyMs },
        conflictMs: Math.max(0, FLANKER.conflictMs - 20 * a['selective-attention']),
      }, seed);
    case 'switch':
      return simulateSwitch(GAMES.switch!.design(designSeed), {
        ...SWITCH,
        single: { ...SWITCH.single, mu: SWITCH.single.mu - 40 * s + latencyMs },
        mixingCostMs: Math.max(0, SWITCH.mixingCostMs - 40 * a.flexibility),
        switchCostMs: Math.max(0, SWITCH.switchCostMs - 25 * a.flexibility),
      }, seed);
    case 'corsi':
      return simulateCorsi(GAMES.corsi!.design(designSeed), {
        ...CORSI,
        span: { forward: clamp(Math.round(6 + a['working-memory']), 3, 9), backward: clamp(Math.round(5 + a['working-memory']), 2, 9) },
      }, seed);
    case 'reversal':
      return simulateReversal(GAMES.reversal!.design(designSeed), {
        ...REVERSAL,
        alpha: clamp(REVERSAL.alpha + 0.12 * a.learning, 0.1, 0.95),
        beta: clamp(REVERSAL.beta + 2 * a.learning, 1, 15),
      }, seed);
  }
}

/** Joins per-game logs into one session log as the runtime writes it, every input from `device`. */
export function joinSessionLog(logs: readonly LogEvent[][], device: InputDevice = 'keyboard', sessionId = 'sim'): LogEvent[] {
  return joinGameLogs(logs, { sessionId, battery: 'standard', device, gapMs: 1000 });
}

export function typicalAbilities(): Abilities {
  return Object.fromEntries(DOMAINS.map((d) => [d, 0])) as Abilities;
}

export function drawAbilities(rng: Rng, shift: Partial<Abilities> = {}): Abilities {
  return Object.fromEntries(DOMAINS.map((d) => [d, rng.normal(0, 1) + (shift[d] ?? 0)])) as Abilities;
}

export interface SimulatedGroup {
  n: number;
  /** Shift of the latent abilities (z) for this group. */
  shift?: Partial<Abilities>;
  groups?: Record<string, string>;
  device?: InputDevice;
  /** Device latency added to every answer (ms). */
  latencyMs?: number;
  ageBand?: string;
}

/**
 * Simulated, scored, anonymised session exports. Deterministic for a seed. Each game's log is scored on its own
 * (faster than one joined log, same scores); the device class is the group's.
 */
export function simulateExports(spec: readonly SimulatedGroup[], seed: number, games: readonly GameId[] = ALL_GAMES): SessionExport[] {
  const rng = createRng(seed);
  const out: SessionExport[] = [];
  let k = 0;
  for (const g of spec) {
    const device = g.device === 'pen' ? 'touch' : (g.device ?? 'keyboard');
    for (let i = 0; i < g.n; i++, k++) {
      const a = drawAbilities(rng, g.shift);
      const sessionSeed = seed * 100_003 + k;
      const scores = games.flatMap((game) => scoreSession(simulateGame(game, a, sessionSeed, g.latencyMs ?? 0)));
      out.push({
        id: `sim-${seed}-${k}`,
        deviceClass: device,
        gameDevices: Object.fromEntries(scores.map((s) => [s.game, device])),
        ...(g.ageBand ? { ageBand: g.ageBand } : {}),
        ...(g.groups ? { groups: g.groups } : {}),
        games: scores,
      });
    }
  }
  return out;
}
