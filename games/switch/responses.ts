import type { CapturedInput, TestResponder } from '../../src/runtime/game-contract.ts';
import { pressSide, readSide } from '../kit/sides.ts';
import type { Side, SwitchTrial } from './design.ts';

/** How an input answers a Switch trial: the shared left/right reading (games/kit/sides.ts). */
export function readResponse(input: CapturedInput): Side | null {
  return readSide(input);
}

/** Browser tests: the side the trial's rule asks for. */
export const testResponder: TestResponder<SwitchTrial> = (_onset, trial) => [pressSide(trial.correct)];
