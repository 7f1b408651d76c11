/**
 * The learning metrics of Coin hunt, on a plain list of trials: the one definition that scores a candidate's log
 * (score.ts) and the open sciops sample the norms are built from (src/scoring/reference/sciops-prl.ts), so the norm
 * and the candidate are scored by the same code. Every rule is stated in REVERSAL_METRICS (score.ts).
 */

export interface LearningTrial {
  /** The phase the trial belongs to (a stretch with one best option; sciops: its block 1–6). */
  block: number;
  /** The best option on this trial. */
  best: number;
  /** The option chosen, null for no choice in time. */
  choice: number | null;
  reward: 0 | 1;
}

export const LEARNING_METRICS = ['best_choice_rate', 'perseverative_errors', 'win_stay', 'lose_shift'] as const;
export type LearningMetric = (typeof LEARNING_METRICS)[number];

/**
 * The four learning metrics. A change of the best option between two trials starts a perseveration run. With
 * `inBlock`, only the events of those blocks count (a trial; a pair by its first trial; a run by the block it starts
 * in) while runs and pairs still read the trials around them: the halves of an odd–even split.
 */
export function learningMetrics(trials: readonly LearningTrial[], inBlock: (block: number) => boolean = () => true): Record<LearningMetric, number | null> {
  const counted = trials.filter((t) => inBlock(t.block));
  const best = counted.filter((t) => t.choice !== null && t.choice === t.best).length;
  const runs: number[] = [];
  let winPairs = 0;
  let winStays = 0;
  let losePairs = 0;
  let loseShifts = 0;
  trials.forEach((t, i) => {
    const next = trials[i + 1];
    if (next && next.best !== t.best && inBlock(next.block)) runs.push(perseverationRun(trials, i + 1, t.best));
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
    best_choice_rate: counted.length ? best / counted.length : null,
    perseverative_errors: runs.length ? runs.reduce((a, b) => a + b, 0) / runs.length : null,
    win_stay: winPairs ? winStays / winPairs : null,
    lose_shift: losePairs ? loseShifts / losePairs : null,
  };
}

/** Consecutive choices of `oldBest` from trial `from`, skipping trials without a choice, until another choice. */
function perseverationRun(trials: readonly LearningTrial[], from: number, oldBest: number): number {
  let n = 0;
  for (let i = from; i < trials.length; i++) {
    const choice = trials[i]?.choice ?? null;
    if (choice === null) continue;
    if (choice !== oldBest) break;
    n++;
  }
  return n;
}
