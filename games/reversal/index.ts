import type { GameManifest } from '../../src/runtime/game-contract.ts';
import { expectedDurationSec, reversalDesign, REVERSAL_ID, REVERSAL_VERSION, type ReversalTrial } from './design.ts';
import { practicePassed, REVERSAL_METRICS, scoreReversal } from './score.ts';
import { simulateReversal, type ReversalParticipant } from './simulate.ts';

export const reversal: GameManifest<ReversalTrial, ReversalParticipant> = {
  id: REVERSAL_ID,
  version: REVERSAL_VERSION,
  domains: ['flexibility', 'learning'],
  // Every seed has the same block sizes and timings, so any seed gives the estimate (196 s).
  expectedDurationSec: expectedDurationSec(reversalDesign(1)),
  inputModes: ['keyboard', 'mouse', 'touch'],
  metrics: REVERSAL_METRICS,
  design: reversalDesign,
  score: scoreReversal,
  practicePassed,
  simulate: simulateReversal,
};
