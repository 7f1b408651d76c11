import type { LogEvent } from '../../../src/log/events.ts';
import { pairTrials, type TrialRecord } from '../../../src/log/trials.ts';
import type { GameScore, MetricDefinition, MetricValue, QualityFlag } from '../../../src/runtime/game-contract.ts';
import { round } from '../../../src/lib/stats.ts';
import { replayBlock, type TrialContingency } from './contingency.ts';
import { PLAY_FLAG_CODES, playFlags } from '../../kit/scoring.ts';
import {
  BEST_PAYS_PER_CHUNK,
  CRITERION_HITS,
  CRITERION_WINDOW,
  OUTCOME_CHUNK,
  REVERSAL_ID,
  REVERSAL_VERSION,
  type Option,
  type ReversalDesign,
  type ReversalTrial,
  type Side,
} from './design.ts';
import { blockPlay, latestAttempt, type BlockPlay } from './play.ts';
import { sideOf } from './responses.ts';

export const REVERSAL_SCORER_VERSION = '1.1.0';

/** Above this share of missed test trials the metrics rest on too little behaviour: flagged. */
export const MAX_OMISSION_RATE = 0.1;
/** Choosing one side on more than this share of answered test trials suggests playing the side, not the shapes. */
export const SIDE_BIAS_RATE = 0.9;

/** Every flag code this frozen scorer raises (its flags are typed against this list; the earlier-version entry carries it). */
export const REVERSAL_V1_FLAG_CODES = [
  'incomplete-block',
  'missing-trials',
  'contingency-mismatch',
  'many-omissions',
  'side-bias',
  'practice-failed',
  ...PLAY_FLAG_CODES,
] as const;
type FlagCode = (typeof REVERSAL_V1_FLAG_CODES)[number];

const criterion = `at least ${CRITERION_HITS} of the last ${CRITERION_WINDOW} test trials since the previous reversal (or the block start) chose the option that was best`;

export const REVERSAL_METRICS: MetricDefinition[] = [
  {
    id: 'reversals',
    unit: 'count',
    direction: 'higher-is-better',
    definition: `Number of times the learning criterion was met in the test block (${criterion}); each time, the better option (paying on ${BEST_PAYS_PER_CHUNK} of every ${OUTCOME_CHUNK} trials, the other on the remaining ${OUTCOME_CHUNK - BEST_PAYS_PER_CHUNK}) and the worse one swap without warning. A criterion met on the last trial counts.`,
  },
  {
    id: 'trials_to_first_criterion',
    unit: 'trials',
    direction: 'lower-is-better',
    definition: `Number of test trials up to and including the trial on which the learning criterion was first met (${CRITERION_HITS} at the fastest). Not computable when it was never met.`,
  },
  {
    id: 'perseverative_errors',
    unit: 'trials',
    direction: 'lower-is-better',
    definition:
      'Mean, over the reversals followed by at least one test trial, of the number of consecutive choices of the previously-best option from the first trial after the reversal until the first choice of the new best option (or the end of the block); trials without a choice are skipped, neither counted nor ending the run.',
  },
  {
    id: 'win_stay',
    unit: 'proportion',
    direction: 'neither',
    definition:
      'Over pairs of consecutive test trials that both have a choice and whose first choice paid: the proportion in which the second trial chose the same option (P(stay | rewarded)).',
  },
  {
    id: 'lose_shift',
    unit: 'proportion',
    direction: 'neither',
    definition:
      'Over pairs of consecutive test trials that both have a choice and whose first choice did not pay: the proportion in which the second trial chose the other option (P(switch | not rewarded)).',
  },
  {
    id: 'best_choice_rate',
    unit: 'proportion',
    direction: 'higher-is-better',
    definition:
      'Test trials on which the option that was best at that moment was chosen, divided by all completed test trials (a trial without a choice counts as not best).',
  },
];

