import { describe, expect, it } from 'vitest';
import { gameById } from '../../games/registry.ts';
import type { Domain, GameScore } from '../runtime/game-contract.ts';
import { ALGORITHM_VERSION, DOMAIN_MODEL, domainSpec } from './domain-model.ts';
import { scoreDomain } from './domain-score.ts';
import { scoreMetric } from './metric-scores.ts';
import type { NormTable } from './norm-table.ts';
import { gameScore, unitTable } from './testing/fixtures.ts';

/** Reliabilities fixed here (.60 and .68), not read from the manifests, so the hand computations below stay valid. */
const fixed = (value: number) => ({ reliability: { value, kind: 'assumed' as const, source: 'assumed: fixture' } });
const SPEED = [
  { game: 'reaction', metric: 'simple.median_rt', over: fixed(0.6) },
  { game: 'reaction', metric: 'choice.median_rt', over: fixed(0.68) },
];
const speedTable = unitTable(SPEED);

function domain(d: Domain, scores: GameScore[], table: NormTable) {
  return scoreDomain(
    d,
    domainSpec(d).metrics.map((s) => scoreMetric(s, scores, table, 'keyboard')),
    table,
  );
}

describe('domain composite against hand-computed values', () => {
  it('two metrics z = 1 and 0, equal weights, r = .3 (assumed), reliabilities .60 and .68', () => {
    // lower-is-better with mean 0, SD 1: value −1 → z = +1.
    const d = domain('processing-speed', [gameScore('reaction', { 'simple.median_rt': -1, 'choice.median_rt': 0 })], speedTable);
    // C = .5; Var = .25 + .25 + 2·.25·.3 = .65; z = .5/√.65 = .6202
    // r = 1 − (.25·.40 + .25·.32)/.65 = .7231; half-width = 1.6449·√.2769 = .8656
    expect(d).toEqual({
      domain: 'processing-speed',
      status: 'measured',
      z: 0.62,
      zCi: { low: -0.25, high: 1.49 },
      percentile: 73,
      percentileCi: { low: 40, high: 93 },
      t: 56,
      tCi: { low: 48, high: 65 },
      sten: 7,
      stenCi: { low: 5, high: 8 },
      reliability: 0.72,
      metrics: [
        { game: 'reaction', metric: 'simple.median_rt', weight: 0.5, z: 1, included: true },
        { game: 'reaction', metric: 'choice.median_rt', weight: 0.5, z: 0, included: true },
      ],
    });
  });

  it('uses a correlation from the norm table instead of the assumption', () => {
    const table = unitTable(SPEED, { correlations: [{ a: 'reaction:simple.median_rt', b: 'reaction:choice.median_rt', r: 0.8, n: 400 }] });
    const d = domain('processing-speed', [gameScore('reaction', { 'simple.median_rt': -1, 'choice.median_rt': 0 })], table);
    // Var = .25 + .25 + 2·.25·.8 = .9; z = .5/√.9 = .527; r = 1 − .18/.9 = .80
    expect(d.z).toBe(0.53);
    expect(d.reliability).toBe(0.8);
  });

  it("reads the percentile (and sten) from the norm's domain distribution when it has one", () => {
    const table = unitTable(SPEED, {
      domains: [
        {
          domain: 'processing-speed',
          n: 300,
          sd: 1,
          algorithmVersion: ALGORITHM_VERSION,
          percentiles: [
            { p: 10, value: -0.5 },
            { p: 50, value: 0.8 },
            { p: 90, value: 2 },
          ],
        },
      ],
    });
    const d = domain('processing-speed', [gameScore('reaction', { 'simple.median_rt': -1, 'choice.median_rt': 0 })], table);
    // z = .6202 lies between −0.5 (p 10) and 0.8 (p 50): 10 + 40·(1.1202/1.3) = 44.47 → 44; sten from 44.47 % → 5
    expect(d.percentile).toBe(44);
    expect(d.sten).toBe(5);
    expect(d.t).toBe(56);
    // zCi −0.2454 … 1.4858 → p 10 + 40·(0.2546/1.3) = 17.8 → 18 … 50 + 40·(0.6858/1.2) = 72.9 → 73
    expect(d.percentileCi).toEqual({ low: 18, high: 73 });
    // Built with another algorithm version: ignored, Φ(z) instead.
    const stale = unitTable(SPEED, { domains: [{ ...table.domains![0]!, algorithmVersion: '0.1.0' }] });
    expect(domain('processing-speed', [gameScore('reaction', { 'simple.median_rt': -1, 'choice.median_rt': 0 })], stale).percentile).toBe(73);
  });

  it('a domain with one invalid metric rests on the other, with the reason shown', () => {
    const flag = { code: 'simple.many-anticipations', detail: '5 of 16 simple-RT trials answered before or within 100 ms of the target.' };
    const d = domain('processing-speed', [gameScore('reaction', { 'simple.median_rt': -3, 'choice.median_rt': -0.5 }, [flag])], speedTable);
    expect(d.status).toBe('measured');
    expect(d.z).toBe(0.5);
    expect(d.reliability).toBe(0.68);
    const simple = d.metrics.find((m) => m.metric === 'simple.median_rt');
    expect(simple).toMatchObject({ included: false, weight: 0, z: null });
    expect(simple?.excludedReason).toMatch(/simple\.many-anticipations/);
    expect(d.metrics.find((m) => m.metric === 'choice.median_rt')).toMatchObject({ included: true, weight: 1, z: 0.5 });
  });

  it("says 'not measured' when valid metrics carry less than half the domain's weight", () => {
    const table = unitTable([{ game: 'corsi', metric: 'backward.total_score' }]);
    const scores = [gameScore('corsi', { 'forward.span': 6, 'backward.span': 5, 'forward.total_score': 60, 'backward.total_score': 40 })];
    const d = domain('working-memory', scores, table);
    expect(d.status).toBe('not-measured');
    expect(d.reason).toMatch(/17 % of the domain's weight \(minimum 50 %\)/);
    expect(d.z).toBeUndefined();
    expect(d.sten).toBeUndefined();
    expect(d.metrics.filter((m) => m.excludedReason?.startsWith('no norm'))).toHaveLength(3);
  });

  it("says 'not measured' when its game was not played", () => {
    const d = domain('inhibition', [], unitTable([{ game: 'stop', metric: 'ssrt' }]));
    expect(d).toMatchObject({ status: 'not-measured', reason: 'no valid, normed metric' });
    expect(d.metrics[0]?.excludedReason).toBe('game not played');
  });

  it('clamps an extreme metric z to ±3', () => {
    const d = domain('inhibition', [gameScore('stop', { ssrt: -10 })], unitTable([{ game: 'stop', metric: 'ssrt' }]));
    expect(d.z).toBe(3);
    expect(d.sten).toBe(10);
  });

  it('every domain of the model has weights > 0 and directions the games define', () => {
    for (const spec of DOMAIN_MODEL) {
      for (const m of spec.metrics) {
        expect(m.weight).toBeGreaterThan(0);
        expect(gameById(m.game).metrics.find((x) => x.id === m.metric)?.direction, `${m.game}:${m.metric}`).toBe(m.direction);
      }
    }
  });
});
