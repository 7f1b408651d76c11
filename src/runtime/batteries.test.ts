import { describe, expect, it } from 'vitest';
import { GAMES } from '../../games/registry.ts';
import { INTRO_SEC } from '../../games/kit/pacing.ts';
import {
  BATTERIES,
  BREAK_ALLOWANCE_SEC,
  batteryDurationSec,
  DEMO_WATCH_SEC,
  domainsOfGames,
  gameDurationSec,
  introWordsDelayMs,
  readingSec,
} from './batteries.ts';

describe('battery durations by the model (reading included)', () => {
  it('the standard battery fits 20.0 minutes and the short one 10.0', () => {
    expect(batteryDurationSec(BATTERIES['standard'] as never)).toBeLessThanOrEqual(20 * 60);
    expect(batteryDurationSec(BATTERIES['short'] as never)).toBeLessThanOrEqual(10 * 60);
  });

  it("replaces each game's flat intro allowance by watching the demos and reading the words (Coin hunt by hand)", () => {
    // One panel: 4 s of demo, then 15 instruction words ("Tik een vorm of druk ← ↑ →. Verzamel munten. De beste vorm
    // wisselt soms.", each arrow a word) + 8 panel words at 120 words/min = 11.5 s.
    expect(readingSec('reversal')).toBeCloseTo(DEMO_WATCH_SEC + (23 / 120) * 60, 9);
    const reversal = GAMES['reversal'];
    expect(gameDurationSec('reversal')).toBeCloseTo((reversal?.expectedDurationSec ?? 0) - INTRO_SEC + readingSec('reversal'), 9);
    const standard = BATTERIES['standard']?.games ?? [];
    const sum = standard.reduce((s, g) => s + gameDurationSec(g), 0) + (standard.length - 1) * BREAK_ALLOWANCE_SEC;
    expect(batteryDurationSec(BATTERIES['standard'] as never)).toBe(Math.round(sum));
  });
});

describe('the intro panel shows its words when the duration model says the demo has been watched', () => {
  it('after DEMO_WATCH_SEC of demo; at once under reduced motion (the demo is a still picture)', () => {
    expect(introWordsDelayMs({ reducedMotion: false })).toBe(DEMO_WATCH_SEC * 1000);
    expect(introWordsDelayMs({ reducedMotion: true })).toBe(0);
    expect(introWordsDelayMs({ reducedMotion: true, timeScale: 4 })).toBe(0);
  });

  it('sooner only in a test play whose scene clock runs faster (the demo runs faster too)', () => {
    expect(introWordsDelayMs({ reducedMotion: false, timeScale: 4 })).toBe(DEMO_WATCH_SEC * 250);
    expect(introWordsDelayMs({ reducedMotion: false, timeScale: 0.5 })).toBe(DEMO_WATCH_SEC * 1000);
  });
});

describe('the domains a battery measures (from its games’ manifests)', () => {
  it('standard: all six; short: speed, selective attention, working memory; one game: its own', () => {
    expect(domainsOfGames(BATTERIES['standard']?.games ?? [])).toEqual([
      'processing-speed',
      'inhibition',
      'selective-attention',
      'flexibility',
      'working-memory',
      'learning',
    ]);
    expect(domainsOfGames(BATTERIES['short']?.games ?? [])).toEqual(['processing-speed', 'selective-attention', 'working-memory']);
    expect(domainsOfGames(['reaction'])).toEqual(['processing-speed']);
    expect(domainsOfGames(['no-such-game'])).toEqual([]);
  });
});
