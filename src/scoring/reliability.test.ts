import { describe, expect, it } from 'vitest';
import { ciZ, compositeVariance, mosierReliability, semZ, Z_90 } from './reliability.ts';

describe('composite reliability (Mosier) against hand-computed values', () => {
  it('two parts, equal weights, reliabilities .68 and .60, correlation .5 → .76', () => {
    // Var(C) = .25 + .25 + 2·.25·.5 = .75; error = .25·.32 + .25·.40 = .18; r = 1 − .18/.75 = .76
    expect(compositeVariance([1, 1], () => 0.5)).toBeCloseTo(0.75, 12);
    expect(
      mosierReliability(
        [
          { weight: 1, reliability: 0.68 },
          { weight: 1, reliability: 0.6 },
        ],
        () => 0.5,
      ),
    ).toBeCloseTo(0.76, 12);
  });

  it('weights 2:1, reliabilities .5 and .4, correlation .3', () => {
    // a = 2/3, 1/3; Var = 4/9 + 1/9 + 2·(2/9)·.3 = 5/9 + .13333 = .688889; error = 4/9·.5 + 1/9·.6 = .288889; r = 1 − .288889/.688889 = .580645
    expect(
      mosierReliability(
        [
          { weight: 2, reliability: 0.5 },
          { weight: 1, reliability: 0.4 },
        ],
        () => 0.3,
      ),
    ).toBeCloseTo(0.580645, 6);
  });

  it('one part keeps its own reliability', () => {
    expect(mosierReliability([{ weight: 3, reliability: 0.42 }], () => 0)).toBeCloseTo(0.42, 12);
  });

  it('a composite of uncorrelated parts is less reliable than one of correlated parts', () => {
    const parts = [
      { weight: 1, reliability: 0.6 },
      { weight: 1, reliability: 0.6 },
    ];
    expect(mosierReliability(parts, () => 0)).toBeLessThan(mosierReliability(parts, () => 0.5));
  });
});

describe('90 % CI widths from known reliabilities', () => {
  it('SEM = √(1 − r)', () => {
    expect(semZ(0.5)).toBeCloseTo(Math.SQRT1_2, 6);
    expect(semZ(0.68)).toBeCloseTo(0.565685, 6);
    expect(semZ(1)).toBe(0);
    expect(() => semZ(1.2)).toThrow(RangeError);
  });

  it('half-width = 1.645 · SEM: SSRT (.5) → 1.163 z, choice RT (.68) → 0.930 z, switch cost (.08) → 1.578 z', () => {
    expect(Z_90).toBeCloseTo(1.644854, 6);
    const width = (r: number) => {
      const ci = ciZ(0, r);
      return ci.high - ci.low;
    };
    expect(width(0.5) / 2).toBeCloseTo(1.163087, 6);
    expect(width(0.68) / 2).toBeCloseTo(0.93047, 5);
    expect(width(0.08) / 2).toBeCloseTo(1.577685, 5);
    const ci = ciZ(1.2, 0.8);
    expect(ci.low).toBeCloseTo(1.2 - 0.735601, 6);
    expect(ci.high).toBeCloseTo(1.2 + 0.735601, 6);
  });
});
