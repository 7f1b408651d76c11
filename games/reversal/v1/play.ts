import type { TrialRecord } from '../../../src/log/trials.ts';
import type { Option } from './design.ts';
import { isOption } from './responses.ts';

/**
 * The option a completed trial chose: its first answer given after the options appeared. Null for no choice
 * (timeout).
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
