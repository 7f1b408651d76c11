import type { LogEvent } from '../../src/log/events.ts';
import { pairTrials, type TrialRecord } from '../../src/log/trials.ts';
import type { GameScore, MetricDefinition, MetricValue, QualityFlag } from '../../src/runtime/game-contract.ts';
import { mean, median, round, sd } from '../../src/lib/stats.ts';
import { REACTION_ID, type Condition, type ReactionDesign, type ReactionTrial } from './design.ts';
import { answerInWindow, PLAY_FLAG_CODES, playFlags, practiceRatePassed } from '../kit/scoring.ts';

export const REACTION_SCORER_VERSION = '1.1.0';

/** Responses faster than this are anticipations, not reactions (Whelan 2008; the usual 100 ms floor). */
export const ANTICIPATION_MS = 100;
/** A response this slow counts as a lapse: 500 ms for simple RT as in the PVT (Dinges & Powell 1985), 1000 ms for choice. */
export const LAPSE_MS: Record<Condition, number> = { simple: 500, choice: 1000 };
/** Fewer correct, non-anticipatory RTs than this and the RT metrics of a condition are not computable. */
export const MIN_RTS = 5;

const conditions: Condition[] = ['simple', 'choice'];

/** Every flag code the scorer raises (its flags are typed against this list; the manifest carries it). */
export const REACTION_FLAG_CODES = [...conditions.map((c) => `${c}.many-anticipations` as const), ...PLAY_FLAG_CODES];
type ReactionFlagCode = (typeof REACTION_FLAG_CODES)[number];

export const REACTION_METRICS: MetricDefinition[] = conditions.flatMap((c): MetricDefinition[] => [
  {
    id: `${c}.median_rt`,
    unit: 'ms',
    direction: 'lower-is-better',
    definition: `Median RT of correct ${c}-RT test responses at or above ${ANTICIPATION_MS} ms (RT = input event.timeStamp − target onset).`,
  },
  {
    id: `${c}.mean_speed`,
    unit: '1/s',
    direction: 'higher-is-better',
    definition: `Mean of 1000/RT over the same responses as the median: speed in responses per second, robust to slow outliers.`,
  },
  {
    id: `${c}.rt_sd`,
    unit: 'ms',
    direction: 'lower-is-better',
    definition: `Sample SD (n − 1) of the same RTs: intra-individual variability.`,
  },
  {
    id: `${c}.accuracy`,
    unit: 'proportion',
    direction: 'higher-is-better',
    definition: `Correct responses (right side for choice, any response for simple) at or above ${ANTICIPATION_MS} ms and within the response window (1500 ms; a later answer counts as none), divided by all completed ${c}-RT test trials.`,
  },
  {
    id: `${c}.anticipations`,
    unit: 'count',
    direction: 'lower-is-better',
    definition: `Test trials answered before the target or less than ${ANTICIPATION_MS} ms after it.`,
  },
  {
    id: `${c}.lapses`,
    unit: 'count',
    direction: 'lower-is-better',
    definition: `Test trials without a response in the window, or with a first response at or after ${LAPSE_MS[c]} ms.`,
  },
]);

interface TrialOutcome {
  rt: number | null;
  correct: boolean;
  anticipation: boolean;
  lapse: boolean;
}

/** Classifies one trial by its first response; exported for the live feedback and for tests. */
export function outcomeOf(trial: TrialRecord, expected: string, condition: Condition, windowMs = Infinity): TrialOutcome {
  const first = answerInWindow(trial, windowMs);
  if (!first || first.rt === null) {
    // No answer, or an answer before any target was shown.
    const premature = trial.endReason === 'premature' || (first !== undefined && first.rt === null);
    return { rt: null, correct: false, anticipation: premature, lapse: !premature };
  }
  const anticipation = first.rt < ANTICIPATION_MS;
  return {
    rt: first.rt,
    correct: !anticipation && first.value === expected,
    anticipation,
    lapse: first.rt >= LAPSE_MS[condition],
  };
}

export function expectedResponse(condition: Condition, side: string): string {
  return condition === 'simple' ? 'any' : side;
}

/** Practice passes with two thirds of its trials answered correctly and not too early (2 of 3 simple, 3 of 4 choice). */
export const PRACTICE_PASS_RATE = 2 / 3;

/** Whether a practice attempt met its pass rate; `trials` are the attempt's completed trials. */
export function practicePassed(design: ReactionDesign, block: number, trials: readonly TrialRecord[]): boolean {
  const correct = (t: TrialRecord, spec: ReactionTrial) => outcomeOf(t, expectedResponse(spec.condition, spec.side), spec.condition, spec.windowMs).correct;
  return practiceRatePassed(design, block, trials, PRACTICE_PASS_RATE, correct);
}

/** `(design, events) → metrics` for Reaction. Pure and deterministic; every rule is in REACTION_METRICS. */
export function scoreReaction(design: ReactionDesign, events: readonly LogEvent[]): GameScore {
  const trials = pairTrials(events, REACTION_ID).filter((t) => t.kind === 'test');
  const metrics: Record<string, MetricValue> = {};
  const flags: QualityFlag<ReactionFlagCode>[] = [];

  for (const c of conditions) {
    const mine = trials.filter((t) => design.blocks[t.block]?.trials[t.trial]?.condition === c);
    const outcomes = mine.map((t) => {
      const spec = design.blocks[t.block]?.trials[t.trial];
      return outcomeOf(t, expectedResponse(c, spec?.side ?? 'center'), c, spec?.windowMs);
    });
    const rts = outcomes.filter((o) => o.correct && o.rt !== null).map((o) => o.rt as number);
    const notEnough = { value: null, reason: `fewer than ${MIN_RTS} correct responses (${rts.length})` } as const;
    const noTrials = { value: null, reason: 'no completed test trials' } as const;
    const rtSd = sd(rts);

    metrics[`${c}.median_rt`] = rts.length >= MIN_RTS ? { value: round(median(rts)) } : notEnough;
    metrics[`${c}.mean_speed`] = rts.length >= MIN_RTS ? { value: round(mean(rts.map((rt) => 1000 / rt)), 4) } : notEnough;
    metrics[`${c}.rt_sd`] = rts.length >= MIN_RTS && rtSd !== null ? { value: round(rtSd) } : notEnough;
    metrics[`${c}.accuracy`] = mine.length > 0 ? { value: round(outcomes.filter((o) => o.correct).length / mine.length, 4) } : noTrials;
    metrics[`${c}.anticipations`] = mine.length > 0 ? { value: outcomes.filter((o) => o.anticipation).length } : noTrials;
    metrics[`${c}.lapses`] = mine.length > 0 ? { value: outcomes.filter((o) => o.lapse).length } : noTrials;

    const anticipations = outcomes.filter((o) => o.anticipation).length;
    if (mine.length > 0 && anticipations / mine.length > 0.2) {
      flags.push({
        code: `${c}.many-anticipations`,
        detail: `${anticipations} of ${mine.length} ${c}-RT trials answered before or within ${ANTICIPATION_MS} ms of the target.`,
        values: { count: anticipations, total: mine.length },
      });
    }
  }

  flags.push(...playFlags(events, REACTION_ID, design, 'the target was shown'));

  return { game: REACTION_ID, gameVersion: design.version, scorerVersion: REACTION_SCORER_VERSION, metrics, flags, trials: trials.length };
}
