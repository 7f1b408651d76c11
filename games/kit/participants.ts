/** Building blocks of the games' simulated candidates (GameManifest.participantFor). */
import type { Abilities } from '../../src/runtime/game-contract.ts';

/**
 * A response-time component of a participant model, faster by `msPerZ` per z of processing speed, slower by the
 * device's latency: the one way every timed game turns the speed ability into its model.
 */
export function speededBy<T extends { mu: number }>(rt: T, msPerZ: number, a: Abilities, latencyMs: number): T {
  return { ...rt, mu: rt.mu - msPerZ * a['processing-speed'] + latencyMs };
}
