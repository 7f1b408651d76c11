/**
 * What the integrity checks need to know of each game beyond its manifest, in one table: how the game reads an input
 * as an answer (so a response can be checked against the input it names), which answer is correct in a two-choice
 * trial, and which test trials must have run (a stop rule ends some blocks early). The readers are the games' own
 * functions, so the check and the scene cannot disagree. A game not in the table gets only the generic checks.
 */
import type { CorsiTrial } from '../../games/corsi/design.ts';
import { outcomesFromRecords, stopRuleMet } from '../../games/corsi/rules.ts';
import type { FlankerTrial } from '../../games/flanker/design.ts';
import { readSide } from '../../games/kit/sides.ts';
import type { ReactionTrial } from '../../games/reaction/design.ts';
import { readResponse as readReaction } from '../../games/reaction/responses.ts';
import { optionValue, readOption } from '../../games/reversal/responses.ts';
import type { StopTrial } from '../../games/stop/design.ts';
import type { SwitchTrial } from '../../games/switch/design.ts';
import type { TrialRecord } from '../log/trials.ts';
import type { CapturedInput } from '../runtime/game-contract.ts';

export interface GameRules {
  /** The answer value the game's scene reads from this input in this trial (null: no answer). */
  read?(trial: unknown, input: CapturedInput): string | null;
  /** The correct answer of a two-choice trial; undefined when the trial has none (simple RT, learning choices). */
  correct?(trial: unknown): string | undefined;
  /**
   * How many trials of a test block must have completed, given the completed ones: the whole block unless the game
   * stops early. `records` are the completed trials of this block.
   */
  required?(trials: readonly unknown[], records: readonly TrialRecord[], block: number): number;
}

const side = (input: CapturedInput) => readSide(input);

export const GAME_RULES: Readonly<Record<string, GameRules>> = {
  reaction: {
    read: (t, input) => readReaction((t as ReactionTrial).condition, input),
    correct: (t) => ((t as ReactionTrial).condition === 'choice' ? (t as ReactionTrial).side : undefined),
  },
  flanker: { read: (_t, input) => side(input), correct: (t) => (t as FlankerTrial).target },
  stop: { read: (_t, input) => side(input), correct: (t) => ((t as StopTrial).stop ? undefined : (t as StopTrial).direction) },
  switch: { read: (_t, input) => side(input), correct: (t) => (t as SwitchTrial).correct },
  reversal: {
    read: (_t, input) => {
      const o = readOption(input);
      return o === null ? null : optionValue(o);
    },
  },
  corsi: {
    // Trials run in index order until the stop rule (both sequences of one length failed) ends the block.
    required(trials, records, block) {
      const outcomes = outcomesFromRecords(trials as CorsiTrial[], records as TrialRecord[], block);
      const before = new Map<number, boolean>();
      for (let i = 0; i < trials.length; i++) {
        if (stopRuleMet(before)) return i;
        const o = outcomes.get(i);
        if (o === undefined) return trials.length;
        before.set(i, o);
      }
      return trials.length;
    },
  },
};
