import type { GameDesign } from '../../src/runtime/game-contract.ts';
import { createRng, type Rng } from '../../src/lib/rng.ts';
import { INTRO_SEC } from '../kit/pacing.ts';

export const REVERSAL_ID = 'reversal';
/**
 * Bump on any change to the design, the reward rules, the scene's timing or the scorer's rules.
 * 2.0.0: three options at fixed places, the best paying with p = .8 and the others with p = .2, the best moving every
 * 15 trials whatever the candidate does — the task of the open sciops sample its norms are built from
 * (norms/README.md). 1.0.0 (two options, reversed by a learning criterion) still scores: ./v1/.
 */
export const REVERSAL_VERSION = '2.0.0';

/** The three options, by their fixed place: 0 left, 1 middle, 2 right (as the sciops task's three keys). */
export type Option = 0 | 1 | 2;
export const OPTIONS: readonly Option[] = [0, 1, 2];
/** Which set of shapes a block shows: the demo has its own, so the test starts with nothing learned. */
export type ShapeSet = 'practice' | 'test';

export interface ReversalTrial {
  set: ShapeSet;
  /** The option that is best on this trial: fixed by the design, never by the candidate's choices. */
  best: Option;
  /**
   * Whether each option pays a coin on this trial if chosen, drawn in advance (index = option). The reward of any
   * choice is therefore a pure function of the design: the scene, the simulator and the scorer cannot disagree.
   */
  pays: [boolean, boolean, boolean];
  /** How long the options wait for a choice (ms); no choice in time is an omission. */
  windowMs: number;
}

export type ReversalDesign = GameDesign<ReversalTrial>;

/**
 * Trial counts. The test is the sciops task's first four blocks of 15 (60 of its 90 trials): the norms are built
 * from exactly those trials of every sciops participant, and at 60 trials win-stay already has a split-half
 * reliability of .87 in that sample (docs/battery-allocation.md). No practice block: the sciops participants had
 * none either (their first trials are part of the learning the norm describes), and the demo shows the rule.
 */
export const REVERSAL_COUNTS = { test: 60 } as const;
/** The best option moves to one of the other two after every this many test trials (the sciops schedule). */
export const PHASE_TRIALS = 15;
/** Reward probabilities of the sciops task, realised exactly within each phase (12 of 15 and 3 of 15). */
export const P_BEST = 0.8;
export const P_OTHER = 0.2;
export const RESPONSE_WINDOW_MS = 3000;

/** Scene timing (ms); here so the duration estimate and the scene share one source. */
export const TIMING = {
  /** Fixation cross before the options. */
  fixationMs: 250,
  /** Reward or no-reward feedback after the choice. */
  feedbackMs: 600,
  /** Blank gap after feedback. */
  itiMs: 250,
  /** Pause before a block's first trial. */
  blockLeadMs: 600,
} as const;

/** Assumptions of the duration estimate: a typical choice time and the time spent on each block's intro screen. */
export const DURATION_ASSUMPTIONS = { choiceMs: 700, introSecPerBlock: INTRO_SEC } as const;

export function reversalDesign(seed: number): ReversalDesign {
  const rng = createRng(seed);
  return {
    game: REVERSAL_ID,
    version: REVERSAL_VERSION,
    seed,
    blocks: [{ kind: 'test', instruction: 'reversal.test', demo: 'move', trials: testBlock(rng, rng.int(0, 2) as Option) }],
  };
}

function others(o: Option): Option[] {
  return OPTIONS.filter((x) => x !== o);
}

/** Phases of PHASE_TRIALS; each next phase's best is one of the two other options, drawn at random. */
function testBlock(rng: Rng, firstBest: Option): ReversalTrial[] {
  const out: ReversalTrial[] = [];
  let best = firstBest;
  while (out.length < REVERSAL_COUNTS.test) {
    out.push(...phase(rng, 'test', Math.min(PHASE_TRIALS, REVERSAL_COUNTS.test - out.length), best));
    best = others(best)[rng.int(0, 1)] as Option;
  }
  return out;
}

/**
 * One phase with a fixed best option. Each option's rewards are drawn independently of the others' (as in the
 * sciops task), but exactly: the best pays on round(.8 n) of the n trials and each other option on round(.2 n), in
 * a shuffled order, so no candidate meets an unluckily noisy schedule.
 */
function phase(rng: Rng, set: ShapeSet, n: number, best: Option): ReversalTrial[] {
  const column = (p: number) => rng.shuffle(Array.from({ length: n }, (_, i) => i < Math.round(p * n)));
  const cols = OPTIONS.map((o) => column(o === best ? P_BEST : P_OTHER));
  return Array.from({ length: n }, (_, i) => ({
    set,
    best,
    pays: [cols[0]?.[i] ?? false, cols[1]?.[i] ?? false, cols[2]?.[i] ?? false],
    windowMs: RESPONSE_WINDOW_MS,
  }));
}

/** Expected duration (s) from the design: every trial's fixed times plus a typical choice time, and the block intros. */
export function expectedDurationSec(design: ReversalDesign): number {
  const perTrialMs = TIMING.fixationMs + DURATION_ASSUMPTIONS.choiceMs + TIMING.feedbackMs + TIMING.itiMs;
  const trials = design.blocks.reduce((n, b) => n + b.trials.length, 0);
  const leads = design.blocks.length * (TIMING.blockLeadMs / 1000 + DURATION_ASSUMPTIONS.introSecPerBlock);
  return Math.round((trials * perTrialMs) / 1000 + leads);
}
