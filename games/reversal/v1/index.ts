/**
 * Coin hunt 1.0.0 (two options, a learning criterion that reverses them): no longer played, kept so that its logs
 * still score exactly as when they were recorded. Its metrics have no norm in any shipped table.
 */
import type { EarlierVersion } from '../../../src/runtime/game-contract.ts';
import { expectedDurationSec, reversalDesign, REVERSAL_VERSION, type ReversalTrial } from './design.ts';
import { REVERSAL_METRICS, REVERSAL_V1_FLAG_CODES, scoreReversal } from './score.ts';

export const reversalV1: EarlierVersion<ReversalTrial> & { metrics: typeof REVERSAL_METRICS; expectedDurationSec: number } = {
  version: REVERSAL_VERSION,
  design: reversalDesign,
  score: scoreReversal,
  flagCodes: REVERSAL_V1_FLAG_CODES,
  metrics: REVERSAL_METRICS,
  expectedDurationSec: expectedDurationSec(reversalDesign(1)),
  why: '2.0.0 has three options, the best paying with p = .8 and moving every 15 trials on a fixed schedule, as in the open sciops sample its norms come from; 1.0.0 had two options reversed by a learning criterion and no norm.',
};
