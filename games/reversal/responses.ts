import type { CapturedInput, TestResponder } from '../../src/runtime/game-contract.ts';
import { onStage } from '../kit/sides.ts';
import type { Option, ReversalTrial } from './design.ts';

/**
 * Keys of the three places: ← ↑/↓ → for arrow-key users (the sciops task used ← ↑ →), and F / Space / J for touch
 * typists. Any other key is no answer.
 */
const KEYS: Readonly<Record<string, Option>> = {
  ArrowLeft: 0,
  f: 0,
  F: 0,
  ArrowUp: 1,
  ArrowDown: 1,
  ' ': 1,
  ArrowRight: 2,
  j: 2,
  J: 2,
};

/** The option an input picks: its key, or a tap or click in that third of the stage (the options fill their thirds). */
export function readOption(input: CapturedInput): Option | null {
  if (input.device === 'keyboard') return KEYS[input.key ?? ''] ?? null;
  if (!onStage(input)) return null;
  const x = input.x as number;
  return x < 1 / 3 ? 0 : x < 2 / 3 ? 1 : 2;
}

/** The value a response logs for an option, and back. */
export const optionValue = (o: Option): string => String(o);
export function parseOption(value: string | undefined): Option | null {
  return value === '0' || value === '1' || value === '2' ? (Number(value) as Option) : null;
}

const KEY_OF: Readonly<Record<Option, string>> = { 0: 'ArrowLeft', 1: 'ArrowUp', 2: 'ArrowRight' };

/**
 * Browser tests: the option that is best on the trial (the responder reads the design, a candidate cannot), so a
 * scripted play has no position bias and its learning metrics are computed.
 */
export const testResponder: TestResponder<ReversalTrial> = (_onset, trial) => [{ kind: 'key', key: KEY_OF[trial.best] }];
