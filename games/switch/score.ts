import type { LogEvent } from '../../src/log/events.ts';
import { pairTrials, type TrialRecord } from '../../src/log/trials.ts';
import type { GameScore, MetricDefinition, MetricValue, QualityFlag } from '../../src/runtime/game-contract.ts';
import { median, round } from '../../src/lib/stats.ts';
import { SWITCH_ID, type SwitchDesign, type SwitchTrial, type Transition } from './design.ts';
import { PLAY_FLAG_CODES, playFlags } from '../kit/scoring.ts';

export const SWITCH_SCORER_VERSION = '1.1.0';

/** Answers faster than this after the target are anticipations, not choices (the battery's usual 100 ms floor). */
export const ANTICIPATION_MS = 100;
/** Fewer correct RTs than this in a trial type and the RT metrics that need it are not computable. */
export const MIN_RTS = 5;
/** Below this accuracy over the scored test trials (chance is 0.5) the rules were probably not followed. */
export const LOW_ACCURACY = 0.6;
/** Above this share of unanswered scored test trials the RT metrics rest on too little. */
export const MANY_OMISSIONS = 0.2;

/** Every flag code the scorer raises (its flags are typed against this list; the manifest carries it). */
export const SWITCH_FLAG_CODES = ['low-accuracy', 'many-omissions', 'practice-not-passed', ...PLAY_FLAG_CODES] as const;
type SwitchFlagCode = (typeof SWITCH_FLAG_CODES)[number];

const SCORED = 'test-block trials except the first trial of each block (no previous rule: neither a repeat nor a switch)';
const CORRECT_RT = `RT (input event.timeStamp − target onset) of correct answers: the first answer of the trial, on the side the cued rule asks for, at or above ${ANTICIPATION_MS} ms and within the response window`;

export const SWITCH_METRICS: MetricDefinition[] = [
  {
    id: 'switch_cost_rt',
    unit: 'ms',
    direction: 'lower-is-better',
    definition: `Median ${CORRECT_RT}, on switch trials (rule differs from the previous trial's) minus the same median on repeat trials (same rule), both in the mixed test block; ${SCORED}. Not computable with fewer than ${MIN_RTS} correct RTs in either type. Includes the cue change (one cue per rule). A difference score with very low test–retest reliability: report it, do not build a profile on it alone.`,
  },
  {
    id: 'mixing_cost_rt',
    unit: 'ms',
    direction: 'lower-is-better',
    definition: `Median ${CORRECT_RT}, on repeat trials of the mixed test block minus the same median over the trials of both single-rule test blocks pooled; ${SCORED}. Not computable with fewer than ${MIN_RTS} correct RTs in either set.`,
  },
  {
    id: 'accuracy_single',
    unit: 'proportion',
    direction: 'higher-is-better',
    definition: `Correct answers (first answer on the side the rule asks for, at or above ${ANTICIPATION_MS} ms, within the window) divided by all completed trials of the two single-rule test blocks; ${SCORED}. Unanswered and too-early trials count as wrong.`,
  },
  {
    id: 'accuracy_repeat',
    unit: 'proportion',
    direction: 'higher-is-better',
    definition: `Correct answers (same rule as accuracy_single) divided by all completed repeat trials of the mixed test block; ${SCORED}.`,
  },
  {
    id: 'accuracy_switch',
    unit: 'proportion',
    direction: 'higher-is-better',
    definition: `Correct answers (same rule as accuracy_single) divided by all completed switch trials of the mixed test block; ${SCORED}.`,
  },
  {
    id: 'median_rt',
    unit: 'ms',
    direction: 'lower-is-better',
    definition: `Median ${CORRECT_RT}, over repeat and switch trials of the mixed test block together; ${SCORED}. Not computable with fewer than ${MIN_RTS} correct RTs.`,
  },
  {
    id: 'composite',
    unit: '1/s',
    direction: 'higher-is-better',
    definition: `Rate-correct score (Woltz & Was 2006; Vandierendonck 2017) over every completed repeat and switch trial of the mixed test block (${SCORED}): the number of correct answers divided by the total answering time in seconds, where a trial's answering time is the RT of its first answer clamped to 0…window, and the full response window for a trial without an answer or answered before the target. Correct answers per second of work under changing rules. It pools speed and accuracy over all mixed trials instead of subtracting two noisy conditions, so it does not inherit the very low test–retest reliability of the switch cost (.08 in the Self-Regulation Ontology retest data; Enkavi et al. 2019), and a speed–accuracy trade-off cannot improve it for free. This is the game's headline score.`,
  },
];

export interface TrialOutcome {
  /** ms from target onset to the first answer; null without an answer after a target. */
  rt: number | null;
  correct: boolean;
  answered: boolean;
  /** Answered before the target, or less than ANTICIPATION_MS after it. */
  early: boolean;
  /** Time the trial counts for in the rate-correct score (ms). */
  chargedMs: number;
}

/** Classifies one trial by its first answer; exported for practice scoring and tests. */
export function outcomeOf(trial: TrialRecord, spec: SwitchTrial): TrialOutcome {
  const first = trial.responses[0];
  if (!first) return { rt: null, correct: false, answered: false, early: false, chargedMs: spec.windowMs };
  if (first.rt === null) return { rt: null, correct: false, answered: true, early: true, chargedMs: spec.windowMs };
  const early = first.rt < ANTICIPATION_MS;
  const inWindow = first.rt <= spec.windowMs;
  return {
    rt: first.rt,
    correct: !early && inWindow && first.value === spec.correct,
    answered: true,
    early,
    chargedMs: Math.min(spec.windowMs, Math.max(0, first.rt)),
  };
}

