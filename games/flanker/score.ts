import type { LogEvent } from '../../src/log/events.ts';
import { pairTrials, type TrialRecord } from '../../src/log/trials.ts';
import type { GameScore, MetricDefinition, MetricValue, QualityFlag } from '../../src/runtime/game-contract.ts';
import { median, round } from '../../src/lib/stats.ts';
import { FLANKER_ID, type Condition, type Direction, type FlankerDesign, type FlankerTrial } from './design.ts';
import { answerInWindow, PLAY_FLAG_CODES, playFlags, practiceRatePassed } from '../kit/scoring.ts';

export const FLANKER_SCORER_VERSION = '1.1.0';

/** A first response faster than this after the arrows' onset is an anticipation, not a choice (usual choice-RT floor). */
export const ANTICIPATION_MS = 150;
/** Fewer correct RTs than this in a condition and its RT metrics are not computable. */
export const MIN_RTS = 5;
/**
 * The NIH-Toolbox-style combined score: above this accuracy the RT score is added; at or below it the score is
 * accuracy only (speed means little when most answers are wrong).
 */
export const NIH_ACCURACY_THRESHOLD = 0.8;
/** RT range of the RT score: the median is clamped to it, then log-rescaled to 5 (fastest) … 0 (slowest). */
export const NIH_RT_RANGE_MS = { min: 500, max: 3000 } as const;

const conditions: Condition[] = ['congruent', 'incongruent'];

/** Every flag code the scorer raises (its flags are typed against this list; the manifest carries it). */
export const FLANKER_FLAG_CODES = ['no-responses', 'many-anticipations', 'many-omissions', 'near-chance', 'practice-not-passed', ...PLAY_FLAG_CODES] as const;
type FlankerFlagCode = (typeof FLANKER_FLAG_CODES)[number];

const RT = `RT = input event.timeStamp − onset of the five arrows (one frame shows target and flankers together)`;
const CORRECT = `a test trial is correct when its first response comes after the arrows, at least ${ANTICIPATION_MS} ms after their onset and within the response window, and names the middle arrow's direction`;

export const FLANKER_METRICS: MetricDefinition[] = [
  {
    id: 'conflict_rt',
    unit: 'ms',
    direction: 'lower-is-better',
    definition: `Conflict effect: median RT of correct incongruent test trials minus median RT of correct congruent test trials (${RT}; ${CORRECT}). Not computable with fewer than ${MIN_RTS} correct trials in either condition.`,
  },
  {
    id: 'median_rt',
    unit: 'ms',
    direction: 'lower-is-better',
    definition: `Median RT of all correct test trials, both conditions (${RT}). Not computable with fewer than ${MIN_RTS} correct trials.`,
  },
  ...conditions.map(
    (c): MetricDefinition => ({
      id: `median_rt_${c}`,
      unit: 'ms',
      direction: 'lower-is-better',
      definition: `Median RT of correct ${c} test trials. Not computable with fewer than ${MIN_RTS} of them.`,
    }),
  ),
  {
    id: 'accuracy',
    unit: 'proportion',
    direction: 'higher-is-better',
    definition: `Correct test trials divided by all completed test trials (${CORRECT}; a trial without an answer, answered before the arrows or answered wrongly is not correct). Not computable when no test trial has any response.`,
  },
  ...conditions.map(
    (c): MetricDefinition => ({
      id: `accuracy_${c}`,
      unit: 'proportion',
      direction: 'higher-is-better',
      definition: `Correct ${c} test trials divided by all completed ${c} test trials. Not computable without completed ${c} trials, or when no test trial has any response.`,
    }),
  ),
  {
    id: 'conflict_accuracy',
    unit: 'proportion',
    direction: 'lower-is-better',
    definition: 'accuracy_congruent minus accuracy_incongruent (both unrounded): the errors the flankers cause.',
  },
  {
    id: 'nih_style_score',
    unit: 'points',
    direction: 'higher-is-better',
    definition:
      `Combined accuracy-and-speed score, 0–10, in the spirit of the NIH Toolbox Flanker "two-vector" score (Zelazo et al., NIH Toolbox Technical Manual), NOT the official normed NIH score: ` +
      `accuracy score = 5 × accuracy (all completed test trials, both conditions); if accuracy > ${NIH_ACCURACY_THRESHOLD}, add the RT score = 5 − 5 × (ln RT − ln ${NIH_RT_RANGE_MS.min}) / (ln ${NIH_RT_RANGE_MS.max} − ln ${NIH_RT_RANGE_MS.min}), ` +
      `where RT is the median RT of correct incongruent test trials clamped to ${NIH_RT_RANGE_MS.min}–${NIH_RT_RANGE_MS.max} ms; otherwise the score is the accuracy score alone. ` +
      `The NIH Toolbox uses its own trials (fewer, mostly congruent), its own RT inclusion rules and age norms, so the numbers are not interchangeable. ` +
      `Not computable without completed trials of both conditions, when no test trial has any response, or when the RT score is needed and fewer than ${MIN_RTS} incongruent trials are correct.`,
  },
  {
    id: 'anticipations',
    unit: 'count',
    direction: 'lower-is-better',
    definition: `Test trials whose first response came before the arrows or less than ${ANTICIPATION_MS} ms after their onset.`,
  },
  {
    id: 'omissions',
    unit: 'count',
    direction: 'lower-is-better',
    definition: 'Test trials that ended without a response within the response window.',
  },
];

