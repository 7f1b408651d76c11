/**
 * Plausibility: bot and tamper signals in a log that passed the witness checks. Each signal is an `IntegrityFlag` with
 * its rule, the value measured and its policy — refuse (a human playing on a real device does not produce it, or the
 * measurement is void) or mark (named in the credential's assurance; humans do produce it, rarely). Nothing is dropped
 * silently. Thresholds were calibrated on the games' own simulated participants (scripts/integrity-calibrate.ts): the
 * rates measured there are in docs/algorithm.md. Only test blocks count.
 */
import { mean, median, sampleSkewness, standardDeviation } from 'simple-statistics';
import { GAMES } from '../../games/registry.ts';
import type { InputEvent, LogEvent } from '../log/events.ts';
import { pairTrials, type TrialRecord } from '../log/trials.ts';
import type { CapturedInput } from '../runtime/game-contract.ts';
import { GAME_RULES } from './game-rules.ts';
import type { IntegrityFlag, SignalPolicy } from './record.ts';

/** Thresholds, in one place so the algorithm card prints exactly what the code applies. */
export const LIMITS = {
  /** An answer this soon after the target is an anticipation, not a reaction (ms). */
  anticipationMs: 100,
  anticipationShare: { mark: 0.1, refuse: 0.3 },
  omissionShare: { mark: 0.15, refuse: 0.4 },
  /** RTs per game needed before its distribution is judged. */
  minRts: 20,
  /** Coefficient of variation (SD / mean) of a game's RTs below which no human plays (simulated minimum: see card). */
  cv: { mark: 0.1, refuse: 0.06 },
  /** Share of a game's RTs equal to the most common value (to 0.1 ms). */
  identicalShare: { mark: 0.2, refuse: 0.5 },
  /** Pooled skewness of within-game standardised RTs below which the slow tail of human RTs is missing (mark only). */
  minSkewness: 0,
  minRtsForSkewness: 100,
  /** Two-choice answers faster than this cannot use the stimulus: their accuracy must be near chance (ms). */
  fastGuessMs: 150,
  fastGuessMinN: 8,
  /** One-sided binomial p (accuracy of fast guesses vs. 0.5) below which fast answers were too often right. */
  fastGuessP: 0.001,
  /** Median ms from an answer's input to the end of the trial it ended (the scene ends it in the same handler). */
  responseEndGapMs: { mark: 40, refuse: 100 },
} as const;

/** Every signal with its rule in words (the algorithm card prints this table). */
export const SIGNALS: readonly { code: string; rule: string; policy: string }[] = [
  {
    code: 'anticipations',
    rule: `share of test trials answered before the target or < ${LIMITS.anticipationMs} ms after it`,
    policy: `mark ≥ ${LIMITS.anticipationShare.mark * 100} %, refuse ≥ ${LIMITS.anticipationShare.refuse * 100} %`,
  },
  {
    code: 'omissions',
    rule: 'share of test trials with a target (and no stop signal) that timed out without an answer',
    policy: `mark ≥ ${LIMITS.omissionShare.mark * 100} %, refuse ≥ ${LIMITS.omissionShare.refuse * 100} %`,
  },
  {
    code: 'rt-too-regular',
    rule: `coefficient of variation of a game's RTs (≥ ${LIMITS.minRts} answers ≥ ${LIMITS.anticipationMs} ms)`,
    policy: `mark < ${LIMITS.cv.mark}, refuse < ${LIMITS.cv.refuse}`,
  },
  {
    code: 'rt-identical',
    rule: `share of a game's RTs equal (to 0.1 ms) to its most common RT`,
    policy: `mark ≥ ${LIMITS.identicalShare.mark * 100} %, refuse ≥ ${LIMITS.identicalShare.refuse * 100} %`,
  },
  {
    code: 'rt-no-tail',
    rule: `skewness of all RTs, standardised within each game (≥ ${LIMITS.minRtsForSkewness} RTs): human RTs have a slow (ex-Gaussian) tail`,
    policy: `mark < ${LIMITS.minSkewness}`,
  },
  {
    code: 'untrusted-input',
    rule: 'inputs made by a script (event.isTrusted false); answers read from them',
    policy: 'mark any such input; refuse when an answer was read from one',
  },
  {
    code: 'response-input-mismatch',
    rule: 'an answer whose value is not what the game reads from the input it names (key or stage position)',
    policy: 'refuse any',
  },
  {
    code: 'response-end-gap',
    rule: "median ms from an answer's input to the end of the trial it ended, in games that end the trial on the answer",
    policy: `mark > ${LIMITS.responseEndGapMs.mark} ms, refuse > ${LIMITS.responseEndGapMs.refuse} ms`,
  },
  {
    code: 'fast-correct',
    rule: `two-choice answers < ${LIMITS.fastGuessMs} ms after the target right more often than guessing allows (≥ ${LIMITS.fastGuessMinN}, one-sided binomial p < ${LIMITS.fastGuessP})`,
    policy: 'refuse',
  },
];

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

