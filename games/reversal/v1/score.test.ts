import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../../../src/log/events.ts';
import { pairTrials } from '../../../src/log/trials.ts';
import { SimLog } from '../../../src/log/sim-log.ts';
import { ContingencyTracker, replayBlock } from './contingency.ts';
import { reversalDesign, REVERSAL_ID, type Option, type ReversalDesign, type ReversalTrial } from './design.ts';
import { reversalV1 as reversal } from './index.ts';
import { practicePassed, scoreReversal } from './score.ts';
import perseveratorLog from './fixtures/perseverator-seed1.json' with { type: 'json' };

type Choice = Option | null;

/** A block with a hand-written outcome schedule ('.' = the best option pays, 'x' = the other one does). */
function trials(schedule: string, opts: { reversible?: boolean; startBest?: Option; set?: 'practice' | 'test' } = {}): ReversalTrial[] {
  return [...schedule].map((c, i) => ({
    set: opts.set ?? 'test',
    left: i % 2 === 0 ? 'A' : 'B',
    bestPays: c === '.',
    startBest: opts.startBest ?? 'A',
    reversible: opts.reversible ?? true,
    windowMs: 3000,
  }));
}

function fixtureDesign(...blocks: { kind: 'practice' | 'test'; trials: ReversalTrial[] }[]): ReversalDesign {
  return { game: REVERSAL_ID, version: '1.0.0', seed: 1, blocks: blocks.map((b) => ({ ...b, instruction: `reversal.${b.kind}`, demo: 'choose' })) };
}

/** 'A'/'B' chooses that option, null lets the trial time out. Logs params as the scene does, unless `tamper` changes them. */
function play(
  design: ReversalDesign,
  choicesPerBlock: Choice[][],
  opts: { tamper?: (block: number, trial: number, params: Record<string, string | number>) => void; passed?: (boolean | undefined)[] } = {},
): LogEvent[] {
  const log = new SimLog(REVERSAL_ID);
  log.gameStart(design.version, design.seed);
  choicesPerBlock.forEach((choices, b) => {
    const spec = design.blocks[b];
    if (!spec) return;
    log.blockStart(b, spec.kind);
    const tracker = new ContingencyTracker(spec.trials);
    choices.forEach((choice, i) => {
      const t = spec.trials[i] as ReversalTrial;
      const target: Record<string, string | number> = { best: tracker.currentBest, left: t.left };
      const outcome = tracker.record(i, choice);
      const feedback: Record<string, string | number> = { reward: outcome.reward };
      opts.tamper?.(b, i, target);
      opts.tamper?.(b, i, feedback);
      const stimuli = [{ name: 'target', at: 250, params: target }];
      if (choice === null)
        log.trial(b, i, { stimuli: [...stimuli, { name: 'feedback', at: 3267, params: feedback }], responses: [], endAt: 3250, reason: 'timeout' });
      else
        log.trial(b, i, {
          stimuli: [...stimuli, { name: 'feedback', at: 867, params: feedback }],
          responses: [{ at: 850, value: choice }],
          endAt: 850,
          reason: 'response',
        });
    });
    log.blockEnd(b, 0, opts.passed?.[b]);
  });
  log.gameEnd();
  return log.events;
}

/** The recorded log; the fixture is data from the 1.0.0 log format, read as such. */
const recorded = perseveratorLog as LogEvent[];

const letters = (s: string): Choice[] => [...s].map((c) => (c === '-' ? null : (c as Option)));

