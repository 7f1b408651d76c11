/**
 * Test–retest reliability of the Reaction, Flanker and Corsi metrics at OUR trial counts, from the Self-Regulation
 * Ontology's trial-level data of the participants who did the battery twice (Enkavi et al. 2019: first session in the
 * complete sample, second in the retest sample, same worker ids). Each session is scored with our rule on the trials
 * our game has — the first N test trials after practice, as a candidate plays them — and the two sessions are
 * correlated (ICC(3,1), consistency, single measure: the reliability of one play, which is what a z-score's interval
 * needs). No Spearman–Brown step is needed where the SRO task has at least our count of trials.
 *
 * Files (the public repository IanEisenberg/Self_Regulation_Ontology, data release 02-16-2019, copied verbatim from
 * `Data/<release>/Individual_Measures/<task>.csv.gz` to `../shared/reference/sro/<release>/Individual_Measures/`):
 * simple_reaction_time, choice_reaction_time, attention_network_task and spatial_span of the releases
 * Complete_02-16-2019 (session 1) and Retest_02-16-2019 (session 2). Node only; every user skips when they are absent.
 *
 * Which SRO trials count, and why, per metric:
 * - reaction `simple.median_rt`: the first 12 test trials of SRO's simple RT task (150 test trials, spacebar to an X);
 *   median RT of responses at ≥ 100 ms within our 1,500 ms window (a simple-RT response is always "correct").
 * - reaction `choice.median_rt`: the first 12 test trials of SRO's two-choice RT task (150 test trials, two coloured
 *   squares on two keys); median RT of correct responses at ≥ 100 ms within 1,500 ms.
 * - flanker `conflict_rt` and `accuracy`: SRO's ANT test trials without neutral flankers (48 congruent, 48 incongruent
 *   of 144), the first 20 of each kind in the order shown (ours: 2 × 20 with 10 of each per block); correct = right key
 *   at ≥ 150 ms within our 2,000 ms window; conflict = median incongruent − median congruent correct RT; accuracy =
 *   correct / all of those 40. The ANT's warning cues (none, centre, double, spatial) have no counterpart in Flanker.
 * - corsi `forward.span` and `backward.span`: SRO's spatial span is an adaptive staircase (14 sequences per direction,
 *   starting at 3 squares of 25, one up after a correct answer, one down after two errors), not our ascending
 *   two-per-length procedure; our span rule — the longest length tapped back completely and in order — is applied
 *   to its 14 sequences, about as many as our procedure runs at the usual adult spans (two per length from 2 to one past
 *   the span: 10–12 at spans 5–6).
 */
import { FLANKER_COUNTS, FLANKER_TIMING } from '../../../games/flanker/design.ts';
import { ANTICIPATION_MS as FLANKER_ANTICIPATION_MS, MIN_RTS as FLANKER_MIN_RTS } from '../../../games/flanker/score.ts';
import { REACTION_COUNTS, RESPONSE_WINDOW_MS } from '../../../games/reaction/design.ts';
import { ANTICIPATION_MS as REACTION_ANTICIPATION_MS, MIN_RTS as REACTION_MIN_RTS } from '../../../games/reaction/score.ts';
import { icc31, pearson } from '../sample-stats.ts';
import { readCsv, referencePresent, spearmanBrown } from './reference-files.ts';
import { goRtSplitHalf, SRO_STOP_FILE } from './sro-stop.ts';

export const SRO_RELEASES = { first: 'Complete_02-16-2019', second: 'Retest_02-16-2019' } as const;
export const SRO_RETEST_TASKS = ['simple_reaction_time', 'choice_reaction_time', 'attention_network_task', 'spatial_span'] as const;
export type SroRetestTask = (typeof SRO_RETEST_TASKS)[number];

export const sroTrialFile = (release: string, task: SroRetestTask) => ['sro', release, 'Individual_Measures', `${task}.csv.gz`] as const;

