import type { TrialRecord } from '../../../src/log/trials.ts';
import { ContingencyTracker } from './contingency.ts';
import type { Option, ReversalTrial } from './design.ts';
import { isOption } from './responses.ts';

/**
 * The option a completed trial chose: its first answer given after the options appeared. Null for no choice
 * (timeout). Exported so the scene rebuilds its state from prior trials with exactly the scorer's reading.
 */
export function choiceOf(trial: TrialRecord): Option | null {
  const first = trial.responses.find((r) => r.rt !== null && isOption(r.value));
  return first && isOption(first.value) ? first.value : null;
}

export interface BlockPlay {
  /** Choice per trial index, null for no choice or a trial missing from the log. */
  choices: (Option | null)[];
  /** Trial indices before the last completed one that are not in the log. */
  missing: number[];
  records: (TrialRecord | undefined)[];
}

/**
 * One attempt of one block as played: the completed trials with index below `upTo` (all when omitted), by index.
 * `trials` must hold a single attempt of the block.
 */
export function blockPlay(trials: readonly TrialRecord[], upTo?: number): BlockPlay {
  const mine = trials.filter((t) => upTo === undefined || t.trial < upTo);
  const n = upTo ?? mine.reduce((m, t) => Math.max(m, t.trial + 1), 0);
  const records: (TrialRecord | undefined)[] = Array.from({ length: n }, () => undefined);
  for (const t of mine) records[t.trial] = t;
  return {
    choices: records.map((r) => (r ? choiceOf(r) : null)),
    missing: records.flatMap((r, i) => (r ? [] : [i])),
    records,
  };
}

/** Trials of the most recent attempt of `block` among `trials` (a failed practice runs twice; the test once). */
export function latestAttempt(trials: readonly TrialRecord[], block: number): TrialRecord[] {
  const mine = trials.filter((t) => t.block === block);
  const attempt = mine.reduce((a, t) => Math.max(a, t.attempt), 0);
  return mine.filter((t) => t.attempt === attempt);
}

/**
 * The contingency of a block as it stands before `startTrial`, rebuilt from the trials already completed (a resumed
 * block, after a reload or an interruption, continues with exactly the best option and criterion count it had).
 * Reads the choices as the scorer does, so the scene and the scorer cannot disagree.
 */
export function rebuildTracker(specs: readonly ReversalTrial[], block: number, startTrial: number, priorTrials: readonly TrialRecord[]): ContingencyTracker {
  const tracker = new ContingencyTracker(specs);
  const play = blockPlay(
    latestAttempt(
      priorTrials.filter((t) => t.trial < startTrial),
      block,
    ),
    startTrial,
  );
  play.choices.forEach((c, i) => tracker.record(i, c));
  return tracker;
}
