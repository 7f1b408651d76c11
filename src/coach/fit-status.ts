/**
 * Whether a credential's role fit rests on enough of its role's profile. A credential carries the fit's percentage
 * but not its coverage, so a role with too little data arrives as "0 %" and would read as the worst fit. The coverage
 * is worked out again as the profile engine does (src/scoring/role-fit.ts): the share of the role's importance on the
 * areas the credential shows. Only when every result is disclosed (a held-back area would look unmeasured) and the
 * role set and version are known here; otherwise the fit is left as it came.
 */
import type { Domain } from '../runtime/game-contract.ts';
import { MIN_FIT_COVERAGE } from '../scoring/role-fit.ts';
import { EXAMPLE_ROLES, type RoleSet } from '../scoring/role-profiles.ts';

const ROLE_SETS: readonly RoleSet[] = [EXAMPLE_ROLES];

/**
 * 'not-enough-data' when the role's measured share is below MIN_FIT_COVERAGE, else undefined. `roleVersion` is the
 * credential's `<set id>@<set version>` for the role; `domains` the areas it shows; `undisclosed` its held-back results.
 */
export function credentialFitStatus(
  role: string,
  roleVersion: string | undefined,
  domains: readonly Domain[],
  undisclosed: number,
): 'not-enough-data' | undefined {
  if (undisclosed > 0 || !roleVersion) return undefined;
  const set = ROLE_SETS.find((s) => `${s.id}@${s.version}` === roleVersion);
  const profile = set?.roles.find((r) => r.id === role);
  if (!profile) return undefined;
  const targets = Object.entries(profile.targets).filter(([, t]) => t && t.importance > 0) as [Domain, { importance: number }][];
  const total = targets.reduce((s, [, t]) => s + t.importance, 0);
  const measured = targets.filter(([d]) => domains.includes(d)).reduce((s, [, t]) => s + t.importance, 0);
  return total > 0 && measured / total < MIN_FIT_COVERAGE ? 'not-enough-data' : undefined;
}