/** Every file the derivation reads, as paths under ../shared/reference. */
export const SRO_RETEST_FILES = [
  ...SRO_RETEST_TASKS.flatMap((t) => [sroTrialFile(SRO_RELEASES.first, t), sroTrialFile(SRO_RELEASES.second, t)]),
  SRO_STOP_FILE,
];

export const sroRetestPresent = (): boolean => SRO_RETEST_FILES.every((f) => referencePresent(...f));

type Row = Record<string, string>;
type Scorer = (rows: readonly Row[]) => number | null;

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

/** A trial's RT when it counts as answered in time (rt −1 = no response in the SRO files). */
const rtIn = (row: Row, floorMs: number, windowMs: number): number | null => {
  const rt = Number(row['rt']);
  return rt >= floorMs && rt <= windowMs ? rt : null;
};

/** Test trials of one participant in the order shown (the files' `trial_num` restarts per block; row order is time order). */
function testRows(rows: readonly Row[]): Row[] {
  return rows.filter((r) => r['exp_stage'] === 'test');
}

/** Reaction: median RT of the first `n` test trials answered in the window (and correctly, for choice). */
export function reactionMedian(n: number, choice: boolean): Scorer {
  return (rows) => {
    const rts = testRows(rows)
      .slice(0, n)
      .filter((r) => !choice || Number(r['correct']) === 1)
      .map((r) => rtIn(r, REACTION_ANTICIPATION_MS, RESPONSE_WINDOW_MS))
      .filter((rt): rt is number => rt !== null);
    return rts.length >= REACTION_MIN_RTS ? median(rts) : null;
  };
}

/** The first `perKind` congruent and `perKind` incongruent ANT test trials, each with its correct RT or null. */
function flankerTrials(rows: readonly Row[], perKind: number): { kind: 'congruent' | 'incongruent'; rt: number | null }[] {
  const out: { kind: 'congruent' | 'incongruent'; rt: number | null }[] = [];
  const seen = { congruent: 0, incongruent: 0 };
  for (const r of testRows(rows)) {
    const kind = r['flanker_type'];
    if (kind !== 'congruent' && kind !== 'incongruent') continue;
    if (seen[kind] >= perKind) continue;
    seen[kind]++;
    const rt = Number(r['correct']) === 1 ? rtIn(r, FLANKER_ANTICIPATION_MS, FLANKER_TIMING.windowMs) : null;
    out.push({ kind, rt });
  }
  return out;
}

export function flankerConflict(perKind: number): Scorer {
  return (rows) => {
    const trials = flankerTrials(rows, perKind);
    const rts = (k: string) => trials.filter((t) => t.kind === k && t.rt !== null).map((t) => t.rt as number);
    const inc = rts('incongruent');
    const con = rts('congruent');
    return inc.length >= FLANKER_MIN_RTS && con.length >= FLANKER_MIN_RTS ? median(inc) - median(con) : null;
  };
}

export function flankerAccuracy(perKind: number): Scorer {
  return (rows) => {
    const trials = flankerTrials(rows, perKind);
    return trials.length > 0 ? trials.filter((t) => t.rt !== null).length / trials.length : null;
  };
}

/** Our span rule on SRO's sequences of one direction: the longest length answered completely and in order. */
export function spanOf(condition: 'forward' | 'reverse'): Scorer {
  return (rows) => {
    const mine = testRows(rows).filter((r) => r['condition'] === condition);
    if (mine.length === 0) return null;
    return mine.reduce((best, r) => (Number(r['correct']) === 1 ? Math.max(best, Number(r['num_spaces'])) : best), 0);
  };
}

export interface RetestResult {
  /** Participants with a value in both sessions. */
  n: number;
  icc: number;
  pearson: number;
  /** Test trials per participant in the SRO task (the most common count, session 2). */
  sroTrials: number;
}

