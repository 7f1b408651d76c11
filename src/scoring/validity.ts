/**
 * Which quality flags of a game leave which of its metrics out of the profile. A metric left out keeps its value in
 * the profile's metric list with the reason; it does not enter its domain. The table is data so that the algorithm
 * card lists it (docs/algorithm.md); validity.test.ts covers each kind of rule.
 */
import { GAMES } from '../../games/registry.ts';
import type { GameScore, QualityFlag, QualityFlagRule } from '../runtime/game-contract.ts';
import type { LatencySensitivity } from './domain-model.ts';

export interface ExclusionRule extends QualityFlagRule {
  /** Game id, or '*' for every game. */
  game: string;
}

/** Share of a game's scored trials that may be interrupted (and re-run), or lose frames, before its metrics are left out. */
export const MAX_INTERRUPTED_SHARE = 0.1;
export const MAX_FRAME_DROP_SHARE = 0.25;

/** The rules of flags every game can carry (raised by scoreGame or the shared scorer helpers), then each game's own. */
export const EXCLUSION_RULES: readonly ExclusionRule[] = [
  { game: '*', flag: 'time-scaled', metrics: 'all', why: 'automated test play with a faster game clock: not a measurement' },
  {
    game: '*',
    flag: 'interrupted',
    metrics: 'all',
    shareAbove: MAX_INTERRUPTED_SHARE,
    why: `more than ${MAX_INTERRUPTED_SHARE * 100} % of the trials were interrupted`,
  },
  {
    game: '*',
    flag: 'frame-drops',
    metrics: 'timed',
    shareAbove: MAX_FRAME_DROP_SHARE,
    why: `more than ${MAX_FRAME_DROP_SHARE * 100} % of the trials lost frames while the stimulus was shown, with an onset not measured at presentation: times are unreliable (lost frames after a measured onset change no time: flag display-stutter, nothing left out)`,
  },
  ...Object.values(GAMES).flatMap((g) =>
    g.qualityFlags.map(
      ({ flag, metrics, shareAbove, why }): ExclusionRule => ({ game: g.id, flag, metrics, ...(shareAbove === undefined ? {} : { shareAbove }), why }),
    ),
  ),
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
