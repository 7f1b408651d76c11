/**
 * The task's rules, shared by the scene (stop rule, practice feedback), the scorer and the simulated participant,
 * so that what the candidate saw and what is scored can never disagree.
 */
import type { TrialRecord } from '../../src/log/trials.ts';
import { BLOCK_COUNT } from './board.ts';
import { SEQUENCES_PER_LENGTH, type CorsiTrial } from './design.ts';

/** The taps a trial asks for: the sequence as shown (forward) or reversed (backward). */
export function expectedTaps(trial: CorsiTrial): number[] {
  return trial.direction === 'forward' ? [...trial.sequence] : [...trial.sequence].reverse();
}

/**
 * The blocks a trial's responses tapped, in time order: each response value is a block index. At most as many
 * taps as the sequence is long are read (the scene ends the trial at that many).
 */
export function tapsOf(record: TrialRecord, trial: CorsiTrial): number[] {
  return record.responses
    .map((r) => Number(r.value))
    .filter((b) => Number.isInteger(b) && b >= 0 && b < BLOCK_COUNT)
    .slice(0, trial.sequence.length);
}

export interface SequenceOutcome {
  /** Every expected block tapped, in the expected order, and nothing else. */
  correct: boolean;
  /** Not correct, but the taps are exactly the presented blocks, each once: right blocks, wrong order. */
  orderError: boolean;
}

export function judgeSequence(trial: CorsiTrial, taps: readonly number[]): SequenceOutcome {
  const expected = expectedTaps(trial);
  const correct = taps.length === expected.length && taps.every((b, i) => b === expected[i]);
  const sameSet = taps.length === expected.length && new Set(taps).size === taps.length && taps.every((b) => expected.includes(b));
  return { correct, orderError: !correct && sameSet };
}

/**
 * The stop rule (Kessels et al. 2000): a test block ends once both sequences of one length were failed. Trials
 * are indexed as in design.ts (two per length, ascending), so the pair of index i is i − i mod 2 and the next one.
 */
export function stopRuleMet(correctByTrial: ReadonlyMap<number, boolean>): boolean {
  for (const [index, correct] of correctByTrial) {
    if (correct || index % SEQUENCES_PER_LENGTH !== SEQUENCES_PER_LENGTH - 1) continue;
    let allFailed = true;
    for (let k = index - SEQUENCES_PER_LENGTH + 1; k < index; k++) if (correctByTrial.get(k) !== false) allFailed = false;
    if (allFailed) return true;
  }
  return false;
}

/** Practice passes when at least this many of its sequences were tapped back correctly. */
export const PRACTICE_MIN_CORRECT = 1;

/**
 * Whether a practice attempt met its criterion. One correct length-2 sequence of two: misreading the rule (e.g.
 * tapping in the shown order when the reverse is asked) fails every trial, random tapping passes with < 3 %
 * chance, and a single slip does not cost a repeat.
 */
export function practiceCorrect(trials: readonly CorsiTrial[], records: readonly TrialRecord[]): number {
  return records.filter((r) => {
    const spec = trials[r.trial];
    return spec !== undefined && judgeSequence(spec, tapsOf(r, spec)).correct;
  }).length;
}

/**
 * Correct / not correct per trial of one test block, rebuilt from completed trials of the log (run.priorTrials on
 * resume), so a resumed block applies the stop rule to every trial the candidate already did. Test blocks run once
 * (attempt 0); should a trial appear twice, the later attempt wins.
 */
export function outcomesFromRecords(trials: readonly CorsiTrial[], records: readonly TrialRecord[], block: number): Map<number, boolean> {
  const byTrial = new Map<number, boolean>();
  const mine = records.filter((r) => r.block === block).sort((a, b) => a.attempt - b.attempt || a.trial - b.trial);
  for (const r of mine) {
    const spec = trials[r.trial];
    if (spec) byTrial.set(r.trial, judgeSequence(spec, tapsOf(r, spec)).correct);
  }
  return byTrial;
}
