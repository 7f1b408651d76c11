/**
 * Composite reliability and confidence intervals. The formulas are in docs/algorithm.md; reliability.test.ts checks
 * them against hand-computed values.
 */

/** Two-sided 90 % normal quantile z(0.95). */
export const Z_90 = 1.6448536269514722;

export interface CompositePart {
  /** Weight in the composite (any positive scale; normalised here). */
  weight: number;
  /** Reliability of the part (0–1). */
  reliability: number;
}

/**
 * Variance of a weighted mean of standardised parts: Σ_i Σ_j a_i a_j r_ij, with a = weights / Σ weights, r_ii = 1 and
 * r_ij the correlation of parts i and j (given by `r(i, j)` for i ≠ j).
 */
export function compositeVariance(weights: readonly number[], r: (i: number, j: number) => number): number {
  const total = weights.reduce((s, w) => s + w, 0);
  if (!(total > 0)) throw new Error('compositeVariance: weights must sum to more than 0');
  const a = weights.map((w) => w / total);
  let v = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < a.length; j++) v += (a[i] as number) * (a[j] as number) * (i === j ? 1 : r(i, j));
  }
  return v;
}

/**
 * Mosier's (1943) reliability of a weighted composite of standardised parts:
 * r_C = 1 − Σ a_i² (1 − r_ii) / Var(C), with a_i the normalised weights and Var(C) = compositeVariance.
 * One part: its own reliability.
 */
export function mosierReliability(parts: readonly CompositePart[], r: (i: number, j: number) => number): number {
  const weights = parts.map((p) => p.weight);
  const total = weights.reduce((s, w) => s + w, 0);
  const variance = compositeVariance(weights, r);
  const error = parts.reduce((s, p) => s + (p.weight / total) ** 2 * (1 - p.reliability), 0);
  return 1 - error / variance;
}

/** Standard error of measurement of a z-score with reliability `rel`: SD · √(1 − rel), SD = 1. */
export function semZ(rel: number): number {
  if (!(rel >= 0 && rel <= 1)) throw new RangeError(`semZ: reliability must be in 0…1, got ${rel}`);
  return Math.sqrt(1 - rel);
}

/** 90 % confidence interval around an observed z: z ± 1.645 · SEM. */
export function ciZ(z: number, rel: number): { low: number; high: number } {
  const half = Z_90 * semZ(rel);
  return { low: z - half, high: z + half };
}

/** Spearman–Brown: the reliability of a test `factor` times as long as one with reliability `rel`. */
export function spearmanBrownLength(rel: number, factor: number): number {
  return (factor * rel) / (1 + (factor - 1) * rel);
}
