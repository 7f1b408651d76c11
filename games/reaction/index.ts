import { estimateDurationSec, REACTION_COUNTS_V1, reactionDesign, REACTION_ID, REACTION_VERSION, type ReactionTrial } from './design.ts';
import { expectedResponse, outcomeOf, REACTION_METRICS, scoreReaction } from './score.ts';
import { participants, type ReactionParticipant } from './simulate.ts';
import { retest } from '../kit/reliability.ts';
import { reactionMessages } from './messages.ts';
import { testResponder } from './responses.ts';
import { defineGame } from '../kit/manifest.ts';

/** Practice passes with two thirds of its trials answered correctly and not too early (2 of 3 simple, 3 of 4 choice). */
export const PRACTICE_PASS_RATE = 2 / 3;

export const reaction = defineGame<ReactionTrial, ReactionParticipant>({
  id: REACTION_ID,
  version: REACTION_VERSION,
  domains: ['processing-speed'],
  expectedDurationSec: estimateDurationSec(reactionDesign(1)),
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
  participants,
  messages: reactionMessages,
  // biome-ignore format: one rule per line reads as a table
  qualityFlags: [
    { flag: 'simple.many-anticipations', metrics: { prefix: 'simple.' }, why: 'more than 20 % of simple-RT answers came too early' },
    { flag: 'choice.many-anticipations', metrics: { prefix: 'choice.' }, why: 'more than 20 % of choice-RT answers came too early' },
  ],
  // biome-ignore format: one contribution per line reads as a table
  domainMetrics: [
    { domain: 'processing-speed', metric: 'simple.median_rt', weight: 1, direction: 'lower-is-better', latency: 'absolute', reliability: retest(0.44, 'simple RT, both sessions scored by our rule on the first 12 test trials'), why: 'Speed of a single prepared response.' },
    { domain: 'processing-speed', metric: 'choice.median_rt', weight: 1, direction: 'lower-is-better', latency: 'absolute', reliability: retest(0.5, 'two-choice RT, both sessions scored by our rule on the first 12 test trials'), why: 'Speed of a simple decision.' },
  ],
  testResponder,
  // Only the counts changed, so the earlier version is the same generator and scorer with its own counts.
  earlier: [
    {
      version: '1.0.0',
      design: (seed) => reactionDesign(seed, REACTION_COUNTS_V1, '1.0.0'),
      score: scoreReaction,
      why: '1.1.0 has 12 choice test trials (1.0.0: 20), the battery allocation of docs/battery-allocation.md; the generator, timing and scorer are unchanged.',
    },
  ],
});
