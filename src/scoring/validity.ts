/**
 * Which quality flags of a game leave which of its metrics out of the profile. A metric left out keeps its value in
 * the profile's metric list with the reason; it does not enter its domain. The table is data so that the algorithm
 * card lists it (docs/algorithm.md); validity.test.ts covers each kind of rule.
 */
import type { GameScore, QualityFlag } from '../runtime/game-contract.ts';
import type { LatencySensitivity } from './domain-model.ts';

export interface ExclusionRule {
  /** Game id, or '*' for every game. */
  game: string;
  /** Flag code as the game's scorer emits it. */
  flag: string;
  /** Metrics left out: every metric, the timed ones (latency ≠ none), or those whose id starts with a prefix. */
  metrics: 'all' | 'timed' | { prefix: string };
  /** Only when the count in the flag (the number before "trial(s)") exceeds this share of the game's trials. */
  shareAbove?: number;
  why: string;
}

/** Share of a game's scored trials that may be interrupted (and re-run), or lose frames, before its metrics are left out. */
export const MAX_INTERRUPTED_SHARE = 0.1;
export const MAX_FRAME_DROP_SHARE = 0.25;

export const EXCLUSION_RULES: readonly ExclusionRule[] = [
  { game: '*', flag: 'time-scaled', metrics: 'all', why: 'automated test play with a faster game clock: not a measurement' },
  { game: '*', flag: 'interrupted', metrics: 'all', shareAbove: MAX_INTERRUPTED_SHARE, why: `more than ${MAX_INTERRUPTED_SHARE * 100} % of the trials were interrupted` },
  { game: '*', flag: 'frame-drops', metrics: 'timed', shareAbove: MAX_FRAME_DROP_SHARE, why: `more than ${MAX_FRAME_DROP_SHARE * 100} % of the trials lost frames while the stimulus was shown: times are unreliable` },
  { game: 'reaction', flag: 'simple.many-anticipations', metrics: { prefix: 'simple.' }, why: 'more than 20 % of simple-RT answers came too early' },
  { game: 'reaction', flag: 'choice.many-anticipations', metrics: { prefix: 'choice.' }, why: 'more than 20 % of choice-RT answers came too early' },
  { game: 'stop', flag: 'ssrt.race-violation', metrics: { prefix: 'ssrt' }, why: 'the race model behind SSRT does not hold for this play' },
  { game: 'stop', flag: 'ssrt.p-respond-out-of-range', metrics: { prefix: 'ssrt' }, why: 'the stop-signal delay did not settle where SSRT is reliable' },
  { game: 'stop', flag: 'ssrt.many-go-omissions', metrics: { prefix: 'ssrt' }, why: 'too many go trials without an answer (waiting for the signal biases SSRT)' },
  { game: 'stop', flag: 'ssd-mismatch', metrics: { prefix: 'ssrt' }, why: 'the logged stop-signal delays differ from the staircase' },
  { game: 'flanker', flag: 'no-responses', metrics: 'all', why: 'no test trial was answered' },
  { game: 'flanker', flag: 'many-omissions', metrics: 'all', why: 'more than 20 % of test trials were not answered' },
  { game: 'flanker', flag: 'many-anticipations', metrics: 'all', why: 'more than 10 % of answers came too early' },
  { game: 'flanker', flag: 'near-chance', metrics: 'all', why: 'accuracy near guessing: the rule was probably not followed' },
  { game: 'switch', flag: 'low-accuracy', metrics: 'all', why: 'accuracy near guessing: the rules were probably not followed' },
  { game: 'switch', flag: 'many-omissions', metrics: 'all', why: 'more than 20 % of scored trials were not answered' },
  { game: 'corsi', flag: 'forward.stop-rule', metrics: { prefix: 'forward.' }, why: 'trials ran after the stop rule ended the block (a fault)' },
  { game: 'corsi', flag: 'backward.stop-rule', metrics: { prefix: 'backward.' }, why: 'trials ran after the stop rule ended the block (a fault)' },
  { game: 'reversal', flag: 'many-omissions', metrics: 'all', why: 'more than 10 % of trials had no choice' },
  { game: 'reversal', flag: 'side-bias', metrics: 'all', why: 'nearly every choice on one side: the shapes were probably not played' },
  { game: 'reversal', flag: 'contingency-mismatch', metrics: 'all', why: 'the logged rewards differ from the design' },
  { game: 'reversal', flag: 'incomplete-block', metrics: 'all', why: 'the test block was not played to the end' },
  { game: 'reversal', flag: 'missing-trials', metrics: 'all', why: 'trials are missing from the log' },
];

/**
 * Counts of trials in a flag's detail: the numbers directly before "trial(s)", summed over the flag's occurrences.
 * Scorers write "N trial(s) were interrupted …" and "Block b: N trial(s) lost frames …".
 */
export function flaggedTrials(flags: readonly QualityFlag[], code: string): number {
  let n = 0;
  for (const f of flags) {
    if (f.code !== code) continue;
    const m = /(\d+) trial\(s\)/.exec(f.detail);
    n += m ? Number(m[1]) : Number.POSITIVE_INFINITY; // a flag whose count cannot be read counts as over any threshold
  }
  return n;
}

function ruleCovers(rule: ExclusionRule, metric: string, latency: LatencySensitivity): boolean {
  if (rule.metrics === 'all') return true;
  if (rule.metrics === 'timed') return latency !== 'none';
  return metric.startsWith(rule.metrics.prefix);
}

/** Why a metric of this game score is left out by a quality flag, or null when no rule applies. */
export function exclusionReason(score: GameScore, metric: string, latency: LatencySensitivity): string | null {
  for (const rule of EXCLUSION_RULES) {
    if ((rule.game !== '*' && rule.game !== score.game) || !score.flags.some((f) => f.code === rule.flag)) continue;
    if (!ruleCovers(rule, metric, latency)) continue;
    if (rule.shareAbove !== undefined) {
      const share = score.trials > 0 ? flaggedTrials(score.flags, rule.flag) / score.trials : Number.POSITIVE_INFINITY;
      if (share <= rule.shareAbove) continue;
    }
    return `flagged ${rule.flag}: ${rule.why}`;
  }
  return null;
}
