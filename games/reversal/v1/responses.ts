import type { Option, ReversalTrial, Side } from './design.ts';

/** The side an option is shown on in a trial. */
export function sideOf(trial: ReversalTrial, option: Option): Side {
  return trial.left === option ? 'left' : 'right';
}

export function isOption(value: string | undefined): value is Option {
  return value === 'A' || value === 'B';
}
