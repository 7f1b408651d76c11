/** Building blocks of the games' simulated candidates (GameManifest.participantFor). */
import type { Abilities } from '../../src/runtime/game-contract.ts';
import { exGaussian, type Rng } from '../../src/lib/rng.ts';

/** A response-time component as an ex-Gaussian (ms): the normal part's mean and SD, and the exponential tail's mean. */
export interface ExGauss {
  mu: number;
  sigma: number;
  tau: number;
}

/** One response time (ms) drawn from `rt`: the same two draws of `rng` as exGaussian (src/lib/rng.ts). */
export function drawRt(rng: Rng, rt: ExGauss): number {
  return exGaussian(rng, rt.mu, rt.sigma, rt.tau);
}

/**
 * A response-time component of a participant model, faster by `msPerZ` per z of processing speed, slower by the
 * device's latency: the one way every timed game turns the speed ability into its model.
 */
export function speededBy<T extends { mu: number }>(rt: T, msPerZ: number, a: Abilities, latencyMs: number): T {
  return { ...rt, mu: rt.mu - msPerZ * a['processing-speed'] + latencyMs };
}
