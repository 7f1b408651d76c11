/**
 * Seeded randomness for trial designs and simulated participants.
 * Designs are regenerated from (game, version, seed) by the issuer: changing this generator changes every design,
 * so any change here must bump the version of every game.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  int(minInclusive: number, maxInclusive: number): number;
  uniform(min: number, max: number): number;
  normal(mean?: number, sd?: number): number;
  shuffle<T>(items: readonly T[]): T[];
}

/** mulberry32: small, fast, good enough for experimental designs; not for secrets. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  let spare: number | null = null;
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    uniform: (min, max) => min + next() * (max - min),
    normal(mean = 0, sd = 1) {
      if (spare !== null) {
        const z = spare;
        spare = null;
        return mean + sd * z;
      }
      // Box–Muller; 1 - next() keeps log() away from 0.
      const u = 1 - next();
      const v = next();
      const r = Math.sqrt(-2 * Math.log(u));
      spare = r * Math.sin(2 * Math.PI * v);
      return mean + sd * r * Math.cos(2 * Math.PI * v);
    },
    shuffle(items) {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j] as (typeof out)[number], out[i] as (typeof out)[number]];
      }
      return out;
    },
  };
}

/** Ex-Gaussian draw (normal + exponential): the standard model of a reaction-time distribution. */
export function exGaussian(rng: Rng, mu: number, sigma: number, tau: number): number {
  return rng.normal(mu, sigma) - tau * Math.log(1 - rng.next());
}

/** Balanced random order: each value `perValue` times, shuffled, with runs no longer than `maxRun`. */
export function balancedSequence<T>(rng: Rng, values: readonly T[], perValue: number, maxRun: number): T[] {
  const pool = values.flatMap((v) => Array.from({ length: perValue }, () => v));
  for (let tries = 0; tries < 1000; tries++) {
    const seq = rng.shuffle(pool);
    if (longestRun(seq) <= maxRun) return seq;
  }
  throw new Error(`balancedSequence: no order with runs <= ${maxRun} found`);
}

/** Length of the longest run of equal neighbours (designs cap it so that no answer repeats too often). */
export function longestRun<T>(seq: readonly T[]): number {
  let best = 0;
  let run = 0;
  for (let i = 0; i < seq.length; i++) {
    run = i > 0 && seq[i] === seq[i - 1] ? run + 1 : 1;
    best = Math.max(best, run);
  }
  return best;
}
