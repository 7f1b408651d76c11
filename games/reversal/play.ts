import type { TrialRecord } from '../../src/log/trials.ts';
import type { Option } from './design.ts';
import { parseOption } from './responses.ts';

/** The option a completed trial chose: its first answer given after the options appeared; null for no choice. */
export function choiceOf(trial: TrialRecord): Option | null {
  for (const r of trial.responses) {
    const o = r.rt !== null ? parseOption(r.value) : null;
    if (o !== null) return o;
  }
  return null;
}

/** Trials of the most recent attempt of `block` among `trials` (a failed practice runs twice; the test once). */
export function latestAttempt(trials: readonly TrialRecord[], block: number): TrialRecord[] {
  const mine = trials.filter((t) => t.block === block);
  const attempt = mine.reduce((a, t) => Math.max(a, t.attempt), 0);
  return mine.filter((t) => t.attempt === attempt);
}

/** One attempt of one block by trial index: the record (undefined when not in the log) and its choice. */
export function byIndex(trials: readonly TrialRecord[], n: number): { records: (TrialRecord | undefined)[]; choices: (Option | null)[] } {
  const records: (TrialRecord | undefined)[] = Array.from({ length: n }, () => undefined);
  for (const t of trials) if (t.trial < n) records[t.trial] = t;
  return { records, choices: records.map((r) => (r ? choiceOf(r) : null)) };
}
