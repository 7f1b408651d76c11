import type { CapturedInput, TestResponder } from '../../src/runtime/game-contract.ts';
import { pressSide, readSide } from '../kit/sides.ts';
import type { Direction, FlankerTrial } from './design.ts';

/** How an input answers a Flanker trial: the shared left/right reading (games/kit/sides.ts). */
export function readResponse(input: CapturedInput): Direction | null {
  return readSide(input);
}

/** Browser tests: the middle arrow's direction. */
export const testResponder: TestResponder<FlankerTrial> = (_onset, trial) => [pressSide(trial.target)];
