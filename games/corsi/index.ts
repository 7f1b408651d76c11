import type { GameManifest } from '../../src/runtime/game-contract.ts';
import { corsiDesign, CORSI_ID, CORSI_VERSION, type CorsiTrial } from './design.ts';
import { practiceCorrect, PRACTICE_MIN_CORRECT } from './rules.ts';
import { CORSI_METRICS, scoreCorsi } from './score.ts';
import { simulateCorsi, type CorsiParticipant } from './simulate.ts';

/**
 * Expected duration (s): the median simulated play of TYPICAL_PARTICIPANT (forward span 6, backward 5) over many
 * seeds (about 220 s of play) plus 10 s per block for its instruction screen; checked against the simulation in
 * score.test.ts.
 */
export const CORSI_EXPECTED_DURATION_SEC = 260;

export const corsi: GameManifest<CorsiTrial, CorsiParticipant> = {
  id: CORSI_ID,
  version: CORSI_VERSION,
  domains: ['working-memory'],
  expectedDurationSec: CORSI_EXPECTED_DURATION_SEC,
  inputModes: ['keyboard', 'mouse', 'touch'],
  metrics: CORSI_METRICS,
  design: corsiDesign,
  score: scoreCorsi,
  practicePassed(design, block, trials) {
    const specs = design.blocks[block]?.trials ?? [];
    if (specs.length === 0) return true;
    return practiceCorrect(specs, trials) >= PRACTICE_MIN_CORRECT;
  },
  simulate: simulateCorsi,
};
