import { describe, expect, it } from 'vitest';
import { answerFor, CTI_MS, switchDesign, SWITCH_COUNTS, type SwitchTrial } from './design.ts';
import { taskSwitch } from './index.ts';
import { readResponse } from './responses.ts';
import { simulateSwitch, TYPICAL_PARTICIPANT } from './simulate.ts';
import { DURATION_ASSUMPTIONS, estimateDurationSec } from './timing.ts';

const count = (trials: SwitchTrial[], f: (t: SwitchTrial) => boolean) => trials.filter(f).length;

describe('Switch design', () => {
  it('runs colour, shape, then mixed, each as practice then test, each opened by one "first" trial', () => {
    const d = switchDesign(7);
    expect(d.blocks.map((b) => [b.kind, b.demo, b.trials.length])).toEqual([
      ['practice', 'colour', SWITCH_COUNTS.singlePractice + 1],
      ['test', 'colour', SWITCH_COUNTS.singleTest + 1],
      ['practice', 'shape', SWITCH_COUNTS.singlePractice + 1],
      ['test', 'shape', SWITCH_COUNTS.singleTest + 1],
      ['practice', 'mixed', SWITCH_COUNTS.mixedPractice + 1],
      ['test', 'mixed', SWITCH_COUNTS.mixedTest + 1],
    ]);
    for (const b of d.blocks) {
      expect(b.trials.map((t) => t.transition === 'first')).toEqual(b.trials.map((_, i) => i === 0));
      if (b.demo !== 'mixed') expect(b.trials.every((t) => t.task === b.demo && (t.transition === 'first' || t.transition === 'single'))).toBe(true);
    }
  });

  for (const seed of [1, 2, 3, 99, 12345]) {
    it(`seed ${seed}: every answer follows the rule, transitions match the rules, factors are balanced`, () => {
      const d = switchDesign(seed);
      for (const b of d.blocks) {
        b.trials.forEach((t, i) => {
          expect(t.correct).toBe(answerFor(t.task, t.colour, t.shape));
          expect(t.congruent).toBe(answerFor(t.task === 'colour' ? 'shape' : 'colour', t.colour, t.shape) === t.correct);
          expect(t.ctiMs).toBeGreaterThanOrEqual(CTI_MS.min);
          expect(t.ctiMs).toBeLessThanOrEqual(CTI_MS.max);
          const prev = b.trials[i - 1];
          if (prev && b.demo === 'mixed') expect(t.transition).toBe(t.task === prev.task ? 'repeat' : 'switch');
        });
      }
      const mixed = d.blocks[5]?.trials ?? [];
      const per = SWITCH_COUNTS.mixedTest / 8;
      for (const transition of ['repeat', 'switch'] as const)
        for (const congruent of [true, false])
          for (const correct of ['left', 'right'] as const)
            expect(count(mixed, (t) => t.transition === transition && t.congruent === congruent && t.correct === correct)).toBe(per);
      const single = d.blocks[1]?.trials.slice(1) ?? [];
      expect(count(single, (t) => t.congruent)).toBe(SWITCH_COUNTS.singleTest / 2);
      expect(count(single, (t) => t.correct === 'left')).toBe(SWITCH_COUNTS.singleTest / 2);
    });
  }
});

describe('Switch duration', () => {
  it('is about four minutes, the same for every seed, and the manifest states it', () => {
    const est = estimateDurationSec(switchDesign(1));
    expect(estimateDurationSec(switchDesign(2))).toBe(est);
    expect(taskSwitch.expectedDurationSec).toBe(Math.round(est));
    expect(est).toBeGreaterThan(210);
    expect(est).toBeLessThan(280);
  });

  it('agrees with a simulated play on the scene timing, once the intros are added (±10%)', () => {
    const design = switchDesign(5);
    const events = simulateSwitch(design, { ...TYPICAL_PARTICIPANT, pError: { single: 0, repeat: 0, switch: 0 } }, 1);
    const first = events[0]?.t ?? 0;
    const last = events[events.length - 1]?.t ?? 0;
    const intros = design.blocks.reduce((s, b) => s + DURATION_ASSUMPTIONS.introSec[b.kind], 0);
    const simulated = (last - first) / 1000 + intros;
    expect(Math.abs(simulated - estimateDurationSec(design)) / estimateDurationSec(design)).toBeLessThan(0.1);
  });
});

describe('Switch responses', () => {
  it('reads left/right keys and stage halves, ignores the rest', () => {
    const key = (k: string) => readResponse({ seq: 0, t: 0, device: 'keyboard', key: k });
    expect([key('ArrowLeft'), key('f'), key('ArrowRight'), key('J'), key(' '), key('Tab')]).toEqual(['left', 'left', 'right', 'right', null, null]);
    const tap = (x: number, y = 0.5) => readResponse({ seq: 0, t: 0, device: 'touch', x, y });
    expect([tap(0.1), tap(0.49), tap(0.5), tap(0.9), tap(1.2), tap(0.3, -0.1)]).toEqual(['left', 'left', 'right', 'right', null, null]);
  });
});
