/**
 * Step 3: domain stens → fit with a role profile. The fit function is in docs/algorithm.md ("Role fit") and checked
 * against hand-computed values in role-fit.test.ts.
 *
 *   distance d = low − sten below the range, (sten − high) × ABOVE_RANGE_FACTOR above it, 0 inside;
 *   match m = max(0, 1 − d / ZERO_MATCH_DISTANCE);
 *   fit % = 100 × Σ importance·m / Σ importance, over the domains with importance > 0 that were measured;
 *   contribution of a domain = 100 × importance·m / Σ importance (same sums), so the contributions add up to the fit.
 */
import type { Domain } from '../runtime/game-contract.ts';
import { roundTo } from './conversions.ts';
import type { DomainScore, RoleFit, RoleFitContribution } from './profile-types.ts';
import { DOMAINS } from './profile-types.ts';
import type { RoleProfile, RoleSet } from './role-profiles.ts';

/** A sten this far outside the range (after the above-range factor) adds nothing to the fit. */
export const ZERO_MATCH_DISTANCE = 4;
/** Being above a role's range counts half as much as being below it: more of an ability seldom hinders, but may mean too little challenge. */
export const ABOVE_RANGE_FACTOR = 0.5;
/** Below this share of the role's importance measured, the fit is reported as 'not-enough-data'. */
export const MIN_FIT_COVERAGE = 0.5;

export function stenDistance(sten: number, [low, high]: readonly [number, number]): number {
  if (sten < low) return low - sten;
  if (sten > high) return (sten - high) * ABOVE_RANGE_FACTOR;
  return 0;
}

export function matchOf(sten: number, range: readonly [number, number]): number {
  return Math.max(0, 1 - stenDistance(sten, range) / ZERO_MATCH_DISTANCE);
}

/**
 * Rounds `parts` (≥ 0) to tenths so that they add up to exactly `totalTenths` (largest-remainder method: the parts
 * with the largest remainders get the missing tenths first, ties to the earlier part; only parts above 0 get any).
 * Returns tenths as whole numbers.
 */
export function apportionTenths(parts: readonly number[], totalTenths: number): number[] {
  const raw = parts.map((p) => p * 10);
  const tenths = raw.map((r) => Math.floor(r + 1e-9));
  let diff = totalTenths - tenths.reduce((s, f) => s + f, 0);
  const frac = raw.map((r, i) => r - (tenths[i] as number));
  // The fit is rounded to a whole percent, so the gap can exceed one tenth per part: go round until it is closed.
  const up = raw.map((_, i) => i).filter((i) => (parts[i] as number) > 0).sort((a, b) => (frac[b] as number) - (frac[a] as number) || a - b);
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
    return [{ domain, target, sten, match: sten === null ? 0 : matchOf(sten, target.sten) }];
  });
  const totalImportance = rows.reduce((s, r) => s + r.target.importance, 0);
  const measured = rows.filter((r) => r.sten !== null);
  const measuredImportance = measured.reduce((s, r) => s + r.target.importance, 0);
  const raw = rows.map((r) => (r.sten === null || measuredImportance === 0 ? 0 : (100 * r.target.importance * r.match) / measuredImportance));
  const fit = roundTo(raw.reduce((s, x) => s + x, 0), 0);
  const tenths = apportionTenths(raw, fit * 10);
  const contributions: RoleFitContribution[] = rows.map((r, i) => ({
    domain: r.domain,
    importance: r.target.importance,
    target: { low: r.target.sten[0], high: r.target.sten[1] },
    sten: r.sten,
    contribution: (tenths[i] as number) / 10,
  }));
  const coverage = totalImportance === 0 ? 0 : measuredImportance / totalImportance;
  return {
    role: role.id,
    roleVersion: `${set.id}@${set.version}`,
    label: role.label,
    example: set.example,
    fitPercent: fit,
    contributions,
    coverage: roundTo(coverage, 2),
    status: coverage >= MIN_FIT_COVERAGE ? 'computed' : 'not-enough-data',
  };
}

export function fitRoles(set: RoleSet, domains: readonly DomainScore[], only?: readonly string[]): RoleFitResult[] {
  return set.roles.filter((r) => !only || only.includes(r.id)).map((r) => fitRole(r, set, domains));
}
