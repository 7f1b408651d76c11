import type { CapturedInput } from '../../src/runtime/game-contract.ts';
import type { Direction } from './design.ts';

const LEFT_KEYS = new Set(['ArrowLeft', 'f', 'F']);
const RIGHT_KEYS = new Set(['ArrowRight', 'j', 'J']);

/**
 * How an input answers a Stop trial: ← or F for left, → or J for right, or a tap/click on that half of the stage.
 * Every other key is no answer (so Tab, Escape and the like stay the browser's). Returns null for no answer.
 */
export function readResponse(input: CapturedInput): Direction | null {
  if (input.device === 'keyboard') {
    const key = input.key ?? '';
    if (LEFT_KEYS.has(key)) return 'left';
    if (RIGHT_KEYS.has(key)) return 'right';
    return null;
  }
  if (input.x === undefined || input.y === undefined || input.x < 0 || input.x > 1 || input.y < 0 || input.y > 1) return null;
  return input.x < 0.5 ? 'left' : 'right';
}
