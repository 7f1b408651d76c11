import type { CapturedInput } from '../../src/runtime/game-contract.ts';
import { readSide } from '../kit/sides.ts';
import type { Direction } from './design.ts';

/** How an input answers a Flanker trial: the shared left/right reading (games/kit/sides.ts). */
export function readResponse(input: CapturedInput): Direction | null {
  return readSide(input);
}
