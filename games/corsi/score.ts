import type { LogEvent } from '../../src/log/events.ts';
import { pairTrials, type TrialRecord } from '../../src/log/trials.ts';
import type { GameScore, MetricDefinition, MetricValue, QualityFlag } from '../../src/runtime/game-contract.ts';
import { CORSI_ID, CORSI_VERSION, LENGTHS, TIMING, type CorsiDesign, type Direction } from './design.ts';
import { judgeSequence, stopRuleMet, tapsOf } from './rules.ts';
import { PLAY_FLAG_CODES, playFlags } from '../kit/scoring.ts';

export const CORSI_SCORER_VERSION = '1.1.0';

const directions: Direction[] = ['forward', 'backward'];

/** Every flag code the scorer raises (its flags are typed against this list; the manifest carries it). */
export const CORSI_FLAG_CODES = [
  ...directions.flatMap((d) => [`${d}.no-responses` as const, `${d}.ceiling` as const, `${d}.stop-rule` as const]),
  'timeouts' as const,
  'practice-failed' as const,
  ...PLAY_FLAG_CODES,
];
type CorsiFlagCode = (typeof CORSI_FLAG_CODES)[number];

/**
 * How the scorer finds what was shown: each test trial in the log names its block and trial index; the design,
 * regenerated from (version, seed) in the log, holds that block's pre-generated sequences, and the trial index is
 * the position of the sequence in the block's `trials` array. Nothing else (no scene state) is needed.
 */
export const CORSI_METRICS: MetricDefinition[] = directions.flatMap((d): MetricDefinition[] => {
  const taps = d === 'forward' ? 'in the order they lit up' : 'in the reverse of the order they lit up';
  return [
    {
      id: `${d}.span`,
      unit: 'items',
      direction: 'higher-is-better',
      definition: `Block span (Kessels et al. 2000): the longest length at which at least one of the two ${d} test sequences was tapped back completely and ${taps}; 0 when none was. Not computable when no ${d} test sequence received a single tap.`,
    },
    {
      id: `${d}.correct_sequences`,
      unit: 'trials',
      direction: 'higher-is-better',
      definition: `Number of ${d} test sequences tapped back completely and ${taps} (two sequences per length from ${LENGTHS.min} up, until both of one length fail).`,
    },
    {
      id: `${d}.total_score`,
      unit: 'points',
      direction: 'higher-is-better',
      definition: `Total score (Kessels et al. 2000): ${d}.span × ${d}.correct_sequences. Not the points shown in the game.`,
    },
    {
      id: `${d}.order_errors`,
      unit: 'count',
      direction: 'neither',
      definition: `Number of ${d} test sequences answered with exactly the blocks that lit up, each once, but not ${taps}. Describes the kind of error (order, not items); not a performance score.`,
    },
  ];
});

/** `(design, events) → metrics` for Corsi. Pure and deterministic; every rule is in CORSI_METRICS. */
export function scoreCorsi(design: CorsiDesign, events: readonly LogEvent[]): GameScore {
  const trials = pairTrials(events, CORSI_ID).filter((t) => t.kind === 'test');
  const metrics: Record<string, MetricValue> = {};
  const flags: QualityFlag<CorsiFlagCode>[] = [];
  let used = 0;

  for (const d of directions) {
    const blocks = design.blocks.flatMap((b, i) => (b.kind === 'test' && b.trials[0]?.direction === d ? [i] : []));
    const mine = trials.filter((t) => blocks.includes(t.block) && design.blocks[t.block]?.trials[t.trial] !== undefined);
    used += mine.length;
    const judged = mine.map((record) => judge(design, record));
    const tapped = judged.some((j) => j.taps > 0);
    const reason = mine.length === 0 ? `no completed ${d} test trials` : !tapped ? `no tap in any ${d} test sequence` : null;
    if (reason !== null) {
      for (const m of ['span', 'correct_sequences', 'total_score', 'order_errors']) metrics[`${d}.${m}`] = { value: null, reason };
      if (mine.length > 0)
        flags.push({ code: `${d}.no-responses`, detail: `None of the ${mine.length} ${d} test sequences received a tap.`, values: { total: mine.length } });
      continue;
    }
    const correct = judged.filter((j) => j.correct);
    const span = correct.reduce((best, j) => Math.max(best, j.length), 0);
    metrics[`${d}.span`] = { value: span };
    metrics[`${d}.correct_sequences`] = { value: correct.length };
    metrics[`${d}.total_score`] = { value: span * correct.length };
    metrics[`${d}.order_errors`] = { value: judged.filter((j) => j.orderError).length };

    if (span === LENGTHS.max)
      flags.push({
        code: `${d}.ceiling`,
        detail: `The ${d} span reached the longest sequence (${LENGTHS.max}); the true span may be higher.`,
        values: { length: LENGTHS.max },
      });
    for (const b of blocks) {
      const late = trialsAfterStop(judged.filter((j) => j.block === b));
      if (late > 0)
        flags.push({
          code: `${d}.stop-rule`,
          detail: `Block ${b}: ${late} trial(s) ran after both sequences of one length had failed; they are scored as logged.`,
          values: { block: b, count: late },
        });
    }
  }

  const timeouts = trials.filter((t) => t.endReason === 'timeout').length;
  if (timeouts > 0) {
    flags.push({
      code: 'timeouts',
      detail: `${timeouts} test sequence(s) ended after ${TIMING.idleTimeoutMs / 1000} s without a tap.`,
      values: { count: timeouts, seconds: TIMING.idleTimeoutMs / 1000 },
    });
  }
  flags.push(
    ...playFlags(events, CORSI_ID, design, 'the board awaited taps', (e): QualityFlag<'practice-failed'>[] =>
      e.passed === false && e.attempt > 0
        ? [
            {
              code: 'practice-failed',
              detail: `Practice block ${e.block} was not passed in ${e.attempt + 1} attempts; the test went on.`,
              values: { block: e.block, attempts: e.attempt + 1 },
            },
          ]
        : [],
    ),
  );

  return { game: CORSI_ID, gameVersion: CORSI_VERSION, scorerVersion: CORSI_SCORER_VERSION, metrics, flags, trials: used };
}

interface Judged {
  block: number;
  trial: number;
  length: number;
  taps: number;
  correct: boolean;
  orderError: boolean;
}

function judge(design: CorsiDesign, record: TrialRecord): Judged {
  const spec = design.blocks[record.block]?.trials[record.trial];
  if (!spec) throw new Error(`corsi: no trial ${record.trial} in block ${record.block}`);
  const taps = tapsOf(record, spec);
  return { block: record.block, trial: record.trial, length: spec.sequence.length, taps: taps.length, ...judgeSequence(spec, taps) };
}

/** Trials in the log after the point where the stop rule ended the block (a scene fault; 0 in a normal play). */
function trialsAfterStop(judged: readonly Judged[]): number {
  const byTrial = new Map<number, boolean>();
  const ordered = [...judged].sort((a, b) => a.trial - b.trial);
  for (let i = 0; i < ordered.length; i++) {
    if (stopRuleMet(byTrial)) return ordered.length - i;
    const j = ordered[i] as Judged;
    byTrial.set(j.trial, j.correct);
  }
  return 0;
}
