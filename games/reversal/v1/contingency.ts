import { CRITERION_HITS, CRITERION_WINDOW, type Option, type ReversalTrial } from './design.ts';

/** What one trial was, given the design and the choices so far: the rule the 1.0.0 scene followed and the scorer recomputes. */
export interface TrialContingency {
  /** The option that was best (paid on the trial's `bestPays` draw) when the trial ran. */
  best: Option;
  /** The option chosen, or null for no choice in time. */
  choice: Option | null;
  /** 1 when the choice paid, 0 otherwise (an omission never pays). */
  reward: 0 | 1;
  /** Whether this trial met the learning criterion, so the next trial runs with the other option best. */
  reversedAfter: boolean;
}

export function otherOption(o: Option): Option {
  return o === 'A' ? 'B' : 'A';
}

/**
 * Follows a block's contingency trial by trial. The best option starts as the design's `startBest`; after a trial on
 * which at least CRITERION_HITS of the last CRITERION_WINDOW trials since the last reversal chose the best option
 * (fewer than CRITERION_WINDOW trials since the reversal count as they are, so a phase lasts at least CRITERION_HITS
 * trials), a reversible block swaps which option is best, without any sign, and the count starts again.
 */
export class ContingencyTracker {
  private best: Option;
  /** Whether each trial since the last reversal chose the best option. */
  private phase: boolean[] = [];

  constructor(private readonly trials: readonly ReversalTrial[]) {
    this.best = trials[0]?.startBest ?? 'A';
  }

  /** The option that is best on the next trial to be recorded. */
  get currentBest(): Option {
    return this.best;
  }

  /** Records the next trial's choice and returns what it was. */
  record(index: number, choice: Option | null): TrialContingency {
    const spec = this.trials[index];
    if (!spec) throw new Error(`reversal: no trial ${index} in the block`);
    const best = this.best;
    const paying = spec.bestPays ? best : otherOption(best);
    const reward = choice === paying ? 1 : 0;
    this.phase.push(choice === best);
    const recent = this.phase.slice(-CRITERION_WINDOW);
    const reversedAfter = spec.reversible && recent.filter(Boolean).length >= CRITERION_HITS;
    if (reversedAfter) {
      this.best = otherOption(best);
      this.phase = [];
    }
    return { best, choice, reward, reversedAfter };
  }
}

/** Replays a whole block: choices[i] is trial i's choice (null for none). Pure. */
export function replayBlock(trials: readonly ReversalTrial[], choices: readonly (Option | null)[]): TrialContingency[] {
  const tracker = new ContingencyTracker(trials);
  return choices.map((c, i) => tracker.record(i, c));
}
