import { describe, expect, it } from 'vitest';
import { pairTrials } from '../../src/log/trials.ts';
import { SimLog } from '../../src/log/sim-log.ts';
import { median, sd } from '../../src/lib/stats.ts';
import { flankerDesign, opposite, type Condition, type Direction, type FlankerDesign, type FlankerTrial } from './design.ts';
import { FLANKER_METRICS, nihStyleScore, practicePassed, scoreFlanker } from './score.ts';
import { simulateFlanker, TYPICAL_PARTICIPANT, type FlankerParticipant } from './simulate.ts';

type Spec = [Condition, Direction];

const trial = ([condition, target]: Spec): FlankerTrial => ({
  condition,
  target,
  flankers: condition === 'congruent' ? target : opposite(target),
  fixationMs: 500,
  windowMs: 2000,
});

/** A design with exactly the trials a fixture needs, one block per list. */
function fixtureDesign(...blocks: { kind: 'practice' | 'test'; trials: Spec[] }[]): FlankerDesign {
  return {
    game: 'flanker',
    version: '1.0.0',
    seed: 1,
    blocks: blocks.map((b) => ({ kind: b.kind, instruction: 'flanker.test', demo: 'rule', trials: b.trials.map(trial) })),
  };
}

/** A correct answer at this RT; 'omit'; a wrong answer; or a press during the fixation cross. */
type Answer = number | 'omit' | { wrong: number } | { premature: number };

function play(design: FlankerDesign, answers: Answer[][]) {
  const log = new SimLog('flanker');
  log.gameStart(design.version, design.seed);
  answers.forEach((list, b) => {
    const block = design.blocks[b];
    if (!block) throw new Error(`no block ${b}`);
    log.blockStart(b, block.kind);
    list.forEach((a, i) => {
      const spec = block.trials[i];
      if (!spec) throw new Error(`no trial ${i}`);
      const arrows = [{ name: 'target', at: 500 }];
      if (a === 'omit') log.trial(b, i, { stimuli: arrows, responses: [], endAt: 2500, reason: 'timeout' });
      else if (typeof a === 'object' && 'premature' in a) {
        log.trial(b, i, { stimuli: [], responses: [{ at: a.premature, value: spec.target }], endAt: a.premature, reason: 'premature' });
      } else {
        const { rt, value } = typeof a === 'number' ? { rt: a, value: spec.target } : { rt: a.wrong, value: opposite(spec.target) };
        log.trial(b, i, { stimuli: arrows, responses: [{ at: 500 + rt, value }], endAt: 500 + rt, reason: 'response' });
      }
    });
    log.blockEnd(b);
  });
  log.gameEnd();
  return log.events;
}

const C: Spec = ['congruent', 'left'];
const I: Spec = ['incongruent', 'right'];
const times = <T>(n: number, x: T): T[] => Array.from({ length: n }, () => x);

