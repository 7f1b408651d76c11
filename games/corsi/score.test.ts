import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../../src/log/events.ts';
import { pairTrials } from '../../src/log/trials.ts';
import { createRng } from '../../src/lib/rng.ts';
import { SimLog } from '../../src/log/sim-log.ts';
import { median } from '../../src/lib/stats.ts';
import { corsiDesign, TIMING, type CorsiDesign, type CorsiTrial, type Direction } from './design.ts';
import { corsi, CORSI_EXPECTED_DURATION_SEC } from './index.ts';
import { outcomesFromRecords, stopRuleMet } from './rules.ts';
import { scoreCorsi } from './score.ts';
import { simulateCorsi, simulatedDurationSec, TYPICAL_PARTICIPANT, type CorsiParticipant } from './simulate.ts';

/** The same six sequences for both directions: lengths 2, 2, 3, 3, 4, 4. */
const SEQUENCES = [
  [0, 1],
  [2, 3],
  [4, 5, 6],
  [7, 8, 0],
  [1, 2, 3, 4],
  [5, 6, 7, 8],
];

function fixtureDesign(): CorsiDesign {
  const block = (direction: Direction) => SEQUENCES.map((sequence): CorsiTrial => ({ direction, sequence }));
  return {
    game: 'corsi',
    version: '1.0.0',
    seed: 1,
    blocks: [
      { kind: 'practice', instruction: 'corsi.forward', demo: 'forward', trials: [{ direction: 'forward', sequence: [3, 5] }] },
      { kind: 'test', instruction: 'corsi.forwardTest', demo: 'forward', trials: block('forward') },
      { kind: 'test', instruction: 'corsi.backwardTest', demo: 'backward', trials: block('backward') },
    ],
  };
}

/** Taps of one trial; `timeout` ends it after the taps given, without the rest. */
type Answer = number[] | { timeout: number[] };

function trialOf(design: CorsiDesign, block: number, index: number, answer: Answer) {
  const n = design.blocks[block]?.trials[index]?.sequence.length ?? 0;
  const target = 1000 + 1000 * n;
  const stimuli = [...Array.from({ length: n }, (_, k) => ({ name: `item-${k}`, at: 1000 + 1000 * k })), { name: 'target', at: target }];
  const taps = Array.isArray(answer) ? answer : answer.timeout;
  const responses = taps.map((b, k) => ({ at: target + 600 + 500 * k, value: String(b), device: 'touch' as const }));
  const end = Array.isArray(answer) ? target + 600 + 500 * (taps.length - 1) : target + 600 + 500 * taps.length + TIMING.idleTimeoutMs;
  return { stimuli, responses, endAt: end, reason: Array.isArray(answer) ? ('response' as const) : ('timeout' as const) };
}

/** A log with the given answers per block (practice, forward test, backward test), trials in index order. */
function play(design: CorsiDesign, answers: Answer[][]): LogEvent[] {
  const log = new SimLog('corsi');
  log.gameStart(design.version, design.seed);
  answers.forEach((list, b) => {
    log.blockStart(b, design.blocks[b]?.kind ?? 'test');
    list.forEach((a, i) => log.trial(b, i, trialOf(design, b, i, a)));
    log.blockEnd(b, 0, design.blocks[b]?.kind === 'practice' ? true : undefined);
  });
  log.gameEnd();
  return log.events;
}

const design = fixtureDesign();

/** The score of a play without the practice block: these forward test answers, then the backward ones if given. */
const scoreTests = (forward: Answer[], backward?: Answer[]) => scoreCorsi(design, play(design, backward ? [[], forward, backward] : [[], forward]));

