import { estimateDurationSec, REACTION_COUNTS_V1, reactionDesign, REACTION_ID, REACTION_VERSION, type ReactionTrial } from './design.ts';
import { practicePassed, REACTION_FLAG_CODES, REACTION_METRICS, scoreReaction } from './score.ts';
import { participants, type ReactionParticipant } from './simulate.ts';
import { retest } from '../kit/reliability.ts';
import { reactionMessages } from './messages.ts';
import { testResponder } from './responses.ts';
import { countsVersion, defineGame, flagPerPart } from '../kit/manifest.ts';

export const reaction = defineGame<ReactionTrial, ReactionParticipant>({
  id: REACTION_ID,
  version: REACTION_VERSION,
  domains: ['processing-speed'],
  expectedDurationSec: estimateDurationSec(reactionDesign(1)),
  metrics: REACTION_METRICS,
  design: reactionDesign,
  score: scoreReaction,
  flagCodes: REACTION_FLAG_CODES,
  practicePassed,
  participants,
  messages: reactionMessages,
  qualityFlags: flagPerPart(['simple', 'choice'], 'many-anticipations', (c) => `more than 20 % of ${c}-RT answers came too early`),
  // biome-ignore format: one contribution per line reads as a table
  domainMetrics: [
    { domain: 'processing-speed', metric: 'simple.median_rt', weight: 1, direction: 'lower-is-better', latency: 'absolute', reliability: retest(0.44, 'simple RT, both sessions scored by our rule on the first 12 test trials'), why: 'Speed of a single prepared response.' },
    { domain: 'processing-speed', metric: 'choice.median_rt', weight: 1, direction: 'lower-is-better', latency: 'absolute', reliability: retest(0.5, 'two-choice RT, both sessions scored by our rule on the first 12 test trials'), why: 'Speed of a simple decision.' },
  ],
  testResponder,
  earlier: [
    countsVersion(reactionDesign, scoreReaction, {
      version: '1.0.0',
      counts: REACTION_COUNTS_V1,
      why: '1.1.0 has 12 choice test trials (1.0.0: 20), the battery allocation of docs/battery-allocation.md; the generator, timing and scorer are unchanged.',
    }),
  ],
});
