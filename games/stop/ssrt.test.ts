import { describe, expect, it } from 'vitest';
import { ssrtIntegration } from './ssrt.ts';

describe('ssrtIntegration, hand-computed fixtures', () => {
  it('replaces go omissions by the largest go RT and takes the type-6 quantile at p(respond|signal)', () => {
    // go RTs 300 400 500 600 + one omission → 300 400 500 600 600; p = 2/4 = 0.5 → position (5 + 1)·0.5 = 3 → 500.
    // mean SSD (200 + 250 + 300 + 250) / 4 = 250 → SSRT = 500 − 250 = 250.
    const r = ssrtIntegration([300, 400, 500, 600, null], [true, false, false, true], [200, 250, 300, 250]);
    expect(r).toEqual({ ok: true, ssrt: 250, nthRt: 500, pRespond: 0.5, meanSsd: 250, maxGoRt: 600, replacedOmissions: 1 });
  });

  it('interpolates between order statistics (no go omissions)', () => {
    // sorted 300 360 420 480; p = 1/3 → position 5/3 = 1.667 → 300 + 0.667·60 = 340; mean SSD 200 → SSRT 140.
    const r = ssrtIntegration([420, 300, 360, 480], [false, true, false], [150, 200, 250]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.nthRt).toBeCloseTo(340, 9);
    expect(r.ssrt).toBeCloseTo(140, 9);
    expect(r.replacedOmissions).toBe(0);
  });

  it('counts choice errors among the go RTs and omissions at the top of the distribution', () => {
    // 300 400 500 + two omissions → 300 400 500 500 500; p = 3/5 = 0.6 → position 3.6 → 500; SSRT = 500 − 200 = 300.
    // (Dropping the omissions instead would give 300 400 500, position 2.4 → 440 and SSRT 240: the bias the replacement removes.)
    const r = ssrtIntegration([300, 400, 500, null, null], [true, true, true, false, false], [200, 200, 200, 200, 200]);
    expect(r.ok && r.ssrt).toBe(300);
  });

  it('clamps the quantile to the ends of the go distribution', () => {
    // p = 0.9 with n = 4 → position 4.5 ≥ n → the largest RT.
    const r = ssrtIntegration([300, 400, 500, 600], [true, true, true, true, true, true, true, true, true, false], Array(10).fill(100) as number[]);
    expect(r.ok && r.nthRt).toBe(600);
  });

  it('is "not computable" when no stop trial was answered', () => {
    const r = ssrtIntegration([300, 400, 500], [false, false, false], [250, 300, 350]);
    expect(r).toEqual({ ok: false, reason: expect.stringContaining('p(respond|signal) = 0') });
  });

  it('is "not computable" when every stop trial was answered', () => {
    const r = ssrtIntegration([300, 400, 500], [true, true, true], [250, 200, 150]);
    expect(r).toEqual({ ok: false, reason: expect.stringContaining('p(respond|signal) = 1') });
  });

  it('is "not computable" when every go trial was omitted, or there are no go or stop trials', () => {
    expect(ssrtIntegration([null, null, null], [true, false], [250, 200])).toEqual({ ok: false, reason: expect.stringContaining('no go trial was answered') });
    expect(ssrtIntegration([], [true, false], [250, 200])).toEqual({ ok: false, reason: 'no go trials' });
    expect(ssrtIntegration([300, 400], [], [])).toEqual({ ok: false, reason: 'no stop trials' });
  });

  it('refuses stop outcomes and SSDs of different lengths', () => {
    expect(() => ssrtIntegration([300], [true, false], [250])).toThrow(/2 stop outcomes but 1 SSDs/);
  });
});
