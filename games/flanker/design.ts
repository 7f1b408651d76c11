import type { GameDesign } from '../../src/runtime/game-contract.ts';
import { createRng, type Rng, longestRun } from '../../src/lib/rng.ts';
import { testBlocks } from '../kit/blocks.ts';
import { INTRO_SEC } from '../kit/pacing.ts';

export const FLANKER_ID = 'flanker';
/** Bump on any change to the design, the scene's timing or the scorer's rules. */
/** 1.1.0: two test blocks of 20 (were 32), the battery allocation of docs/battery-allocation.md. */
export const FLANKER_VERSION = '1.1.0';

export type Direction = 'left' | 'right';
/**
 * Congruent: the four flankers point the same way as the middle arrow; incongruent: the opposite way.
 * No neutral condition: with a four-minute budget every trial goes to the two conditions the conflict effect
 * compares, whose reliability is already modest (SRO test–retest of the flanker/ANT conflict effect ≈ .42).
 */
export type Condition = 'congruent' | 'incongruent';

export interface FlankerTrial {
  condition: Condition;
  /** Direction of the middle arrow: the correct answer. */
  target: Direction;
  /** Direction of the four flanking arrows (derived from condition and target; stored so the log is self-explaining). */
  flankers: Direction;
  /** Fixation cross before the arrows (ms), drawn uniformly so the onset cannot be anticipated. */
  fixationMs: number;
  /** How long after the arrows' onset a response is accepted (ms). */
  windowMs: number;
}

export type FlankerDesign = GameDesign<FlankerTrial>;

/** Trial counts per block; exported so tests and the duration estimate read the same numbers. */
export const FLANKER_COUNTS = { practice: 8, test: 20, testBlocks: 2 } as const;
export type FlankerCounts = Record<keyof typeof FLANKER_COUNTS, number>;
/** Flanker 1.0.0 differed only in its counts (two test blocks of 32); kept so that its logs still score. */
export const FLANKER_COUNTS_V1 = { practice: 8, test: 32, testBlocks: 2 } as const;
/** Longest run of the same condition, or of the same correct direction, in a block. */
export const MAX_RUN = { practice: 3, test: 4 } as const;

/** Timing of one trial, shared by the scene and the duration estimate. */
export const FLANKER_TIMING = {
  fixationMs: { min: 400, max: 800 },
  windowMs: 2000,
  /** Feedback after a practice trial; test trials show none. */
  feedbackMs: { practice: 800, test: 0 },
  /** Blank screen between trials. */
  itiMs: 500,
  /** Blank screen before a block's first trial. */
  leadInMs: 600,
  /** A test block ends by showing its points this long. */
  outroMs: 1200,
} as const;

/**
 * Assumptions of the duration estimate (not of the design): seconds to watch a block's demo and read its few
 * words, and the mean time to answer (SRO's ANT mean RT of correct trials is 637 ms; a little slower on phones).
 */
export const DURATION_ASSUMPTIONS = { introSec: INTRO_SEC, meanResponseMs: 700 } as const;

/** Expected duration in seconds: instructions, practice (passed first time) and test blocks, computed from the design. */
export function expectedDurationSec(design: FlankerDesign): number {
  const t = FLANKER_TIMING;
  const meanFixation = (t.fixationMs.min + t.fixationMs.max) / 2;
  const ms = design.blocks.reduce((sum, block) => {
    const perTrial = meanFixation + DURATION_ASSUMPTIONS.meanResponseMs + t.feedbackMs[block.kind] + t.itiMs;
    const outro = block.kind === 'test' ? t.outroMs : 0;
    return sum + DURATION_ASSUMPTIONS.introSec * 1000 + t.leadInMs + block.trials.length * perTrial + outro;
  }, 0);
  return Math.ceil(ms / 1000);
}

/** The design of the current version; an earlier version that differed only in its counts passes its own. */
export function flankerDesign(seed: number, counts: FlankerCounts = FLANKER_COUNTS, version = FLANKER_VERSION): FlankerDesign {
  const rng = createRng(seed);
  return {
    game: FLANKER_ID,
    version,
    seed,
    blocks: [
      { kind: 'practice', instruction: 'flanker.practice', demo: 'rule', trials: balancedBlock(rng, counts.practice, MAX_RUN.practice) },
      ...testBlocks(FLANKER_ID, counts.testBlocks, 'rule', () => balancedBlock(rng, counts.test, MAX_RUN.test)),
    ],
  };
}

const CELLS: readonly { condition: Condition; target: Direction }[] = [
  { condition: 'congruent', target: 'left' },
  { condition: 'congruent', target: 'right' },
  { condition: 'incongruent', target: 'left' },
  { condition: 'incongruent', target: 'right' },
];

/**
 * `n` trials, each condition × direction cell n/4 times, in a random order whose runs of the same condition and
 * of the same correct direction are at most `maxRun` long (long runs invite a response set and distort sequence
 * effects).
 */
function balancedBlock(rng: Rng, n: number, maxRun: number): FlankerTrial[] {
  if (n % CELLS.length !== 0) throw new Error(`flanker: a block needs a multiple of ${CELLS.length} trials, not ${n}`);
  const pool = CELLS.flatMap((cell) => Array.from({ length: n / CELLS.length }, () => cell));
  for (let tries = 0; tries < 10_000; tries++) {
    const order = rng.shuffle(pool);
    if (longestRun(order.map((c) => c.condition)) > maxRun || longestRun(order.map((c) => c.target)) > maxRun) continue;
    return order.map((c) => ({
      condition: c.condition,
      target: c.target,
      flankers: c.condition === 'congruent' ? c.target : opposite(c.target),
      fixationMs: Math.round(rng.uniform(FLANKER_TIMING.fixationMs.min, FLANKER_TIMING.fixationMs.max)),
      windowMs: FLANKER_TIMING.windowMs,
    }));
  }
  throw new Error(`flanker: no order of ${n} trials with runs <= ${maxRun} found`);
}

export function opposite(d: Direction): Direction {
  return d === 'left' ? 'right' : 'left';
}

/** Re-exported where the design tests read it. */
export { longestRun };
