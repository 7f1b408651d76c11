import { describe, expect, it } from 'vitest';
import { nextBlock } from './block-plan.ts';
import type { GameDesign } from './game-contract.ts';

const design: GameDesign<number> = {
  game: 'g',
  version: '1',
  seed: 1,
  blocks: [
    { kind: 'practice', instruction: 'p', demo: 'p', trials: [1, 2] },
    { kind: 'test', instruction: 't', demo: 't', trials: [1, 2, 3, 4] },
  ],
};

describe('nextBlock', () => {
  it('runs blocks in order and repeats a failed practice once', () => {
    expect(nextBlock(design, [])).toEqual({ block: 0, attempt: 0 });
    expect(nextBlock(design, [{ block: 0, attempt: 0, kind: 'practice', passed: false }])).toEqual({ block: 0, attempt: 1 });
    expect(
      nextBlock(design, [
        { block: 0, attempt: 0, kind: 'practice', passed: false },
        { block: 0, attempt: 1, kind: 'practice', passed: false },
      ]),
    ).toEqual({ block: 1, attempt: 0 });
    expect(nextBlock(design, [{ block: 0, attempt: 0, kind: 'practice', passed: true }])).toEqual({ block: 1, attempt: 0 });
    expect(
      nextBlock(design, [
        { block: 0, attempt: 0, kind: 'practice', passed: true },
        { block: 1, attempt: 0, kind: 'test' },
      ]),
    ).toBeNull();
  });
});
