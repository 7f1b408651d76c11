import type { CapturedInput, TestResponder } from '../../src/runtime/game-contract.ts';
import { pressSide, readSide } from '../kit/sides.ts';
import type { Direction, StopTrial } from './design.ts';

/** How an input answers a Stop trial: the shared left/right reading (games/kit/sides.ts). */
export function readResponse(input: CapturedInput): Direction | null {
  return readSide(input);
}

/**
 * Browser tests: every go trial and every other stop trial (by trial index) answered in the arrow's direction:
 * p(respond|signal) near one half, as the staircase intends, so the game runs as long as for a real candidate.
 */
export const testResponder: TestResponder<StopTrial> = (onset, trial) => (trial.stop && onset.trial % 2 === 1 ? [] : [pressSide(trial.direction)]);
