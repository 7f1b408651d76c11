import { describe, expect, it } from 'vitest';
import { SimLog } from '../../src/log/sim-log.ts';
import { reactionDesign, type ReactionDesign } from './design.ts';
import { scoreReaction } from './score.ts';
import { simulateReaction, TYPICAL_PARTICIPANT } from './simulate.ts';

/** A design with exactly the trials a fixture needs: block 0 simple test, block 1 choice test. */
function fixtureDesign(simple: number, choiceSides: ('left' | 'right')[]): ReactionDesign {
  return {
    game: 'reaction',
    version: '1.0.0',
    seed: 1,
    blocks: [
      {
        kind: 'test',
        instruction: 'reaction.simpleTest',
        demo: 'simple',
        trials: Array.from({ length: simple }, () => ({ condition: 'simple' as const, side: 'center' as const, foreperiodMs: 1000, windowMs: 1500 })),
      },
      {
        kind: 'test',
        instruction: 'reaction.choiceTest',
        demo: 'choice',
        trials: choiceSides.map((side) => ({ condition: 'choice' as const, side, foreperiodMs: 1000, windowMs: 1500 })),
      },
    ],
  };
}

type Answer = number | 'omit' | { rt: number; value: string } | { premature: number };

function play(design: ReactionDesign, simple: Answer[], choice: Answer[]) {
  const log = new SimLog('reaction');
  log.gameStart(design.version, design.seed);
  [simple, choice].forEach((answers, b) => {
    log.blockStart(b, 'test');
    answers.forEach((a, i) => {
      const side = design.blocks[b]?.trials[i]?.side ?? 'center';
      const right = b === 0 ? 'any' : side;
      const target = [{ name: 'target', at: 1000 }];
      if (a === 'omit') log.trial(b, i, { stimuli: target, responses: [], endAt: 2500, reason: 'timeout' });
      else if (typeof a === 'object' && 'premature' in a)
        log.trial(b, i, { stimuli: [], responses: [{ at: a.premature, value: right }], endAt: a.premature, reason: 'premature' });
      else {
        const { rt, value } = typeof a === 'number' ? { rt: a, value: right } : a;
        log.trial(b, i, { stimuli: target, responses: [{ at: 1000 + rt, value }], endAt: 1000 + rt, reason: 'response' });
      }
    });
    log.blockEnd(b);
  });
  log.gameEnd();
  return log.events;
}

