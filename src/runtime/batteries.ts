import { GAMES } from '../../games/registry.ts';

/** A battery: which games, in which order. A short break screen sits between games. */
export interface Battery {
  id: string;
  games: string[];
}

/**
 * Built-in batteries. `standard` holds every game built so far; the 20-minute battery grows with the game issues.
 * `reaction` is the Reaction game alone (timing benchmark, quick checks).
 */
export const BATTERIES: Readonly<Record<string, Battery>> = {
  standard: { id: 'standard', games: ['reaction', 'flanker', 'switch', 'reversal'] },
  // Every game alone, under its own id: for a coach's demo, a retest of one domain, and the browser tests.
  ...Object.fromEntries(Object.keys(GAMES).map((id) => [id, { id, games: [id] }])),
};

export const DEFAULT_BATTERY = 'standard';

export function batteryById(id: string): Battery {
  const battery = BATTERIES[id];
  if (!battery) throw new Error(`Unknown battery "${id}"`);
  for (const g of battery.games) if (!GAMES[g]) throw new Error(`Battery "${id}" names unknown game "${g}"`);
  return battery;
}

/** Expected duration of a battery in seconds, from the games' manifests. */
export function batteryDurationSec(battery: Battery): number {
  return battery.games.reduce((sum, g) => sum + (GAMES[g]?.expectedDurationSec ?? 0), 0);
}
