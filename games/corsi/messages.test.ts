import { describe, expect, it } from 'vitest';
import { corsiDesign } from './design.ts';
import { corsi } from './index.ts';
import { corsiMessages } from './messages.ts';

describe('Corsi messages', () => {
  it('has the name, every block instruction and every metric name, and the parts its flags name, in all four languages', () => {
    const keys = [
      `game.${corsi.id}`,
      ...corsiDesign(1).blocks.map((b) => b.instruction),
      ...corsi.metrics.map((m) => `metric.${corsi.id}.${m.id}`),
      // The parts its flags name (`forward.ceiling`), said in the quality notes (src/shell/flag-messages.ts).
      ...corsi.flagCodes.filter((c) => c.includes('.')).map((c) => `part.${corsi.id}.${c.split('.')[0]}`),
    ];
    for (const lang of ['nl', 'en', 'uk', 'ar'] as const) {
      for (const key of keys) expect(corsiMessages[lang][key], `${lang}: ${key}`).toBeTruthy();
      expect(Object.keys(corsiMessages[lang]).sort()).toEqual([...new Set(keys)].sort());
    }
  });

  it('documents every metric with a rule', () => {
    expect(corsi.metrics.map((m) => m.id)).toEqual([
      'forward.span',
      'forward.correct_sequences',
      'forward.total_score',
      'forward.order_errors',
      'backward.span',
      'backward.correct_sequences',
      'backward.total_score',
      'backward.order_errors',
    ]);
    for (const m of corsi.metrics) expect(m.definition.length).toBeGreaterThan(60);
  });
});
