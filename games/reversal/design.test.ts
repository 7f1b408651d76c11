import { describe, expect, it } from 'vitest';
import { reversal } from './index.ts';
import { expectedDurationSec, OPTIONS, PHASE_TRIALS, RESPONSE_WINDOW_MS, reversalDesign, REVERSAL_COUNTS } from './design.ts';

describe('Coin hunt design (2.0.0)', () => {
  it('has one test block (no practice, as in sciops) whose best option moves every 15 trials to another option', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const d = reversalDesign(seed);
      expect(d.blocks.map((b) => [b.kind, b.trials.length])).toEqual([['test', REVERSAL_COUNTS.test]]);
      const [test] = d.blocks.map((b) => b.trials);
      expect(test?.every((t) => t.set === 'test' && t.windowMs === RESPONSE_WINDOW_MS)).toBe(true);
      for (let i = 1; i < (test?.length ?? 0); i++) {
        const moved = test?.[i]?.best !== test?.[i - 1]?.best;
        expect([i, moved]).toEqual([i, i % PHASE_TRIALS === 0]);
      }
    }
  });

  it('pays the best option on exactly 12 of each 15-trial phase and each other option on 3', () => {
    for (const seed of [1, 7, 99]) {
      const test = reversalDesign(seed).blocks[0]?.trials ?? [];
      for (let start = 0; start < test.length; start += PHASE_TRIALS) {
        const phase = test.slice(start, start + PHASE_TRIALS);
        const best = phase[0]?.best;
        for (const o of OPTIONS) expect(phase.filter((t) => t.pays[o]).length).toBe(o === best ? 12 : 3);
      }
    }
  });

  it('estimates the duration from its trial counts and timings', () => {
    // 60 trials × (250 fixation + 700 choice + 600 feedback + 250 gap) ms = 108 s; 1 block × (0.6 s lead + 10 s intro) = 10.6 s.
    expect(expectedDurationSec(reversalDesign(1))).toBe(119);
    expect(reversal.expectedDurationSec).toBe(119);
  });
});
