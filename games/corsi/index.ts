import { corsiDesign, CORSI_ID, CORSI_VERSION, type CorsiTrial } from './design.ts';
import { practiceCorrect, PRACTICE_MIN_CORRECT } from './rules.ts';
import { CORSI_FLAG_CODES, CORSI_METRICS, scoreCorsi } from './score.ts';
import { participants, type CorsiParticipant } from './simulate.ts';
import { assumed, retest } from '../kit/reliability.ts';
import { corsiMessages } from './messages.ts';
import { testResponder } from './responses.ts';
import { defineGame, flagPerPart } from '../kit/manifest.ts';

/**
 * Expected duration (s): the median simulated play of TYPICAL_PARTICIPANT (forward span 6, backward 5) over many
 * seeds (about 220 s of play) plus 10 s per block for its instruction screen; checked against the simulation in
 * score.test.ts.
 */
export const CORSI_EXPECTED_DURATION_SEC = 260;

export const corsi = defineGame<CorsiTrial, CorsiParticipant>({
  id: CORSI_ID,
  version: CORSI_VERSION,
  domains: ['working-memory'],
  expectedDurationSec: CORSI_EXPECTED_DURATION_SEC,
  metrics: CORSI_METRICS,
  design: corsiDesign,
  score: scoreCorsi,
  flagCodes: CORSI_FLAG_CODES,
  practicePassed(design, block, trials) {
    const specs = design.blocks[block]?.trials ?? [];
    if (specs.length === 0) return true;
    return practiceCorrect(specs, trials) >= PRACTICE_MIN_CORRECT;
  },
  participants,
  messages: corsiMessages,
  qualityFlags: flagPerPart(['forward', 'backward'], 'stop-rule', () => 'trials ran after the stop rule ended the block (a fault)'),
  // biome-ignore format: one contribution per line reads as a table
  domainMetrics: [
    { domain: 'working-memory', metric: 'forward.span', weight: 1, direction: 'higher-is-better', latency: 'none', reliability: retest(0.59, 'spatial span forward, our span rule on both sessions'), why: 'Longest sequence of places kept in mind.' },
    { domain: 'working-memory', metric: 'backward.span', weight: 1, direction: 'higher-is-better', latency: 'none', reliability: retest(0.38, 'spatial span reverse, our span rule on both sessions'), why: 'Longest sequence kept in mind and reversed.' },
    { domain: 'working-memory', metric: 'forward.total_score', weight: 0.5, direction: 'higher-is-better', latency: 'none', reliability: assumed(0.65, 'total scores use every sequence (Kessels et al. 2000)'), why: 'Span × correct sequences, forward (half weight: overlaps the span).' },
    { domain: 'working-memory', metric: 'backward.total_score', weight: 0.5, direction: 'higher-is-better', latency: 'none', reliability: assumed(0.65, 'as forward total score'), why: 'Span × correct sequences, backward (half weight: overlaps the span).' },
  ],
  testResponder,
});