describe('Reaction scorer, hand-computed fixtures', () => {
  it('computes median, speed, SD, accuracy, anticipations and lapses per condition', () => {
    const design = fixtureDesign(7, ['left', 'right', 'left', 'right', 'left', 'right', 'left']);
    // simple: 200, 250, 300, 350, 400 valid; one anticipation (80 ms), one lapse (omitted)
    const simple: Answer[] = [200, 250, 300, 350, 400, 80, 'omit'];
    // choice: 400, 500, 600, 700, 800 correct, 1100 correct but a lapse (>= 1000), one wrong side at 450
    const choice: Answer[] = [400, 500, 600, 700, 800, 1100, { rt: 450, value: 'right' }];
    const s = scoreReaction(design, play(design, simple, choice));

    expect(s.metrics['simple.median_rt']).toEqual({ value: 300 });
    // mean of 1000/rt over 200..400: (5 + 4 + 3.3333 + 2.8571 + 2.5) / 5 = 3.5381
    expect(s.metrics['simple.mean_speed']).toEqual({ value: 3.5381 });
    // SD of 200..400 step 50 = sqrt(((100² + 50² + 0 + 50² + 100²) / 4)) = 79.057
    expect(s.metrics['simple.rt_sd']).toEqual({ value: 79.057 });
    expect(s.metrics['simple.accuracy']).toEqual({ value: 0.7143 }); // 5 of 7
    expect(s.metrics['simple.anticipations']).toEqual({ value: 1 });
    expect(s.metrics['simple.lapses']).toEqual({ value: 1 }); // the omission; none of 200..400 reaches 500

    expect(s.metrics['choice.median_rt']).toEqual({ value: 650 }); // 400 500 600 700 800 1100
    expect(s.metrics['choice.accuracy']).toEqual({ value: 0.8571 }); // 6 of 7
    expect(s.metrics['choice.anticipations']).toEqual({ value: 0 });
    expect(s.metrics['choice.lapses']).toEqual({ value: 1 }); // 1100 ms
    expect(s.trials).toBe(14);
  });

  it('counts a press before the target as an anticipation, not a reaction', () => {
    const design = fixtureDesign(6, ['left']);
    const s = scoreReaction(design, play(design, [300, 300, 300, 300, 300, { premature: 400 }], [500]));
    expect(s.metrics['simple.anticipations']).toEqual({ value: 1 });
    expect(s.metrics['simple.lapses']).toEqual({ value: 0 });
    expect(s.metrics['simple.median_rt']).toEqual({ value: 300 });
  });

  it('says "not computable" instead of a number when every answer is missing or wrong', () => {
    const design = fixtureDesign(5, ['left', 'left', 'left', 'left', 'left']);
    const wrong = { rt: 400, value: 'right' };
    const s = scoreReaction(design, play(design, ['omit', 'omit', 'omit', 'omit', 'omit'], [wrong, wrong, wrong, wrong, wrong]));
    expect(s.metrics['simple.median_rt']).toEqual({ value: null, reason: 'fewer than 5 correct responses (0)' });
    expect(s.metrics['simple.accuracy']).toEqual({ value: 0 });
    expect(s.metrics['simple.lapses']).toEqual({ value: 5 });
    expect(s.metrics['choice.median_rt']?.value).toBeNull();
    expect(s.metrics['choice.accuracy']).toEqual({ value: 0 });
  });

  it('counts an answer after the response window as no answer (a lapse), whatever the scene accepted', () => {
    const design = fixtureDesign(6, ['left']);
    const s = scoreReaction(design, play(design, [300, 300, 300, 300, 300, 1600], [500]));
    expect(s.metrics['simple.accuracy']).toEqual({ value: 0.8333 }); // 5 of 6
    expect(s.metrics['simple.lapses']).toEqual({ value: 1 });
    expect(s.metrics['simple.median_rt']).toEqual({ value: 300 });
  });

  it('reports a condition without trials as not computable', () => {
    const design = fixtureDesign(5, []);
    const s = scoreReaction(design, play(design, [300, 300, 300, 300, 300], []));
    expect(s.metrics['choice.accuracy']).toEqual({ value: null, reason: 'no completed test trials' });
  });
});

describe('Reaction simulated participant', () => {
  it('returns the known ex-Gaussian parameters within tolerance', () => {
    // A long design (many blocks of the real generator) so that sampling error is small.
    const base = reactionDesign(3);
    const design: ReactionDesign = {
      ...base,
      blocks: Array.from({ length: 10 }, () => base.blocks)
        .flat()
        .filter((b) => b.kind === 'test'),
    };
    const p = { ...TYPICAL_PARTICIPANT, pError: 0.05, pOmission: 0, pPremature: 0 };
    const s = scoreReaction(design, simulateReaction(design, p, 11));
    for (const c of ['simple', 'choice'] as const) {
      const { mu, sigma, tau } = p[c];
      // ex-Gaussian: mean = mu + tau, SD = sqrt(sigma² + tau²); the median lies between mu and the mean.
      const sd = Math.sqrt(sigma ** 2 + tau ** 2);
      const median = s.metrics[`${c}.median_rt`]?.value as number;
      expect(median).toBeGreaterThan(mu);
      expect(median).toBeLessThan(mu + tau);
      expect(s.metrics[`${c}.rt_sd`]?.value as number).toBeGreaterThan(sd * 0.85);
      expect(s.metrics[`${c}.rt_sd`]?.value as number).toBeLessThan(sd * 1.15);
    }
    expect(s.metrics['choice.accuracy']?.value as number).toBeGreaterThan(0.91);
    expect(s.metrics['choice.accuracy']?.value as number).toBeLessThan(0.99);
    expect(s.metrics['simple.accuracy']?.value as number).toBeGreaterThan(0.99);
  });
});
