/**
 * Step 3: domain stens → fit with a role profile. The fit function is in docs/algorithm.md ("Role fit") and checked
 * against hand-computed values in role-fit.test.ts; its spread over a norm-calibrated population is printed by
 * `npm run bench:profile`.
 *
 *   position s = the unrounded sten 5.5 + 2z of the domain (clamped to 0.5–10.5), or its sten when no z is given;
 *   distance d = low − s below the range, (s − high) × ABOVE_RANGE_FACTOR above it, 0 inside;
 *   mean squared distance D² = Σ importance·d² / Σ importance, over the measured domains with importance > 0;
 *   fit % = 100 × exp(−D² / (2 × FIT_TOLERANCE²));
 *   contribution of a domain = its share of the maximum (100 × importance / Σ importance) minus its share of the
 *   shortfall (100 − fit) in proportion to importance·d², so the contributions add up to the fit.
 *
 * Why a Gaussian of the mean squared distance, not a mean of per-domain matches: a mean of six matches averages the
 * differences between candidates away (every candidate then fits every role 75–100 %), while this form lets one
 * domain far below its range pull the fit down, as a coach reading the profile would.
 */
import type { Domain } from '../runtime/game-contract.ts';
import { roundTo } from './conversions.ts';
import type { DomainScore, Interval, RoleFit, RoleFitContribution } from './profile-types.ts';
import { DOMAINS } from './profile-types.ts';
import type { RoleProfile, RoleSet } from './role-profiles.ts';

/**
 * The distance (in stens, root mean square over the domains) at which the fit has fallen to 61 %; at twice it, 14 %.
 * Calibrated with `npm run bench:profile` (docs/algorithm.md, "Role fit"): over a population drawn from the norms each
 * example role's fit spreads from ≤ 35 % (10th percentile) to ≥ 85 % (90th), and the two best-fitting example roles
 * are ≥ 20 points apart for most candidates (57 % at 0.8; 45 % at 1.0, 32 % at 1.2).
 */
export const FIT_TOLERANCE = 0.8;
/**
 * Being above a role's range counts as much as being below it: a range's upper end says what the role calls for, and
 * more than that is a mismatch of style or challenge, not a failure. Roles that want "as much as possible" set 10.
 */
export const ABOVE_RANGE_FACTOR = 1;
/** Below this share of the role's importance measured, the fit is reported as 'not-enough-data'. */
export const MIN_FIT_COVERAGE = 0.5;

export function stenDistance(sten: number, [low, high]: readonly [number, number]): number {
  if (sten < low) return low - sten;
  if (sten > high) return (sten - high) * ABOVE_RANGE_FACTOR;
  return 0;
}

/** Fit % from the importance-weighted mean of squared distances. */
export function fitFromMeanSquare(meanSquare: number): number {
  return 100 * Math.exp(-meanSquare / (2 * FIT_TOLERANCE * FIT_TOLERANCE));
}

/** Smallest and largest distance while the sten moves within [low, high] of its band (the distance is unimodal in the sten). */
export function distanceRange(band: Interval, range: readonly [number, number]): { min: number; max: number } {
  const ends = [stenDistance(band.low, range), stenDistance(band.high, range)];
  const inside = band.low <= range[1] && band.high >= range[0];
  return { min: inside ? 0 : Math.min(...ends), max: Math.max(...ends) };
}

/**
 * Rounds `parts` (a domain's contribution is negative when it costs more than its share) to tenths so that they add up to exactly `totalTenths` (largest-remainder method: the parts
 * with the largest remainders get the missing tenths first, ties to the earlier part; only parts above 0 get any).
 * Returns tenths as whole numbers.
 */
export function apportionTenths(parts: readonly number[], totalTenths: number): number[] {
  const raw = parts.map((p) => p * 10);
  const tenths = raw.map((r) => Math.floor(r + 1e-9));
  let diff = totalTenths - tenths.reduce((s, f) => s + f, 0);
  const frac = raw.map((r, i) => r - (tenths[i] as number));
  // The fit is rounded to a whole percent, so the gap can exceed one tenth per part: go round until it is closed.
  const up = raw
    .map((_, i) => i)
    .filter((i) => (parts[i] as number) > 0)
    .sort((a, b) => (frac[b] as number) - (frac[a] as number) || a - b);
  const down = raw.map((_, i) => i).sort((a, b) => (frac[a] as number) - (frac[b] as number) || a - b);
  for (let k = 0; diff > 0 && up.length > 0; k++, diff--) {
    const i = up[k % up.length] as number;
    tenths[i] = (tenths[i] as number) + 1;
  }
  for (let k = 0; diff < 0 && k < 100 * down.length; k++) {
    const i = down[k % down.length] as number;
    if ((tenths[i] as number) <= 0) continue;
    tenths[i] = (tenths[i] as number) - 1;
    diff++;
  }
  return tenths;
}

