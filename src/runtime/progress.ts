import { gameById } from '../../games/registry.ts';
import type { SessionState } from '../log/resume.ts';
import type { Battery } from './batteries.ts';

/**
 * Share of the battery done (0..1), weighted by each game's expected duration: completed games count whole, the game
 * being played counts by its ended blocks out of `currentBlocks`.
 */
export function batteryProgress(battery: Battery, state: SessionState | null, currentBlocks: number | null): number {
  const weights = battery.games.map((g) => gameById(g).expectedDurationSec);
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  let done = 0;
  battery.games.forEach((g, i) => {
    if (state?.completedGames.includes(g)) done += weights[i] ?? 0;
    else if (state?.current?.game === g && currentBlocks !== null) {
      const endedBlocks = new Set(state.current.ended.map((e) => e.block)).size;
      done += ((weights[i] ?? 0) * endedBlocks) / (currentBlocks || 1);
    }
  });
  return Math.min(1, done / total);
}