describe('Flanker scorer, hand-computed fixtures', () => {
  it('computes the conflict effect, medians, accuracies, counts and the NIH-style score', () => {
    const design = fixtureDesign({ kind: 'test', trials: [...times(6, C), ...times(6, I)] });
    // congruent: 400 420 440 460 480 correct, one wrong at 390 → median 440, 5/6 correct
    // incongruent: 500 520 560 600 650 correct, one omission → median 560, 5/6 correct
    const s = scoreFlanker(design, play(design, [[400, 420, 440, 460, 480, { wrong: 390 }, 500, 520, 560, 600, 650, 'omit']]));
    expect(s.metrics['conflict_rt']).toEqual({ value: 120 });
    expect(s.metrics['median_rt_congruent']).toEqual({ value: 440 });
    expect(s.metrics['median_rt_incongruent']).toEqual({ value: 560 });
    expect(s.metrics['median_rt']).toEqual({ value: 490 }); // (480 + 500) / 2 over the ten correct RTs
    expect(s.metrics['accuracy']).toEqual({ value: 0.8333 }); // 10 / 12
    expect(s.metrics['accuracy_congruent']).toEqual({ value: 0.8333 });
    expect(s.metrics['accuracy_incongruent']).toEqual({ value: 0.8333 });
    expect(s.metrics['conflict_accuracy']).toEqual({ value: 0 });
    // 5 × 10/12 = 4.16667; accuracy > 0.8, so + 5 − 5 × ln(560/500) / ln(3000/500) = 4.68375 → 8.85042
    expect(s.metrics['nih_style_score']).toEqual({ value: 8.85 });
    expect(s.metrics['anticipations']).toEqual({ value: 0 });
    expect(s.metrics['omissions']).toEqual({ value: 1 });
    expect(s.trials).toBe(12);
    expect(s.flags).toEqual([]);
  });

  it('reports every documented metric, and only those', () => {
    const design = fixtureDesign({ kind: 'test', trials: [C, I] });
    const s = scoreFlanker(design, play(design, [[500, 600]]));
    expect(Object.keys(s.metrics).sort()).toEqual(FLANKER_METRICS.map((m) => m.id).sort());
  });

  it('counts a press before the arrows or within 150 ms as an anticipation that is not correct', () => {
    const design = fixtureDesign({ kind: 'test', trials: [...times(6, C), ...times(6, I)] });
    const s = scoreFlanker(design, play(design, [[{ premature: 300 }, 149, 400, 400, 400, 400, 150, 600, 600, 600, 600, 600]]));
    expect(s.metrics['anticipations']).toEqual({ value: 2 });
    expect(s.metrics['accuracy_congruent']).toEqual({ value: 0.6667 }); // 4 / 6: both anticipations count as not correct
    expect(s.metrics['accuracy_incongruent']).toEqual({ value: 1 }); // 150 ms is exactly at the floor: a valid answer
    expect(s.metrics['median_rt_incongruent']).toEqual({ value: 600 });
    expect(s.metrics['conflict_rt']).toEqual({ value: null, reason: 'fewer than 5 correct responses in a condition (congruent 4, incongruent 6)' });
  });

  it('gives the accuracy score alone at exactly 80% accuracy, and adds the RT score just above it', () => {
    const design = fixtureDesign({ kind: 'test', trials: [...times(5, C), ...times(5, I)] });
    const at80 = scoreFlanker(design, play(design, [[400, 400, 400, 400, { wrong: 400 }, 700, 700, 700, 700, 'omit']]));
    expect(at80.metrics['accuracy']).toEqual({ value: 0.8 });
    expect(at80.metrics['nih_style_score']).toEqual({ value: 4 }); // 5 × 0.8, no RT score
    const design2 = fixtureDesign({ kind: 'test', trials: [...times(5, C), ...times(6, I)] });
    const above = scoreFlanker(design2, play(design2, [[400, 400, 400, 400, { wrong: 400 }, 1000, 1000, 1000, 1000, 1000, 'omit']]));
    // 9 / 11 = 0.81818 > 0.8: 5 × 9/11 = 4.09091, + 5 − 5 × ln 2 / ln 6 = 3.06574 → 7.15665
    expect(above.metrics['nih_style_score']).toEqual({ value: 7.157 });
  });

  it('clamps the RT of the NIH-style score to 500–3000 ms', () => {
    expect(nihStyleScore(1, 300)).toBe(10);
    expect(nihStyleScore(1, 500)).toBe(10);
    expect(nihStyleScore(1, 3000)).toBeCloseTo(5, 12);
    expect(nihStyleScore(1, 9000)).toBeCloseTo(5, 12);
    expect(nihStyleScore(1, 1000)).toBeCloseTo(10 - (5 * Math.log(2)) / Math.log(6), 12);
    expect(nihStyleScore(0.5, 400)).toBe(2.5);
    expect(nihStyleScore(0.9, null)).toBeNull();
  });

  it('says "not computable" for RTs and gives accuracy 0 when every answer is wrong', () => {
    const design = fixtureDesign({ kind: 'test', trials: [...times(6, C), ...times(6, I)] });
    const s = scoreFlanker(design, play(design, [times(12, { wrong: 450 })]));
    expect(s.metrics['conflict_rt']).toEqual({ value: null, reason: 'fewer than 5 correct responses in a condition (congruent 0, incongruent 0)' });
    expect(s.metrics['median_rt']).toEqual({ value: null, reason: 'fewer than 5 correct responses (0)' });
    expect(s.metrics['median_rt_incongruent']?.value).toBeNull();
    expect(s.metrics['accuracy']).toEqual({ value: 0 });
    expect(s.metrics['accuracy_incongruent']).toEqual({ value: 0 });
    expect(s.metrics['conflict_accuracy']).toEqual({ value: 0 });
    expect(s.metrics['nih_style_score']).toEqual({ value: 0 }); // accuracy-only below 80%: 5 × 0
    expect(s.flags.map((f) => f.code)).toEqual(['near-chance']);
  });

  it('says "not computable" for accuracy and the score when no trial was answered at all', () => {
    const design = fixtureDesign({ kind: 'test', trials: [...times(6, C), ...times(6, I)] });
    const s = scoreFlanker(design, play(design, [times(12, 'omit')]));
    const none = { value: null, reason: 'no response in any test trial' };
    expect(s.metrics['accuracy']).toEqual(none);
    expect(s.metrics['accuracy_congruent']).toEqual(none);
    expect(s.metrics['accuracy_incongruent']).toEqual(none);
    expect(s.metrics['conflict_accuracy']).toEqual(none);
    expect(s.metrics['nih_style_score']).toEqual(none);
    expect(s.metrics['conflict_rt']?.value).toBeNull();
    expect(s.metrics['median_rt']?.value).toBeNull();
    expect(s.metrics['omissions']).toEqual({ value: 12 });
    expect(s.flags.map((f) => f.code)).toEqual(['no-responses']);
  });

  it('says "not computable" for everything that compares conditions when only one condition is present', () => {
    const design = fixtureDesign({ kind: 'test', trials: times(6, C) });
    const s = scoreFlanker(design, play(design, [[400, 420, 440, 460, 480, 500]]));
    expect(s.metrics['median_rt_congruent']).toEqual({ value: 450 });
    expect(s.metrics['accuracy_congruent']).toEqual({ value: 1 });
    expect(s.metrics['accuracy']).toEqual({ value: 1 });
    expect(s.metrics['accuracy_incongruent']).toEqual({ value: null, reason: 'no completed incongruent test trials' });
    expect(s.metrics['median_rt_incongruent']).toEqual({ value: null, reason: 'fewer than 5 correct responses (0)' });
    expect(s.metrics['conflict_rt']?.value).toBeNull();
    expect(s.metrics['conflict_accuracy']).toEqual({ value: null, reason: 'needs completed test trials of both conditions' });
    expect(s.metrics['nih_style_score']).toEqual({ value: null, reason: 'needs completed test trials of both conditions' });
  });

  it('does not give an NIH-style score when the RT part is needed but rests on fewer than 5 correct incongruent trials', () => {
    const design = fixtureDesign({ kind: 'test', trials: [...times(10, C), ...times(4, I)] });
    const s = scoreFlanker(design, play(design, [times(14, 500)]));
    expect(s.metrics['accuracy']).toEqual({ value: 1 });
    expect(s.metrics['nih_style_score']).toEqual({
      value: null,
      reason: 'accuracy is above 0.8, but fewer than 5 incongruent trials are correct (4) for the RT score',
    });
  });

  it('scores test trials only and says so when nothing was tested', () => {
    const design = fixtureDesign({ kind: 'practice', trials: [...times(4, C), ...times(4, I)] }, { kind: 'test', trials: [...times(5, C), ...times(5, I)] });
    const practiceOnly = scoreFlanker(design, play(design, [times(8, 300)]));
    expect(practiceOnly.trials).toBe(0);
    for (const m of FLANKER_METRICS) expect(practiceOnly.metrics[m.id]?.value, m.id).toBeNull();
    expect(practiceOnly.metrics['accuracy']).toEqual({ value: null, reason: 'no completed test trials' });

    // Wrong practice answers do not touch the test metrics.
    const s = scoreFlanker(design, play(design, [times(8, { wrong: 300 }), [...times(5, 400), ...times(5, 470)]]));
    expect(s.metrics['accuracy']).toEqual({ value: 1 });
    expect(s.metrics['conflict_rt']).toEqual({ value: 70 });
  });

  it('judges practice: 6 of 8 correct passes, 5 of 8 does not', () => {
    const design = fixtureDesign({ kind: 'practice', trials: [...times(4, C), ...times(4, I)] });
    const run = (answers: Answer[]) => pairTrials(play(design, [answers]), 'flanker');
    expect(practicePassed(design, 0, run([400, 400, 400, 400, 400, 400, 'omit', { wrong: 400 }]))).toBe(true);
    expect(practicePassed(design, 0, run([400, 400, 400, 400, 400, { premature: 200 }, 'omit', { wrong: 400 }]))).toBe(false);
  });
});

