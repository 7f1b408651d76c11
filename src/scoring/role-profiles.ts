/**
 * Role profiles: data in norms/roles/ (schema norms/schema/role-set.schema.json). Per domain a target sten range and
 * an importance weight 0–3 (0: not relevant, 1: useful, 2: important, 3: critical). Validated at load.
 */
import exampleRoles from '../../norms/roles/example-roles.json' with { type: 'json' };
import type { Domain } from '../runtime/game-contract.ts';
import { DOMAINS } from './profile-types.ts';

export interface RoleTarget {
  /** Target range on the sten scale, inclusive: [low, high], 1 ≤ low ≤ high ≤ 10. */
  sten: [number, number];
  importance: number;
}

export interface RoleProfile {
  id: string;
  /** i18n key of the role's name (src/scoring/messages.ts). */
  label: string;
  targets: Partial<Record<Domain, RoleTarget>>;
}

export interface RoleSet {
  $schema?: string;
  id: string;
  version: string;
  /** Example profiles are labelled as examples wherever a fit shows. */
  example: boolean;
  note: string;
  model: string;
  roles: RoleProfile[];
}

export class RoleSetError extends Error {
  constructor(
    readonly setId: string,
    readonly problems: string[],
  ) {
    super(`Role set "${setId}" is invalid:\n  - ${problems.join('\n  - ')}`);
    this.name = 'RoleSetError';
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

export function validateRoleSet(json: unknown): RoleSet {
  const problems: string[] = [];
  const bad = (path: string, what: string) => problems.push(`${path}: ${what}`);
  const id = isObj(json) && typeof json['id'] === 'string' ? json['id'] : '(no id)';
  if (!isObj(json)) throw new RoleSetError(id, ['not a JSON object']);
  if (typeof json['id'] !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(json['id'])) bad('id', 'must be lower-case letters, digits and hyphens');
  if (typeof json['version'] !== 'string' || !/^\d+\.\d+\.\d+$/.test(json['version'])) bad('version', 'must be a version like 1.0.0');
  if (typeof json['example'] !== 'boolean') bad('example', 'must be true or false');
  for (const k of ['note', 'model']) if (typeof json[k] !== 'string' || json[k] === '') bad(k, 'must be a non-empty string');
  const roles = json['roles'];
  const ids = new Set<string>();
  if (!Array.isArray(roles) || roles.length === 0) bad('roles', 'must list at least one role');
  else
    roles.forEach((r: unknown, i) => {
      const at = `roles[${i}]`;
      if (!isObj(r)) return bad(at, 'must be an object');
      if (typeof r['id'] !== 'string' || r['id'] === '') bad(`${at}.id`, 'must be a non-empty string');
      else if (ids.has(r['id'])) bad(`${at}.id`, `"${r['id']}" appears twice`);
      else ids.add(r['id']);
      if (typeof r['label'] !== 'string' || r['label'] === '') bad(`${at}.label`, 'must be an i18n key');
      const targets = r['targets'];
      if (!isObj(targets)) return bad(`${at}.targets`, 'must be an object');
      let weight = 0;
      for (const [domain, t] of Object.entries(targets)) {
        const tat = `${at}.targets.${domain}`;
        if (!(DOMAINS as readonly string[]).includes(domain)) bad(tat, 'unknown domain');
        if (!isObj(t)) {
          bad(tat, 'must be {sten: [low, high], importance}');
          continue;
        }
        const s = t['sten'];
        if (!Array.isArray(s) || s.length !== 2 || !isInt(s[0]) || !isInt(s[1]) || s[0] < 1 || s[1] > 10 || s[0] > s[1])
          bad(`${tat}.sten`, 'must be [low, high] whole stens, 1 ≤ low ≤ high ≤ 10');
        if (!isInt(t['importance']) || t['importance'] < 0 || t['importance'] > 3) bad(`${tat}.importance`, 'must be a whole number 0–3');
        else weight += t['importance'];
      }
      if (weight === 0) bad(`${at}.targets`, 'at least one domain must have importance above 0');
    });
  if (problems.length > 0) throw new RoleSetError(id, problems);
  return json as unknown as RoleSet;
}

export const EXAMPLE_ROLES: RoleSet = validateRoleSet(exampleRoles);
