import { describe, expect, it } from 'vitest';
import { icc31 } from './sample-stats.ts';

describe('icc31', () => {
  it('matches a hand-computed two-session example', () => {
    // Subject means 1.5, 2.5, 4, 4 (grand 3): MS_subjects = 2 · 4.5 / 3 = 3; residuals 0, 0, ±0.5, ±0.5: MS_error = 1 / 3;
    // ICC(3,1) = (3 − 1/3) / (3 + 1/3) = 0.8.
    expect(icc31([1, 2, 3, 4], [2, 3, 5, 4])).toBeCloseTo(0.8, 12);
  });

  it('ignores a shift shared by every subject (a practice effect), unlike a change of rank', () => {
    expect(icc31([1, 2, 3, 4], [11, 12, 13, 14])).toBeCloseTo(1, 12);
    expect(icc31([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
  });
});
