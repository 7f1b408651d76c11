/**
 * Coin hunt's provisional norm entries built from the open sciops reversal-learning trials with the game's own
 * learning metrics (games/reversal/learning.ts, which its scorer runs): each participant's first 60 trials — the first
 * four 15-trial blocks of the same task (3 options, p = .8/.2, best moving every 15 trials), which is what Coin hunt
 * 2.0.0's test block is. Survey-screened final sample (the authors' final sample with no failed infrequency item).
 * `npm run norms:reference` writes them into the shipped tables; reversal-norm.sciops.test.ts recomputes them.
 */
import { REVERSAL_COUNTS, REVERSAL_VERSION } from '../../../games/reversal/design.ts';
import { NORM_PERCENTILES } from '../norm-build.ts';
import type { NormCorrelation, NormMetric } from '../norm-table.ts';
import { mean, pearson, quantile7, sampleSd } from '../sample-stats.ts';
import { blockSplitHalf, firstTrials, type LearningMetric, learningMetrics, type PrlParticipant } from './sciops-prl.ts';

/** The metrics normed (those in the domain model), with their direction and unit as the game defines them. */
export const NORMED: readonly { metric: LearningMetric; direction: 'higher-is-better' | 'lower-is-better'; unit: string; label: string }[] = [
  { metric: 'win_stay', direction: 'higher-is-better', unit: 'proportion', label: 'win-stay' },
  { metric: 'best_choice_rate', direction: 'higher-is-better', unit: 'proportion', label: 'best-choice rate' },
  { metric: 'perseverative_errors', direction: 'lower-is-better', unit: 'trials', label: 'perseverative errors' },
];

const r4 = (x: number) => Math.round(x * 10_000) / 10_000;
const CITATION = 'nivlab/sciops (Zorowitz, Solis, Niv et al. 2023, Nature Human Behaviour; MIT licence, norms/external/LICENSE-sciops)';

export interface ReversalNorm {
  metrics: NormMetric[];
  correlations: NormCorrelation[];
  version: string;
  n: number;
}

/** Norm entries for one group of participants (e.g. all screened adults, or those aged 20–29). */
export function reversalNormEntries(all: readonly PrlParticipant[], group: { label: string; keep: (p: PrlParticipant) => boolean }): ReversalNorm {
  const n = REVERSAL_COUNTS.test;
  const people = all.filter((p) => p.surveyScreened && group.keep(p)).map((p) => firstTrials(p, n));
  const values = new Map(people.map((p) => [p, learningMetrics(p.trials)]));
  const column = (m: LearningMetric) => people.map((p) => values.get(p)?.[m] ?? null);
  const metrics = NORMED.map(({ metric, direction, unit, label }): NormMetric => {
    const xs = column(metric).filter((x): x is number => x !== null);
    const sorted = [...xs].sort((a, b) => a - b);
    const half = blockSplitHalf(people, metric, n);
    return {
      game: 'reversal',
      metric,
      unit,
      direction,
      n: xs.length,
      mean: r4(mean(xs)),
      sd: r4(sampleSd(xs)),
      percentiles: NORM_PERCENTILES.map((p) => ({ p, value: r4(quantile7(sorted, p / 100)) })),
      reliability: {
        value: Math.round(half.full * 100) / 100,
        kind: 'split-half',
        source: `${CITATION}, ${group.label}, first ${n} trials scored by our rule: ${label}, odd vs even blocks of 15 (r = ${half.r.toFixed(3)}, n = ${half.n}), Spearman–Brown to ${n} trials = ${half.full.toFixed(3)}. Within one session: an upper bound of test–retest.`,
      },
      reference: {
        measure: 'sciops probabilistic reversal learning (3 options, best p = .8, others p = .2, best moving every 15 trials), first 60 of 90 trials',
        definition:
          'Coin hunt\u2019s own rule (games/reversal/learning.ts) on the trial file: choice, best option and outcome per trial; omissions as in our scorer.',
        comparability:
          'Same task structure and schedule as Coin hunt 2.0.0 (whose rewards are exact 12-of-15 and 3-of-15 per phase where sciops drew them independently), keyboard, US/Canadian adults online (MTurk and Prolific, 2020); neither has a practice block, ours shows a demo first and runs on touch too. Provisional.',
      },
    };
  });
  const pair = (a: LearningMetric, b: LearningMetric): NormCorrelation => {
    const both = people.flatMap((p) => {
      const v = values.get(p);
      const x = v?.[a];
      const y = v?.[b];
      return x === null || x === undefined || y === null || y === undefined ? [] : [[x, y] as const];
    });
    return {
      a: `reversal:${a}`,
      b: `reversal:${b}`,
      r: r4(
        pearson(
          both.map((q) => q[0]),
          both.map((q) => q[1]),
        ),
      ),
      n: both.length,
    };
  };
  return { metrics, correlations: [pair('win_stay', 'best_choice_rate')], version: REVERSAL_VERSION, n: people.length };
}

/**
 * The tables that get sciops entries. Not the 20–29 table: its 100 sciops participants give a perseveration
 * distribution too heavy-tailed for its percentile table to carry (and, like Switch, no age band is normed yet).
 */
export const NORM_GROUPS_OF_SCIOPS: Readonly<Record<string, { label: string; keep: (p: PrlParticipant) => boolean }>> = {
  'sro-provisional-all': { label: 'survey-screened final sample (ages 18–75)', keep: () => true },
};
