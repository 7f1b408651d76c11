import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/lib/rng.ts';
import { reversalV1 as reversal } from './index.ts';
import { BEST_PAYS_PER_CHUNK, expectedDurationSec, OUTCOME_CHUNK, outcomeSchedule, RESPONSE_WINDOW_MS, reversalDesign, REVERSAL_COUNTS } from './design.ts';

describe('Reversal design', () => {
  it('is the same for the same seed and differs across seeds', () => {
    expect(reversalDesign(42)).toEqual(reversalDesign(42));
    expect(JSON.stringify(reversalDesign(42))).not.toBe(JSON.stringify(reversalDesign(43)));
  });

  it('has a practice block without reversals and a reversible test block, each with its own shapes', () => {
    for (const seed of [1, 2, 3, 4]) {
      const d = reversalDesign(seed);
      expect(d.blocks.map((b) => [b.kind, b.trials.length])).toEqual([
        ['practice', REVERSAL_COUNTS.practice],
        ['test', REVERSAL_COUNTS.test],
      ]);
      const [practice, test] = d.blocks.map((b) => b.trials);
      expect(practice?.every((t) => t.set === 'practice' && !t.reversible && t.windowMs === RESPONSE_WINDOW_MS)).toBe(true);
      expect(test?.every((t) => t.set === 'test' && t.reversible)).toBe(true);
      // One starting best option per block; the test never starts on the option that was best in practice.
      expect(new Set(practice?.map((t) => t.startBest)).size).toBe(1);
      expect(new Set(test?.map((t) => t.startBest)).size).toBe(1);
      expect(test?.[0]?.startBest).not.toBe(practice?.[0]?.startBest);
    }
  });

  it('puts each option on the left on half the trials of a block', () => {
    const d = reversalDesign(5);
    for (const b of d.blocks) expect(b.trials.filter((t) => t.left === 'A')).toHaveLength(b.trials.length / 2);
  });

  it('pays the best option on exactly 8 of every 10 trials, never misleading twice in a row', () => {
    for (const seed of [1, 7, 99]) {
      const pays = reversalDesign(seed).blocks.flatMap((b) => b.trials.map((t) => t.bestPays));
      for (let i = 0; i < pays.length; i += OUTCOME_CHUNK) {
        expect(pays.slice(i, i + OUTCOME_CHUNK).filter(Boolean)).toHaveLength(BEST_PAYS_PER_CHUNK);
      }
      const practice = reversalDesign(seed).blocks[0]?.trials.map((t) => t.bestPays) ?? [];
      const test = reversalDesign(seed).blocks[1]?.trials.map((t) => t.bestPays) ?? [];
      for (const seq of [practice, test]) for (let i = 1; i < seq.length; i++) expect(seq[i - 1] || seq[i]).toBe(true);
    }
  });

  it('cuts a schedule that is not a whole number of chunks to length, still without two misleading in a row', () => {
    const s = outcomeSchedule(createRng(3), 25);
    expect(s).toHaveLength(25);
    expect(s.slice(0, 20).filter(Boolean)).toHaveLength(16);
    for (let i = 1; i < s.length; i++) expect(s[i - 1] || s[i]).toBe(true);
  });

  it('estimates the duration from its trial counts and timings', () => {
    // 80 trials × (250 fixation + 700 choice + 700 feedback + 250 gap) ms = 152 s; 2 blocks × (0.6 s lead + 10 s intro) = 21.2 s.
    expect(expectedDurationSec(reversalDesign(1))).toBe(173);
    expect(reversal.expectedDurationSec).toBe(173);
  });
});
