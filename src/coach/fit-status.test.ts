import { describe, expect, it } from 'vitest';
import { profileFromLog } from '../scoring/build-profile.ts';
import { EXAMPLE_ROLES } from '../scoring/role-profiles.ts';
import { simulatedSession } from '../server/fixtures/session-log.ts';
import { credentialFitStatus } from './fit-status.ts';

const version = `${EXAMPLE_ROLES.id}@${EXAMPLE_ROLES.version}`;

describe("a credential's fit status from the areas it shows", () => {
  it('agrees with the profile engine for every example role of a short and a one-game scan', () => {
    for (const log of [simulatedSession({ battery: 'short', seed: 5 }), simulatedSession({ battery: 'reaction', seed: 2 })]) {
      const p = profileFromLog(log);
      const shown = p.domains.filter((d) => d.status === 'measured').map((d) => d.domain);
      for (const f of p.roleFits) {
        const expected = f.status === 'not-enough-data' ? 'not-enough-data' : undefined;
        expect(credentialFitStatus(f.role, f.roleVersion, shown, 0), f.role).toBe(expected);
      }
    }
  });

  it('leaves the fit as it came when results were held back or the role set is not known here', () => {
    const role = EXAMPLE_ROLES.roles[0]?.id ?? '';
    expect(credentialFitStatus(role, version, [], 0)).toBe('not-enough-data');
    expect(credentialFitStatus(role, version, [], 1)).toBeUndefined();
    expect(credentialFitStatus(role, 'other-set@1', [], 0)).toBeUndefined();
    expect(credentialFitStatus(role, undefined, [], 0)).toBeUndefined();
  });
});
