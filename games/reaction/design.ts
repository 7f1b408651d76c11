import type { GameDesign } from '../../src/runtime/game-contract.ts';
import { balancedSequence, createRng } from '../../src/lib/rng.ts';
import { INTRO_SEC } from '../kit/pacing.ts';

export const REACTION_ID = 'reaction';
/** Bump on any change to the design, the scene's timing or the scorer's rules. */
/** 1.1.0: 12 choice test trials (was 20), the battery allocation of docs/battery-allocation.md. */
export const REACTION_VERSION = '1.1.0';

export type Condition = 'simple' | 'choice';
export type Side = 'left' | 'right' | 'center';

export interface ReactionTrial {
  condition: Condition;
  /** Where the target appears; 'center' for simple RT. */
  side: Side;
  /** Fixation to target (ms), drawn uniformly so the onset cannot be anticipated. */
  foreperiodMs: number;
  /** How long after target onset a response is accepted (ms). */
  windowMs: number;
}

export type ReactionDesign = GameDesign<ReactionTrial>;

/** Trial counts per block; exported so tests and the duration benchmark read the same numbers. */
export const REACTION_COUNTS = { simplePractice: 3, simpleTest: 12, choicePractice: 4, choiceTest: 12 } as const;
export type ReactionCounts = Record<keyof typeof REACTION_COUNTS, number>;
/** Reaction 1.0.0 differed only in its counts; kept so that its logs still regenerate their design (index.ts). */
export const REACTION_COUNTS_V1 = { simplePractice: 3, simpleTest: 12, choicePractice: 4, choiceTest: 20 } as const;
export const FOREPERIOD_MS = { min: 800, max: 1800 } as const;
export const RESPONSE_WINDOW_MS = 1500;
/** The scene's pacing (ms): feedback after a trial, blank before the next, wait before a block's first trial. */
export const PACING_MS = { feedbackPractice: 800, feedbackTest: 350, iti: 300, blockLeadIn: 600 } as const;
/** Typical RTs (ms) for the duration estimate: young adults on a phone (SRO simple/choice means are 290/550 ms). */
const TYPICAL_RT_MS = { simple: 320, choice: 480 } as const;

/** The design of the current version; an earlier version that differed only in its counts passes its own. */
export function reactionDesign(seed: number, counts: ReactionCounts = REACTION_COUNTS, version = REACTION_VERSION): ReactionDesign {
  const rng = createRng(seed);
  const foreperiod = () => Math.round(rng.uniform(FOREPERIOD_MS.min, FOREPERIOD_MS.max));
  const simple = (n: number) =>
    Array.from({ length: n }, (): ReactionTrial => ({ condition: 'simple', side: 'center', foreperiodMs: foreperiod(), windowMs: RESPONSE_WINDOW_MS }));
  const choice = (perSide: number, maxRun: number) =>
    balancedSequence(rng, ['left', 'right'] as const, perSide, maxRun).map(
      (side): ReactionTrial => ({ condition: 'choice', side, foreperiodMs: foreperiod(), windowMs: RESPONSE_WINDOW_MS }),
    );
  return {
    game: REACTION_ID,
    version,
    seed,
    blocks: [
      { kind: 'practice', instruction: 'reaction.simple', demo: 'simple', trials: simple(counts.simplePractice) },
      { kind: 'test', instruction: 'reaction.simpleTest', demo: 'simple', trials: simple(counts.simpleTest) },
      { kind: 'practice', instruction: 'reaction.choice', demo: 'choice', trials: choice(counts.choicePractice / 2, 2) },
      { kind: 'test', instruction: 'reaction.choiceTest', demo: 'choice', trials: choice(counts.choiceTest / 2, 3) },
    ],
  };
}

/** Expected duration (s) of a play of `design` at typical RTs, including intros, practice and feedback. */
export function estimateDurationSec(design: ReactionDesign): number {
  let ms = 0;
  for (const block of design.blocks) {
    ms += INTRO_SEC * 1000 + PACING_MS.blockLeadIn;
    const feedback = block.kind === 'practice' ? PACING_MS.feedbackPractice : PACING_MS.feedbackTest;
    for (const t of block.trials) ms += t.foreperiodMs + TYPICAL_RT_MS[t.condition] + feedback + PACING_MS.iti;
  }
  return Math.round(ms / 1000);
}
