import type { GameManifest, Reliability } from '../../src/runtime/game-contract.ts';
import { expectedDurationSec, reversalDesign, REVERSAL_ID, REVERSAL_VERSION, type ReversalTrial } from './design.ts';
import { practicePassed, REVERSAL_METRICS, scoreReversal } from './score.ts';
import { simulateReversal, participantFor, TYPICAL_PARTICIPANT, type ReversalParticipant } from './simulate.ts';
import { assumed } from '../kit/reliability.ts';
import { reversalMessages } from './messages.ts';
import { testResponder } from './responses.ts';

/** Odd–even-block split-half in the open sciops sample (norms/external/sciops-prl.json), stepped to our 70 test trials. */
const sciopsHalf = (metric: string): Reliability => ({
  value: 0.28,
  kind: 'split-half',
  source: `nivlab/sciops reversal learning (Zorowitz, Solis, Niv et al. 2023), n = 301: ${metric}, odd vs even blocks, Spearman–Brown to 70 trials; a 3-option task with a fixed schedule, not yet ours`,
});

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
  typicalParticipant: TYPICAL_PARTICIPANT,
  participantFor,
  messages: reversalMessages,
  // biome-ignore format: one rule per line reads as a table
  qualityFlags: [
    { flag: 'many-omissions', metrics: 'all', why: 'more than 10 % of trials had no choice' },
    { flag: 'side-bias', metrics: 'all', why: 'nearly every choice on one side: the shapes were probably not played' },
    { flag: 'contingency-mismatch', metrics: 'all', why: 'the logged rewards differ from the design' },
    { flag: 'incomplete-block', metrics: 'all', why: 'the test block was not played to the end' },
    { flag: 'missing-trials', metrics: 'all', why: 'trials are missing from the log' },
  ],
  // biome-ignore format: one contribution per line reads as a table
  domainMetrics: [
    { domain: 'flexibility', metric: 'perseverative_errors', weight: 0.5, direction: 'lower-is-better', latency: 'none', reliability: sciopsHalf('perseverative errors'), why: 'How quickly a habit is dropped after the rules change.' },
    { domain: 'learning', metric: 'best_choice_rate', weight: 1, direction: 'higher-is-better', latency: 'none', reliability: sciopsHalf('best-choice rate'), why: 'How often the option that paid best was chosen.' },
    { domain: 'learning', metric: 'trials_to_first_criterion', weight: 0.5, direction: 'lower-is-better', latency: 'none', reliability: assumed(0.3, 'one event per session'), why: 'Trials needed to learn the first rule.' },
    { domain: 'learning', metric: 'reversals', weight: 0.5, direction: 'higher-is-better', latency: 'none', reliability: assumed(0.4, 'a count of a few events'), why: 'Rules learned within the game.' },
  ],
  testResponder,
};
