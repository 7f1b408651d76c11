/**
 * Recomputing a profile from a shared raw log against a chosen norm group and role set. Pure and deterministic
 * (the profile engine's profileFromLog), so the same versions give the identical profile; the browser runs it in a
 * worker (recompute.worker.ts) to keep the page responsive.
 */
import type { LogEvent } from '../log/events.ts';
import { profileFromLog } from '../scoring/build-profile.ts';
import { ALGORITHM_VERSION } from '../scoring/domain-model.ts';
import { NORM_GROUPS } from '../scoring/norm-registry.ts';
import type { Profile } from '../scoring/profile-types.ts';
import { EXAMPLE_ROLES, type RoleSet } from '../scoring/role-profiles.ts';

export const ROLE_SETS: Readonly<Record<string, RoleSet>> = { [EXAMPLE_ROLES.id]: EXAMPLE_ROLES };

export interface Choices {
  normGroups: { id: string; version: string; population: string; n: number; provisional: boolean }[];
  roleSets: { id: string; version: string; example: boolean }[];
  algorithmVersion: string;
}

export function choices(): Choices {
  return {
    normGroups: Object.values(NORM_GROUPS).map((t) => ({ id: t.id, version: t.version, population: t.population.summary, n: t.n, provisional: t.provisional })),
    roleSets: Object.values(ROLE_SETS).map((r) => ({ id: r.id, version: r.version, example: r.example })),
    algorithmVersion: ALGORITHM_VERSION,
  };
}

export function recompute(events: readonly LogEvent[], normGroup: string, roleSet?: string): Profile {
  const set = roleSet === undefined ? undefined : ROLE_SETS[roleSet];
  if (roleSet !== undefined && !set) throw new Error(`Unknown role set "${roleSet}"`);
  return profileFromLog(events, { normGroup, ...(set ? { roleSet: set } : {}) });
}
