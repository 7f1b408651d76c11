/** Sample statistics for norm building and the fairness report. Pure; the bootstrap takes a seeded generator. */
import type { Rng } from '../lib/rng.ts';

export function mean(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error('mean: no values');
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

/** Sample SD with n − 1. */
export function sampleSd(xs: readonly number[]): number {
  if (xs.length < 2) throw new Error('sampleSd: needs two values');
  const m = mean(xs);
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
}

/** Quantile by linear interpolation between order statistics at position (n − 1)·p (Hyndman & Fan type 7, R's default). */
export function quantile7(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('quantile7: no values');
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(sorted.length - 1, lo + 1)] as number;
  return a + (h - lo) * (b - a);
}

export function pearson(xs: readonly number[], ys: readonly number[]): number {
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < xs.length; i++) {
    const dx = (xs[i] as number) - mx;
    const dy = (ys[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}

/** Percentile bootstrap CI of a statistic: `resamples` draws with replacement, quantiles (1 ± level)/2 of the results. */
export function bootstrapCi(xs: readonly number[], stat: (sample: number[]) => number, rng: Rng, resamples: number, level: number): [number, number] {
  const results: number[] = [];
  const sample = new Array<number>(xs.length);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < xs.length; i++) sample[i] = xs[Math.floor(rng.next() * xs.length)] as number;
    results.push(stat(sample));
  }
  results.sort((a, b) => a - b);
  return [quantile7(results, (1 - level) / 2), quantile7(results, (1 + level) / 2)];
}

/** Wilson score interval of a proportion x/n at normal quantile z. */
export function wilson(x: number, n: number, z: number): [number, number] {
  if (n === 0) return [0, 1];
  const p = x / n;
  const denom = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** Cohen's d (pooled SD) of a vs b with the large-sample CI: SE = √((n₁+n₂)/(n₁n₂) + d²/(2(n₁+n₂))). */
export function cohensD(a: readonly number[], b: readonly number[], z: number): { d: number; ci: [number, number] } {
  const n1 = a.length;
  const n2 = b.length;
  const pooled = Math.sqrt(((n1 - 1) * sampleSd(a) ** 2 + (n2 - 1) * sampleSd(b) ** 2) / (n1 + n2 - 2));
  const d = pooled === 0 ? 0 : (mean(a) - mean(b)) / pooled;
  const se = Math.sqrt((n1 + n2) / (n1 * n2) + (d * d) / (2 * (n1 + n2)));
  return { d, ci: [d - z * se, d + z * se] };
}

/**
 * Ratio of two proportions (x1/n1) / (x2/n2) with the Katz log CI: exp(ln RR ± z·√(1/x1 − 1/n1 + 1/x2 − 1/n2));
 * with a zero count, 0.5 is added to every count (Haldane) for the CI.
 */
export function rateRatio(x1: number, n1: number, x2: number, n2: number, z: number): { ratio: number | null; ci: [number, number] | null } {
  if (n1 === 0 || n2 === 0 || x2 === 0) return { ratio: null, ci: null };
  const ratio = x1 / n1 / (x2 / n2);
  const c = x1 === 0 || x2 === 0 || x1 === n1 || x2 === n2 ? 0.5 : 0;
  const [a, na, b, nb] = [x1 + c, n1 + 2 * c, x2 + c, n2 + 2 * c];
  const se = Math.sqrt(1 / a - 1 / na + 1 / b - 1 / nb);
  const log = Math.log(a / na / (b / nb));
  return { ratio, ci: [Math.exp(log - z * se), Math.exp(log + z * se)] };
}

/**
 * ICC(3,1) of two measurements per subject (Shrout & Fleiss 1979; McGraw & Wong's consistency, single measure): the
 * two-way mixed-model reliability of one measurement, insensitive to a shift shared by all (a practice effect).
 * (MS_subjects − MS_error) / (MS_subjects + MS_error) for k = 2.
 */
export function icc31(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  if (n !== ys.length || n < 2) throw new Error('icc31: needs two equal-length series of at least two values');
  const grand = (xs.reduce((s, x) => s + x, 0) + ys.reduce((s, y) => s + y, 0)) / (2 * n);
  const mx = mean(xs);
  const my = mean(ys);
  let ssSubjects = 0;
  let ssError = 0;
  for (let i = 0; i < n; i++) {
    const x = xs[i] as number;
    const y = ys[i] as number;
    const m = (x + y) / 2;
    ssSubjects += 2 * (m - grand) ** 2;
    // Residual after subject and session effects.
    ssError += (x - m - (mx - grand)) ** 2 + (y - m - (my - grand)) ** 2;
  }
  const msSubjects = ssSubjects / (n - 1);
  const msError = ssError / (n - 1);
  return (msSubjects - msError) / (msSubjects + msError);
}