function graded(value: number, limits: { mark: number; refuse: number }, higherIsWorse: boolean): SignalPolicy | null {
  const over = (lim: number) => (higherIsWorse ? value >= lim : value < lim);
  if (over(limits.refuse)) return 'refuse';
  if (over(limits.mark)) return 'mark';
  return null;
}

function flag(code: string, policy: SignalPolicy, value: number, detail: string, game?: string): IntegrityFlag {
  const rule = SIGNALS.find((s) => s.code === code)!;
  return { code, detail, rule: `${rule.rule}; ${rule.policy}`, policy, value: Math.round(value * 1e4) / 1e4, ...(game ? { game } : {}) };
}

/** P(X ≥ k) for X ~ Binomial(n, 1/2). */
export function binomialTailHalf(n: number, k: number): number {
  let p = 0;
  let c = 1; // C(n, 0)
  for (let i = 0; i <= n; i++) {
    if (i >= k) p += c;
    c = (c * (n - i)) / (i + 1);
  }
  return p / 2 ** n;
}

function designSpec(events: readonly LogEvent[]) {
  const designs = new Map<string, ReturnType<(typeof GAMES)[string]['design']>>();
  for (const e of events) {
    if (e.type !== 'game-start' || designs.has(e.game)) continue;
    const m = GAMES[e.game];
    if (m && m.version === e.version) designs.set(e.game, m.design(e.seed));
  }
  return (game: string, block: number, trial: number): unknown => designs.get(game)?.blocks[block]?.trials[trial];
}

const isTest = (t: TrialRecord) => t.kind === 'test';
const firstRt = (t: TrialRecord) => t.responses.find((r) => r.rt !== null)?.rt ?? null;

/** The raw values the signals judge (the calibration script reports their distribution over simulated sessions). */
export interface PlausibilityMeasures {
  anticipationShare?: number;
  omissionShare?: number;
  games: { game: string; n: number; cv: number; identicalShare: number }[];
  skewness?: number;
  untrusted: number;
  untrustedAnswers: number;
  mismatched: number;
  medianEndGapMs?: number;
  fastGuesses: { n: number; right: number; p: number };
}

export function plausibilityFlags(events: readonly LogEvent[]): IntegrityFlag[] {
  return plausibilityAssessment(events).flags;
}

