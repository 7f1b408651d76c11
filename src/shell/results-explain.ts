/**
 * What the results screen needs to explain a profile with gaps: which areas the played battery covered (from the
 * battery's games and the games' manifests, never guessed from missing scores), why an area of the scan could not be
 * measured (the kind of problem, read from the quality flags' codes), and on how many of its areas a role fit rests.
 * Pure, so each rule is checked in results-explain.test.ts.
 */
import type { LogEvent } from '../log/events.ts';
import { BATTERIES, domainsOfGames } from '../runtime/batteries.ts';
import type { Domain } from '../runtime/game-contract.ts';
import { domainSpec } from '../scoring/domain-model.ts';
import type { DomainScore, Profile, RoleFit } from '../scoring/profile-types.ts';
import { parseFlagCode } from './flag-messages.ts';

/** The kinds of problem a candidate can act on (or be told is not theirs), in the order a hint picks them. */
export const NOT_MEASURED_KINDS = ['early', 'few-answers', 'rules', 'practice', 'interrupted', 'not-finished', 'technical', 'other'] as const;
export type NotMeasuredKind = (typeof NOT_MEASURED_KINDS)[number];

/**
 * A flag's kind (its code's last part, read by parseFlagCode) → the kind of problem. Codes are the scorers' own
 * (games/*\/score.ts, src/scoring/score-game.ts). Flags that leave nothing out of a score (display-stutter, onset
 * rules, device notes) have no kind here: they never explain a gap.
 */
const KIND_OF_FLAG: Readonly<Record<string, NotMeasuredKind>> = {
  'many-anticipations': 'early',
  'many-omissions': 'few-answers',
  'no-responses': 'few-answers',
  'many-go-omissions': 'few-answers',
  'near-chance': 'rules',
  'low-accuracy': 'rules',
  'position-bias': 'rules',
  'side-bias': 'rules',
  'practice-not-passed': 'practice',
  'practice-failed': 'practice',
  interrupted: 'interrupted',
  'frame-drops': 'technical',
  'time-scaled': 'technical',
  'missing-trials': 'technical',
  'contingency-mismatch': 'technical',
  'ssd-mismatch': 'technical',
  'stop-rule': 'technical',
  'missing-onset': 'technical',
  'incomplete-block': 'not-finished',
};

/** The kind a profile quality flag of `game` points to (profile flags are `<game>.<scorer code>`), or null. */
export function kindOfFlag(game: string, code: string): NotMeasuredKind | null {
  const parts = parseFlagCode(code);
  if (parts.game !== game) return null;
  return KIND_OF_FLAG[parts.kind] ?? null;
}

/** Why one game of the scan gave no score for an area: the first kind (NOT_MEASURED_KINDS order) among its flags. */
export function kindForGame(profile: Profile, game: string): NotMeasuredKind {
  if (!profile.sources.some((s) => s.game === game)) return 'not-finished';
  const kinds = new Set(profile.quality.map((f) => kindOfFlag(game, f.code)).filter((k): k is NotMeasuredKind => k !== null));
  return NOT_MEASURED_KINDS.find((k) => kinds.has(k)) ?? 'other';
}

export interface NotMeasured {
  domain: Domain;
  /** The scan's games that feed this area, each with the kind of problem it had. */
  games: { game: string; kind: NotMeasuredKind }[];
}

export interface ScanCoverage {
  /** Areas with a score, in profile order. */
  measured: DomainScore[];
  /** Areas the scan played for but could not score (quality checks, not finished). */
  notMeasured: NotMeasured[];
  /** Areas no game of this scan measures (the short battery, a one-game scan). */
  notInScan: Domain[];
}

/**
 * Splits a profile's areas by what the scan covered. `scanGames` null (the battery is not known) treats every area as
 * part of the scan, which is how the results read before the battery was known.
 */
export function scanCoverage(profile: Profile, scanGames: readonly string[] | null): ScanCoverage {
  const inScan = new Set<Domain>(scanGames ? domainsOfGames(scanGames) : profile.domains.map((d) => d.domain));
  const measured = profile.domains.filter((d) => d.status === 'measured' && d.sten !== undefined);
  const notMeasured = profile.domains
    .filter((d) => inScan.has(d.domain) && !measured.includes(d))
    .map((d): NotMeasured => {
      const games = [...new Set(domainSpec(d.domain).metrics.map((m) => m.game))].filter((g) =>
        scanGames ? scanGames.includes(g) : profile.sources.some((s) => s.game === g),
      );
      return { domain: d.domain, games: games.map((game) => ({ game, kind: kindForGame(profile, game) })) };
    });
  const notInScan = profile.domains.map((d) => d.domain).filter((d) => !inScan.has(d));
  return { measured, notMeasured, notInScan };
}

/** The games of the battery a log was recorded with (its session-start), or null when the log or battery is unknown. */
export function scanGamesOf(events: readonly LogEvent[]): string[] | null {
  const start = events.find((e) => e.type === 'session-start');
  if (start?.type !== 'session-start') return null;
  return BATTERIES[start.battery]?.games ?? null;
}

/** On how many of a role's areas (those it gives weight) its fit rests. */
export function fitCoverage(fit: RoleFit): { measured: number; total: number } {
  const weighted = fit.contributions.filter((c) => c.importance > 0);
  return { measured: weighted.filter((c) => c.sten !== null).length, total: weighted.length };
}
