import { describe, expect, it } from 'vitest';
import { testBlocks } from './blocks.ts';

describe('testBlocks', () => {
  it('introduces the first test block as the test and the later ones as the same test again, trials made in order', () => {
    let made = 0;
    const blocks = testBlocks('flanker', 3, 'rule', () => [++made]);
    expect(blocks).toEqual([
      { kind: 'test', instruction: 'flanker.test', demo: 'rule', trials: [1] },
      { kind: 'test', instruction: 'flanker.testAgain', demo: 'rule', trials: [2] },
      { kind: 'test', instruction: 'flanker.testAgain', demo: 'rule', trials: [3] },
    ]);
    expect(testBlocks('stop', 0, 'stop', () => [])).toEqual([]);
  });
});
