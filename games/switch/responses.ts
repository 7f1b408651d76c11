import type { CapturedInput } from '../../src/runtime/game-contract.ts';
import type { Side } from './design.ts';

const LEFT_KEYS = new Set(['ArrowLeft', 'f', 'F', 'a', 'A']);
const RIGHT_KEYS = new Set(['ArrowRight', 'j', 'J', 'l', 'L']);

/**
 * How an input answers a Switch trial: the left key (← F A) or a tap/click on the left half of the stage is 'left';
 * the right key (→ J L) or the right half is 'right'. Any other key, or a pointer outside the stage, is no answer (null).
 */
export function readResponse(input: CapturedInput): Side | null {
  if (input.device === 'keyboard') {
    const key = input.key ?? '';
    if (LEFT_KEYS.has(key)) return 'left';
    if (RIGHT_KEYS.has(key)) return 'right';
    return null;
  }
  if (input.x === undefined || input.y === undefined || input.x < 0 || input.x > 1 || input.y < 0 || input.y > 1) return null;
  return input.x < 0.5 ? 'left' : 'right';
}
