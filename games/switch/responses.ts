import type { CapturedInput } from '../../src/runtime/game-contract.ts';
import { readSide } from '../kit/sides.ts';
import type { Side } from './design.ts';

/** How an input answers a Switch trial: the shared left/right reading (games/kit/sides.ts). */
export function readResponse(input: CapturedInput): Side | null {
  return readSide(input);
}
