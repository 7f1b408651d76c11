import { describe, expect, it } from 'vitest';
import { buildProfile } from '../build-profile.ts';
import { scoreSession } from '../score-game.ts';
import { ALL_GAMES, simulateGame, typicalAbilities } from './simulated-sessions.ts';

describe("the games' typical simulated participant against the default norms", () => {
  it('scores a median sten of 5–6 on every measured domain (20 sessions)', () => {
    const stens = new Map<string, number[]>();
    for (let seed = 1; seed <= 20; seed++) {
      const profile = buildProfile(
        ALL_GAMES.flatMap((g) => scoreSession(simulateGame(g, typicalAbilities(), seed))),
        { deviceClass: 'keyboard' },
      );
      for (const d of profile.domains) if (d.sten !== undefined) stens.set(d.domain, [...(stens.get(d.domain) ?? []), d.sten]);
    }
    expect(stens.size).toBeGreaterThanOrEqual(5);
    for (const [domain, xs] of stens) {
      const median = [...xs].sort((a, b) => a - b)[xs.length >> 1];
      expect([domain, median]).toEqual([domain, expect.toSatisfy((s: number) => s === 5 || s === 6)]);
    }
  });
});