const cache = new Map<string, Map<string, Row[]>>();
function byWorker(release: string, task: SroRetestTask): Map<string, Row[]> {
  const key = `${release}/${task}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const map = new Map<string, Row[]>();
  for (const row of readCsv(...sroTrialFile(release, task))) {
    const id = row['worker_id'] as string;
    const list = map.get(id);
    if (list) list.push(row);
    else map.set(id, [row]);
  }
  cache.set(key, map);
  return map;
}

/** Scores both sessions of every participant who has both, and correlates them. */
export function retest(task: SroRetestTask, score: Scorer, filter: (r: Row) => boolean = () => true): RetestResult {
  const first = byWorker(SRO_RELEASES.first, task);
  const second = byWorker(SRO_RELEASES.second, task);
  const a: number[] = [];
  const b: number[] = [];
  const counts = new Map<number, number>();
  for (const [id, rows2] of second) {
    const rows1 = first.get(id);
    const n = testRows(rows2).filter(filter).length;
    counts.set(n, (counts.get(n) ?? 0) + 1);
    if (!rows1) continue;
    const x = score(rows1);
    const y = score(rows2);
    if (x === null || y === null) continue;
    a.push(x);
    b.push(y);
  }
  const sroTrials = [...counts.entries()].sort((p, q) => q[1] - p[1])[0]?.[0] ?? 0;
  return { n: a.length, icc: icc31(a, b), pearson: pearson(a, b), sroTrials };
}

export interface MetricRetest {
  game: string;
  metric: string;
  /** What our game has of the trials the metric is computed on. */
  ourTrials: number;
  /** At our count (what ships). */
  ours: RetestResult;
  /** The same rule on all of SRO's trials, for comparison with the published figures. */
  full: RetestResult;
}

/** Every metric's test–retest at our count and at SRO's full length. */
export function sroRetestReliabilities(): MetricRetest[] {
  const flankerPerKind = (FLANKER_COUNTS.test * FLANKER_COUNTS.testBlocks) / 2;
  const noNeutral = (r: Row) => r['flanker_type'] !== 'neutral';
  return [
    {
      game: 'reaction',
      metric: 'simple.median_rt',
      ourTrials: REACTION_COUNTS.simpleTest,
      ours: retest('simple_reaction_time', reactionMedian(REACTION_COUNTS.simpleTest, false)),
      full: retest('simple_reaction_time', reactionMedian(Number.POSITIVE_INFINITY, false)),
    },
    {
      game: 'reaction',
      metric: 'choice.median_rt',
      ourTrials: REACTION_COUNTS.choiceTest,
      ours: retest('choice_reaction_time', reactionMedian(REACTION_COUNTS.choiceTest, true)),
      full: retest('choice_reaction_time', reactionMedian(Number.POSITIVE_INFINITY, true)),
    },
    {
      game: 'flanker',
      metric: 'conflict_rt',
      ourTrials: 2 * flankerPerKind,
      ours: retest('attention_network_task', flankerConflict(flankerPerKind), noNeutral),
      full: retest('attention_network_task', flankerConflict(Number.POSITIVE_INFINITY), noNeutral),
    },
    {
      game: 'flanker',
      metric: 'accuracy',
      ourTrials: 2 * flankerPerKind,
      ours: retest('attention_network_task', flankerAccuracy(flankerPerKind), noNeutral),
      full: retest('attention_network_task', flankerAccuracy(Number.POSITIVE_INFINITY), noNeutral),
    },
    ...(['forward', 'backward'] as const).map((d) => {
      const result = retest(
        'spatial_span',
        spanOf(d === 'forward' ? 'forward' : 'reverse'),
        (r) => r['condition'] === (d === 'forward' ? 'forward' : 'reverse'),
      );
      return { game: 'corsi', metric: `${d}.span`, ourTrials: result.sroTrials, ours: result, full: result };
    }),
  ];
}

const f2 = (x: number) => x.toFixed(2);

/** What each metric's SRO task is, for the source text. */
const TASK_TEXT: Record<string, string> = {
  'reaction:simple.median_rt': "SRO's simple RT task (spacebar to an X)",
  'reaction:choice.median_rt': "SRO's two-choice RT task (two coloured squares, two keys)",
  'flanker:conflict_rt': "SRO's attention network task (arrow flankers; its warning cues have no counterpart in Flanker)",
  'flanker:accuracy': "SRO's attention network task (arrow flankers; accuracy near ceiling, mean .97, so little spread)",
  'corsi:forward.span': "SRO's spatial span (an adaptive staircase from 3 of 25 squares, not our ascending two per length)",
  'corsi:backward.span': "SRO's spatial span, reverse (an adaptive staircase from 3 of 25 squares, not our ascending two per length)",
};

/** The trials of ours that each SRO session is cut to, in words. */
function cutText(m: MetricRetest): string {
  if (m.game === 'corsi')
    return `all ${m.ours.sroTrials} sequences of the direction (ours: two per length from 2 to one past the span, 10–12 sequences at spans 5–6)`;
  if (m.game === 'flanker')
    return `the first ${m.ourTrials / 2} congruent and ${m.ourTrials / 2} incongruent of its ${m.ours.sroTrials} test trials without neutral flankers, as in our ${m.ourTrials}`;
  return `the first ${m.ourTrials} of its ${m.ours.sroTrials} test trials, as in our ${m.ourTrials}`;
}

/**
 * The reliability entry of each metric, as the shipped tables carry it. The figure at our count is measured directly;
 * the full-length figure and what Spearman–Brown would make of it are given beside it, because they differ: stepping
 * a retest figure down by Spearman–Brown treats every unreliable part as trial noise, while RT's retest is also limited
 * by day-to-day change that fewer trials do not add to.
 */
export function sroRetestEntries(): Map<string, { value: number; kind: 'test-retest'; source: string }> {
  const out = new Map<string, { value: number; kind: 'test-retest'; source: string }>();
  const extra: Record<string, string> = { 'reaction:choice.median_rt': choiceSplitHalfText() };
  for (const m of sroRetestReliabilities()) {
    const key = `${m.game}:${m.metric}`;
    const stepped = m.ourTrials !== m.full.sroTrials ? spearmanBrown(m.full.icc, m.ourTrials / m.full.sroTrials) : null;
    const comparison =
      stepped === null
        ? ''
        : ` The same rule on all ${m.full.sroTrials} trials: ${f2(m.full.icc)} (n = ${m.full.n}); Spearman–Brown from there to ${m.ourTrials} would give ${f2(stepped)}; the direct figure is used.`;
    out.set(key, {
      value: Math.round(m.ours.icc * 100) / 100,
      kind: 'test-retest',
      source:
        `Self-Regulation Ontology trial data (IanEisenberg/Self_Regulation_Ontology, releases Complete and Retest 02-16-2019; Enkavi et al. 2019, PNAS 116:5472), ` +
        `${TASK_TEXT[key] ?? key}, both sessions of the ${m.ours.n} retest participants scored by our rule on ${cutText(m)}: ` +
        `test–retest ICC(3,1) = ${f2(m.ours.icc)} (Pearson ${f2(m.ours.pearson)}).${comparison}${extra[key] ? ` ${extra[key]}` : ''}`,
    });
  }
  return out;
}

/** The go-RT split-half of the SRO stop-signal trials (sro-stop.ts) in words, beside the choice-RT retest figure. */
export function choiceSplitHalfText(): string {
  const h = goRtSplitHalf(REACTION_COUNTS.choiceTest);
  return (
    `Corroborating, from the SRO stop-signal go trials (a two-choice task, ${h.n} participants, ${h.goTrials} go trials each): odd–even split-half of the median correct RT, ` +
    `Spearman–Brown to ${REACTION_COUNTS.choiceTest} trials = ${f2(h.atTrials)} (within one session: an upper bound).`
  );
}
