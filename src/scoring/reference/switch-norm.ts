/**
 * Switch's provisional norm entry (`switch:composite`) built from the SRO cued task-switching trials with the game's
 * own scorer (sro-switch.ts). `npm run norms:reference` writes it into the shipped tables; switch-norm.ref.test.ts
 * checks that the shipped entry is what this computes from the trial file, and compares it with the reference's own
 * derivation (switch_composite_norms_derived.json).
 */
import { SWITCH_COUNTS, SWITCH_VERSION } from '../../../games/switch/design.ts';
import { NORM_PERCENTILES } from '../norm-build.ts';
import type { NormMetric } from '../norm-table.ts';
import { spearmanBrownLength } from '../reliability.ts';
import { mean, quantile7, sampleSd } from '../sample-stats.ts';
import { compositeOf, splitHalf, sroSwitchParticipants } from './sro-switch.ts';

/** Test–retest of the composite at a 48-trial block, from the reference's derivation (see the entry's source text). */
export const SWITCH_RETEST_48 = 0.59;

const r4 = (x: number) => Math.round(x * 10_000) / 10_000;

export function switchNormEntry(): { metric: NormMetric; version: string; splitHalf48: number } {
  const people = sroSwitchParticipants();
  const values = people.map((p) => p.composite);
  const sorted = [...values].sort((a, b) => a - b);
  const half = splitHalf(people, compositeOf, SWITCH_COUNTS.mixedTest);
  const metric: NormMetric = {
    game: 'switch',
    metric: 'composite',
    unit: '1/s',
    direction: 'higher-is-better',
    n: values.length,
    mean: r4(mean(values)),
    sd: r4(sampleSd(values)),
    percentiles: NORM_PERCENTILES.map((p) => ({ p, value: r4(quantile7(sorted, p / 100)) })),
    reliability: {
      value: Math.round(spearmanBrownLength(SWITCH_RETEST_48, SWITCH_COUNTS.mixedTest / 48) * 100) / 100,
      kind: 'test-retest',
      source:
        `Self-Regulation Ontology retest data (Enkavi et al. 2019): accuracy/median-RT proxy of the threebytwo rate-correct score, ICC(3,1) = .633 (n = 139), ` +
        `stepped down to a 48-trial block = .59 (reference derivation), and by Spearman–Brown to our ${SWITCH_COUNTS.mixedTest} mixed trials = ${spearmanBrownLength(SWITCH_RETEST_48, SWITCH_COUNTS.mixedTest / 48).toFixed(2)}. ` +
        `Our own odd–even split-half of this composite on the ${half.n} retest participants, ` +
        `Spearman–Brown to ${SWITCH_COUNTS.mixedTest} trials: ${half.atTrials.toFixed(2)} (within one session, so an upper bound); the test–retest figure is used.`,
    },
    reference: {
      measure: 'threebytwo (cued task switching), retest session, CTI 900 ms trials, scored with the Switch composite rule',
      definition:
        'Correct answers / answering seconds over repeat (same task, same cue) and task-switch trials, count-weighted; a miss is charged the 2,000 ms window; ' +
        'right key at ≥ 100 ms; first test trial dropped; cue-only switches (same task, other word cue) left out, as Switch has one cue per rule.',
      comparability:
        `SRO: 3 tasks (colour, parity, magnitude of coloured digits), 2 word cues per task, about ${Math.round(half.meanTrialsPerParticipant)} scored CTI-900 trials, keyboard, ` +
        `second session (practice effect). Ours: 2 tasks with picture cues, CTI 850–950 ms, 2,000 ms window, ${SWITCH_COUNTS.mixedTest} mixed trials. Our task is easier: expect raw scores, and so z, to run high.`,
    },
  };
  return { metric, version: SWITCH_VERSION, splitHalf48: half.atTrials };
}