interface Tally {
  trials: number;
  best: number;
  omissions: number;
  reversals: number;
  firstCriterion: number | null;
  perseverationRuns: number[];
  winPairs: number;
  winStays: number;
  losePairs: number;
  loseShifts: number;
  sides: Record<Side, number>;
}

function tallyBlock(specs: readonly ReversalTrial[], play: BlockPlay, into: Tally): TrialContingency[] {
  const replay = replayBlock(specs, play.choices);
  replay.forEach((c, i) => {
    const completed = play.records[i] !== undefined;
    if (completed) into.trials++;
    if (completed && c.choice === null) into.omissions++;
    if (c.choice !== null && c.choice === c.best) into.best++;
    if (c.choice !== null) {
      const spec = specs[i];
      if (spec) into.sides[sideOf(spec, c.choice)]++;
    }
    if (c.reversedAfter) {
      into.reversals++;
      if (into.firstCriterion === null) into.firstCriterion = i + 1;
      if (i + 1 < replay.length) into.perseverationRuns.push(perseverationRun(replay, i + 1, c.best));
    }
    const next = replay[i + 1];
    if (c.choice !== null && next && next.choice !== null) {
      if (c.reward === 1) {
        into.winPairs++;
        if (next.choice === c.choice) into.winStays++;
      } else {
        into.losePairs++;
        if (next.choice !== c.choice) into.loseShifts++;
      }
    }
  });
  return replay;
}

/** Consecutive choices of `oldBest` from trial `from`, skipping trials without a choice, until another choice. */
function perseverationRun(replay: readonly TrialContingency[], from: number, oldBest: Option): number {
  let n = 0;
  for (let i = from; i < replay.length; i++) {
    const choice = replay[i]?.choice ?? null;
    if (choice === null) continue;
    if (choice !== oldBest) break;
    n++;
  }
  return n;
}

/** Trials whose logged contingency (stimulus params `best`, `reward`) differs from the one recomputed from the design. */
function mismatches(play: BlockPlay, replay: readonly TrialContingency[]): number[] {
  return replay.flatMap((c, i) => {
    const params = play.records[i]?.params;
    if (!params) return [];
    const bestDiffers = params['best'] !== undefined && params['best'] !== c.best;
    const rewardDiffers = params['reward'] !== undefined && params['reward'] !== c.reward;
    return bestDiffers || rewardDiffers ? [i] : [];
  });
}

