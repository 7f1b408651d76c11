import { describe, expect, it } from 'vitest';
import type { CapturedInput } from '../../src/runtime/game-contract.ts';
import { expectedDurationSec, flankerDesign, FLANKER_COUNTS, FLANKER_TIMING, longestRun, MAX_RUN } from './design.ts';
import { flanker } from './index.ts';
import { flankerMessages } from './messages.ts';
import { readResponse } from './responses.ts';

describe('Flanker design', () => {
  it('has a practice block and two test blocks of the documented sizes', () => {
    const d = flankerDesign(7);
    expect(d.blocks.map((b) => [b.kind, b.trials.length, b.instruction])).toEqual([
      ['practice', FLANKER_COUNTS.practice, 'flanker.practice'],
      ['test', FLANKER_COUNTS.test, 'flanker.test'],
      ['test', FLANKER_COUNTS.test, 'flanker.testAgain'],
    ]);
  });

  it('balances condition × direction in every block, limits runs and keeps timings in range, for many seeds', () => {
    for (let seed = 1; seed <= 200; seed++) {
      for (const b of flankerDesign(seed).blocks) {
        const quarter = b.trials.length / 4;
        for (const condition of ['congruent', 'incongruent'] as const) {
          for (const target of ['left', 'right'] as const) {
            expect(b.trials.filter((t) => t.condition === condition && t.target === target)).toHaveLength(quarter);
          }
        }
        const maxRun = MAX_RUN[b.kind];
        expect(longestRun(b.trials.map((t) => t.condition))).toBeLessThanOrEqual(maxRun);
        expect(longestRun(b.trials.map((t) => t.target))).toBeLessThanOrEqual(maxRun);
        for (const t of b.trials) {
          expect(t.flankers === t.target).toBe(t.condition === 'congruent');
          expect(t.fixationMs).toBeGreaterThanOrEqual(FLANKER_TIMING.fixationMs.min);
          expect(t.fixationMs).toBeLessThanOrEqual(FLANKER_TIMING.fixationMs.max);
          expect(t.windowMs).toBe(FLANKER_TIMING.windowMs);
        }
      }
    }
  });

  it('lasts about two minutes, computed from the design', () => {
    // Practice: 10 s intro + 0.6 s lead-in + 8 × (600 fixation + 700 answer + 800 feedback + 500 gap) = 31.4 s.
    // Each test block: 10 s + 0.6 s + 20 × (600 + 700 + 0 + 500) + 1.2 s points = 47.8 s. Total 127 s.
    expect(expectedDurationSec(flankerDesign(1))).toBe(127);
    expect(flanker.expectedDurationSec).toBe(127);
  });
});

describe('Flanker responses', () => {
  const key = (k: string): CapturedInput => ({ seq: 1, t: 0, device: 'keyboard', key: k });
  const tap = (x: number, y = 0.5): CapturedInput => ({ seq: 1, t: 0, device: 'touch', x, y });

  it('reads ←/→ and F/J, and the half of the stage that was tapped or clicked', () => {
    expect(['ArrowLeft', 'f', 'F'].map((k) => readResponse(key(k)))).toEqual(['left', 'left', 'left']);
    expect(['ArrowRight', 'j', 'J'].map((k) => readResponse(key(k)))).toEqual(['right', 'right', 'right']);
    expect(readResponse(tap(0.1))).toBe('left');
    expect(readResponse(tap(0.9))).toBe('right');
    expect(readResponse({ seq: 1, t: 0, device: 'mouse', x: 0.49, y: 0.2 })).toBe('left');
  });

  it('ignores other keys and pointers outside the stage', () => {
    expect(readResponse(key(' '))).toBeNull();
    expect(readResponse(key('Tab'))).toBeNull();
    expect(readResponse(tap(1.2))).toBeNull();
    expect(readResponse(tap(0.3, -0.1))).toBeNull();
    expect(readResponse({ seq: 1, t: 0, device: 'touch' })).toBeNull();
  });
});

describe('Flanker messages', () => {
  it('has the game name, every instruction and every metric name in all four languages', () => {
    const keys = ['game.flanker', ...new Set(flankerDesign(1).blocks.map((b) => b.instruction)), ...flanker.metrics.map((m) => `metric.flanker.${m.id}`)];
    for (const lang of ['nl', 'en', 'uk', 'ar'] as const) {
      for (const k of keys) expect(flankerMessages[lang][k], `${lang} ${k}`).toBeTruthy();
      expect(Object.keys(flankerMessages[lang]).sort()).toEqual([...keys].sort());
    }
  });
});
