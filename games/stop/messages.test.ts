import { describe, expect, it } from 'vitest';
import { stop } from './index.ts';
import { stopMessages } from './messages.ts';
import { simulateStop, TYPICAL_PARTICIPANT } from './simulate.ts';

describe('Stop manifest and words', () => {
  it('brings its name, every instruction and every metric name, and the parts its flags name, in all four languages', () => {
    const design = stop.design(1);
    const keys = [
      `game.${stop.id}`,
      ...design.blocks.map((b) => b.instruction),
      ...stop.metrics.map((m) => `metric.${stop.id}.${m.id}`),
      // The parts its flags name (`ssrt.race-violation`), said in the quality notes (src/shell/flag-messages.ts).
      ...stop.flagCodes.filter((c) => c.includes('.')).map((c) => `part.${stop.id}.${c.split('.')[0]}`),
    ];
    for (const lang of ['nl', 'en', 'uk', 'ar'] as const) {
      for (const key of keys) expect(stopMessages[lang][key], `${lang}: ${key}`).toBeTruthy();
      expect(Object.keys(stopMessages[lang]).sort()).toEqual([...new Set(keys)].sort());
    }
  });

  it('scores exactly the metrics it documents, each with a stated rule', () => {
    const design = stop.design(4);
    const score = stop.score(design, stop.simulate(design, TYPICAL_PARTICIPANT, 4));
    expect(Object.keys(score.metrics).sort()).toEqual(stop.metrics.map((m) => m.id).sort());
    expect(new Set(stop.metrics.map((m) => m.id)).size).toBe(stop.metrics.length);
    for (const m of stop.metrics) expect(m.definition.length).toBeGreaterThan(60);
    expect(score.trials).toBe(72);
    expect(simulateStop).toBe(stop.simulate);
  });
});