describe('Reversal contingency', () => {
  it('reverses after 8 best choices in a row at the earliest, and counts at most the last 10 since the reversal', () => {
    // Best A; trials 0..6 best, trial 7 not: 7 of 8. Trial 8 best: 8 of 9 → reversal after trial 8.
    const r = replayBlock(trials('..........'), letters('AAAAAAABAA'));
    expect(r.map((c) => c.reversedAfter)).toEqual([false, false, false, false, false, false, false, false, true, false]);
    expect(r[9]?.best).toBe('B');
    // Alternating choices never reach 8 of 10.
    expect(replayBlock(trials('.'.repeat(20)), letters('AB'.repeat(10))).some((c) => c.reversedAfter)).toBe(false);
    // The window slides: BB then 8 A → the last 10 hold 8 best → reversal after trial 9, not before.
    const slide = replayBlock(trials('.'.repeat(10)), letters('BBAAAAAAAA'));
    expect(slide.findIndex((c) => c.reversedAfter)).toBe(9);
  });

  it('never reverses a practice block, and pays exactly one option per trial', () => {
    const r = replayBlock(trials('..x..', { reversible: false }), letters('AAAAB'));
    expect(r.every((c) => c.best === 'A' && !c.reversedAfter)).toBe(true);
    expect(r.map((c) => c.reward)).toEqual([1, 1, 0, 1, 0]);
  });

  it('counts a missed trial as not best: it delays the criterion and never pays', () => {
    // 7 best, a miss, then best: 8 of 9 only after trial 8 (a miss can never complete the criterion, as it adds no hit).
    const miss = replayBlock(trials('..........'), letters('AAAAAAA-A-'));
    expect(miss.map((c) => c.reversedAfter)).toEqual([false, false, false, false, false, false, false, false, true, false]);
    expect(miss[7]?.reward).toBe(0);
    expect(miss[9]).toEqual({ best: 'B', choice: null, reward: 0, reversedAfter: false });
  });
});

