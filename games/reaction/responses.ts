import type { CapturedInput } from '../../src/runtime/game-contract.ts';
import type { Condition } from './design.ts';

const LEFT_KEYS = new Set(['ArrowLeft', 'f', 'F', 'a', 'A']);
const RIGHT_KEYS = new Set(['ArrowRight', 'j', 'J', 'l', 'L']);
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
    if (condition === 'simple') return 'any';
    if (LEFT_KEYS.has(key)) return 'left';
    if (RIGHT_KEYS.has(key)) return 'right';
    return null;
  }
  if (input.x === undefined || input.y === undefined || input.x < 0 || input.x > 1 || input.y < 0 || input.y > 1) return null;
  if (condition === 'simple') return 'any';
  return input.x < 0.5 ? 'left' : 'right';
}