export interface TrialOutcome {
  rt: number | null;
  correct: boolean;
  anticipation: boolean;
  omission: boolean;
}

/** Classifies one trial by its first response; exported for the live feedback, practice judging and tests. */
export function outcomeOf(trial: TrialRecord, target: Direction, windowMs = Infinity): TrialOutcome {
  const first = answerInWindow(trial, windowMs);
  if (!first) return { rt: null, correct: false, anticipation: false, omission: true };
  // rt is null when the trial never showed its arrows: the answer came during the fixation cross.
  if (first.rt === null || first.rt < ANTICIPATION_MS) return { rt: first.rt, correct: false, anticipation: true, omission: false };
  return { rt: first.rt, correct: first.value === target, anticipation: false, omission: false };
}

/** The NIH-style combined score from its inputs (unrounded); exported so tests can check the formula on its own. */
export function nihStyleScore(accuracy: number, incongruentMedianRt: number | null): number | null {
  const accuracyScore = 5 * accuracy;
  if (accuracy <= NIH_ACCURACY_THRESHOLD) return accuracyScore;
  if (incongruentMedianRt === null) return null;
  const { min, max } = NIH_RT_RANGE_MS;
  const rt = Math.min(max, Math.max(min, incongruentMedianRt));
  return accuracyScore + 5 - (5 * (Math.log(rt) - Math.log(min))) / (Math.log(max) - Math.log(min));
}

/** Practice passes with at least three quarters of its trials answered correctly (6 of 8). */
export const PRACTICE_PASS_RATE = 3 / 4;

/** Whether a practice attempt met its pass criterion; `trials` are the attempt's completed trials. */
export function practicePassed(design: FlankerDesign, block: number, trials: readonly TrialRecord[]): boolean {
  const correct = (t: TrialRecord, spec: FlankerTrial) => t.block === block && outcomeOf(t, spec.target, spec.windowMs).correct;
  return practiceRatePassed(design, block, trials, PRACTICE_PASS_RATE, correct);
}

interface Classified {
  condition: Condition;
  outcome: TrialOutcome;
  responded: boolean;
}

