import type { Reliability } from '../../src/runtime/game-contract.ts';
import { SWITCH_COUNTS_V1_1, switchDesign, SWITCH_ID, SWITCH_VERSION, type SwitchTrial } from './design.ts';
import { practicePassed } from './practice.ts';
import { scoreSwitch, SWITCH_FLAG_CODES, SWITCH_METRICS } from './score.ts';
import { participants, type SwitchParticipant } from './simulate.ts';
import { estimateDurationSec } from './timing.ts';
import { switchMessages } from './messages.ts';
import { testResponder } from './responses.ts';
import { countsVersion, defineGame } from '../kit/manifest.ts';

/** Switch: cued task switching (colour or shape rule, cued before each figure). */
/** The shipped norm table carries the full derivation (src/scoring/reference/switch-norm.ts). */
const SRO_RETEST: Reliability = {
  value: 0.49,
  kind: 'test-retest',
  source:
    'Self-Regulation Ontology retest data (Enkavi et al. 2019): threebytwo rate-correct proxy, ICC(3,1) .633 stepped to 48 trials (.59) and by Spearman–Brown to our 32 mixed trials (derivation in the norm table entry)',
};

export const taskSwitch = defineGame<SwitchTrial, SwitchParticipant>({
  id: SWITCH_ID,
  version: SWITCH_VERSION,
  domains: ['flexibility'],
  // Computed from the trial counts and the scene's timing (timing.ts): about 255 s.
  expectedDurationSec: Math.round(estimateDurationSec(switchDesign(1))),
  metrics: SWITCH_METRICS,
  design: switchDesign,
  score: scoreSwitch,
  flagCodes: SWITCH_FLAG_CODES,
  practicePassed,
  participants,
  messages: switchMessages,
  // biome-ignore format: one rule per line reads as a table
  qualityFlags: [
    { flag: 'low-accuracy', metrics: 'all', why: 'accuracy near guessing: the rules were probably not followed' },
    { flag: 'many-omissions', metrics: 'all', why: 'more than 20 % of scored trials were not answered' },
  ],
  // biome-ignore format: one contribution per line reads as a table
  domainMetrics: [
    { domain: 'flexibility', metric: 'composite', weight: 1, direction: 'higher-is-better', latency: 'absolute', reliability: SRO_RETEST, why: 'Correct answers per second while the rule keeps changing.' },
  ],
  testResponder,
  earlier: [
    countsVersion(switchDesign, scoreSwitch, {
      version: '1.1.0',
      counts: SWITCH_COUNTS_V1_1,
      why: '1.2.0 has 32 mixed test trials (1.1.0: 48), the battery allocation of docs/battery-allocation.md; the generator, timing and scorer are unchanged.',
    }),
  ],
});
