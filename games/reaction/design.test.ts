import { describe, expect, it } from 'vitest';
import { FOREPERIOD_MS, reactionDesign, REACTION_COUNTS } from './design.ts';

describe('Reaction design', () => {
  it('has practice and test blocks of the documented sizes, balanced sides, foreperiods in range', () => {
    const d = reactionDesign(7);
    expect(d.blocks.map((b) => [b.kind, b.trials.length])).toEqual([
      ['practice', REACTION_COUNTS.simplePractice],
      ['test', REACTION_COUNTS.simpleTest],
      ['practice', REACTION_COUNTS.choicePractice],
      ['test', REACTION_COUNTS.choiceTest],
    ]);
    const choice = d.blocks[3]?.trials ?? [];
    expect(choice.filter((t) => t.side === 'left')).toHaveLength(REACTION_COUNTS.choiceTest / 2);
    for (const b of d.blocks)
      for (const t of b.trials) {
        expect(t.foreperiodMs).toBeGreaterThanOrEqual(FOREPERIOD_MS.min);
        expect(t.foreperiodMs).toBeLessThanOrEqual(FOREPERIOD_MS.max);
      }
  });
});
