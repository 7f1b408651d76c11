import type { Reliability } from '../../src/runtime/game-contract.ts';
import { defineGame } from '../kit/manifest.ts';
import { expectedDurationSec, reversalDesign, REVERSAL_COUNTS, REVERSAL_ID, REVERSAL_VERSION, type ReversalTrial } from './design.ts';
import { practicePassed, REVERSAL_FLAG_CODES, REVERSAL_METRICS, scoreReversal } from './score.ts';
import { participants, type ReversalParticipant } from './simulate.ts';
import { reversalMessages } from './messages.ts';
import { testResponder } from './responses.ts';
import { reversalV1 } from './v1/index.ts';

/**
 * Odd–even-block split-half (Spearman–Brown) of our scorer on the first 60 trials of the open sciops sample, n = 301
 * (src/scoring/reference/sciops-prl.sciops.test.ts recomputes them; the norm tables carry the same figures).
 */
const sciopsHalf = (value: number, metric: string): Reliability => ({
  value,
  kind: 'split-half',
  source: `nivlab/sciops reversal learning (Zorowitz, Solis, Niv et al. 2023), n = 301, first ${REVERSAL_COUNTS.test} trials: ${metric}, odd vs even blocks, Spearman–Brown`,
});

export const reversal = defineGame<ReversalTrial, ReversalParticipant>({
  id: REVERSAL_ID,
  version: REVERSAL_VERSION,
  domains: ['flexibility', 'learning'],
  // Every seed has the same block sizes and timings, so any seed gives the estimate.
  expectedDurationSec: expectedDurationSec(reversalDesign(1)),
  metrics: REVERSAL_METRICS,
  design: reversalDesign,
  score: scoreReversal,
  flagCodes: REVERSAL_FLAG_CODES,
  practicePassed,
  participants,
  messages: reversalMessages,
  // biome-ignore format: one rule per line reads as a table
  qualityFlags: [
    { flag: 'many-omissions', metrics: 'all', why: 'more than 10 % of trials had no choice' },
    { flag: 'position-bias', metrics: 'all', why: 'nearly every choice at one place although the best option moved: not played for coins' },
    { flag: 'contingency-mismatch', metrics: 'all', why: 'the logged rewards differ from the design' },
    { flag: 'incomplete-block', metrics: 'all', why: 'the test block was not played to the end' },
    { flag: 'missing-trials', metrics: 'all', why: 'trials are missing from the log' },
  ],
  // Chosen by reliability in the sciops sample at our 60 trials: win-stay .87 carries learning; the best-choice rate
  // (.37) is what learning is for, so it keeps a half weight; lose-shift (.85) has no direction (the best option also
  // fails one trial in five) and stays descriptive; perseveration (.28) feeds flexibility at a half weight.
  // biome-ignore format: one contribution per line reads as a table
  domainMetrics: [
    { domain: 'flexibility', metric: 'perseverative_errors', weight: 0.5, direction: 'lower-is-better', latency: 'none', reliability: sciopsHalf(0.28, 'perseverative errors'), why: 'How quickly the old best option is dropped after it stops paying.' },
    { domain: 'learning', metric: 'win_stay', weight: 1, direction: 'higher-is-better', latency: 'none', reliability: sciopsHalf(0.87, 'win-stay'), why: 'Keeping a choice that paid: the most reliable sign of learning from reward (split-half .87), and it goes with choosing the best option (r = .54).' },
    { domain: 'learning', metric: 'best_choice_rate', weight: 0.5, direction: 'higher-is-better', latency: 'none', reliability: sciopsHalf(0.37, 'best-choice rate'), why: 'How often the option that paid best was chosen: the aim of learning, but less reliable (.37).' },
  ],
  testResponder,
  earlier: [reversalV1],
});
