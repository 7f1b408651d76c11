import { describe, expect, it } from 'vitest';
import { createRng } from '../lib/rng.ts';
import type { Domain } from '../runtime/game-contract.ts';
import { DOMAINS, type DomainScore } from './profile-types.ts';
import { apportionTenths, distanceRange, fitFromMeanSquare, fitRole, stenDistance } from './role-fit.ts';
import { EXAMPLE_ROLES, RoleSetError, validateRoleSet, type RoleProfile, type RoleSet } from './role-profiles.ts';

const measured = (domain: Domain, sten: number, band = 0): DomainScore => ({
  domain,
  status: 'measured',
  sten,
  stenCi: { low: sten - band, high: sten + band },
  // The z whose unrounded sten (5.5 + 2z) is exactly this sten, so the hand computations below read whole stens.
  z: (sten - 5.5) / 2,
  zCi: { low: (sten - band - 5.5) / 2, high: (sten + band - 5.5) / 2 },
  metrics: [],
});
const notMeasured = (domain: Domain): DomainScore => ({ domain, status: 'not-measured', reason: 'x', metrics: [] });
const set = (roles: RoleProfile[]): RoleSet => ({ id: 'test-roles', version: '1.0.0', example: true, note: 'n', model: 'm', roles });

/** Contributions in tenths, so a float sum cannot hide an error. */
const tenths = (xs: readonly { contribution: number }[]) => xs.reduce((s, c) => s + Math.round(c.contribution * 10), 0);

