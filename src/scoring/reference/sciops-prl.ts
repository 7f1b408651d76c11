/**
 * The open probabilistic reversal-learning sample of Zorowitz, Solis, Niv et al. (2023; nivlab/sciops, MIT licence):
 * three options, the best paying with p = .8 and moving every 15 trials on a fixed schedule, 90 trials — the task
 * Coin hunt 2.0.0 replicates for its first 60. Scored with Coin hunt's own learning metrics (games/reversal/learning.ts,
 * the code its scorer runs), for its norm entries (reversal-norm.ts), their reliability and a fairness check.
 */
import { type LearningMetric, LEARNING_METRICS, type LearningTrial, learningMetrics } from '../../../games/reversal/learning.ts';
import { pearson } from '../sample-stats.ts';
import { readCsv, spearmanBrown } from './reference-files.ts';

export const SCIOPS_TRIALS = ['sciops', 'prl_trials.csv.gz'] as const;
export const SCIOPS_PARTICIPANTS = ['sciops', 'participants.csv'] as const;
export const SCIOPS_QUALITY = ['sciops', 'quality_metrics.csv'] as const;

/** One sciops trial as Coin hunt's learning metrics read it (block 1–6, best and chosen option 0–2, reward). */
export type PrlTrial = LearningTrial;

export interface PrlParticipant {
  id: string;
  age: number | null;
  gender: string;
  /** In the authors' final sample (quality_metrics.csv). */
  final: boolean;
  /** Final sample and no failed infrequency item in the surveys. */
  surveyScreened: boolean;
  trials: PrlTrial[];
}

export { LEARNING_METRICS, type LearningMetric, learningMetrics };

export function prlParticipants(): PrlParticipant[] {
  const info = new Map(readCsv(...SCIOPS_PARTICIPANTS).map((r) => [r['subject'] as string, r]));
  const quality = new Map(readCsv(...SCIOPS_QUALITY).map((r) => [r['subject'] as string, r]));
  const trials = new Map<string, PrlTrial[]>();
  for (const r of readCsv(...SCIOPS_TRIALS)) {
    const id = r['subject'] as string;
    const list = trials.get(id) ?? [];
    list.push({
      block: Number(r['block']),
      best: Number(r['correct']),
      choice: r['choice'] === '' ? null : Number(r['choice']),
      reward: r['outcome'] === '1.0' || r['outcome'] === '1' ? 1 : 0,
    });
    trials.set(id, list);
  }
  return [...trials].map(([id, list]) => {
    const p = info.get(id);
    const q = quality.get(id);
    const age = p && p['age'] !== '' ? Number(p['age']) : null;
    return { id, age, gender: p?.['gender-categorical'] ?? '', final: q !== undefined, surveyScreened: q?.['infreq'] === '0', trials: list };
  });
}

/** The first `n` trials of a participant: what Coin hunt's shorter test block corresponds to. */
export function firstTrials(p: PrlParticipant, n: number): PrlParticipant {
  return { ...p, trials: p.trials.slice(0, n) };
}

/** Odd vs even blocks, Spearman–Brown to the whole session (×2) and to `trials` trials. */
export function blockSplitHalf(
  people: readonly PrlParticipant[],
  metric: LearningMetric,
  trials: number,
): { r: number; full: number; atTrials: number; n: number } {
  const a: number[] = [];
  const b: number[] = [];
  for (const p of people) {
    const x = learningMetrics(p.trials, (block) => block % 2 === 1)[metric];
    const y = learningMetrics(p.trials, (block) => block % 2 === 0)[metric];
    if (x === null || y === null) continue;
    a.push(x);
    b.push(y);
  }
  const r = pearson(a, b);
  const perHalf = (people[0]?.trials.length ?? 90) / 2;
  return { r, full: spearmanBrown(r, 2), atTrials: spearmanBrown(r, trials / perHalf), n: a.length };
}
