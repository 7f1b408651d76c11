import { expectedDurationSec, FLANKER_COUNTS_V1, flankerDesign, FLANKER_ID, FLANKER_VERSION, type FlankerTrial } from './design.ts';
import { FLANKER_FLAG_CODES, FLANKER_METRICS, practicePassed, scoreFlanker } from './score.ts';
import { participants, type FlankerParticipant } from './simulate.ts';
import { assumed, retest } from '../kit/reliability.ts';
import { flankerMessages } from './messages.ts';
import { testResponder } from './responses.ts';
import { countsVersion, defineGame } from '../kit/manifest.ts';

export const flanker = defineGame<FlankerTrial, FlankerParticipant>({
  id: FLANKER_ID,
  version: FLANKER_VERSION,
  domains: ['inhibition', 'selective-attention', 'processing-speed'],
  // Every seed has the same blocks, counts and timing, so any seed gives the same estimate (≈ 243 s).
  expectedDurationSec: expectedDurationSec(flankerDesign(0)),
  metrics: FLANKER_METRICS,
  design: flankerDesign,
  score: scoreFlanker,
  flagCodes: FLANKER_FLAG_CODES,
  practicePassed,
  participants,
  messages: flankerMessages,
  // biome-ignore format: one rule per line reads as a table
  qualityFlags: [
    { flag: 'no-responses', metrics: 'all', why: 'no test trial was answered' },
    { flag: 'many-omissions', metrics: 'all', why: 'more than 20 % of test trials were not answered' },
    { flag: 'many-anticipations', metrics: 'all', why: 'more than 10 % of answers came too early' },
    { flag: 'near-chance', metrics: 'all', why: 'accuracy near guessing: the rule was probably not followed' },
  ],
  // biome-ignore format: one contribution per line reads as a table
  domainMetrics: [
    { domain: 'selective-attention', metric: 'nih_style_score', weight: 1, direction: 'higher-is-better', latency: 'absolute', reliability: assumed(0.6, 'combined accuracy–speed scores are more reliable than the conflict effect; no retest figure for our version'), why: 'Accuracy and speed when distracting arrows point the other way.' },
    { domain: 'selective-attention', metric: 'conflict_rt', weight: 1, direction: 'lower-is-better', latency: 'difference', reliability: retest(0.28, 'ANT conflict effect, both sessions scored by our rule on 20 congruent and 20 incongruent trials'), why: 'How much distracting arrows slow the answer.' },
    { domain: 'selective-attention', metric: 'accuracy', weight: 0.5, direction: 'higher-is-better', latency: 'none', reliability: retest(0.1, 'ANT accuracy (near ceiling), both sessions scored by our rule on 20 congruent and 20 incongruent trials'), why: 'Correct answers despite distraction (half weight: near ceiling).' },
  ],
  testResponder,
  earlier: [
    countsVersion(flankerDesign, scoreFlanker, {
      version: '1.0.0',
      counts: FLANKER_COUNTS_V1,
      why: '1.1.0 has two test blocks of 20 trials (1.0.0: 32), the battery allocation of docs/battery-allocation.md; the generator, timing and scorer are unchanged.',
    }),
  ],
});
