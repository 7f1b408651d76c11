import type { LogEvent } from '../../src/log/events.ts';
import { pairTrials, type TrialRecord } from '../../src/log/trials.ts';
import type { GameScore, MetricDefinition, MetricValue, QualityFlag } from '../../src/runtime/game-contract.ts';
import { round } from '../../src/lib/stats.ts';
import { PLAY_FLAG_CODES, playFlags } from '../kit/scoring.ts';
import { OPTIONS, P_BEST, P_OTHER, PHASE_TRIALS, REVERSAL_ID, REVERSAL_VERSION, type ReversalDesign } from './design.ts';
import { type LearningTrial, learningMetrics } from './learning.ts';
import { byIndex, latestAttempt } from './play.ts';

export const REVERSAL_SCORER_VERSION = '2.0.0';

/** Above this share of missed test trials the metrics rest on too little behaviour: flagged. */
export const MAX_OMISSION_RATE = 0.1;
/** One place chosen on more than this share of answered test trials: the best option was not followed (it moves). */
export const POSITION_BIAS_RATE = 0.9;

/** Every flag code the scorer raises (its flags are typed against this list; the manifest carries it). */
export const REVERSAL_FLAG_CODES = [
  'incomplete-block',
  'missing-trials',
  'contingency-mismatch',
  'many-omissions',
  'position-bias',
  ...PLAY_FLAG_CODES,
] as const;
type ReversalFlagCode = (typeof REVERSAL_FLAG_CODES)[number];

const task = `three options at fixed places; the best pays with p = ${P_BEST}, the other two with p = ${P_OTHER}; the best moves to another option every ${PHASE_TRIALS} test trials, whatever the candidate does`;

export const REVERSAL_METRICS: MetricDefinition[] = [
  {
    id: 'win_stay',
    unit: 'proportion',
    direction: 'higher-is-better',
    definition: `Over pairs of consecutive test trials that both have a choice and whose first choice paid: the proportion in which the second trial chose the same option (P(stay | rewarded)); ${task}. Higher is better: in the sciops sample it goes with choosing the best option (r = .54).`,
  },
  {
    id: 'lose_shift',
    unit: 'proportion',
    direction: 'neither',
    definition:
      'Over pairs of consecutive test trials that both have a choice and whose first choice did not pay: the proportion in which the second trial chose another option (P(switch | not rewarded)). No direction: the best option also fails on one trial in five.',
  },
  {
    id: 'best_choice_rate',
    unit: 'proportion',
    direction: 'higher-is-better',
    definition:
      'Test trials on which the option that was best on that trial was chosen, divided by all completed test trials (a trial without a choice counts as not best).',
  },
  {
    id: 'perseverative_errors',
    unit: 'trials',
    direction: 'lower-is-better',
    definition:
      'Mean, over the moves of the best option, of the number of consecutive choices of the previously-best option from the first trial after the move until the first choice of another option (or the end of the block); trials without a choice are skipped, neither counted nor ending the run.',
  },
];

/** The test trials of a design's test blocks as the learning metrics read them; `block` numbers the phases from 1. */
function learningTrials(
  design: ReversalDesign,
  all: readonly TrialRecord[],
): { trials: LearningTrial[]; flags: QualityFlag<ReversalFlagCode>[]; completed: number; omissions: number } {
  const trials: LearningTrial[] = [];
  const flags: QualityFlag<ReversalFlagCode>[] = [];
  let completed = 0;
  let omissions = 0;
  design.blocks.forEach((spec, b) => {
    if (spec.kind !== 'test') return;
    const mine = latestAttempt(
      all.filter((t) => t.kind === 'test'),
      b,
    );
    if (mine.length === 0) return;
    const last = mine.reduce((m, t) => Math.max(m, t.trial + 1), 0);
    const { records, choices } = byIndex(mine, last);
    const missing: number[] = [];
    const wrong: number[] = [];
    records.forEach((r, i) => {
      const t = spec.trials[i];
      if (!t) return;
      const choice = choices[i] ?? null;
      const reward = choice !== null && t.pays[choice] ? 1 : 0;
      if (!r) missing.push(i);
      else {
        completed++;
        if (choice === null) omissions++;
        const logged = r.params;
        if ((logged['best'] !== undefined && logged['best'] !== t.best) || (logged['reward'] !== undefined && logged['reward'] !== reward)) wrong.push(i);
      }
      // A trial missing from the log is left out (and flagged): no choice is invented for it.
      if (r) trials.push({ block: Math.floor(i / PHASE_TRIALS) + 1, best: t.best, choice, reward });
    });
    if (last < spec.trials.length) {
      flags.push({
        code: 'incomplete-block',
        detail: `Block ${b}: ${last} of ${spec.trials.length} test trials were played.`,
        values: { block: b, count: last, total: spec.trials.length },
      });
    }
    if (missing.length > 0) {
      flags.push({
        code: 'missing-trials',
        detail: `Block ${b}: trial(s) ${missing.join(', ')} are not in the log; they were left out.`,
        values: { block: b, count: missing.length },
      });
    }
    if (wrong.length > 0) {
      flags.push({
        code: 'contingency-mismatch',
        detail: `Block ${b}: on trial(s) ${wrong.join(', ')} the best option or reward the scene logged differs from the design; the design's is scored.`,
        values: { block: b, count: wrong.length },
      });
    }
  });
  return { trials, flags, completed, omissions };
}

/** `(design, events) → metrics` for Coin hunt. Pure and deterministic; every rule is in REVERSAL_METRICS. */
export function scoreReversal(design: ReversalDesign, events: readonly LogEvent[]): GameScore {
  const { trials, flags, completed, omissions } = learningTrials(design, pairTrials(events, REVERSAL_ID));
  const m = learningMetrics(trials);
  const metrics: Record<string, MetricValue> = {};
  const none = (reason: string) => (completed === 0 ? { value: null, reason: 'no completed test trials' } : { value: null, reason });
  const value = (x: number | null, digits: number, reason: string): MetricValue => (x === null ? none(reason) : { value: round(x, digits) });
  metrics['win_stay'] = value(m.win_stay, 4, 'no rewarded choice followed by another choice');
  metrics['lose_shift'] = value(m.lose_shift, 4, 'no unrewarded choice followed by another choice');
  metrics['best_choice_rate'] = value(m.best_choice_rate, 4, 'no completed test trials');
  metrics['perseverative_errors'] = value(m.perseverative_errors, 2, 'the best option never moved within the trials played');

  if (completed > 0 && omissions / completed > MAX_OMISSION_RATE) {
    flags.push({
      code: 'many-omissions',
      detail: `${omissions} of ${completed} test trials had no choice in time.`,
      values: { count: omissions, total: completed },
    });
  }
  const answered = trials.filter((t) => t.choice !== null);
  const most = Math.max(0, ...OPTIONS.map((o) => answered.filter((t) => t.choice === o).length));
  if (answered.length >= PHASE_TRIALS && most / answered.length > POSITION_BIAS_RATE) {
    flags.push({
      code: 'position-bias',
      detail: `${most} of ${answered.length} choices were of the same place although the best option moved: the candidate may not have played for coins.`,
      values: { count: most, total: answered.length },
    });
  }
  flags.push(...playFlags(events, REVERSAL_ID, design, 'the options were shown'));
  return { game: REVERSAL_ID, gameVersion: REVERSAL_VERSION, scorerVersion: REVERSAL_SCORER_VERSION, metrics, flags, trials: completed };
}

/** Coin hunt 2.0.0 has no practice block (as the sciops task it is normed on): there is no criterion to fail. */
export function practicePassed(): boolean {
  return true;
}
