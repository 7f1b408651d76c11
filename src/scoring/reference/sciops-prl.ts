/**
 * The open probabilistic reversal-learning sample of Zorowitz, Solis, Niv et al. (2023; nivlab/sciops, MIT licence):
 * three options, the best paying with p = .8 and moving every 15 trials on a fixed schedule, 90 trials. Scored with the
 * definitions of Reversal's learning metrics (games/reversal/score.ts, REVERSAL_METRICS), for their reliability and a
 * fairness check on real data. Coin hunt itself (two options, a learning criterion) is not yet comparable with this
 * task, so these statistics are not a norm for it.
 */
import { pearson } from '../sample-stats.ts';
import { readCsv, spearmanBrown } from './reference-files.ts';

export const SCIOPS_TRIALS = ['sciops', 'prl_trials.csv.gz'] as const;
export const SCIOPS_PARTICIPANTS = ['sciops', 'participants.csv'] as const;
export const SCIOPS_QUALITY = ['sciops', 'quality_metrics.csv'] as const;

export interface PrlTrial {
  block: number;
  /** The best option this trial (0–2). */
  best: number;
  /** The option chosen, null for no response. */
  choice: number | null;
  reward: 0 | 1;
}

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

export const LEARNING_METRICS = ['best_choice_rate', 'perseverative_errors', 'win_stay', 'lose_shift'] as const;
export type LearningMetric = (typeof LEARNING_METRICS)[number];

/**
 * The four learning metrics, with the rules of REVERSAL_METRICS; a reversal is a change of the best option. With
 * `inBlock`, only the events of those blocks count (a trial, a pair by its first trial, a run by the block it starts
 * in) while runs and pairs still read the trials around them: the split halves of blockSplitHalf.
 */
export function learningMetrics(trials: readonly PrlTrial[], inBlock: (block: number) => boolean = () => true): Record<LearningMetric, number | null> {
  const counted = trials.filter((t) => inBlock(t.block));
  const answered = counted.length;
  const best = counted.filter((t) => t.choice !== null && t.choice === t.best).length;
  const runs: number[] = [];
  let winPairs = 0;
  let winStays = 0;
  let losePairs = 0;
  let loseShifts = 0;
  trials.forEach((t, i) => {
    const next = trials[i + 1];
    if (next && next.best !== t.best && inBlock(next.block)) {
      // Consecutive choices of the old best from the first trial after the change, skipping omissions.
      let n = 0;
      for (const u of trials.slice(i + 1)) {
        if (u.choice === null) continue;
        if (u.choice !== t.best) break;
        n++;
      }
      runs.push(n);
    }
    if (t.choice !== null && next && next.choice !== null && inBlock(t.block)) {
      if (t.reward === 1) {
        winPairs++;
        if (next.choice === t.choice) winStays++;
      } else {
        losePairs++;
        if (next.choice !== t.choice) loseShifts++;
      }
    }
  });
  return {
    best_choice_rate: answered ? best / answered : null,
    perseverative_errors: runs.length ? runs.reduce((a, b) => a + b, 0) / runs.length : null,
    win_stay: winPairs ? winStays / winPairs : null,
    lose_shift: losePairs ? loseShifts / losePairs : null,
  };
}

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
