import { gameById } from '../../games/registry.ts';
import { type Battery, BREAK_ALLOWANCE_SEC } from '../runtime/batteries.ts';

export type StationStatus = 'done' | 'here' | 'ahead';

export interface Station {
  game: string;
  status: StationStatus;
}

/** Where the candidate stands on the journey: one station per game of the battery, and the time still ahead. */
export interface JourneyView {
  stations: Station[];
  /** Index of the station the candidate is at (the next game on a break); stations.length when all are done. */
  here: number;
  /** Estimated seconds still to play: the games' own estimates, the share of the current game left, the breaks. */
  secondsLeft: number;
}

/**
 * The journey as the map draws it, from the battery and the progress over it (0..1, weighted by each game's expected
 * duration: src/runtime/progress.ts) and the games completed, both read from the log — so a reloaded page draws the
 * same map.
 */
export function journey(battery: Battery, completedGames: readonly string[], progress: number): JourneyView {
  const here = battery.games.findIndex((g) => !completedGames.includes(g));
  const at = here === -1 ? battery.games.length : here;
  const stations = battery.games.map((game, i): Station => ({ game, status: i < at ? 'done' : i === at ? 'here' : 'ahead' }));
  const playSec = battery.games.reduce((sum, g) => sum + gameById(g).expectedDurationSec, 0);
  const breaksLeft = Math.max(0, battery.games.length - 1 - at);
  const secondsLeft = Math.max(0, Math.round(playSec * (1 - Math.min(1, Math.max(0, progress))) + breaksLeft * BREAK_ALLOWANCE_SEC));
  return { stations, here: at, secondsLeft };
}
