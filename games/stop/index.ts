import type { TrialRecord } from '../../src/log/trials.ts';
import { estimateDurationSec, STOP_COUNTS_V1, stopDesign, STOP_ID, STOP_VERSION, type StopDesign, type StopTrial } from './design.ts';
import { outcomeOf, scoreStop, STOP_FLAG_CODES, STOP_METRICS } from './score.ts';
import { participants, type StopParticipant } from './simulate.ts';
import { retest } from '../kit/reliability.ts';
import { stopMessages } from './messages.ts';
import { testResponder } from './responses.ts';
import { countsVersion, defineGame } from '../kit/manifest.ts';
import { practiceRatePassed } from '../kit/scoring.ts';

/**
 * Practice passes when at least three quarters of its go trials were answered in the arrow's direction (6 of 8 in the
 * go practice, 7 of 9 in the stop practice). Stopping itself is not a criterion: the staircase makes half of the
 * stops fail by design, and judging them would teach waiting for the signal.
 */
export const PRACTICE_PASS_RATE = 0.75;

export function stopPracticePassed(design: StopDesign, block: number, trials: TrialRecord[]): boolean {
  const go = (spec: StopTrial) => !spec.stop;
  return practiceRatePassed(design, block, trials, PRACTICE_PASS_RATE, (t, spec) => outcomeOf(t, spec).correct, go);
}

export const stop = defineGame<StopTrial, StopParticipant>({
  id: STOP_ID,
  version: STOP_VERSION,
  domains: ['inhibition'],
  // The same for every seed: counts and timing are fixed; only orders are drawn (about 285 s; see estimateDurationSec).
  expectedDurationSec: Math.round(estimateDurationSec(stopDesign(1))),
  metrics: STOP_METRICS,
  design: stopDesign,
  score: scoreStop,
  flagCodes: STOP_FLAG_CODES,
  practicePassed: stopPracticePassed,
  participants,
  messages: stopMessages,
  // biome-ignore format: one rule per line reads as a table
  qualityFlags: [
    { flag: 'ssrt.race-violation', metrics: { prefix: 'ssrt' }, why: 'the race model behind SSRT does not hold for this play' },
    { flag: 'ssrt.p-respond-out-of-range', metrics: { prefix: 'ssrt' }, why: 'the stop-signal delay did not settle where SSRT is reliable' },
    { flag: 'ssrt.many-go-omissions', metrics: { prefix: 'ssrt' }, why: 'too many go trials without an answer (waiting for the signal biases SSRT)' },
    { flag: 'ssd-mismatch', metrics: { prefix: 'ssrt' }, why: 'the logged stop-signal delays differ from the staircase' },
  ],
  // biome-ignore format: one contribution per line reads as a table
  domainMetrics: [
    { domain: 'inhibition', metric: 'ssrt', weight: 1, direction: 'lower-is-better', latency: 'absolute', reliability: retest(0.23, 'SSRT about .5 at 60 stop trials, stepped by Spearman–Brown to our 18'), why: 'Time needed to stop an action already started (race model).' },
  ],
  testResponder,
  earlier: [
    countsVersion(stopDesign, scoreStop, {
      version: '1.0.0',
      counts: STOP_COUNTS_V1,
      why: '1.1.0 has two test blocks of 36 with 9 stop trials each (1.0.0: 48 with 12), the battery allocation of docs/battery-allocation.md; the generator, staircase, timing and scorer are unchanged.',
    }),
  ],
});
