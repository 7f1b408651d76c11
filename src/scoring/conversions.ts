/**
 * Score conversions: z ↔ percentile, T, sten, and percentile tables. Pure; every formula is in docs/algorithm.md and
 * checked against hand-computed values in conversions.test.ts.
 */
import { errorFunction } from 'simple-statistics';

/** Standard normal cumulative distribution Φ(z) = ½(1 + erf(z/√2)) (erf to 1.2e-7, simple-statistics). */
export function normalCdf(z: number): number {
  if (z > 8) return 1;
  if (z < -8) return 0;
  return 0.5 * (1 + errorFunction(z / Math.SQRT2));
}

/** Inverse of Φ by Acklam's rational approximation (relative error below 1.2e-9). p in (0, 1). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile: p must be in (0, 1), got ${p}`);
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const [a0, a1, a2, a3, a4, a5] = a as [number, number, number, number, number, number];
  const [b0, b1, b2, b3, b4] = b as [number, number, number, number, number];
  const [c0, c1, c2, c3, c4, c5] = c as [number, number, number, number, number, number];
  const [d0, d1, d2, d3] = d as [number, number, number, number];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  if (p > 1 - low) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((c0 * q + c1) * q + c2) * q + c3) * q + c4) * q + c5) / ((((d0 * q + d1) * q + d2) * q + d3) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((a0 * r + a1) * r + a2) * r + a3) * r + a4) * r + a5) * q) / (((((b0 * r + b1) * r + b2) * r + b3) * r + b4) * r + 1);
}

/** Percentile (0–100) of a z-score under the normal curve. */
export function percentileFromZ(z: number): number {
  return 100 * normalCdf(z);
}

/** T-score: mean 50, SD 10. */
export function tFromZ(z: number): number {
  return 50 + 10 * z;
}

/**
 * The nine boundaries of the ten sten bands, in z and in percent (Φ(−2) … Φ(2)). Sten k covers z in
 * [(k − 6)/2, (k − 5)/2): sten 1 is below z = −2, sten 10 at or above z = 2, each band half an SD wide, 5|6 at z = 0.
 */
export const STEN_BOUNDARIES_Z = [-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2] as const;
export const STEN_BOUNDARIES_PERCENTILE = STEN_BOUNDARIES_Z.map((z) => percentileFromZ(z));

/** Sten from z: ⌊2z + 6⌋ clamped to 1…10 (so z = 0 is sten 6, z = −0.01 sten 5). */
export function stenFromZ(z: number): number {
  return Math.min(10, Math.max(1, Math.floor(2 * z + 6)));
}

/**
 * Sten from a percentile: 1 + the number of band boundaries (STEN_BOUNDARIES_PERCENTILE) at or below it. Where the
 * percentile is Φ(z) this equals stenFromZ(z); where it comes from an empirical table it is a normalised sten.
 */
export function stenFromPercentile(p: number): number {
  return 1 + STEN_BOUNDARIES_PERCENTILE.filter((b) => p >= b).length;
}

export interface PercentilePoint {
  /** Percentile rank, 0–100. */
  p: number;
  /** The score at that rank. */
  value: number;
}

/**
 * Percentile rank of `value` in a table of (p, value) points sorted by p with non-decreasing values: linear
 * interpolation between the neighbouring points; below the first point the first p, above the last the last p
 * (a table cannot say more than its ends). Among equal values the midpoint of their ranks.
 */
export function percentileFromTable(table: readonly PercentilePoint[], value: number): number {
  const first = table[0];
  const last = table[table.length - 1];
  if (!first || !last) throw new Error('percentileFromTable: empty table');
  if (value <= first.value) {
    const ties = table.filter((pt) => pt.value === first.value);
    return value < first.value ? first.p : midpoint(ties);
  }
  if (value >= last.value) {
    const ties = table.filter((pt) => pt.value === last.value);
    return value > last.value ? last.p : midpoint(ties);
  }
  const ties = table.filter((pt) => pt.value === value);
  if (ties.length > 0) return midpoint(ties);
  for (let i = 1; i < table.length; i++) {
    const lo = table[i - 1] as PercentilePoint;
    const hi = table[i] as PercentilePoint;
    if (value < hi.value) return lo.p + ((value - lo.value) / (hi.value - lo.value)) * (hi.p - lo.p);
  }
  return last.p;
}

function midpoint(points: readonly PercentilePoint[]): number {
  const ps = points.map((pt) => pt.p);
  return (Math.min(...ps) + Math.max(...ps)) / 2;
}

/** Rounds half away from zero at `decimals` places, so that −0.125 and 0.125 round symmetrically; never returns −0. */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = (Math.sign(value) * Math.round(Math.abs(value) * f + 1e-9)) / f;
  return r === 0 ? 0 : r;
}

/** Percentiles are reported as whole numbers within 1–99: a norm table cannot rank beyond its 1st and 99th. */
export function reportPercentile(p: number): number {
  return Math.min(99, Math.max(1, roundTo(p, 0)));
}
