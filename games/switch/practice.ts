import type { TrialRecord } from '../../src/log/trials.ts';
import type { SwitchDesign } from './design.ts';
import { outcomeOf } from './score.ts';

/**
 * Practice passes with at least three quarters of the block's trials answered correctly (3 of 4 + the opening trial,
 * i.e. 4 of 5, for a single rule; 7 of 9 for the mixed practice). A trial that did not complete counts as wrong.
 */
export const PRACTICE_PASS_RATE = 0.75;

export function practicePassed(design: SwitchDesign, block: number, trials: readonly TrialRecord[]): boolean {
  const specs = design.blocks[block]?.trials ?? [];
  if (specs.length === 0) return true;
  const correct = trials.filter((t) => {
    const spec = specs[t.trial];
    return t.block === block && spec !== undefined && outcomeOf(t, spec).correct;
  }).length;
  return correct / specs.length >= PRACTICE_PASS_RATE;
}
