import type { GameDesign } from '../../src/runtime/game-contract.ts';
import { createRng, type Rng, longestRun } from '../../src/lib/rng.ts';
import { testBlocks } from '../kit/blocks.ts';
import { INTRO_SEC } from '../kit/pacing.ts';

export const STOP_ID = 'stop';
/** Bump on any change to the design, the staircase, the scene's timing or the scorer's rules. */
/** 1.1.0: test blocks of 36 with 9 stop trials (were 48 and 12), the battery allocation of docs/battery-allocation.md. */
export const STOP_VERSION = '1.1.0';

export type Direction = 'left' | 'right';

export interface StopTrial {
  /** Where the arrow points: the correct go response. */
  direction: Direction;
  /** Whether a stop signal follows the arrow. Its delay is adaptive (staircase.ts), so it is logged, not designed. */
  stop: boolean;
  /** Fixation before the arrow (ms). */
  fixationMs: number;
  /** How long after arrow onset a response is accepted (ms); a stop trial without a response lasts this long. */
  windowMs: number;
}

export type StopDesign = GameDesign<StopTrial>;

/**
 * Trial counts per block. Test: two blocks of 36 with 9 stop trials each (25 %), 72 trials and 18 stop trials in all.
 * Verbruggen et al. (2019) advise about 50 stop trials for a stable SSRT; 18 is the floor the 20-minute battery's
 * allocation keeps (docs/battery-allocation.md), and the reason SSRT is a composite ingredient, never a stand-alone verdict.
 */
export const STOP_COUNTS = {
  goPractice: 8,
  stopPractice: 12,
  stopPracticeSignals: 3,
  testBlocks: 2,
  testPerBlock: 36,
  testSignalsPerBlock: 9,
} as const;
export type StopCounts = Record<keyof typeof STOP_COUNTS, number>;
/** Stop 1.0.0 differed only in its counts (two test blocks of 48 with 12 stop trials); kept so its logs still score. */
export const STOP_COUNTS_V1 = {
  goPractice: 8,
  stopPractice: 12,
  stopPracticeSignals: 3,
  testBlocks: 2,
  testPerBlock: 48,
  testSignalsPerBlock: 12,
} as const;

/** Borrowed from the SRO stop-signal task (fixation 500 ms, response window 1,850 ms); see ../shared/reference/sro. */
export const FIXATION_MS = 500;
export const RESPONSE_WINDOW_MS = 1850;

/** Scene timing (ms); here so the duration estimate and the scene share one source. */
export const TIMING = {
  /** Feedback glyph after a trial. Practice explains every trial; the test only marks misses and slow answers. */
  feedbackMs: { practice: 800, test: 250 },
  /** Blank gap after the feedback, before the next fixation. */
  itiMs: 150,
  /** Pause before a block's first trial. */
  blockLeadMs: 600,
} as const;

/** Assumptions of the duration estimate: a typical go RT, p(respond|signal) the staircase aims at, time on each intro. */
export const DURATION_ASSUMPTIONS = { goRtMs: 550, pRespond: 0.5, signalRespondRtMs: 480, introSecPerBlock: INTRO_SEC } as const;

/** The design of the current version; an earlier version that differed only in its counts passes its own. */
export function stopDesign(seed: number, c: StopCounts = STOP_COUNTS, version = STOP_VERSION): StopDesign {
  const rng = createRng(seed);
  return {
    game: STOP_ID,
    version,
    seed,
    blocks: [
      { kind: 'practice', instruction: 'stop.go', demo: 'go', trials: block(rng, c.goPractice, 0) },
      { kind: 'practice', instruction: 'stop.stop', demo: 'stop', trials: block(rng, c.stopPractice, c.stopPracticeSignals) },
      ...testBlocks(STOP_ID, c.testBlocks, 'stop', () => block(rng, c.testPerBlock, c.testSignalsPerBlock)),
    ],
  };
}

/**
 * One block: directions balanced within go trials and within stop trials, so the stop signal never predicts a
 * direction. The first two trials are go trials (the first arrows of a block set the go pace the stop signal
 * interrupts), no two stop trials follow each other, and no direction repeats more than MAX_DIRECTION_RUN times.
 * Stop positions are drawn directly among the allowed ones; direction orders are drawn until the run limit holds.
 */
function block(rng: Rng, n: number, signals: number): StopTrial[] {
  const stopAt = stopPositions(rng, n, signals);
  const goSides = sides(n - signals);
  const stopSides = sides(signals);
  for (let tries = 0; tries < 10_000; tries++) {
    const goOrder = rng.shuffle(goSides);
    const stopOrder = rng.shuffle(stopSides);
    let g = 0;
    let s = 0;
    const directions = Array.from({ length: n }, (_, i) => (stopAt.has(i) ? stopOrder[s++] : goOrder[g++]) as Direction);
    if (longestRun(directions) <= MAX_DIRECTION_RUN) {
      return directions.map((direction, i) => ({ direction, stop: stopAt.has(i), fixationMs: FIXATION_MS, windowMs: RESPONSE_WINDOW_MS }));
    }
  }
  throw new Error(`stopDesign: no direction order with runs <= ${MAX_DIRECTION_RUN} for ${n} trials`);
}

const LEAD_GO_TRIALS = 2;
const MAX_DIRECTION_RUN = 4;

/**
 * `k` positions in [LEAD_GO_TRIALS, n), no two adjacent, uniformly among all such sets: draw k of the
 * n − LEAD_GO_TRIALS − (k − 1) slots and spread the i-th chosen slot by i.
 */
function stopPositions(rng: Rng, n: number, k: number): Set<number> {
  const slots = n - LEAD_GO_TRIALS - (k - 1);
  if (k === 0) return new Set();
  if (slots < k) throw new Error(`stopDesign: ${k} non-adjacent stop trials do not fit in ${n} trials`);
  const chosen = rng
    .shuffle(Array.from({ length: slots }, (_, i) => i))
    .slice(0, k)
    .sort((a, b) => a - b);
  return new Set(chosen.map((slot, i) => LEAD_GO_TRIALS + slot + i));
}

/** Half left, half right; an odd count's extra trial goes to a side picked by n % 4, which balances the block totals (45 + 15, 9 + 3). */
function sides(n: number): Direction[] {
  const half = Math.floor(n / 2);
  const out: Direction[] = [...Array<Direction>(half).fill('left'), ...Array<Direction>(half).fill('right')];
  if (n % 2 === 1) out.push(n % 4 === 1 ? 'left' : 'right');
  return out;
}

/**
 * Expected duration (s) of the whole game, instructions and practice included, from the design and the scene timing.
 * Go trials end at the response; a stop trial ends at the response, or after the full window when the candidate stops.
 */
export function estimateDurationSec(design: StopDesign): number {
  const a = DURATION_ASSUMPTIONS;
  let ms = 0;
  for (const b of design.blocks) {
    ms += a.introSecPerBlock * 1000 + TIMING.blockLeadMs;
    const after = TIMING.feedbackMs[b.kind] + TIMING.itiMs;
    for (const t of b.trials) {
      const answer = t.stop ? a.pRespond * a.signalRespondRtMs + (1 - a.pRespond) * t.windowMs : a.goRtMs;
      ms += t.fixationMs + answer + after;
    }
  }
  return ms / 1000;
}
