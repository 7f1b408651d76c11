import type { GameManifest } from '../../src/runtime/game-contract.ts';
import { estimateDurationSec, reactionDesign, REACTION_ID, REACTION_VERSION, type ReactionTrial } from './design.ts';
import { expectedResponse, outcomeOf, REACTION_METRICS, scoreReaction } from './score.ts';
import { simulateReaction, type ReactionParticipant } from './simulate.ts';

/** Practice passes with two thirds of its trials answered correctly and not too early (2 of 3 simple, 3 of 4 choice). */
export const PRACTICE_PASS_RATE = 2 / 3;

export const reaction: GameManifest<ReactionTrial, ReactionParticipant> = {
  id: REACTION_ID,
  version: REACTION_VERSION,
  domains: ['processing-speed'],
  expectedDurationSec: estimateDurationSec(reactionDesign(1)),
  inputModes: ['keyboard', 'mouse', 'touch'],
  metrics: REACTION_METRICS,
  design: reactionDesign,
  score: scoreReaction,
  practicePassed(design, block, trials) {
    const specs = design.blocks[block]?.trials ?? [];
    if (specs.length === 0) return true;
    const correct = trials.filter((t) => {
      const spec = specs[t.trial];
      return spec !== undefined && outcomeOf(t, expectedResponse(spec.condition, spec.side), spec.condition, spec.windowMs).correct;
    }).length;
    return correct / specs.length >= PRACTICE_PASS_RATE;
  },
  simulate: simulateReaction,
};
