/** Descriptive statistics the scorers share; thin names over simple-statistics so scorers read as their definitions. */
import { mean, median, sampleStandardDeviation } from 'simple-statistics';

export { mean, median };

/** Sample SD (n − 1); null below two values, where it is undefined. */
export function sd(values: readonly number[]): number | null {
  return values.length < 2 ? null : sampleStandardDeviation([...values]);
}

/** Quantile type 6 (Hyndman & Fan 1996): position (n + 1)·p with linear interpolation, clamped to the ends. */
export function quantileType6(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('quantileType6: no values');
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const h = (n + 1) * p;
  if (h <= 1) return sorted[0] as number;
  if (h >= n) return sorted[n - 1] as number;
  const lo = Math.floor(h);
  const frac = h - lo;
  const a = sorted[lo - 1] as number;
  const b = sorted[lo] as number;
  return a + frac * (b - a);
}

/** Rounds a metric for reporting so that floating-point noise never changes a stored number. */
export function round(value: number, decimals = 3): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, x));
}
