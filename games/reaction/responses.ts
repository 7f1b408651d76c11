import type { CapturedInput, TestResponder } from '../../src/runtime/game-contract.ts';
import { onStage, pressSide, readSide } from '../kit/sides.ts';
import type { Condition, ReactionTrial } from './design.ts';

/** Keys that never count as an answer: navigation and modifiers stay the browser's. */
const IGNORED_KEYS = new Set(['Tab', 'Escape', 'Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'F5']);

/**
 * How an input answers a Reaction trial: simple RT takes any key or any tap ('any'); choice RT takes the left or
 * right key, or a tap on that half of the stage. Returns null for an input that is no answer.
 */
export function readResponse(condition: Condition, input: CapturedInput): string | null {
  if (input.device === 'keyboard') {
    const key = input.key ?? '';
    if (IGNORED_KEYS.has(key)) return null;
    return condition === 'simple' ? 'any' : readSide(input);
  }
  if (!onStage(input)) return null;
  return condition === 'simple' ? 'any' : readSide(input);
}

/** Browser tests: the right answer by key, Space for simple RT and the target side's arrow for choice. */
export const testResponder: TestResponder<ReactionTrial> = (_onset, trial) => [
  trial.condition === 'simple' ? { kind: 'key', key: 'Space' } : pressSide(trial.side),
];
