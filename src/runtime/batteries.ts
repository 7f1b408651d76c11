import { GAMES } from '../../games/registry.ts';

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

/** Expected duration of a battery in seconds: the games' own estimates plus the breaks between them. */
export function batteryDurationSec(battery: Battery): number {
  const games = battery.games.reduce((sum, g) => sum + (GAMES[g]?.expectedDurationSec ?? 0), 0);
  return games + Math.max(0, battery.games.length - 1) * BREAK_ALLOWANCE_SEC;
}
