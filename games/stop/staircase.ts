/**
 * The stop-signal delay staircase (one-up/one-down, Levitt 1971): after a stop trial without a response the next SSD
 * is 50 ms longer (harder), after one with a response it is 50 ms shorter (easier), so that about half of the stop
 * trials succeed. It runs through the whole game (practice and test, every attempt) in play order.
 *
 * The SSD is a pure function of the outcomes of the earlier stop trials. The scene rebuilds it from
 * `run.priorTrials` when a block starts or resumes, and the scorer replays it from the log to check what the scene
 * showed: both call `ssdAfter`.
 */
import type { TrialRecord } from '../../src/log/trials.ts';
import type { StopDesign } from './design.ts';

export const SSD_START_MS = 250;
export const SSD_STEP_MS = 50;
export const SSD_MIN_MS = 0;
export const SSD_MAX_MS = 850;

/** The SSD after one stop trial run at `ssd`. */
export function nextSsd(ssd: number, responded: boolean): number {
  const next = responded ? ssd - SSD_STEP_MS : ssd + SSD_STEP_MS;
  return Math.min(SSD_MAX_MS, Math.max(SSD_MIN_MS, next));
}

/** Whether a completed stop trial counts as a failed stop for the staircase: any response, even the wrong direction. */
export function respondedOnStop(trial: TrialRecord): boolean {
  return trial.responses.length > 0;
}

/**
 * The SSD for the next stop trial after the completed trials `trials` (any order; replayed in play order). Only trials
 * that the design marks as stop trials move the staircase.
 */
export function ssdAfter(design: StopDesign, trials: readonly TrialRecord[]): number {
  return stopTrialsInPlayOrder(design, trials).reduce((ssd, t) => nextSsd(ssd, respondedOnStop(t)), SSD_START_MS);
}

/** For every completed stop trial, in play order, the SSD the staircase prescribed for it. */
export function prescribedSsds(design: StopDesign, trials: readonly TrialRecord[]): { trial: TrialRecord; ssd: number }[] {
  let ssd = SSD_START_MS;
  return stopTrialsInPlayOrder(design, trials).map((t) => {
    const out = { trial: t, ssd };
    ssd = nextSsd(ssd, respondedOnStop(t));
    return out;
  });
}

function stopTrialsInPlayOrder(design: StopDesign, trials: readonly TrialRecord[]): TrialRecord[] {
  return trials
    .filter((t) => t.game === design.game && design.blocks[t.block]?.trials[t.trial]?.stop === true)
    .sort((a, b) => a.block - b.block || a.attempt - b.attempt || a.trial - b.trial);
}
