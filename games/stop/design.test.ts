import { describe, expect, it } from 'vitest';
import { estimateDurationSec, FIXATION_MS, RESPONSE_WINDOW_MS, STOP_COUNTS, stopDesign } from './design.ts';
import { stop } from './index.ts';

describe('Stop design', () => {
  it('has go practice, stop practice and two test blocks with 25 % stop trials', () => {
    const d = stopDesign(7);
    expect(d.blocks.map((b) => [b.kind, b.trials.length, b.trials.filter((t) => t.stop).length])).toEqual([
      ['practice', STOP_COUNTS.goPractice, 0],
      ['practice', STOP_COUNTS.stopPractice, STOP_COUNTS.stopPracticeSignals],
      ['test', 36, 9],
      ['test', 36, 9],
    ]);
  });

  for (const seed of [1, 2, 3, 99, 12345]) {
    it(`balances directions, never puts two stop trials in a row and opens blocks with go trials (seed ${seed})`, () => {
      const d = stopDesign(seed);
      for (const b of d.blocks) {
        const go = b.trials.filter((t) => !t.stop);
        const st = b.trials.filter((t) => t.stop);
        expect(Math.abs(go.filter((t) => t.direction === 'left').length * 2 - go.length)).toBeLessThanOrEqual(1);
        expect(Math.abs(st.filter((t) => t.direction === 'left').length * 2 - st.length)).toBeLessThanOrEqual(1);
        expect(b.trials.slice(0, 2).every((t) => !t.stop)).toBe(true);
        b.trials.forEach((t, i) => {
          if (i > 0) expect(t.stop && b.trials[i - 1]?.stop).toBeFalsy();
          expect(t.fixationMs).toBe(FIXATION_MS);
          expect(t.windowMs).toBe(RESPONSE_WINDOW_MS);
        });
      }
    });
  }

  it('finds a valid order for every seed (runs of one direction at most 4)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      for (const b of stopDesign(seed).blocks) {
        let run = 0;
        b.trials.forEach((t, i) => {
          run = i > 0 && b.trials[i - 1]?.direction === t.direction ? run + 1 : 1;
          expect(run).toBeLessThanOrEqual(4);
        });
      }
    }
  });

  it('lasts about 3.5 minutes with instructions and practice, as the manifest says', () => {
    const sec = estimateDurationSec(stopDesign(1));
    expect(sec).toBeGreaterThanOrEqual(180);
    expect(sec).toBeLessThanOrEqual(240);
    expect(stop.expectedDurationSec).toBe(Math.round(sec));
    expect(estimateDurationSec(stopDesign(77))).toBe(sec);
  });
});
