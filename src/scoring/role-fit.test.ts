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
  z: 0,
  metrics: [],
});
const notMeasured = (domain: Domain): DomainScore => ({ domain, status: 'not-measured', reason: 'x', metrics: [] });
const set = (roles: RoleProfile[]): RoleSet => ({ id: 'test-roles', version: '1.0.0', example: true, note: 'n', model: 'm', roles });

/** Contributions in tenths, so a float sum cannot hide an error. */
const tenths = (xs: readonly { contribution: number }[]) => xs.reduce((s, c) => s + Math.round(c.contribution * 10), 0);

describe('fit function against hand-computed values', () => {
  it('distance: below counts fully, above at half; fit is a Gaussian of the mean squared distance', () => {
    expect(stenDistance(4, [6, 9])).toBe(2);
    expect(stenDistance(9, [4, 8])).toBe(0.5);
    expect(stenDistance(7, [5, 9])).toBe(0);
    expect(fitFromMeanSquare(0)).toBe(100);
    // exp(−1/2) at one tolerance (1.25 stens), exp(−2) at two.
    expect(fitFromMeanSquare(1.25 ** 2)).toBeCloseTo(60.653, 3);
    expect(fitFromMeanSquare(2.5 ** 2)).toBeCloseTo(13.534, 3);
  });

  it('distance range within a band: 0 when the band reaches the range, else the near and far ends', () => {
    expect(distanceRange({ low: 3, high: 5 }, [6, 9])).toEqual({ min: 1, max: 3 });
    expect(distanceRange({ low: 5, high: 7 }, [6, 9])).toEqual({ min: 0, max: 1 });
    expect(distanceRange({ low: 8, high: 10 }, [4, 8])).toEqual({ min: 0, max: 1 });
  });

  it('the worked example of the algorithm card: 52 %, contributions 15.7 + 3.0 + 33.3, range 22–85 %', () => {
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
    // D² = (3·2² + 1·0.5²) / 6 = 2.0417; fit = 100·exp(−2.0417 / 3.125) = 52.03. Shortfall 47.97 split 12 : 0.25.
    expect(fit.fitPercent).toBe(52);
    expect(fit.contributions.map((c) => [c.domain, c.contribution])).toEqual([
      ['processing-speed', 15.7],
      ['selective-attention', 3],
      ['working-memory', 33.3],
    ]);
    expect(tenths(fit.contributions)).toBe(520);
    // Range: worst d = 1, 3, 0 → D² = 28/6 → 22 %; best d = 0, 1, 0 → D² = 3/6 → 85 %.
    expect(fit.fitRange).toEqual({ low: 22, high: 85 });
    expect(fit).toMatchObject({ coverage: 1, status: 'computed', example: true, roleVersion: 'test-roles@1.0.0', label: 'role.r' });
  });

  it('a domain far below its range costs more than its share: its contribution is negative', () => {
    const role: RoleProfile = {
      id: 'r',
      label: 'role.r',
      targets: { inhibition: { sten: [7, 10], importance: 1 }, learning: { sten: [3, 8], importance: 3 } },
    };
    const fit = fitRole(role, set([role]), [measured('inhibition', 2), measured('learning', 5)]);
    // D² = 25 / 4 → fit 13.53 → 14; inhibition 25 − 86.47 = −61.47, learning 75; the half-point the fit's rounding adds
    // goes to the parts above 0 (largest remainder), so −61.5 + 75.5.
    expect(fit.fitPercent).toBe(14);
    expect(fit.contributions.map((c) => c.contribution)).toEqual([-61.5, 75.5]);
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
    bad['roles'][0]['targets']['processing-speed']['sten'] = [8, 4];
    bad['roles'][1]['targets']['focus'] = { sten: [1, 2], importance: 1 };
    bad['roles'][2]['id'] = 'painter';
    expect(() => validateRoleSet(bad)).toThrow(RoleSetError);
    expect(() => validateRoleSet(bad)).toThrow(/roles\[0\]\.targets\.processing-speed\.sten: must be \[low, high\]/);
    expect(() => validateRoleSet(bad)).toThrow(/roles\[1\]\.targets\.focus: unknown domain/);
    expect(() => validateRoleSet(bad)).toThrow(/roles\[2\]\.id: "painter" appears twice/);
  });
});