describe('fit function against hand-computed values', () => {
  it('distance: below and above count alike; fit is a Gaussian of the mean squared distance', () => {
    expect(stenDistance(4, [6, 9])).toBe(2);
    expect(stenDistance(9, [4, 8])).toBe(1);
    expect(stenDistance(7.4, [5, 9])).toBe(0);
    expect(stenDistance(4.5, [6, 9])).toBe(1.5);
    expect(fitFromMeanSquare(0)).toBe(100);
    // exp(−1/2) at one tolerance (0.8 stens), exp(−2) at two.
    expect(fitFromMeanSquare(0.8 ** 2)).toBeCloseTo(60.653, 3);
    expect(fitFromMeanSquare(1.6 ** 2)).toBeCloseTo(13.534, 3);
  });

  it('distance range within a band: 0 when the band reaches the range, else the near and far ends', () => {
    expect(distanceRange({ low: 3, high: 5 }, [6, 9])).toEqual({ min: 1, max: 3 });
    expect(distanceRange({ low: 5, high: 7 }, [6, 9])).toEqual({ min: 0, max: 1 });
    expect(distanceRange({ low: 8, high: 10 }, [4, 8])).toEqual({ min: 0, max: 2 });
  });

  it('the worked example of the algorithm card: 18 %, contributions 10.2 − 25.4 + 33.2, range 2–68 %', () => {
    const role: RoleProfile = {
      id: 'r',
      label: 'role.r',
      targets: {
        'selective-attention': { sten: [6, 9], importance: 3 },
        'processing-speed': { sten: [4, 8], importance: 1 },
        'working-memory': { sten: [5, 9], importance: 2 },
      },
    };
    const fit = fitRole(role, set([role]), [measured('selective-attention', 4, 1), measured('processing-speed', 9, 1), measured('working-memory', 7, 1)]);
    // D² = (3·2² + 1·1²) / 6 = 2.1667; fit = 100·exp(−2.1667 / 1.28) = 18.40. Shortfall 81.60 split 12 : 1:
    // speed 16.67 − 6.28 = 10.39, attention 50 − 75.32 = −25.32, memory 33.33. In tenths 103.9 − 253.2 + 333.3 = 184; the
    // fit is 18, so 4 tenths come off the smallest remainders that are above 0 (memory, speed; the negative part keeps its value).
    expect(fit.fitPercent).toBe(18);
    expect(fit.contributions.map((c) => [c.domain, c.contribution])).toEqual([
      ['processing-speed', 10.2],
      ['selective-attention', -25.4],
      ['working-memory', 33.2],
    ]);
    expect(tenths(fit.contributions)).toBe(180);
    // Range: worst d = 2 (speed band 8–10 above 4–8), 3, 0 → D² = 31/6 → 2 %; best d = 0, 1, 0 → D² = 3/6 → 68 %.
    expect(fit.fitRange).toEqual({ low: 2, high: 68 });
    expect(fit).toMatchObject({ coverage: 1, status: 'computed', example: true, roleVersion: 'test-roles@1.0.0', label: 'role.r' });
  });

  it('a domain far below its range costs more than its share: its contribution is negative', () => {
    const role: RoleProfile = {
      id: 'r',
      label: 'role.r',
      targets: { inhibition: { sten: [7, 10], importance: 1 }, learning: { sten: [3, 8], importance: 3 } },
    };
    const fit = fitRole(role, set([role]), [measured('inhibition', 4), measured('learning', 5)]);
    // D² = 9 / 4 → fit 100·exp(−2.25 / 1.28) = 17.24 → 17; inhibition 25 − 82.76 = −57.76, learning 75; the fit's rounding
    // takes 0.2 off the part above 0, so −57.8 + 74.8.
    expect(fit.fitPercent).toBe(17);
    expect(fit.contributions.map((c) => c.contribution)).toEqual([-57.8, 74.8]);
  });

  it('a domain that was not measured adds 0, shows sten null, and lowers the coverage', () => {
    const role: RoleProfile = { id: 'r', label: 'role.r', targets: { inhibition: { sten: [5, 9], importance: 1 }, learning: { sten: [5, 9], importance: 3 } } };
    const fit = fitRole(role, set([role]), [measured('inhibition', 7), notMeasured('learning')]);
    expect(fit.fitPercent).toBe(100);
    expect(fit.contributions).toEqual([
      { domain: 'inhibition', importance: 1, target: { low: 5, high: 9 }, sten: 7, contribution: 100 },
      { domain: 'learning', importance: 3, target: { low: 5, high: 9 }, sten: null, contribution: 0 },
    ]);
    expect(fit.coverage).toBe(0.25);
    expect(fit.status).toBe('not-enough-data');
  });

  it('contributions always sum to the fit (random profiles, every example role)', () => {
    const rng = createRng(42);
    for (let i = 0; i < 500; i++) {
      const domains = DOMAINS.map((d) => (rng.next() < 0.15 ? notMeasured(d) : measured(d, rng.int(1, 10))));
      for (const role of EXAMPLE_ROLES.roles) {
        const fit = fitRole(role, EXAMPLE_ROLES, domains);
        expect(tenths(fit.contributions), `${role.id} ${JSON.stringify(domains.map((d) => d.sten ?? null))}`).toBe(fit.fitPercent * 10);
        expect(fit.fitPercent).toBeGreaterThanOrEqual(0);
        expect(fit.fitPercent).toBeLessThanOrEqual(100);
      }
    }
  });

  it('largest-remainder rounding: ties to the earlier part, rounding down when the total is lower', () => {
    expect(apportionTenths([33.33, 33.33, 33.34], 1000)).toEqual([333, 333, 334]);
    expect(apportionTenths([100 / 3, 100 / 3, 100 / 3], 1000)).toEqual([334, 333, 333]);
    expect(apportionTenths([10.04, 20.04, 0], 300)).toEqual([100, 200, 0]);
  });
});

describe('example role profiles', () => {
  it('ships six example roles from the source material, labelled as examples', () => {
    expect(EXAMPLE_ROLES.example).toBe(true);
    expect(EXAMPLE_ROLES.roles.map((r) => r.id)).toEqual(['painter', 'clear-out-worker', 'care-support-worker', 'devops-engineer', 'soldier', 'teacher']);
  });

  it('refuses a broken role set with a clear error', () => {
    // biome-ignore lint/suspicious/noExplicitAny: the test breaks the role file's JSON at any depth, on purpose.
    const bad = JSON.parse(JSON.stringify(EXAMPLE_ROLES)) as Record<string, any>;
    bad['roles'][0]['targets']['selective-attention']['sten'] = [8, 4];
    bad['roles'][1]['targets']['focus'] = { sten: [1, 2], importance: 1 };
    bad['roles'][2]['id'] = 'painter';
    expect(() => validateRoleSet(bad)).toThrow(RoleSetError);
    expect(() => validateRoleSet(bad)).toThrow(/roles\[0\]\.targets\.selective-attention\.sten: must be \[low, high\]/);
    expect(() => validateRoleSet(bad)).toThrow(/roles\[1\]\.targets\.focus: unknown domain/);
    expect(() => validateRoleSet(bad)).toThrow(/roles\[2\]\.id: "painter" appears twice/);
  });
});