export function plausibilityAssessment(events: readonly LogEvent[]): { flags: IntegrityFlag[]; measures: PlausibilityMeasures } {
  const flags: IntegrityFlag[] = [];
  const measures: PlausibilityMeasures = { games: [], untrusted: 0, untrustedAnswers: 0, mismatched: 0, fastGuesses: { n: 0, right: 0, p: 1 } };
  const spec = designSpec(events);
  const trials = pairTrials(events).filter(isTest);
  const inputs = new Map<number, InputEvent>();
  for (const e of events) if (e.type === 'input') inputs.set(e.seq, e);

  // Anticipations and omissions, over all test trials with a target.
  const targeted = trials.filter((t) => t.onsets['target'] !== undefined || t.endReason === 'premature');
  if (targeted.length >= LIMITS.minRts) {
    const early = targeted.filter(
      (t) => t.endReason === 'premature' || ((firstRt(t) ?? Infinity) >= 0 && (firstRt(t) ?? Infinity) < LIMITS.anticipationMs),
    ).length;
    const share = early / targeted.length;
    measures.anticipationShare = share;
    const p = graded(share, LIMITS.anticipationShare, true);
    if (p)
      flags.push(
        flag(
          'anticipations',
          p,
          share,
          `${early} of ${targeted.length} test trials (${pct(share)}) were answered before the target or within ${LIMITS.anticipationMs} ms of it.`,
        ),
      );
    const goTrials = targeted.filter((t) => t.onsets['target'] !== undefined && t.onsets['stop-signal'] === undefined);
    const missed = goTrials.filter((t) => t.endReason === 'timeout' && t.responses.length === 0).length;
    const oShare = goTrials.length ? missed / goTrials.length : 0;
    measures.omissionShare = oShare;
    const op = graded(oShare, LIMITS.omissionShare, true);
    if (op) flags.push(flag('omissions', op, oShare, `${missed} of ${goTrials.length} test trials that asked for an answer (${pct(oShare)}) got none.`));
  }

  // RT distributions per game: regularity, identical values; pooled skewness.
  const pooled: number[] = [];
  const games = [...new Set(trials.map((t) => t.game))];
  for (const game of games) {
    const rts = trials
      .filter((t) => t.game === game && t.endReason === 'response' && t.onsets['stop-signal'] === undefined)
      .map(firstRt)
      .filter((rt): rt is number => rt !== null && rt >= LIMITS.anticipationMs);
    if (rts.length < LIMITS.minRts) continue;
    const m = mean(rts);
    const sd = standardDeviation(rts);
    const cv = sd / m;
    const p = graded(cv, LIMITS.cv, false);
    if (p)
      flags.push(
        flag(
          'rt-too-regular',
          p,
          cv,
          `${game}: the ${rts.length} RTs vary by only ${pct(cv)} of their mean (SD ${sd.toFixed(1)} ms around ${m.toFixed(0)} ms).`,
          game,
        ),
      );
    const counts = new Map<number, number>();
    for (const rt of rts) counts.set(Math.round(rt * 10), (counts.get(Math.round(rt * 10)) ?? 0) + 1);
    const [modal, n] = [...counts.entries()].reduce((a, b) => (b[1] > a[1] ? b : a));
    const share = n / rts.length;
    measures.games.push({ game, n: rts.length, cv, identicalShare: share });
    const ip = graded(share, LIMITS.identicalShare, true);
    if (ip) flags.push(flag('rt-identical', ip, share, `${game}: ${n} of ${rts.length} RTs (${pct(share)}) are exactly ${(modal / 10).toFixed(1)} ms.`, game));
    if (sd > 0) for (const rt of rts) pooled.push((rt - m) / sd);
  }
  if (pooled.length >= LIMITS.minRtsForSkewness) {
    const skew = sampleSkewness(pooled);
    measures.skewness = skew;
    if (skew < LIMITS.minSkewness)
      flags.push(
        flag('rt-no-tail', 'mark', skew, `The ${pooled.length} RTs have no slow tail (skewness ${skew.toFixed(2)}; human RTs are skewed to the right).`),
      );
  }

  // Untrusted inputs and answers that contradict their inputs (raw events: pairTrials ignores untrusted answers).
  const untrusted = [...inputs.values()].filter((i) => !i.trusted).length;
  let untrustedAnswers = 0;
  let mismatched = 0;
  let firstMismatch = '';
  for (const e of events) {
    if (e.type !== 'response') continue;
    const input = inputs.get(e.input);
    if (!input) continue;
    if (!input.trusted) untrustedAnswers++;
    const read = GAME_RULES[e.game]?.read;
    const trial = spec(e.game, e.block, e.trial);
    if (!read || trial === undefined) continue;
    const captured: CapturedInput = {
      seq: input.seq,
      t: input.t,
      device: input.device,
      ...(input.key !== undefined ? { key: input.key } : {}),
      ...(input.x !== undefined ? { x: input.x } : {}),
      ...(input.y !== undefined ? { y: input.y } : {}),
    };
    if (read(trial, captured) !== e.value) {
      mismatched++;
      firstMismatch ||= `event ${e.seq}: ${e.game} answer "${e.value}" from ${input.device} input ${input.key ?? (input.x !== undefined ? `at x ${input.x}` : '(no key or position)')}`;
    }
  }
  Object.assign(measures, { untrusted, untrustedAnswers, mismatched });
  if (untrusted > 0) {
    const policy: SignalPolicy = untrustedAnswers > 0 ? 'refuse' : 'mark';
    flags.push(
      flag(
        'untrusted-input',
        policy,
        untrusted,
        `${untrusted} input(s) were made by a script, not by the candidate${untrustedAnswers ? `; ${untrustedAnswers} answer(s) were read from them` : ''}.`,
      ),
    );
  }
  if (mismatched > 0)
    flags.push(
      flag(
        'response-input-mismatch',
        'refuse',
        mismatched,
        `${mismatched} answer(s) differ from what the game reads from their input (first: ${firstMismatch}).`,
      ),
    );

  // Answers detached from the trial end they caused: RTs edited after the fact, or a page too busy to time anything.
  const gaps = trials
    .filter((t) => t.endReason === 'response' && GAME_RULES[t.game]?.read && t.responses.length > 0)
    .map((t) => t.end - Math.max(...t.responses.map((r) => r.t)));
  if (gaps.length >= LIMITS.minRts) {
    const g = median(gaps);
    measures.medianEndGapMs = g;
    const p = graded(g, LIMITS.responseEndGapMs, true);
    if (p)
      flags.push(
        flag(
          'response-end-gap',
          p,
          g,
          `The trials ended a median ${g.toFixed(0)} ms after the answer that ended them (${gaps.length} trials); the page ends a trial in the same step as the answer.`,
        ),
      );
  }

  // Accuracy against speed: fast guesses in two-choice trials cannot beat chance.
  let fastN = 0;
  let fastRight = 0;
  for (const t of trials) {
    // A trial outside the known designs (unknown game version) has no right answer here; completeness refuses it.
    const trial = spec(t.game, t.block, t.trial);
    const correct = trial === undefined ? undefined : GAME_RULES[t.game]?.correct?.(trial);
    const first = t.responses.find((r) => r.rt !== null);
    if (correct === undefined || !first || first.rt === null || first.rt < 0 || first.rt >= LIMITS.fastGuessMs) continue;
    fastN++;
    if (first.value === correct) fastRight++;
  }
  measures.fastGuesses = { n: fastN, right: fastRight, p: binomialTailHalf(fastN, fastRight) };
  if (fastN >= LIMITS.fastGuessMinN) {
    const p = measures.fastGuesses.p;
    if (p < LIMITS.fastGuessP)
      flags.push(
        flag(
          'fast-correct',
          'refuse',
          p,
          `${fastRight} of ${fastN} two-choice answers faster than ${LIMITS.fastGuessMs} ms were right (chance: half; p = ${p.toExponential(1)}).`,
        ),
      );
  }
  return { flags, measures };
}
