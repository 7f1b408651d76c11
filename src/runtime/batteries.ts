import { INTRO_SEC } from '../../games/kit/pacing.ts';
import { GAME_MESSAGES } from '../../games/messages.ts';
import { GAMES } from '../../games/registry.ts';
import { DOMAINS, type Domain } from './game-contract.ts';

/**
 * A battery: which games, in which order. Between two games the candidate gets a short break screen and goes on
 * when ready; the order puts the most demanding games (Stop, Switch) early and alternates fast and slow paces.
 */
export interface Battery {
  id: string;
  games: string[];
}

/** Time allowed for each break screen in duration estimates (s). */
export const BREAK_ALLOWANCE_SEC = 15;

export const BATTERIES: Readonly<Record<string, Battery>> = {
  /** All six games, about 20 minutes: speed, inhibition, selective attention, flexibility, working memory, learning. */
  standard: { id: 'standard', games: ['reaction', 'stop', 'flanker', 'switch', 'corsi', 'reversal'] },
  /** About 10 minutes: speed, selective attention, working memory — one game per domain that rests on composites. */
  short: { id: 'short', games: ['reaction', 'flanker', 'corsi'] },
  // Every game alone, under its own id: a coach's demo, a retest of one domain, the browser tests.
  ...Object.fromEntries(Object.keys(GAMES).map((id) => [id, { id, games: [id] }])),
};

export const DEFAULT_BATTERY = 'standard';

export function batteryById(id: string): Battery {
  const battery = BATTERIES[id];
  if (!battery) throw new Error(`Unknown battery "${id}"`);
  for (const g of battery.games) if (!GAMES[g]) throw new Error(`Battery "${id}" names unknown game "${g}"`);
  return battery;
}

/**
 * The reading model of the duration estimate. Each block opens with its language-free demo running; its few words come
 * after it: the candidate watches the demo first (DEMO_WATCH_SEC, which is also when the intro panel shows the words:
 * introWordsDelayMs), then reads the words at a slow pace for a second-language reader (READING_WORDS_PER_MIN), in
 * Dutch, the default language.
 */
export const READING_WORDS_PER_MIN = 120;
export const DEMO_WATCH_SEC = 4;

/**
 * How long after its demo starts an intro panel shows its words (ms): the demo is watched first for DEMO_WATCH_SEC, as
 * the duration model counts it; at once when the demo is a still picture (reduced motion). A test play's faster scene
 * clock (automation only) shortens it with the demo. The words are in the page from the start (screen readers read
 * them at once); only their sight waits.
 */
export function introWordsDelayMs(o: { reducedMotion: boolean; timeScale?: number }): number {
  if (o.reducedMotion) return 0;
  return (DEMO_WATCH_SEC * 1000) / Math.max(1, o.timeScale ?? 1);
}
/**
 * Words of an intro panel besides the instruction: on a game's first panel the eyebrow ("Spel 2 van 6 · Stop", the same
 * on every panel of the game) and the heading with its button; on the next panels the heading and button only.
 */
export const FIRST_PANEL_WORDS = 8;
export const NEXT_PANEL_WORDS = 3;
const READING_LANG = 'nl';

/** Seconds a candidate spends on a game's intro panels: watching each block's demo, then reading its words. */
export function readingSec(game: string): number {
  const design = GAMES[game]?.design(1);
  if (!design) return 0;
  let words = 0;
  design.blocks.forEach((block, i) => {
    const text = GAME_MESSAGES.map((m) => m[READING_LANG][block.instruction]).find((x) => x !== undefined) ?? '';
    words += text.split(/\s+/).filter(Boolean).length + (i === 0 ? FIRST_PANEL_WORDS : NEXT_PANEL_WORDS);
  });
  return (words / READING_WORDS_PER_MIN) * 60 + design.blocks.length * DEMO_WATCH_SEC;
}

/** A game's expected seconds with the reading model in place of its flat per-block intro allowance (INTRO_SEC). */
export function gameDurationSec(game: string): number {
  const manifest = GAMES[game];
  if (!manifest) return 0;
  return manifest.expectedDurationSec - manifest.design(1).blocks.length * INTRO_SEC + readingSec(game);
}

/** Expected duration of a battery in seconds: each game with its reading time, plus the breaks between games. */
export function batteryDurationSec(battery: Battery): number {
  const games = battery.games.reduce((sum, g) => sum + gameDurationSec(g), 0);
  return Math.round(games + Math.max(0, battery.games.length - 1) * BREAK_ALLOWANCE_SEC);
}

/**
 * The domains a set of games measures, in profile order: read from each game's manifest (its `domainMetrics`), so the
 * results know which areas a scan covered from what was planned, not from which scores came out.
 */
export function domainsOfGames(games: readonly string[]): Domain[] {
  const covered = new Set(games.flatMap((g) => GAMES[g]?.domainMetrics.map((m) => m.domain) ?? []));
  return DOMAINS.filter((d) => covered.has(d));
}
