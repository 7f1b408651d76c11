import type { TrialRecord } from '../../src/log/trials.ts';
import { practiceRatePassed } from '../kit/scoring.ts';
import type { SwitchDesign, SwitchTrial } from './design.ts';
import { outcomeOf } from './score.ts';

/**
 * Practice passes with at least three quarters of the block's trials answered correctly (3 of 4 + the opening trial,
 * i.e. 4 of 5, for a single rule; 7 of 9 for the mixed practice). A trial that did not complete counts as wrong.
 */
export const PRACTICE_PASS_RATE = 0.75;

export function practicePassed(design: SwitchDesign, block: number, trials: readonly TrialRecord[]): boolean {
  const correct = (t: TrialRecord, spec: SwitchTrial) => t.block === block && outcomeOf(t, spec).correct;
  return practiceRatePassed(design, block, trials, PRACTICE_PASS_RATE, correct);
}
