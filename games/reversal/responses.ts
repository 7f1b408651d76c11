import type { CapturedInput } from '../../src/runtime/game-contract.ts';
import type { Option, ReversalTrial, Side } from './design.ts';
import { otherOption } from './contingency.ts';

const LEFT_KEYS = new Set(['ArrowLeft', 'f', 'F', 'a', 'A']);
const RIGHT_KEYS = new Set(['ArrowRight', 'j', 'J', 'l', 'L']);

/**
 * Which side an input picks: ←/F/A or →/J/L on a keyboard, or a tap or click on that half of the stage (the options
 * fill their halves, so the whole half is the target: forgiving on a phone). Null for an input that is no choice.
 */
export function readSide(input: CapturedInput): Side | null {
  if (input.device === 'keyboard') {
    const key = input.key ?? '';
    if (LEFT_KEYS.has(key)) return 'left';
    if (RIGHT_KEYS.has(key)) return 'right';
    return null;
  }
  if (input.x === undefined || input.y === undefined || input.x < 0 || input.x > 1 || input.y < 0 || input.y > 1) return null;
  return input.x < 0.5 ? 'left' : 'right';
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
