import type { GameDesign } from '../../../src/runtime/game-contract.ts';
import { balancedSequence, createRng, type Rng } from '../../../src/lib/rng.ts';
import { INTRO_SEC } from '../../kit/pacing.ts';

export const REVERSAL_ID = 'reversal';
/** Bump on any change to the design, the contingency rules, the scene's timing or the scorer's rules. */
export const REVERSAL_VERSION = '1.0.0';

/** The two options. The response value is the option chosen, never the side it was on. */
export type Option = 'A' | 'B';
export type Side = 'left' | 'right';
/** Which pair of shapes a block shows: practice has its own pair so the test starts with nothing learned. */
export type ShapeSet = 'practice' | 'test';

export interface ReversalTrial {
  set: ShapeSet;
  /** The option drawn on the left this trial (the other is on the right); balanced and seeded per block. */
  left: Option;
  /**
   * The trial's pre-drawn outcome (anti-correlated schedule): exactly one option pays on every trial. When true the
   * option that is currently best pays and the other does not; when false it is the other way round. So the reward
   * of any choice is a pure function of the design and of which option is best, and which option is best follows
   * from the candidate's own choices (see contingency.ts).
   */
  bestPays: boolean;
  /** The option that is best at the block's first trial (the same on every trial of a block). */
  startBest: Option;
  /** Whether meeting the learning criterion reverses the contingencies in this block (never in practice). */
  reversible: boolean;
  /** How long the two options wait for a choice (ms); no choice in time is an omission. */
  windowMs: number;
}

export type ReversalDesign = GameDesign<ReversalTrial>;

/** Trial counts per block; exported so tests and the duration estimate read the same numbers. */
export const REVERSAL_COUNTS = { practice: 10, test: 70 } as const;
/** The best option pays on this many trials of every run of OUTCOME_CHUNK trials (8 of 10 = 80 %). */
export const OUTCOME_CHUNK = 10;
export const BEST_PAYS_PER_CHUNK = 8;
/** Learning criterion: at least CRITERION_HITS best-option choices among the last CRITERION_WINDOW trials since the last reversal. */
export const CRITERION_WINDOW = 10;
export const CRITERION_HITS = 8;
export const RESPONSE_WINDOW_MS = 3000;

/** Scene timing (ms); here so the duration estimate and the scene share one source. */
export const TIMING = {
  /** Fixation cross before the options. */
  fixationMs: 250,
  /** Reward or no-reward feedback after the choice. */
  feedbackMs: 700,
  /** Blank gap after feedback. */
  itiMs: 250,
  /** Pause before a block's first trial. */
  blockLeadMs: 600,
} as const;

/** Assumptions of the duration estimate: a typical choice time and the time spent on each block's intro screen. */
export const DURATION_ASSUMPTIONS = { choiceMs: 700, introSecPerBlock: INTRO_SEC } as const;

export function reversalDesign(seed: number): ReversalDesign {
  const rng = createRng(seed);
  const startBest: Option = rng.next() < 0.5 ? 'A' : 'B';
  return {
    game: REVERSAL_ID,
    version: REVERSAL_VERSION,
    seed,
    blocks: [
      {
        kind: 'practice',
        instruction: 'reversal.practice',
        demo: 'choose',
        // Practice always starts on the opposite option to the test, and uses other shapes, so nothing carries over.
        trials: block(rng, 'practice', REVERSAL_COUNTS.practice, startBest === 'A' ? 'B' : 'A', false),
      },
      { kind: 'test', instruction: 'reversal.test', demo: 'reverse', trials: block(rng, 'test', REVERSAL_COUNTS.test, startBest, true) },
    ],
  };
}

function block(rng: Rng, set: ShapeSet, n: number, startBest: Option, reversible: boolean): ReversalTrial[] {
  // Runs of at most 4 on a side: long enough to be found quickly for 80 trials, short enough that side is no cue.
  const sides = balancedSequence(rng, ['A', 'B'] as const, n / 2, 4);
  const pays = outcomeSchedule(rng, n);
  return sides.map((left, i) => ({ set, left, bestPays: pays[i] ?? true, startBest, reversible, windowMs: RESPONSE_WINDOW_MS }));
}

/**
 * Whether the best option pays, per trial: in every run of 10 trials exactly 8 pay on the best option (an exact 80/20
 * split, so no candidate gets an unluckily noisy schedule), shuffled so that two misleading outcomes never follow
 * each other (also across runs): two losses in a row on the best option then never happen by chance alone.
 */
export function outcomeSchedule(rng: Rng, n: number): boolean[] {
  const out: boolean[] = [];
  const pool = Array.from({ length: OUTCOME_CHUNK }, (_, i) => i < BEST_PAYS_PER_CHUNK);
  while (out.length < n) {
    let chunk = rng.shuffle(pool);
    while (!alternatesMisleading(out[out.length - 1] ?? true, chunk)) chunk = rng.shuffle(pool);
    out.push(...chunk);
  }
  return out.slice(0, n);
}

function alternatesMisleading(previous: boolean, chunk: readonly boolean[]): boolean {
  let last = previous;
  for (const pays of chunk) {
    if (!pays && !last) return false;
    last = pays;
  }
  return true;
}

/** Expected duration (s) from the design: every trial's fixed times plus a typical choice time, and the block intros. */
export function expectedDurationSec(design: ReversalDesign): number {
  const perTrialMs = TIMING.fixationMs + DURATION_ASSUMPTIONS.choiceMs + TIMING.feedbackMs + TIMING.itiMs;
  const trials = design.blocks.reduce((n, b) => n + b.trials.length, 0);
  const leads = design.blocks.length * (TIMING.blockLeadMs / 1000 + DURATION_ASSUMPTIONS.introSecPerBlock);
  return Math.round((trials * perTrialMs) / 1000 + leads);
}
