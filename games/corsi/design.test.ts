import { describe, expect, it } from 'vitest';
import { BLOCK_COUNT } from './board.ts';
import { corsiDesign, LENGTHS, PRACTICE, SEQUENCES_PER_LENGTH, testLengthAt } from './design.ts';

describe('Corsi design', () => {
  it('has practice and test blocks for each direction, in order', () => {
    const d = corsiDesign(7);
    const testCount = (LENGTHS.max - LENGTHS.min + 1) * SEQUENCES_PER_LENGTH;
    expect(d.blocks.map((b) => [b.kind, b.trials[0]?.direction, b.trials.length])).toEqual([
      ['practice', 'forward', PRACTICE.trials],
      ['test', 'forward', testCount],
      ['practice', 'backward', PRACTICE.trials],
      ['test', 'backward', testCount],
    ]);
    expect(testCount).toBe(16);
    for (const b of d.blocks) expect(new Set(b.trials.map((t) => t.direction)).size).toBe(1);
  });

  it('holds two sequences per length in ascending order, so the trial index gives the length', () => {
    for (const seed of [1, 2, 3, 99, 123456]) {
      const d = corsiDesign(seed);
      for (const b of d.blocks.filter((x) => x.kind === 'test')) {
        b.trials.forEach((t, i) => expect(t.sequence).toHaveLength(testLengthAt(i)));
        expect(b.trials.at(-1)?.sequence).toHaveLength(LENGTHS.max);
      }
      for (const b of d.blocks.filter((x) => x.kind === 'practice')) for (const t of b.trials) expect(t.sequence).toHaveLength(PRACTICE.length);
    }
    expect([0, 1, 2, 3, 15].map(testLengthAt)).toEqual([2, 2, 3, 3, 9]);
  });

  it('uses valid blocks, never one twice in a sequence, and two different sequences per length', () => {
    for (const seed of [5, 6, 7, 8]) {
      for (const b of corsiDesign(seed).blocks) {
        for (const t of b.trials) {
          expect(new Set(t.sequence).size).toBe(t.sequence.length);
          for (const x of t.sequence) expect(x >= 0 && x < BLOCK_COUNT && Number.isInteger(x)).toBe(true);
        }
        for (let i = 0; i + 1 < b.trials.length; i += 2) expect(b.trials[i]?.sequence).not.toEqual(b.trials[i + 1]?.sequence);
      }
    }
  });
});
