import type { CapturedInput, TestResponder } from '../../../src/runtime/game-contract.ts';
import { pressSide, readSide as readSharedSide } from '../../kit/sides.ts';
import type { Option, ReversalTrial, Side } from './design.ts';
import { otherOption } from './contingency.ts';

/** Which side an input picks: the shared left/right reading (games/kit/sides.ts); the options fill their halves. */
export function readSide(input: CapturedInput): Side | null {
  return readSharedSide(input);
}

/** The option shown on a side of a trial. */
export function optionOnSide(trial: ReversalTrial, side: Side): Option {
  return side === 'left' ? trial.left : otherOption(trial.left);
}

/** The side an option is shown on in a trial. */
export function sideOf(trial: ReversalTrial, option: Option): Side {
  return trial.left === option ? 'left' : 'right';
}

export function isOption(value: string | undefined): value is Option {
  return value === 'A' || value === 'B';
}

/** Browser tests: always the option on the left, a non-learner, which is enough to play the game to its end. */
export const testResponder: TestResponder<ReversalTrial> = () => [pressSide('left')];