describe('Corsi scorer, hand-computed fixtures', () => {
  it('computes span, correct sequences, total score and order errors per direction', () => {
    const forward: Answer[] = [
      [0, 1], // length 2 correct
      [3, 2], // right blocks, wrong order: order error
      [4, 5, 6], // length 3 correct
      [7, 8, 1], // a wrong block: not an order error
      [2, 1, 3, 4], // order error
      [5, 6, 8, 7], // order error; both length-4 sequences failed: stop
    ];
    const backward: Answer[] = [
      [1, 0], // correct (reversed)
      [2, 3], // tapped in the shown order: order error
      [6, 5, 4], // correct
      [0, 8, 7], // correct
      [4, 3, 2, 1], // correct
      { timeout: [8, 7] }, // stopped after two taps: wrong, not an order error
    ];
    const s = scoreCorsi(design, play(design, [[[3, 5]], forward, backward]));
    // forward: correct at lengths 2 and 3 → span 3; 2 correct → total 3 × 2 = 6; order errors at trials 1, 4, 5
    expect(s.metrics['forward.span']).toEqual({ value: 3 });
    expect(s.metrics['forward.correct_sequences']).toEqual({ value: 2 });
    expect(s.metrics['forward.total_score']).toEqual({ value: 6 });
    expect(s.metrics['forward.order_errors']).toEqual({ value: 3 });
    // backward: correct at 2, 3, 3, 4 → span 4; 4 correct → total 16; one order error
    expect(s.metrics['backward.span']).toEqual({ value: 4 });
    expect(s.metrics['backward.correct_sequences']).toEqual({ value: 4 });
    expect(s.metrics['backward.total_score']).toEqual({ value: 16 });
    expect(s.metrics['backward.order_errors']).toEqual({ value: 1 });
    expect(s.trials).toBe(12); // the practice trial is not scored
    expect(s.flags.map((f) => f.code)).toEqual(['timeouts']);
  });

  it('scores every answer wrong as span 0 and total 0, and counts right-set-wrong-order answers', () => {
    // biome-ignore format: answer lists read as a table
    const s = scoreTests([[0, 0], [5, 6]], [[0, 1], [2, 3]]);
    expect(s.metrics['forward.span']).toEqual({ value: 0 });
    expect(s.metrics['forward.correct_sequences']).toEqual({ value: 0 });
    expect(s.metrics['forward.total_score']).toEqual({ value: 0 });
    expect(s.metrics['forward.order_errors']).toEqual({ value: 0 }); // [0, 0] repeats a block; [5, 6] has wrong blocks
    expect(s.metrics['backward.span']).toEqual({ value: 0 });
    expect(s.metrics['backward.order_errors']).toEqual({ value: 2 }); // both in the shown, not the reverse, order
  });

  it('says "not computable" when no sequence received a tap', () => {
    const s = scoreTests([{ timeout: [] }, { timeout: [] }], [[0, 1], { timeout: [] }]);
    for (const m of ['span', 'correct_sequences', 'total_score', 'order_errors']) {
      expect(s.metrics[`forward.${m}`]).toEqual({ value: null, reason: 'no tap in any forward test sequence' });
    }
    expect(s.metrics['backward.span']).toEqual({ value: 0 }); // one tapped sequence is enough to score
    expect(s.flags.map((f) => f.code)).toEqual(['forward.no-responses', 'timeouts']);
  });

  it('scores a candidate who taps one block only: never correct, never an order error', () => {
    // Only the first block, then the trial times out; or the same block for every tap.
    // biome-ignore format: answer lists read as a table
    const s = scoreTests([{ timeout: [0] }, { timeout: [2] }], [[4, 4], [4, 4]]);
    expect(s.metrics['forward.span']).toEqual({ value: 0 });
    expect(s.metrics['forward.order_errors']).toEqual({ value: 0 });
    expect(s.metrics['backward.span']).toEqual({ value: 0 });
    expect(s.metrics['backward.order_errors']).toEqual({ value: 0 });
  });

  it('reads at most as many taps as the sequence is long and ignores values that are no block', () => {
    // biome-ignore format: answer lists read as a table
    const s = scoreTests([[0, 1, 5], [2, 9, 3]], [[1, 0]]);
    // [0, 1, 5] → first two taps [0, 1]: correct; [2, 9, 3] → 9 is no block → [2, 3]: correct
    expect(s.metrics['forward.correct_sequences']).toEqual({ value: 2 });
    expect(s.metrics['forward.span']).toEqual({ value: 2 });
  });

  it('reports a direction without completed test trials as not computable', () => {
    // biome-ignore format: answer lists read as a table
    const s = scoreTests([[0, 1], [2, 3]]);
    expect(s.metrics['backward.span']).toEqual({ value: null, reason: 'no completed backward test trials' });
    expect(s.metrics['forward.total_score']).toEqual({ value: 4 });
  });

  it('flags trials that ran past the stop rule, and a practice failed twice', () => {
    // biome-ignore format: answer lists read as a table
    const flags = scoreTests([[1, 0], [3, 2], [4, 5, 6]], [[1, 0]]).flags.map((f) => f.code);
    expect(flags).toContain('forward.stop-rule');
    const log = new SimLog('corsi');
    log.gameStart('1.0.0', 1);
    for (const attempt of [0, 1]) {
      log.blockStart(0, 'practice', attempt);
      log.trial(0, 0, trialOf(design, 0, 0, [1, 2]));
      log.blockEnd(0, attempt, false);
    }
    const practice = scoreCorsi(design, log.events);
    expect(practice.flags.map((f) => f.code)).toEqual(['practice-failed']);
    expect(practice.metrics['forward.span']?.value).toBeNull();
  });
});

