/**
 * How to spend a battery's time budget for the most reliable profile: each game's reliability grows with its number
 * of scored trials by Spearman–Brown, each trial costs its time, each game a fixed time (instructions, reading, demos,
 * practice, the break after it). The allocation maximises the mean reliability over the games' domains by a greedy
 * search in steps of `step` trials (the gain per second falls as trials are added, so greedy is near the optimum).
 * Used by `npm run bench:battery`; the designs carry the trial counts it gave (docs/battery-allocation.md).
 */
import { spearmanBrownLength } from './reliability.ts';

export interface GameCost {
  game: string;
  /** The domain the game's headline metric feeds. */
  domain: string;
  /** Reliability of that domain's score at `trials` scored trials. */
  reliability: number;
  trials: number;
  /** Seconds per scored trial. */
  secPerTrial: number;
  /** Seconds that do not scale with the scored trials. */
  fixedSec: number;
  minTrials: number;
  maxTrials: number;
  /** Trials added at a time (the design's balance unit); the allocation's default step when absent. */
  step?: number;
}

export interface Allocation {
  game: string;
  domain: string;
  trials: number;
  reliability: number;
  sec: number;
}

export const reliabilityAt = (g: GameCost, trials: number): number => spearmanBrownLength(g.reliability, trials / g.trials);
const secAt = (g: GameCost, trials: number): number => g.fixedSec + trials * g.secPerTrial;

export function allocate(games: readonly GameCost[], budgetSec: number, step = 4): Allocation[] {
  const trials = games.map((g) => g.minTrials);
  let used = games.reduce((s, g, i) => s + secAt(g, trials[i] as number), 0);
  if (used > budgetSec) throw new Error(`allocate: the minimum trials already take ${Math.round(used)} s of a ${budgetSec} s budget`);
  for (;;) {
    let best = -1;
    let bestGain = 0;
    games.forEach((g, i) => {
      const n = trials[i] as number;
      const add = Math.min(g.step ?? step, g.maxTrials - n);
      if (add <= 0 || used + add * g.secPerTrial > budgetSec) return;
      const gain = (reliabilityAt(g, n + add) - reliabilityAt(g, n)) / (add * g.secPerTrial);
      if (gain > bestGain) {
        bestGain = gain;
        best = i;
      }
    });
    if (best < 0) break;
    const g = games[best] as GameCost;
    const add = Math.min(g.step ?? step, g.maxTrials - (trials[best] as number));
    trials[best] = (trials[best] as number) + add;
    used += add * g.secPerTrial;
  }
  return games.map((g, i) => ({
    game: g.game,
    domain: g.domain,
    trials: trials[i] as number,
    reliability: reliabilityAt(g, trials[i] as number),
    sec: secAt(g, trials[i] as number),
  }));
}
