import type { BlockKind } from '../../src/log/events.ts';
import { CTI_MS, type SwitchDesign, type SwitchTrial } from './design.ts';
import { INTRO_SEC } from '../kit/pacing.ts';

/**
 * The scene's fixed timing, shared with the simulated participant and the duration estimate so the three cannot
 * drift apart. A trial: blank (ITI) → cue → cue + target until an answer or the window ends → feedback.
 */
export const ITI_MS = 300;
/** Feedback after the answer: a tick or cross in practice; in test a short pause with a cross after errors only. */
export const FEEDBACK_MS: Record<BlockKind, number> = { practice: 800, test: 300 };
/** Pause between the start of a block and its first trial. */
export const LEAD_IN_MS = 600;

/**
 * Assumptions of the duration estimate (not of any metric). Median RTs: typical adult values for a two-choice task
 * with the rule known (single) and with a rule that may change (mixed); the SRO cued task-switching mean RT is
 * ~730 ms. Practice answers are slower. Intro: time to watch the demo and press start.
 */
export const DURATION_ASSUMPTIONS = {
  rtMs: { single: 650, mixed: 850, singlePractice: 800, mixedPractice: 1000 },
  introSec: { practice: INTRO_SEC, test: INTRO_SEC },
} as const;

function assumedRt(kind: BlockKind, mixed: boolean): number {
  const rt = DURATION_ASSUMPTIONS.rtMs;
  if (kind === 'practice') return mixed ? rt.mixedPractice : rt.singlePractice;
  return mixed ? rt.mixed : rt.single;
}

/**
 * Expected seconds to play the design once (no practice repeated): intros, lead-ins and every trial, each with the
 * mean cue–target interval, so the estimate depends on the trial counts only and not on the seed.
 */
export function estimateDurationSec(design: SwitchDesign): number {
  const meanCti = (CTI_MS.min + CTI_MS.max) / 2;
  let ms = 0;
  for (const block of design.blocks) {
    const mixed = new Set(block.trials.map((t: SwitchTrial) => t.task)).size > 1;
    ms += DURATION_ASSUMPTIONS.introSec[block.kind] * 1000 + LEAD_IN_MS;
    for (let i = 0; i < block.trials.length; i++) ms += ITI_MS + meanCti + assumedRt(block.kind, mixed) + FEEDBACK_MS[block.kind];
  }
  return ms / 1000;
}
