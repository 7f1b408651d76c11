import { describe, expect, it } from 'vitest';
import { allocate, type GameCost, reliabilityAt } from './battery-allocation.ts';
import { spearmanBrownLength } from './reliability.ts';

const game = (id: string, reliability: number, secPerTrial: number): GameCost => ({
  game: id,
  domain: id,
  reliability,
  trials: 40,
  secPerTrial,
  fixedSec: 30,
  minTrials: 20,
  maxTrials: 120,
});

describe('Spearman–Brown and the battery allocation', () => {
  it('Spearman–Brown by hand: .5 doubled is .667, .8 halved is .667', () => {
    expect(spearmanBrownLength(0.5, 2)).toBeCloseTo(2 / 3, 12);
    expect(spearmanBrownLength(0.8, 0.5)).toBeCloseTo(2 / 3, 12);
    expect(reliabilityAt(game('a', 0.5, 1), 80)).toBeCloseTo(2 / 3, 12);
  });

  it('stays within the budget and gives more trials where a second buys more reliability', () => {
    const games = [game('cheap-low', 0.4, 1), game('dear-high', 0.8, 3)];
    const out = allocate(games, 300, 4);
    const total = out.reduce((s, a) => s + a.sec, 0);
    expect(total).toBeLessThanOrEqual(300);
    // Within one step of the budget: nothing affordable was left.
    expect(300 - total).toBeLessThan(4 * 3);
    const [low, high] = out;
    expect(low?.trials).toBeGreaterThan(high?.trials as number);
  });

  it('refuses a budget the minimum trials already exceed', () => {
    expect(() => allocate([game('a', 0.5, 1)], 40)).toThrow(/minimum trials already take 50 s/);
  });
});