/**
 * Where a domain score sits on the sten scale without rounding: 5.5 + 2z, clamped to the scale's outer edges. The fit
 * uses it so that a candidate half a sten into a range is not treated as one a whole sten away (rounding to whole stens
 * made fits jump in steps of about 20 points).
 */
export function position(score: DomainScore): number {
  if (score.z === undefined) return score.sten as number;
  return Math.min(10.5, Math.max(0.5, 5.5 + 2 * score.z));
}

function positionBand(score: DomainScore, at: number): Interval {
  if (score.zCi) return { low: Math.min(10.5, Math.max(0.5, 5.5 + 2 * score.zCi.low)), high: Math.min(10.5, Math.max(0.5, 5.5 + 2 * score.zCi.high)) };
  return score.stenCi ?? { low: at, high: at };
}

export interface RoleFitResult extends RoleFit {
  /** Share of the role's total importance that rests on measured domains (0–1). */
  coverage: number;
  status: 'computed' | 'not-enough-data';
}

export function fitRole(role: RoleProfile, set: RoleSet, domains: readonly DomainScore[]): RoleFitResult {
  const rows = DOMAINS.flatMap((domain: Domain) => {
    const target = role.targets[domain];
    if (!target || target.importance <= 0) return [];
    const score = domains.find((d) => d.domain === domain);
    const sten = score?.status === 'measured' && score.sten !== undefined ? score.sten : null;
    const at = sten === null || !score ? null : position(score);
    const band = at === null || !score ? null : positionBand(score, at);
    return [{ domain, target, sten, at, band, d: at === null ? 0 : stenDistance(at, target.sten) }];
  });
  const totalImportance = rows.reduce((s, r) => s + r.target.importance, 0);
  const measured = rows.filter((r) => r.sten !== null);
  const w = measured.reduce((s, r) => s + r.target.importance, 0);
  const weightedSquares = measured.reduce((s, r) => s + r.target.importance * r.d * r.d, 0);
  const rawFit = w === 0 ? 0 : fitFromMeanSquare(weightedSquares / w);
  const raw = rows.map((r) => {
    if (r.sten === null || w === 0) return 0;
    const lost = weightedSquares === 0 ? 0 : ((100 - rawFit) * r.target.importance * r.d * r.d) / weightedSquares;
    return (100 * r.target.importance) / w - lost;
  });
  const fit = roundTo(rawFit, 0);
  const tenths = apportionTenths(raw, fit * 10);
  const contributions: RoleFitContribution[] = rows.map((r, i) => ({
    domain: r.domain,
    importance: r.target.importance,
    target: { low: r.target.sten[0], high: r.target.sten[1] },
    sten: r.sten,
    contribution: (tenths[i] as number) / 10,
  }));
  const coverage = totalImportance === 0 ? 0 : w / totalImportance;
  return {
    role: role.id,
    roleVersion: `${set.id}@${set.version}`,
    label: role.label,
    example: set.example,
    fitPercent: fit,
    ...(w > 0 ? { fitRange: fitRangeOf(measured, w) } : {}),
    contributions,
    coverage: roundTo(coverage, 2),
    status: coverage >= MIN_FIT_COVERAGE ? 'computed' : 'not-enough-data',
  };
}

/**
 * The fit's range while every measured sten moves within its 90 % band: the fit falls as each distance grows, so its
 * lowest value takes every domain's largest distance within the band and its highest every smallest. Because all
 * domains move to their unfavourable ends at once, the range is wider than a 90 % interval of the fit (conservative).
 */
function fitRangeOf(rows: readonly { target: { importance: number; sten: [number, number] }; band: Interval | null }[], w: number): Interval {
  let lowSq = 0;
  let highSq = 0;
  for (const r of rows) {
    const { min, max } = distanceRange(r.band as Interval, r.target.sten);
    lowSq += r.target.importance * max * max;
    highSq += r.target.importance * min * min;
  }
  return { low: roundTo(fitFromMeanSquare(lowSq / w), 0), high: roundTo(fitFromMeanSquare(highSq / w), 0) };
}

export function fitRoles(set: RoleSet, domains: readonly DomainScore[], only?: readonly string[]): RoleFitResult[] {
  return set.roles.filter((r) => !only || only.includes(r.id)).map((r) => fitRole(r, set, domains));
}