/** `(design, events) → metrics` for Reversal. Pure and deterministic; every rule is in REVERSAL_METRICS. */
export function scoreReversal(design: ReversalDesign, events: readonly LogEvent[]): GameScore {
  const all = pairTrials(events, REVERSAL_ID);
  const flags: QualityFlag<FlagCode>[] = [];
  const tally: Tally = {
    trials: 0,
    best: 0,
    omissions: 0,
    reversals: 0,
    firstCriterion: null,
    perseverationRuns: [],
    winPairs: 0,
    winStays: 0,
    losePairs: 0,
    loseShifts: 0,
    sides: { left: 0, right: 0 },
  };

  design.blocks.forEach((spec, b) => {
    if (spec.kind !== 'test') return;
    const play = blockPlay(
      latestAttempt(
        all.filter((t) => t.kind === 'test'),
        b,
      ),
    );
    if (play.records.length === 0) return;
    const replay = tallyBlock(spec.trials, play, tally);
    if (play.records.length < spec.trials.length) {
      flags.push({ code: 'incomplete-block', detail: `Block ${b}: ${play.records.length} of ${spec.trials.length} test trials were played.` });
    }
    if (play.missing.length > 0) {
      flags.push({ code: 'missing-trials', detail: `Block ${b}: trial(s) ${play.missing.join(', ')} are not in the log; they were scored as no choice.` });
    }
    const wrong = mismatches(play, replay);
    if (wrong.length > 0) {
      flags.push({
        code: 'contingency-mismatch',
        detail: `Block ${b}: on trial(s) ${wrong.join(', ')} the best option or reward the scene logged differs from the one recomputed from the design and the choices; the recomputed one is scored.`,
      });
    }
  });

  const metrics: Record<string, MetricValue> = {};
  const noTrials = { value: null, reason: 'no completed test trials' } as const;
  const has = tally.trials > 0;
  metrics['reversals'] = has ? { value: tally.reversals } : noTrials;
  metrics['trials_to_first_criterion'] = !has
    ? noTrials
    : tally.firstCriterion !== null
      ? { value: tally.firstCriterion }
      : { value: null, reason: `learning criterion never met in ${tally.trials} test trials` };
  metrics['perseverative_errors'] = !has
    ? noTrials
    : tally.perseverationRuns.length > 0
      ? { value: round(tally.perseverationRuns.reduce((a, b) => a + b, 0) / tally.perseverationRuns.length) }
      : { value: null, reason: 'no reversal followed by a test trial' };
  metrics['win_stay'] = !has
    ? noTrials
    : tally.winPairs > 0
      ? { value: round(tally.winStays / tally.winPairs, 4) }
      : { value: null, reason: 'no rewarded choice followed by another choice' };
  metrics['lose_shift'] = !has
    ? noTrials
    : tally.losePairs > 0
      ? { value: round(tally.loseShifts / tally.losePairs, 4) }
      : { value: null, reason: 'no unrewarded choice followed by another choice' };
  metrics['best_choice_rate'] = has ? { value: round(tally.best / tally.trials, 4) } : noTrials;

  if (has && tally.omissions / tally.trials > MAX_OMISSION_RATE) {
    flags.push({ code: 'many-omissions', detail: `${tally.omissions} of ${tally.trials} test trials had no choice in time.` });
  }
  const answered = tally.sides.left + tally.sides.right;
  const sideMax = Math.max(tally.sides.left, tally.sides.right);
  if (answered >= CRITERION_WINDOW && sideMax / answered > SIDE_BIAS_RATE) {
    flags.push({
      code: 'side-bias',
      detail: `${sideMax} of ${answered} choices were on the same side of the screen: the candidate may have played the side, not the shapes.`,
    });
  }
  flags.push(...practiceFlags(design, events), ...runFlags(design, events));

  return { game: REVERSAL_ID, gameVersion: REVERSAL_VERSION, scorerVersion: REVERSAL_SCORER_VERSION, metrics, flags, trials: tally.trials };
}

/** A practice block whose last attempt still failed its criterion (the runtime went on after the repeat). */
function practiceFlags(design: ReversalDesign, events: readonly LogEvent[]): QualityFlag<'practice-failed'>[] {
  const last = new Map<number, boolean | undefined>();
  for (const e of events) {
    if (e.type === 'block-end' && e.game === REVERSAL_ID && design.blocks[e.block]?.kind === 'practice') last.set(e.block, e.passed);
  }
  return [...last]
    .filter(([, passed]) => passed === false)
    .map(([block]) => ({
      code: 'practice-failed' as const,
      detail: `Practice block ${block} did not meet its pass criterion on its last attempt; the test ran anyway.`,
    }));
}

function runFlags(design: ReversalDesign, events: readonly LogEvent[]): QualityFlag<FlagCode>[] {
  return playFlags(events, REVERSAL_ID, design, 'the options were shown');
}

/** Practice passes when at least PRACTICE_PASS.hits of its last PRACTICE_PASS.last trials chose the better option. */
export const PRACTICE_PASS = { last: 5, hits: 4 } as const;

export function practicePassed(design: ReversalDesign, block: number, trials: readonly TrialRecord[]): boolean {
  const specs = design.blocks[block]?.trials ?? [];
  if (specs.length === 0) return true;
  const play = blockPlay(latestAttempt(trials, block), specs.length);
  const replay = replayBlock(specs, play.choices);
  const hits = replay.slice(-PRACTICE_PASS.last).filter((c) => c.choice !== null && c.choice === c.best).length;
  return hits >= PRACTICE_PASS.hits;
}