interface Scored {
  spec: SwitchTrial;
  outcome: TrialOutcome;
}

const correctRts = (set: readonly Scored[]): number[] => set.filter((s) => s.outcome.correct && s.outcome.rt !== null).map((s) => s.outcome.rt as number);

/** `(design, events) → metrics` for Switch. Pure and deterministic; every rule is in SWITCH_METRICS. */
export function scoreSwitch(design: SwitchDesign, events: readonly LogEvent[]): GameScore {
  const scored: Scored[] = [];
  for (const t of pairTrials(events, SWITCH_ID)) {
    const spec = design.blocks[t.block]?.trials[t.trial];
    if (t.kind !== 'test' || !spec || spec.transition === 'first') continue;
    scored.push({ spec, outcome: outcomeOf(t, spec) });
  }
  const of = (...types: Transition[]) => scored.filter((s) => types.includes(s.spec.transition));
  const single = of('single');
  const repeat = of('repeat');
  const switched = of('switch');
  const mixed = of('repeat', 'switch');

  const metrics: Record<string, MetricValue> = {
    switch_cost_rt: medianDifference(switched, repeat, 'switch', 'repeat'),
    mixing_cost_rt: medianDifference(repeat, single, 'repeat', 'single-rule'),
    accuracy_single: accuracy(single, 'single-rule'),
    accuracy_repeat: accuracy(repeat, 'repeat'),
    accuracy_switch: accuracy(switched, 'switch'),
    median_rt: medianRt(mixed),
    composite: rateCorrect(mixed),
  };

  return {
    game: SWITCH_ID,
    gameVersion: design.version,
    scorerVersion: SWITCH_SCORER_VERSION,
    metrics,
    flags: qualityFlags(design, events, scored),
    trials: scored.length,
  };
}

function accuracy(set: readonly Scored[], label: string): MetricValue {
  if (set.length === 0) return { value: null, reason: `no completed ${label} test trials` };
  return { value: round(set.filter((s) => s.outcome.correct).length / set.length, 4) };
}

function medianRt(set: readonly Scored[]): MetricValue {
  const rts = correctRts(set);
  if (rts.length < MIN_RTS) return { value: null, reason: `fewer than ${MIN_RTS} correct mixed-block responses (${rts.length})` };
  return { value: round(median(rts)) };
}

function medianDifference(a: readonly Scored[], b: readonly Scored[], aLabel: string, bLabel: string): MetricValue {
  const ra = correctRts(a);
  const rb = correctRts(b);
  if (ra.length < MIN_RTS) return { value: null, reason: `fewer than ${MIN_RTS} correct ${aLabel} responses (${ra.length})` };
  if (rb.length < MIN_RTS) return { value: null, reason: `fewer than ${MIN_RTS} correct ${bLabel} responses (${rb.length})` };
  return { value: round(median(ra) - median(rb)) };
}

/** The rate-correct score of `composite`; exported so the same rule scores reference data (SRO cued task switching). */
export function rateCorrect(set: readonly { outcome: TrialOutcome }[]): MetricValue {
  if (set.length === 0) return { value: null, reason: 'no completed mixed-block test trials' };
  const seconds = set.reduce((sum, s) => sum + s.outcome.chargedMs, 0) / 1000;
  if (seconds <= 0) return { value: null, reason: 'no answering time (every answer at or before the target onset)' };
  return { value: round(set.filter((s) => s.outcome.correct).length / seconds, 4) };
}

function qualityFlags(design: SwitchDesign, events: readonly LogEvent[], scored: readonly Scored[]): QualityFlag<SwitchFlagCode>[] {
  const flags: QualityFlag<SwitchFlagCode>[] = [];
  if (scored.length > 0) {
    const correct = scored.filter((s) => s.outcome.correct).length;
    if (correct / scored.length < LOW_ACCURACY) {
      flags.push({
        code: 'low-accuracy',
        detail: `${correct} of ${scored.length} scored test trials correct (chance is half): the rules were probably not followed, so the RT metrics say little.`,
        values: { count: correct, total: scored.length },
      });
    }
    const unanswered = scored.filter((s) => !s.outcome.answered).length;
    if (unanswered / scored.length > MANY_OMISSIONS) {
      flags.push({
        code: 'many-omissions',
        detail: `${unanswered} of ${scored.length} scored test trials got no answer within the window.`,
        values: { count: unanswered, total: scored.length },
      });
    }
  }
  const lastPractice = new Map<number, boolean | undefined>();
  for (const e of events) {
    if (e.type === 'block-end' && e.game === SWITCH_ID && design.blocks[e.block]?.kind === 'practice') lastPractice.set(e.block, e.passed);
  }
  for (const [block, passed] of lastPractice) {
    if (passed === false)
      flags.push({
        code: 'practice-not-passed',
        detail: `Practice block ${block} (${design.blocks[block]?.demo ?? '?'} rule) did not meet its pass criterion on its last attempt; the game went on.`,
        values: { block },
      });
  }
  flags.push(...playFlags(events, SWITCH_ID, design, 'the target was shown'));
  return flags;
}
