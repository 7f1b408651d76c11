import { describe, expect, it } from 'vitest';
import {
  normalCdf,
  normalQuantile,
  percentileFromTable,
  percentileFromZ,
  reportPercentile,
  roundTo,
  STEN_BOUNDARIES_PERCENTILE,
  stenFromPercentile,
  stenFromZ,
  tFromZ,
} from './conversions.ts';

describe('z → percentile, T, sten against hand-computed values', () => {
  it('Φ matches tabled values of the normal distribution', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1)).toBeCloseTo(0.841345, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.158655, 6);
    expect(normalCdf(1.96)).toBeCloseTo(0.975002, 6);
    expect(normalCdf(-0.5)).toBeCloseTo(0.308538, 6);
  });

  it('Φ⁻¹ inverts Φ (1.959964 at .975, 1.281552 at .90)', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.9)).toBeCloseTo(1.281552, 6);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 6);
    expect(() => normalQuantile(1)).toThrow(RangeError);
  });

  it('the worked examples of the algorithm card', () => {
    // z = 1 → 84.13 → 84, T 60, sten 8
    expect(reportPercentile(percentileFromZ(1))).toBe(84);
    expect(tFromZ(1)).toBe(60);
    expect(stenFromZ(1)).toBe(8);
    // z = −0.5 → 30.85 → 31, T 45, sten 5
    expect(reportPercentile(percentileFromZ(-0.5))).toBe(31);
    expect(tFromZ(-0.5)).toBe(45);
    expect(stenFromZ(-0.5)).toBe(5);
    // z = 2.5 → 99.38 → 99 (reported within 1–99), T 75, sten 10
    expect(reportPercentile(percentileFromZ(2.5))).toBe(99);
    expect(tFromZ(2.5)).toBe(75);
    expect(stenFromZ(2.5)).toBe(10);
  });

  it('sten bands are half an SD wide with 5|6 at z = 0, clamped to 1–10', () => {
    const cases: [number, number][] = [
      [-3, 1],
      [-2.01, 1],
      [-2, 2],
      [-1.5, 3],
      [-1.01, 3],
      [-0.01, 5],
      [0, 6],
      [0.49, 6],
      [0.5, 7],
      [1.99, 9],
      [2, 10],
      [4, 10],
    ];
    for (const [z, sten] of cases) expect(stenFromZ(z), `z = ${z}`).toBe(sten);
  });

  it('sten from a percentile equals sten from z where the percentile is Φ(z)', () => {
    expect(STEN_BOUNDARIES_PERCENTILE.map((p) => roundTo(p, 2))).toEqual([2.28, 6.68, 15.87, 30.85, 50, 69.15, 84.13, 93.32, 97.72]);
    for (let z = -3; z <= 3; z += 0.07) expect(stenFromPercentile(percentileFromZ(z)), `z = ${z}`).toBe(stenFromZ(z));
    expect(stenFromPercentile(50)).toBe(6);
    expect(stenFromPercentile(49.9)).toBe(5);
    expect(stenFromPercentile(1)).toBe(1);
    expect(stenFromPercentile(99)).toBe(10);
  });

  it('T is linear in z: 50 + 10z', () => {
    expect(tFromZ(0)).toBe(50);
    expect(tFromZ(-2)).toBe(30);
    expect(tFromZ(0.62)).toBeCloseTo(56.2, 10);
  });
});

describe('percentile tables', () => {
  const table = [
    { p: 10, value: 100 },
    { p: 50, value: 200 },
    { p: 90, value: 300 },
  ];

  it('interpolates linearly between points', () => {
    expect(percentileFromTable(table, 150)).toBe(30);
    expect(percentileFromTable(table, 275)).toBe(80);
    expect(percentileFromTable(table, 200)).toBe(50);
  });

  it('gives the end points beyond the ends', () => {
    expect(percentileFromTable(table, 50)).toBe(10);
    expect(percentileFromTable(table, 999)).toBe(90);
  });

  it('gives the midpoint of ranks for tied values (a ceiling)', () => {
    const ceiling = [
      { p: 50, value: 0.98 },
      { p: 80, value: 1 },
      { p: 90, value: 1 },
      { p: 99, value: 1 },
    ];
    expect(percentileFromTable(ceiling, 1)).toBe(89.5);
    expect(percentileFromTable(ceiling, 0.99)).toBe(65);
  });
});

describe('rounding', () => {
  it('rounds half away from zero and never returns −0', () => {
    expect(roundTo(0.125, 2)).toBe(0.13);
    expect(roundTo(-0.125, 2)).toBe(-0.13);
    expect(roundTo(2.5, 0)).toBe(3);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(Object.is(roundTo(-0.001, 2), 0)).toBe(true);
    expect(roundTo(1.005, 2)).toBe(1.01);
  });

  it('reports percentiles as whole numbers within 1–99', () => {
    expect(reportPercentile(0.2)).toBe(1);
    expect(reportPercentile(99.8)).toBe(99);
    expect(reportPercentile(73.24)).toBe(73);
  });
});
