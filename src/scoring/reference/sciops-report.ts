/**
 * What the sciops reversal-learning sample says about our learning metrics, as shipped derived statistics
 * (norms/external/sciops-prl.json, written by `npm run norms:reference`, rendered in the algorithm card):
 * per metric the mean, SD and odd–even-block split-half reliability in the survey-screened sample, and a fairness
 * check by gender and age band — standardised mean differences against the largest group, and adverse-impact ratios of
 * the share at or above sten cut-offs, the stens taken against the sample's own mean and SD (no norm of ours applies).
 * An external sample, all 90 trials of the task whose first 60 Coin hunt 2.0.0 replicates: labelled as such wherever it shows.
 */
import { REVERSAL_COUNTS } from '../../../games/reversal/design.ts';
import { roundTo, stenFromZ } from '../conversions.ts';
import { cohensD, mean, rateRatio, sampleSd } from '../sample-stats.ts';
import { blockSplitHalf, LEARNING_METRICS, learningMetrics, type LearningMetric, type PrlParticipant } from './sciops-prl.ts';

/** Where norms:reference writes the report (relative to the repository root). */
export const SCIOPS_REPORT_FILE = 'norms/external/sciops-prl.json';

/** Our test block's length, to which split-half reliabilities are stepped (Spearman–Brown). */
export const OUR_TRIALS = REVERSAL_COUNTS.test;
export const STEN_CUTOFFS = [6, 7, 8] as const;
export const MIN_GROUP_N = 30;
const Z_95 = 1.959963984540054;

/** Directions as in games/reversal/score.ts; lose-shift has none there (the best option also fails one trial in five). */
export const DIRECTION: Record<LearningMetric, 1 | -1 | 0> = { best_choice_rate: 1, perseverative_errors: -1, win_stay: 1, lose_shift: 0 };

export function ageBand(age: number | null): string {
  if (age === null) return 'unknown';
  if (age < 30) return '18-29';
  if (age < 40) return '30-39';
  if (age < 50) return '40-49';
  return '50+';
}

const r3 = (x: number) => roundTo(x, 3);

export interface GroupRow {
  group: string;
  n: number;
  mean?: number;
  smd?: { d: number; ci: [number, number] };
  /** Per sten cut-off: share at or above and the ratio to the highest group's share (with Katz 95 % CI). */
  air?: { cutoff: number; rate: number; ratio: number | null; ci: [number, number] | null }[];
}

export interface SciopsReport {
  sample: string;
  n: number;
  metrics: { metric: LearningMetric; n: number; mean: number; sd: number; splitHalf: { r: number; full: number; atOurTrials: number; ourTrials: number } }[];
  fairness: { by: 'gender' | 'age band'; metric: LearningMetric; reference: string; groups: GroupRow[] }[];
}

export function sciopsReport(all: readonly PrlParticipant[]): SciopsReport {
  const people = all.filter((p) => p.surveyScreened);
  const values = new Map(people.map((p) => [p, learningMetrics(p.trials)]));
  const metrics = LEARNING_METRICS.map((metric) => {
    const xs = people.map((p) => values.get(p)?.[metric]).filter((x): x is number => x !== null && x !== undefined);
    const half = blockSplitHalf(people, metric, OUR_TRIALS);
    return {
      metric,
      n: xs.length,
      mean: r3(mean(xs)),
      sd: r3(sampleSd(xs)),
      splitHalf: { r: r3(half.r), full: r3(half.full), atOurTrials: r3(half.atTrials), ourTrials: OUR_TRIALS },
    };
  });
  const fairness: SciopsReport['fairness'] = [];
  for (const by of ['gender', 'age band'] as const) {
    const groupOf = (p: PrlParticipant) => (by === 'gender' ? p.gender || 'unknown' : ageBand(p.age));
    for (const m of metrics) {
      const dir = DIRECTION[m.metric];
      const scored = people.flatMap((p) => {
        const v = values.get(p)?.[m.metric];
        return v === null || v === undefined ? [] : [{ group: groupOf(p), v, sten: stenFromZ(((dir || 1) * (v - m.mean)) / m.sd) }];
      });
      const groups = [...new Set(scored.map((s) => s.group))].sort();
      const big = groups.filter((g) => scored.filter((s) => s.group === g).length >= MIN_GROUP_N);
      const reference = [...big].sort((a, b) => scored.filter((s) => s.group === b).length - scored.filter((s) => s.group === a).length)[0] ?? '';
      const ref = scored.filter((s) => s.group === reference).map((s) => s.v);
      const rates = (g: string, cut: number) => {
        const set = scored.filter((s) => s.group === g);
        return { x: set.filter((s) => s.sten >= cut).length, n: set.length };
      };
      const rows: GroupRow[] = groups.map((g) => {
        const set = scored.filter((s) => s.group === g);
        if (!big.includes(g)) return { group: g, n: set.length };
        const d = cohensD(
          set.map((s) => s.v),
          ref,
          Z_95,
        );
        const row: GroupRow = { group: g, n: set.length, mean: r3(mean(set.map((s) => s.v))), smd: { d: r3(d.d), ci: [r3(d.ci[0]), r3(d.ci[1])] } };
        if (dir !== 0) {
          row.air = STEN_CUTOFFS.map((cut) => {
            const mine = rates(g, cut);
            const top = big.map((h) => rates(h, cut)).sort((a, b) => b.x / b.n - a.x / a.n)[0] as { x: number; n: number };
            const rr = rateRatio(mine.x, mine.n, top.x, top.n, Z_95);
            return { cutoff: cut, rate: r3(mine.x / mine.n), ratio: rr.ratio === null ? null : r3(rr.ratio), ci: rr.ci ? [r3(rr.ci[0]), r3(rr.ci[1])] : null };
          });
        }
        return row;
      });
      fairness.push({ by, metric: m.metric, reference, groups: rows });
    }
  }
  return {
    sample:
      'nivlab/sciops probabilistic reversal learning (Zorowitz, Solis, Niv et al. 2023), survey-screened final sample (infreq = 0); external sample, all 90 trials of the task (3 options, best option moving every 15 trials) whose first 60 Coin hunt 2.0.0 replicates',
    n: people.length,
    metrics,
    fairness,
  };
}
