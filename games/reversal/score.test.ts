import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../../src/log/events.ts';
import { SimLog } from '../../src/log/sim-log.ts';
import { type Option, REVERSAL_ID, type ReversalDesign, type ReversalTrial, reversalDesign } from './design.ts';
import { scoreReversal } from './score.ts';
import { PERSEVERATOR, simulateReversal, TYPICAL_PARTICIPANT } from './simulate.ts';

/** A test block: `bests` gives each trial's best option; only the chosen option's `pays` matters, so every option pays when `pays` is '1'. */
function block(bests: Option[], pays: string): ReversalTrial[] {
  return bests.map((best, i) => {
    const p = pays[i] === '1';
    return { set: 'test', best, pays: [p, p, p], windowMs: 3000 };
  });
}

function design(trials: ReversalTrial[]): ReversalDesign {
  return { game: REVERSAL_ID, version: '2.0.0', seed: 1, blocks: [{ kind: 'test', instruction: 'reversal.test', demo: 'move', trials }] };
}

/** Plays a design's single test block with these choices (null = timeout), logging what the scene logs. */
function play(d: ReversalDesign, choices: (Option | null)[], tamper = false): LogEvent[] {
  const log = new SimLog(REVERSAL_ID);
  log.gameStart(d.version, d.seed);
  log.blockStart(0, 'test');
  choices.forEach((c, i) => {
    const t = d.blocks[0]?.trials[i] as ReversalTrial;
    const reward = c !== null && t.pays[c] ? 1 : 0;
    const target = { name: 'target', at: 250, params: { best: t.best } };
    const feedback = { name: 'feedback', at: 867, params: { reward: tamper && i === 0 ? 1 - reward : reward } };
    if (c === null) log.trial(0, i, { stimuli: [target, feedback], responses: [], endAt: 3250, reason: 'timeout' });
    else log.trial(0, i, { stimuli: [target, feedback], responses: [{ at: 850, value: String(c) }], endAt: 850, reason: 'response' });
  });
  log.blockEnd(0, 0);
  log.gameEnd();
  return log.events;
}

describe('Coin hunt scorer (2.0.0)', () => {
  it('computes every metric of a hand-made sequence', () => {
    // Best 0 for four trials, then 2. Choices: 0 (coin) 0 (none) 1 (none) 0 (coin) | 0 (none) — 0 (coin) 2 (coin)
    const d = design(block([0, 0, 0, 0, 2, 2, 2, 2], '10011011'));
    const s = scoreReversal(d, play(d, [0, 0, 1, 0, 0, null, 0, 2]));
    // Best chosen on trials 0, 1, 3 and 7 of 8 completed.
    expect(s.metrics['best_choice_rate']).toEqual({ value: 0.5 });
    // After the move (trial 4): 0, (none), 0, then 2 → a run of 2.
    expect(s.metrics['perseverative_errors']).toEqual({ value: 2 });
    // Pairs with both choices: 0→0 win stay; 0→1 loss shift; 1→0 loss shift; 0→0 win stay; 0→2 win shift.
    expect(s.metrics['win_stay']).toEqual({ value: 0.6667 });
    expect(s.metrics['lose_shift']).toEqual({ value: 1 });
    expect(s.trials).toBe(8);
    expect(s.flags.map((f) => f.code)).toEqual(['many-omissions']); // 1 of 8 trials without a choice
  });

  it('recovers a scripted perseveration of 3 choices after each move of the best option', () => {
    const d = reversalDesign(5);
    const s = scoreReversal(d, simulateReversal(d, PERSEVERATOR, 9));
    expect(s.metrics['perseverative_errors']).toEqual({ value: 3 });
  });

  it('the typical simulated learner reproduces the sciops medians at 60 trials (win-stay .97, best choice .58, perseveration 1.3)', () => {
    const m: Record<string, number[]> = {};
    for (let seed = 1; seed <= 100; seed++) {
      const d = reversalDesign(seed);
      for (const [k, v] of Object.entries(scoreReversal(d, simulateReversal(d, TYPICAL_PARTICIPANT, seed)).metrics))
        if (v.value !== null) (m[k] ??= []).push(v.value);
    }
    const median = (xs: number[] = []) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;
    expect(Math.abs(median(m['win_stay']) - 0.967)).toBeLessThan(0.04);
    expect(Math.abs(median(m['best_choice_rate']) - 0.583)).toBeLessThan(0.05);
    expect(Math.abs(median(m['perseverative_errors']) - 1.333)).toBeLessThan(0.7);
  });

  it('flags a reward the scene logged that the design does not give, and one place chosen throughout', () => {
    const d = reversalDesign(3);
    const test = d.blocks[0]?.trials ?? [];
    const only = design(test);
    const s = scoreReversal(
      only,
      play(
        only,
        test.map(() => 0),
        true,
      ),
    );
    expect(s.flags.map((f) => f.code).sort()).toEqual(['contingency-mismatch', 'position-bias']);
  });
});
