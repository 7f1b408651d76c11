import type { GameDesign } from '../../src/runtime/game-contract.ts';
import { createRng, type Rng } from '../../src/lib/rng.ts';
import { BLOCK_COUNT } from './board.ts';

export const CORSI_ID = 'corsi';
/** Bump on any change to the design, the board, the scene's timing or the scorer's rules. */
export const CORSI_VERSION = '1.0.0';

export type Direction = 'forward' | 'backward';

export interface CorsiTrial {
  direction: Direction;
  /** Block indices (0–8, see board.ts) in the order they light up. Backward trials are answered in reverse. */
  sequence: number[];
}

export type CorsiDesign = GameDesign<CorsiTrial>;

/** Sequence lengths of the test blocks: from 2 up to every block of the board (Kessels et al. 2000). */
export const LENGTHS = { min: 2, max: BLOCK_COUNT } as const;
/** Two sequences per length; a length is failed when both are (the stop rule, see rules.ts). */
export const SEQUENCES_PER_LENGTH = 2;
/** Practice before each direction: two sequences of length 2, all run (no stop rule). */
export const PRACTICE = { trials: 2, length: 2 } as const;

/**
 * Scene timing, fixed per version. One block per second (800 ms lit + 200 ms dark) is the tapping rate of the
 * standardised wooden task (Kessels et al. 2000) and keeps the game near its 3–4 minute budget.
 */
export const TIMING = {
  /** Board at rest before the first block lights (ms). */
  preMs: 500,
  itemOnMs: 800,
  itemGapMs: 200,
  /** A trial times out after this long without a tap, counted from the 'target' cue and from every tap (ms). */
  idleTimeoutMs: 8000,
  /** After a test trial: the points update, then the next trial starts (ms). */
  testPauseMs: 700,
  /** After a practice trial: the tick or cross (ms). */
  practiceFeedbackMs: 1000,
  /** After a failed practice trial the right taps are replayed, one block per step (ms). */
  replayStepMs: 600,
} as const;

/**
 * A test block holds two pre-generated sequences for every length, in ascending order: trial index i has length
 * LENGTHS.min + floor(i / 2). The scene runs them in index order and stops early by the stop rule, so the trials
 * that ran are always a prefix of the array and the trial index in the log is the sequence's position in it.
 */
export function testLengthAt(index: number): number {
  return LENGTHS.min + Math.floor(index / SEQUENCES_PER_LENGTH);
}

export function corsiDesign(seed: number): CorsiDesign {
  const rng = createRng(seed);
  const practice = (direction: Direction): CorsiTrial[] =>
    distinctSequences(rng, PRACTICE.length, PRACTICE.trials).map((sequence) => ({ direction, sequence }));
  const test = (direction: Direction): CorsiTrial[] => {
    const trials: CorsiTrial[] = [];
    for (let length = LENGTHS.min; length <= LENGTHS.max; length++) {
      for (const sequence of distinctSequences(rng, length, SEQUENCES_PER_LENGTH)) trials.push({ direction, sequence });
    }
    return trials;
  };
  return {
    game: CORSI_ID,
    version: CORSI_VERSION,
    seed,
    blocks: [
      { kind: 'practice', instruction: 'corsi.forward', demo: 'forward', trials: practice('forward') },
      { kind: 'test', instruction: 'corsi.forwardTest', demo: 'forward', trials: test('forward') },
      { kind: 'practice', instruction: 'corsi.backward', demo: 'backward', trials: practice('backward') },
      { kind: 'test', instruction: 'corsi.backwardTest', demo: 'backward', trials: test('backward') },
    ],
  };
}

/**
 * `count` different sequences of `length` different blocks. No block repeats within a sequence (so never
 * immediately), as on the wooden board where each block is tapped at most once per item.
 */
function distinctSequences(rng: Rng, length: number, count: number): number[][] {
  const blocks = Array.from({ length: BLOCK_COUNT }, (_, i) => i);
  const out: number[][] = [];
  while (out.length < count) {
    const sequence = rng.shuffle(blocks).slice(0, length);
    if (!out.some((s) => s.join() === sequence.join())) out.push(sequence);
  }
  return out;
}
