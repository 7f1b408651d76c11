import type { GameManifest } from '../../src/runtime/game-contract.ts';
import { expectedDurationSec, flankerDesign, FLANKER_ID, FLANKER_VERSION, type FlankerTrial } from './design.ts';
import { FLANKER_METRICS, practicePassed, scoreFlanker } from './score.ts';
import { simulateFlanker, type FlankerParticipant } from './simulate.ts';

export const flanker: GameManifest<FlankerTrial, FlankerParticipant> = {
  id: FLANKER_ID,
  version: FLANKER_VERSION,
  domains: ['inhibition', 'selective-attention', 'processing-speed'],
  // Every seed has the same blocks, counts and timing, so any seed gives the same estimate (≈ 243 s).
  expectedDurationSec: expectedDurationSec(flankerDesign(0)),
  inputModes: ['keyboard', 'mouse', 'touch'],
  metrics: FLANKER_METRICS,
  design: flankerDesign,
  score: scoreFlanker,
  practicePassed,
  simulate: simulateFlanker,
};