describe('Corsi rules', () => {
  // Trials are indexed as in design.ts: two per length, so 0–1 are length 2 and 2–3 length 3.
  // biome-ignore format: one case per line reads as a table
  const cases: { outcomes: [number, boolean][]; stops: boolean; why: string }[] = [
    { outcomes: [[0, false], [1, true], [2, false]], stops: false, why: 'one of length 2 failed, one of length 3 not yet played' },
    { outcomes: [[0, true], [1, false], [2, false], [3, false]], stops: true, why: 'both of length 3 failed' },
    { outcomes: [[2, false], [3, false]], stops: true, why: 'both of length 3 failed (a resumed block)' },
    { outcomes: [[1, false], [2, false]], stops: false, why: '1 and 2 are different lengths' },
    { outcomes: [], stops: false, why: 'nothing played' },
  ];
  it.each(cases)('stops a block once both sequences of one length failed, and only then: $why', ({ outcomes, stops }) => {
    expect(stopRuleMet(new Map(outcomes))).toBe(stops);
  });

  it('rebuilds the stop-rule state of a block from the paired log (resume)', () => {
    // biome-ignore format: answer lists read as a table
    const events = play(design, [[[3, 5]], [[0, 1], [3, 2], [4, 6, 5]], []]);
    const records = pairTrials(events, 'corsi');
    const outcomes = outcomesFromRecords(design.blocks[1]?.trials ?? [], records, 1);
    expect([...outcomes]).toEqual([
      [0, true],
      [1, false],
      [2, false],
    ]);
    expect(stopRuleMet(outcomes)).toBe(false);
    outcomes.set(3, false);
    expect(stopRuleMet(outcomes)).toBe(true);
  });

  it('passes a practice block with one correct sequence of two, not with none', () => {
    const d = corsiDesign(3);
    const practice = d.blocks[2];
    if (!practice) throw new Error('no backward practice');
    const [a, b] = practice.trials.map((t) => t.sequence);
    const run = (answers: number[][]) => {
      const events = play(d, [[], [], answers]);
      return corsi.practicePassed(
        d,
        2,
        pairTrials(events, 'corsi').filter((t) => t.block === 2),
      );
    };
    if (!a || !b) throw new Error('practice sequences missing');
    expect(run([[...a].reverse(), [...b]])).toBe(true); // first right (reversed), second in the shown order
    expect(run([[...a], [...b]])).toBe(false); // both in the shown order: the backward rule was not followed
  });
});

describe('Corsi simulated participant', () => {
  const exact: CorsiParticipant = { ...TYPICAL_PARTICIPANT, span: { forward: 6, backward: 4 }, spread: 0, pOrderError: 1, pOmission: 0 };

  it('returns a known span exactly when recall is a clean step at the span', () => {
    for (const seed of [1, 2, 3]) {
      const d = corsiDesign(seed);
      const s = scoreCorsi(d, simulateCorsi(d, exact, seed));
      expect(s.metrics['forward.span']).toEqual({ value: 6 });
      expect(s.metrics['forward.correct_sequences']).toEqual({ value: 10 }); // lengths 2–6, both sequences
      expect(s.metrics['forward.total_score']).toEqual({ value: 60 });
      expect(s.metrics['forward.order_errors']).toEqual({ value: 2 }); // both length-7 sequences, neighbours swapped
      expect(s.metrics['backward.span']).toEqual({ value: 4 });
      expect(s.metrics['backward.total_score']).toEqual({ value: 24 });
      expect(s.flags).toEqual([]);
    }
  });

  it('returns the known span on average when recall is noisy around it', () => {
    const spans: number[] = [];
    for (let seed = 1; seed <= 60; seed++) {
      const d = corsiDesign(seed);
      const s = scoreCorsi(d, simulateCorsi(d, { ...TYPICAL_PARTICIPANT, span: { forward: 6, backward: 6 } }, seed + 1000));
      spans.push(s.metrics['forward.span']?.value as number, s.metrics['backward.span']?.value as number);
    }
    expect(median(spans)).toBe(6);
    const mean = spans.reduce((a, b) => a + b, 0) / spans.length;
    expect(Math.abs(mean - 6)).toBeLessThan(0.5);
  });

  it('reaches the ceiling flag when the span is above the longest sequence', () => {
    const d = corsiDesign(4);
    const s = scoreCorsi(d, simulateCorsi(d, { ...exact, span: { forward: 12, backward: 12 } }, 4));
    expect(s.metrics['forward.span']).toEqual({ value: 9 });
    expect(s.metrics['forward.total_score']).toEqual({ value: 9 * 16 });
    expect(s.flags.map((f) => f.code)).toEqual(['forward.ceiling', 'backward.ceiling']);
  });

  it('takes about the manifest duration for a typical participant', () => {
    const durations: number[] = [];
    for (let seed = 1; seed <= 200; seed++) {
      const rng = createRng(seed);
      const d = corsiDesign(rng.int(1, 1e9));
      durations.push(simulatedDurationSec(simulateCorsi(d, TYPICAL_PARTICIPANT, seed)));
    }
    const m = median(durations);
    console.info(`corsi: median simulated duration ${m.toFixed(1)} s (range ${Math.min(...durations).toFixed(0)}–${Math.max(...durations).toFixed(0)} s)`);
    expect(Math.abs(m - CORSI_EXPECTED_DURATION_SEC)).toBeLessThan(10);
    expect(corsi.expectedDurationSec).toBe(CORSI_EXPECTED_DURATION_SEC);
  });
});
