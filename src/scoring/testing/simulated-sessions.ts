/**
 * Simulated candidates for tests and demos of the profile engine and its CLIs: a latent ability per domain drives
 * each game's own simulate() (the games' participant models), the logs are joined into one session log, and the
 * scores come from the real scorers. Nothing here is used to score a real candidate.
 */
import { createRng, type Rng } from '../../lib/rng.ts';
import { GAMES } from '../../../games/registry.ts';
import type { InputDevice, LogEvent } from '../../log/events.ts';
import type { Abilities } from '../../runtime/game-contract.ts';
import { DOMAINS } from '../profile-types.ts';
import { scoreSession } from '../score-game.ts';
import type { SessionExport } from '../session-export.ts';
import { joinGameLogs } from '../../log/join-session.ts';

export type { Abilities };

/** Every registered game, in registry order. */
export const ALL_GAMES: readonly string[] = Object.keys(GAMES);
export type GameId = string;

/**
 * One game's log for a candidate with these abilities (z units; 0 is typical): the game's own participant model
 * (its manifest's participantFor). `latencyMs` adds device latency to every answer.
 */
export function simulateGame(game: GameId, a: Abilities, seed: number, latencyMs = 0): LogEvent[] {
  const manifest = GAMES[game];
  if (!manifest) throw new Error(`Unknown game "${game}"`);
  return manifest.simulate(manifest.design(seed * 7 + 1), manifest.participantFor(a, latencyMs), seed);
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