describe('Flanker simulated participant', () => {
  /** The real generator's test blocks, repeated, so sampling error is small. */
  function longDesign(repeats: number): FlankerDesign {
    const base = flankerDesign(3);
    return { ...base, blocks: Array.from({ length: repeats }, () => base.blocks.filter((b) => b.kind === 'test')).flat() };
  }
  const clean: FlankerParticipant = { ...TYPICAL_PARTICIPANT, pError: { congruent: 0.02, incongruent: 0.08 }, pOmission: 0, pPremature: 0 };

  it('yields its known conflict effect back within ±15 ms on a long play (1,440 trials per condition)', () => {
    // One real play (48 per condition) recovers the effect with an SD of ≈ 22 ms; at 30× the trials the SD is
    // ≈ 22 / √30 ≈ 4 ms, so ±15 ms is over 3 SD: a scorer or simulator off by more than that fails.
    const design = longDesign(30);
    for (const conflictMs of [0, 60, 120]) {
      const s = scoreFlanker(design, simulateFlanker(design, { ...clean, conflictMs }, 11 + conflictMs));
      const got = s.metrics['conflict_rt']?.value as number;
      expect(Math.abs(got - conflictMs), `conflict ${conflictMs}: got ${got}`).toBeLessThanOrEqual(15);
    }
    const s = scoreFlanker(design, simulateFlanker(design, clean, 12));
    // True accuracies 0.98 and 0.92; SE at 1,440 trials ≈ 0.004 and 0.007.
    expect(Math.abs((s.metrics['accuracy_congruent']?.value as number) - 0.98)).toBeLessThan(0.015);
    expect(Math.abs((s.metrics['accuracy_incongruent']?.value as number) - 0.92)).toBeLessThan(0.025);
  });

  it('is unbiased on the real design: 100 participants with a 60 ms effect average 60 ± 8 ms', () => {
    const estimates = Array.from({ length: 100 }, (_, i) => {
      const design = flankerDesign(1000 + i);
      return scoreFlanker(design, simulateFlanker(design, TYPICAL_PARTICIPANT, 2000 + i)).metrics['conflict_rt']?.value as number;
    });
    const mean = estimates.reduce((a, b) => a + b, 0) / estimates.length;
    // One play of 40 test trials estimates the effect with an SD of about 30 ms (22 ms at 64, × √(64/40)); SE of this mean ≈ 3 ms.
    expect(Math.abs(mean - 60)).toBeLessThanOrEqual(8);
    expect(Math.abs(median(estimates) - 60)).toBeLessThanOrEqual(10);
    expect(sd(estimates) as number).toBeLessThan(40);
  });

  it('plays with touch as well as with keys', () => {
    const design = flankerDesign(5);
    const events = simulateFlanker(design, { ...TYPICAL_PARTICIPANT, device: 'touch' }, 8);
    expect(events.some((e) => e.type === 'input' && e.device === 'touch')).toBe(true);
    expect(scoreFlanker(design, events).metrics['conflict_rt']?.value).not.toBeNull();
  });
});
