import type { GameManifest } from '../../src/runtime/game-contract.ts';
import { switchDesign, SWITCH_ID, SWITCH_VERSION, type SwitchTrial } from './design.ts';
import { practicePassed } from './practice.ts';
import { scoreSwitch, SWITCH_METRICS } from './score.ts';
import { simulateSwitch, type SwitchParticipant } from './simulate.ts';
import { estimateDurationSec } from './timing.ts';

/** Switch: cued task switching (colour or shape rule, cued before each figure). */
export const taskSwitch: GameManifest<SwitchTrial, SwitchParticipant> = {
  id: SWITCH_ID,
  version: SWITCH_VERSION,
  domains: ['flexibility'],
  // Computed from the trial counts and the scene's timing (timing.ts): about 255 s.
  expectedDurationSec: Math.round(estimateDurationSec(switchDesign(1))),
  inputModes: ['keyboard', 'mouse', 'touch'],
  metrics: SWITCH_METRICS,
  design: switchDesign,
  score: scoreSwitch,
  practicePassed,
  simulate: simulateSwitch,
};
