import { describe, expect, it } from 'vitest';
import { gameById } from '../../games/registry.ts';
import { BATTERIES, BREAK_ALLOWANCE_SEC } from '../runtime/batteries.ts';
import { journey } from './journey.ts';

const short = BATTERIES['short']!;
const playSec = short.games.reduce((s, g) => s + gameById(g).expectedDurationSec, 0);

describe('journey', () => {
  it('starts at the first station with the whole battery ahead', () => {
    const j = journey(short, [], 0);
    expect(j.here).toBe(0);
    expect(j.stations.map((s) => s.status)).toEqual(['here', 'ahead', 'ahead']);
    expect(j.secondsLeft).toBe(playSec + 2 * BREAK_ALLOWANCE_SEC);
  });

  it('marks completed games done and stands at the first one not completed, whatever the order they were logged in', () => {
    const [a, b, c] = short.games as [string, string, string];
    const j = journey(short, [b, a], 0.6);
    expect(j.stations).toEqual([
      { game: a, status: 'done' },
      { game: b, status: 'done' },
      { game: c, status: 'here' },
    ]);
    expect(j.here).toBe(2);
    expect(j.secondsLeft).toBe(Math.round(playSec * 0.4));
  });

  it('has nothing left at the end, and clamps a progress outside 0..1', () => {
    const j = journey(short, short.games, 1.2);
    expect(j.here).toBe(short.games.length);
    expect(j.stations.every((s) => s.status === 'done')).toBe(true);
    expect(j.secondsLeft).toBe(0);
  });
});