describe('Reversal scorer, hand-computed fixtures', () => {
  // 16 test trials; the best option fails to pay on trials 2 and 12. Best A until the criterion after trial 7, then B.
  const design = fixtureDesign({ kind: 'test', trials: trials('..x.........x...') });
  //             index  0123456789012345
  const choices = letters('AAAAAAAAAA-BBABA');

  it('computes every metric of a played block', () => {
    const s = scoreReversal(design, play(design, [choices]));
    // Rewards: 1 1 0 1 1 1 1 1 | 0 0 - 1 0 0 1 0 (trial 12: the best B does not pay; trial 15: A is not best).
    expect(s).toMatchObject({
      trials: 16,
      flags: [],
      metrics: {
        reversals: { value: 1 }, // phase 2 has 3 best choices (11, 12, 14)
        trials_to_first_criterion: { value: 8 },
        // After the reversal: A (8), A (9), miss (10, skipped), B (11) → 2 perseverative errors.
        perseverative_errors: { value: 2 },
        // Rewarded pairs: 0→1 1→2 3→4 4→5 5→6 6→7 7→8 11→12 14→15; stays in all but 14→15 → 8 of 9.
        win_stay: { value: 0.8889 },
        // Unrewarded pairs: 2→3 (stay) 8→9 (stay) 12→13 (shift) 13→14 (shift) → 2 of 4; 9→10 and 10→11 have a miss.
        lose_shift: { value: 0.5 },
        // Best choices 0–7 and 11, 12, 14: 11 of 16.
        best_choice_rate: { value: 0.6875 },
      },
    });
  });

  it('averages perseverative errors over the reversals that a trial follows', () => {
    // 11 A, 9 B, 1 A. Reversal after trial 7 (best → B): A on 8, 9, 10 = 3 perseverative; B on 11–18 → reversal
    // after trial 18 (best → A): B on 19 = 1 perseverative, then A.
    const d = fixtureDesign({ kind: 'test', trials: trials('.'.repeat(21)) });
    const s = scoreReversal(d, play(d, [letters('AAAAAAAAAAABBBBBBBBBA')]));
    expect(s.metrics['reversals']).toEqual({ value: 2 });
    expect(s.metrics['perseverative_errors']).toEqual({ value: 2 }); // (3 + 1) / 2
    expect(s.metrics['trials_to_first_criterion']).toEqual({ value: 8 });
  });

  it('counts a criterion met on the last trial as a reversal without a perseveration run', () => {
    const d = fixtureDesign({ kind: 'test', trials: trials('........') });
    const s = scoreReversal(d, play(d, [letters('AAAAAAAA')]));
    expect(s.metrics).toMatchObject({
      reversals: { value: 1 },
      perseverative_errors: { value: null, reason: 'no reversal followed by a test trial' },
      lose_shift: { value: null, reason: 'no unrewarded choice followed by another choice' },
      win_stay: { value: 1 },
    });
  });

  it('every answer wrong: no criterion, no best choices, and the wrong option is stayed with when it pays', () => {
    // Best A throughout (never reversed); B pays on trials 2 and 7 only.
    const d = fixtureDesign({ kind: 'test', trials: trials('..x....x..') });
    const s = scoreReversal(d, play(d, [letters('BBBBBBBBBB')]));
    expect(s.metrics).toEqual({
      reversals: { value: 0 },
      trials_to_first_criterion: { value: null, reason: 'learning criterion never met in 10 test trials' },
      perseverative_errors: { value: null, reason: 'no reversal followed by a test trial' },
      best_choice_rate: { value: 0 },
      win_stay: { value: 1 }, // 2→3 and 7→8
      lose_shift: { value: 0 }, // 7 losses, never a shift
    });
  });

  it('no response at all: nothing to learn from, and flagged', () => {
    const d = fixtureDesign({ kind: 'test', trials: trials('....x.....') });
    const s = scoreReversal(d, play(d, [letters('----------')]));
    expect(s).toMatchObject({
      trials: 10,
      flags: [{ code: 'many-omissions' }],
      metrics: {
        reversals: { value: 0 },
        best_choice_rate: { value: 0 },
        win_stay: { value: null, reason: 'no rewarded choice followed by another choice' },
        lose_shift: { value: null, reason: 'no unrewarded choice followed by another choice' },
      },
    });
  });

  it('one block only: a log with just the practice has no test metrics; a design with just a test scores', () => {
    const full = fixtureDesign(
      { kind: 'practice', trials: trials('..........', { reversible: false, set: 'practice' }) },
      { kind: 'test', trials: trials('..........') },
    );
    const practiceOnly = scoreReversal(full, play(full, [letters('AAAAAAAAAA')], { passed: [true] }));
    for (const id of reversal.metrics.map((m) => m.id)) expect(practiceOnly.metrics[id]).toEqual({ value: null, reason: 'no completed test trials' });
    expect(practiceOnly.trials).toBe(0);

    const testOnly = fixtureDesign({ kind: 'test', trials: trials('..........') });
    const s = scoreReversal(testOnly, play(testOnly, [letters('AAAAAAAABB')]));
    expect(s.metrics['trials_to_first_criterion']).toEqual({ value: 8 });
    expect(s.metrics['perseverative_errors']).toEqual({ value: 0 });
    expect(s.metrics['best_choice_rate']).toEqual({ value: 1 });
  });

  it('ignores the practice block and the points in every metric', () => {
    const d = fixtureDesign(
      { kind: 'practice', trials: trials('..........', { reversible: false, set: 'practice' }) },
      design.blocks[0] as { kind: 'test'; trials: ReversalTrial[] },
    );
    const withPractice = scoreReversal(d, play(d, [letters('BBBBBBBBBB'), choices]));
    const alone = scoreReversal(design, play(design, [choices]));
    expect(withPractice.metrics).toEqual(alone.metrics);
    const rich = play(design, [choices]).map((e) => (e.type === 'block-end' ? { ...e, points: 9999 } : e));
    expect(scoreReversal(design, rich).metrics).toEqual(alone.metrics);
  });

  it('flags a logged best option or reward that differs from the recomputed contingency, and scores the recomputed one', () => {
    const events = play(design, [choices], {
      tamper: (_b, i, params) => {
        if (i === 9 && 'best' in params) params['best'] = 'A';
        if (i === 12 && 'reward' in params) params['reward'] = 1;
      },
    });
    const s = scoreReversal(design, events);
    expect(s.flags.map((f) => f.code)).toEqual(['contingency-mismatch']);
    expect(s.flags[0]?.detail).toContain('trial(s) 9, 12');
    expect(s.metrics).toEqual(scoreReversal(design, play(design, [choices])).metrics);
  });

  it('flags a practice that failed on its last attempt, a side bias and an unfinished block', () => {
    const d = fixtureDesign(
      { kind: 'practice', trials: trials('..........', { reversible: false, set: 'practice' }) },
      { kind: 'test', trials: trials('.'.repeat(20)) },
    );
    // trials() alternates sides (A left on even trials); choosing A on even and B on odd trials is always the left side.
    const left = letters('AB'.repeat(6));
    const s = scoreReversal(d, play(d, [letters('BBBBBBBBBB'), left], { passed: [false] }));
    expect(s.flags.map((f) => f.code).sort()).toEqual(['incomplete-block', 'practice-failed', 'side-bias']);
  });

  it('is deterministic: the same log gives byte-identical scores', () => {
    const d = reversalDesign(1);
    expect(JSON.stringify(scoreReversal(d, recorded))).toBe(JSON.stringify(scoreReversal(d, structuredClone(recorded))));
  });
});