/** `(design, events) → metrics` for Flanker. Pure and deterministic; every rule is in FLANKER_METRICS. */
export function scoreFlanker(design: FlankerDesign, events: readonly LogEvent[]): GameScore {
  const trials = pairTrials(events, FLANKER_ID).filter((t) => t.kind === 'test');
  const classified: Classified[] = [];
  for (const t of trials) {
    const spec = design.blocks[t.block]?.trials[t.trial];
    if (!spec) continue; // a trial the design does not hold cannot be judged
    classified.push({
      condition: spec.condition,
      outcome: outcomeOf(t, spec.target, spec.windowMs),
      responded: t.responses.length > 0 && (t.responses[0]?.rt ?? 0) <= spec.windowMs,
    });
  }

  const metrics: Record<string, MetricValue> = {};
  const flags: QualityFlag<FlankerFlagCode>[] = [];
  const na = (reason: string): MetricValue => ({ value: null, reason });
  const rtsOf = (list: Classified[]) => list.filter((c) => c.outcome.correct && c.outcome.rt !== null).map((c) => c.outcome.rt as number);
  const medianOrNa = (rts: number[]): MetricValue =>
    rts.length >= MIN_RTS ? { value: round(median(rts)) } : na(`fewer than ${MIN_RTS} correct responses (${rts.length})`);
  const proportion = (list: Classified[]) => list.filter((c) => c.outcome.correct).length / list.length;

  const byCondition = {
    congruent: classified.filter((c) => c.condition === 'congruent'),
    incongruent: classified.filter((c) => c.condition === 'incongruent'),
  };
  const rts = { all: rtsOf(classified), congruent: rtsOf(byCondition.congruent), incongruent: rtsOf(byCondition.incongruent) };
  const anyResponse = classified.some((c) => c.responded);
  const noTrials = classified.length === 0;
  const noResponse = 'no response in any test trial';

  // RT metrics
  metrics['conflict_rt'] =
    rts.congruent.length >= MIN_RTS && rts.incongruent.length >= MIN_RTS
      ? { value: round(median(rts.incongruent) - median(rts.congruent)) }
      : na(`fewer than ${MIN_RTS} correct responses in a condition (congruent ${rts.congruent.length}, incongruent ${rts.incongruent.length})`);
  metrics['median_rt'] = medianOrNa(rts.all);
  for (const c of conditions) metrics[`median_rt_${c}`] = medianOrNa(rts[c]);

  // Accuracy metrics
  metrics['accuracy'] = noTrials ? na('no completed test trials') : !anyResponse ? na(noResponse) : { value: round(proportion(classified), 4) };
  for (const c of conditions) {
    metrics[`accuracy_${c}`] =
      byCondition[c].length === 0 ? na(`no completed ${c} test trials`) : !anyResponse ? na(noResponse) : { value: round(proportion(byCondition[c]), 4) };
  }
  const bothConditions = byCondition.congruent.length > 0 && byCondition.incongruent.length > 0;
  metrics['conflict_accuracy'] = !bothConditions
    ? na('needs completed test trials of both conditions')
    : !anyResponse
      ? na(noResponse)
      : { value: round(proportion(byCondition.congruent) - proportion(byCondition.incongruent), 4) };

  // Combined score
  if (!bothConditions) metrics['nih_style_score'] = na('needs completed test trials of both conditions');
  else if (!anyResponse) metrics['nih_style_score'] = na(noResponse);
  else {
    const accuracy = proportion(classified);
    const score = nihStyleScore(accuracy, rts.incongruent.length >= MIN_RTS ? median(rts.incongruent) : null);
    metrics['nih_style_score'] =
      score === null
        ? na(
            `accuracy is above ${NIH_ACCURACY_THRESHOLD}, but fewer than ${MIN_RTS} incongruent trials are correct (${rts.incongruent.length}) for the RT score`,
          )
        : { value: round(score) };
  }

  // Counts
  const anticipations = classified.filter((c) => c.outcome.anticipation).length;
  const omissions = classified.filter((c) => c.outcome.omission).length;
  metrics['anticipations'] = noTrials ? na('no completed test trials') : { value: anticipations };
  metrics['omissions'] = noTrials ? na('no completed test trials') : { value: omissions };

  // Quality flags: facts a coach should see next to the numbers, never changes to them.
  const n = classified.length;
  if (n > 0 && !anyResponse) flags.push({ code: 'no-responses', detail: `None of the ${n} test trials was answered.`, values: { total: n } });
  if (n > 0 && anticipations / n > 0.1) {
    flags.push({
      code: 'many-anticipations',
      detail: `${anticipations} of ${n} test trials were answered before the arrows or within ${ANTICIPATION_MS} ms of them.`,
      values: { count: anticipations, total: n },
    });
  }
  if (n > 0 && anyResponse && omissions / n > 0.2)
    flags.push({ code: 'many-omissions', detail: `${omissions} of ${n} test trials were not answered in time.`, values: { count: omissions, total: n } });
  if (n > 0 && anyResponse && proportion(classified) <= 0.6) {
    flags.push({
      code: 'near-chance',
      detail: `Accuracy ${round(proportion(classified), 4)} is close to or below guessing (0.5): the answers may not follow the rule.`,
      values: { count: classified.filter((c) => c.outcome.correct).length, total: n },
    });
  }
  const lastPractice = new Map<number, boolean | undefined>();
  for (const e of events)
    if (e.type === 'block-end' && e.game === FLANKER_ID && design.blocks[e.block]?.kind === 'practice') lastPractice.set(e.block, e.passed);
  for (const [block, passed] of lastPractice) {
    if (passed === false)
      flags.push({
        code: 'practice-not-passed',
        detail: `The last attempt at the practice (block ${block}) did not meet its pass criterion.`,
        values: { block },
      });
  }
  flags.push(...playFlags(events, FLANKER_ID, design, 'the arrows were shown'));

  return { game: FLANKER_ID, gameVersion: design.version, scorerVersion: FLANKER_SCORER_VERSION, metrics, flags, trials: n };
}
