import type { CapturedInput } from '../../src/runtime/game-contract.ts';
import type { Direction } from './design.ts';

/** ← / → for most keyboards; F / J for touch typists (the home-row keys under the index fingers). */
const LEFT_KEYS = new Set(['ArrowLeft', 'f', 'F']);
const RIGHT_KEYS = new Set(['ArrowRight', 'j', 'J']);

/**
 * How an input answers a Flanker trial: the left or right key, or a tap or click on that half of the stage.
 * Returns null for an input that is no answer (another key, a pointer outside the stage).
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