describe('Reversal practice criterion', () => {
  const design = fixtureDesign({ kind: 'practice', trials: trials('..........', { reversible: false, set: 'practice' }) });
  const passes = (s: string) => practicePassed(design, 0, pairTrials(play(design, [letters(s)]), REVERSAL_ID));

  it('passes with at least 4 of the last 5 trials on the better option', () => {
    expect(passes('BBBBBAAAAB')).toBe(true);
    expect(passes('AAAAABAAAA')).toBe(true);
    expect(passes('AAAAABBAAA')).toBe(false);
    expect(passes('AAAAAAAA--')).toBe(false);
    expect(passes('----------')).toBe(false);
  });
});

describe('Reversal scorer, a recorded 1.0.0 log', () => {
  // Recorded once with the 1.0.0 simulator, since removed: design seed 1, a learner that always takes the best option
  // except for exactly 3 choices of the previously-best one after every reversal, no lapses and no missed trials.
  it('scores it exactly as when it was recorded', () => {
    const s = scoreReversal(reversalDesign(1), recorded);
    // Each phase: 3 old-best choices, then 8 new-best ones meet the criterion → a reversal after trial 8, then every 11
    // trials: 1 + floor((70 − 8) / 11) = 6 in the 70-trial test block, each followed by exactly 3 perseverative errors.
    expect(s).toEqual({
      game: 'reversal',
      gameVersion: '1.0.0',
      scorerVersion: '1.1.0',
      trials: 70,
      flags: [],
      metrics: {
        reversals: { value: 6 },
        trials_to_first_criterion: { value: 8 },
        perseverative_errors: { value: 3 },
        // 6 × 3 = 18 perseverative choices are the only choices not of the best option: 52 of 70.
        best_choice_rate: { value: 0.7429 },
        // Of the 69 pairs of consecutive choices, 46 follow a paid choice (43 stay) and 23 an unpaid one (3 shift).
        win_stay: { value: 0.9348 },
        lose_shift: { value: 0.1304 },
      },
    });
  });

  it('agrees with the best option and reward the log recorded on every trial', () => {
    const tampered = recorded.map((e) =>
      e.type === 'stimulus' && e.block === 1 && e.trial === 20 && e.name === 'target' ? { ...e, params: { ...e.params, best: 'X' } } : e,
    );
    expect(scoreReversal(reversalDesign(1), tampered).flags.map((f) => f.detail)).toEqual([expect.stringContaining('trial(s) 20 ')]);
  });
});
