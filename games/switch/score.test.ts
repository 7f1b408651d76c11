import { describe, expect, it } from 'vitest';
import type { BlockKind, LogEvent } from '../../src/log/events.ts';
import { pairTrials } from '../../src/log/trials.ts';
import { SimLog } from '../../src/log/sim-log.ts';
import { answerFor, switchDesign, SWITCH_VERSION, type Side, type SwitchDesign, type SwitchTrial, type Task, type Transition } from './design.ts';
import { practicePassed } from './practice.ts';
import { scoreSwitch, SWITCH_METRICS } from './score.ts';
import { simulateSwitch, TYPICAL_PARTICIPANT, type SwitchParticipant } from './simulate.ts';

const CTI = 700;
const WINDOW = 2500;

/** A trial whose figure asks for `correct` under `task` (congruent: the other rule agrees). */
function spec(task: Task, transition: Transition, correct: Side): SwitchTrial {
  const colour = task === 'colour' ? (correct === 'left' ? 'blue' : 'orange') : 'blue';
  const shape = task === 'shape' ? (correct === 'left' ? 'circle' : 'square') : 'circle';
  const trial: SwitchTrial = { task, transition, colour, shape, correct, congruent: false, ctiMs: CTI, windowMs: WINDOW };
  trial.congruent = answerFor(task === 'colour' ? 'shape' : 'colour', colour, shape) === correct;
  return trial;
}

/** A block of the given transitions; the rule flips on every 'switch'; answers alternate sides. */
function block(kind: BlockKind, firstTask: Task, transitions: Transition[]): { kind: BlockKind; instruction: string; demo: string; trials: SwitchTrial[] } {
  let task = firstTask;
  const trials = transitions.map((tr, i) => {
    if (tr === 'switch') task = task === 'colour' ? 'shape' : 'colour';
    return spec(task, tr, i % 2 === 0 ? 'left' : 'right');
  });
  const mixed = transitions.some((t) => t === 'repeat' || t === 'switch');
  return { kind, instruction: 'switch.x', demo: mixed ? 'mixed' : firstTask, trials };
}

function fixtureDesign(blocks: ReturnType<typeof block>[]): SwitchDesign {
  return { game: 'switch', version: SWITCH_VERSION, seed: 1, blocks };
}

/** An RT with the right answer; `{ rt, wrong }` the other side; 'omit' no answer; `{ premature }` an answer during the cue. */
type Answer = number | 'omit' | { rt: number; wrong: true } | { premature: number };

function play(design: SwitchDesign, answers: Answer[][], opts: { points?: number; passed?: boolean[] } = {}): LogEvent[] {
  const log = new SimLog('switch');
  log.gameStart(design.version, design.seed);
  answers.forEach((list, b) => {
    const kind = design.blocks[b]?.kind ?? 'test';
    log.blockStart(b, kind);
    list.forEach((a, i) => {
      const s = design.blocks[b]?.trials[i];
      if (!s) throw new Error(`fixture: no trial ${b}/${i}`);
      const stimuli = [
        { name: 'cue', at: 0 },
        { name: 'target', at: CTI },
      ];
      if (a === 'omit') log.trial(b, i, { stimuli, responses: [], endAt: CTI + WINDOW, reason: 'timeout' });
      else if (typeof a === 'object' && 'premature' in a) {
        log.trial(b, i, { stimuli: [{ name: 'cue', at: 0 }], responses: [{ at: a.premature, value: s.correct }], endAt: a.premature, reason: 'premature' });
      } else {
        const rt = typeof a === 'number' ? a : a.rt;
        const value = typeof a === 'number' ? s.correct : s.correct === 'left' ? 'right' : 'left';
        log.trial(b, i, { stimuli, responses: [{ at: CTI + rt, value }], endAt: CTI + rt, reason: 'response' });
      }
    });
    const passed = opts.passed?.[b];
    log.blockEnd(b, 0, kind === 'practice' ? (passed ?? true) : undefined);
    const end = log.events[log.events.length - 1];
    if (end?.type === 'block-end') end.points = opts.points ?? 0;
  });
  log.gameEnd();
  return log.events;
}

// The hand-computed fixture: two single-rule test blocks and one mixed test block.
const S: Transition[] = ['first', 'single', 'single', 'single', 'single', 'single'];
/** The mixed block: its opening trial, six repeat–switch pairs, and a last switch. */
const MIXED: Transition[] = ['first', ...Array.from({ length: 6 }, (): Transition[] => ['repeat', 'switch']).flat(), 'switch'];
const fixture = fixtureDesign([block('test', 'colour', S), block('test', 'shape', S), block('test', 'colour', MIXED)]);
const wrong = (rt: number) => ({ rt, wrong: true as const });
const ANSWERS: Answer[][] = [
  // first (ignored), then singles: 500 520 540 correct, one wrong, one unanswered
  [900, 500, 520, 540, wrong(450), 'omit'],
  // first (ignored), then 560 580 600 620 correct, one on the right side but at 80 ms (anticipation: wrong)
  [950, 560, 580, 600, 620, 80],
  // first (ignored, 2000), then alternating repeat / switch:
  //   repeat: 600 640 700 660 620, wrong at 500       switch: 700 760 800 740 720, unanswered, premature
  [2000, 600, 700, 640, 760, 700, 800, 660, 740, 620, 720, wrong(500), 'omit', { premature: 300 }],
];

describe('Switch scorer, hand-computed fixtures', () => {
  it('computes switch cost, mixing cost, accuracies, median RT and the rate-correct composite', () => {
    const s = scoreSwitch(fixture, play(fixture, ANSWERS));
    // single correct RTs 500 520 540 560 580 600 620 → median 560; repeat 600 620 640 660 700 → 640; switch 700 720 740 760 800 → 740
    expect(s.metrics['switch_cost_rt']).toEqual({ value: 100 }); // 740 − 640
    expect(s.metrics['mixing_cost_rt']).toEqual({ value: 80 }); // 640 − 560
    expect(s.metrics['accuracy_single']).toEqual({ value: 0.7 }); // 7 of 10
    expect(s.metrics['accuracy_repeat']).toEqual({ value: 0.8333 }); // 5 of 6
    expect(s.metrics['accuracy_switch']).toEqual({ value: 0.7143 }); // 5 of 7
    // mixed correct RTs: 600 620 640 660 700 700 720 740 760 800 → median (700 + 700) / 2
    expect(s.metrics['median_rt']).toEqual({ value: 700 });
    // 10 correct / (repeat 600+640+700+660+620+500 = 3720 + switch 700+760+800+740+720 = 3720 + 2 × 2500 charged) ms
    // = 10 / 12.44 s = 0.80386
    expect(s.metrics['composite']).toEqual({ value: 0.8039 });
    expect(s.trials).toBe(23); // 10 single + 13 mixed; the three opening trials are not scored
    expect(s.flags).toEqual([]);
  });

  it('leaves each block’s first trial out: changing it changes nothing', () => {
    const changed = ANSWERS.map((list) => [wrong(2000), ...list.slice(1)]);
    expect(scoreSwitch(fixture, play(fixture, changed)).metrics).toEqual(scoreSwitch(fixture, play(fixture, ANSWERS)).metrics);
  });

  it('never lets practice trials or points enter a metric', () => {
    const withPractice = fixtureDesign([block('practice', 'colour', S), ...fixture.blocks]);
    const practice: Answer[] = ['omit', 'omit', wrong(300), 'omit', 'omit', 'omit'];
    const a = scoreSwitch(fixture, play(fixture, ANSWERS, { points: 0 }));
    const b = scoreSwitch(withPractice, play(withPractice, [practice, ...ANSWERS], { points: 990 }));
    expect(b.metrics).toEqual(a.metrics);
  });

  it('every answer wrong: accuracies 0, composite 0, RT metrics not computable', () => {
    const answers = fixture.blocks.map((b) => b.trials.map(() => wrong(600)));
    const s = scoreSwitch(fixture, play(fixture, answers));
    expect(s.metrics['accuracy_single']).toEqual({ value: 0 });
    expect(s.metrics['accuracy_repeat']).toEqual({ value: 0 });
    expect(s.metrics['accuracy_switch']).toEqual({ value: 0 });
    expect(s.metrics['composite']).toEqual({ value: 0 });
    expect(s.metrics['switch_cost_rt']).toEqual({ value: null, reason: 'fewer than 5 correct switch responses (0)' });
    expect(s.metrics['mixing_cost_rt']).toEqual({ value: null, reason: 'fewer than 5 correct repeat responses (0)' });
    expect(s.metrics['median_rt']).toEqual({ value: null, reason: 'fewer than 5 correct mixed-block responses (0)' });
    expect(s.flags.map((f) => f.code)).toEqual(['low-accuracy']);
  });

  it('no response at all: accuracies 0, composite 0 over the charged windows, flags for omissions and accuracy', () => {
    const answers = fixture.blocks.map((b) => b.trials.map((): Answer => 'omit'));
    const s = scoreSwitch(fixture, play(fixture, answers));
    expect(s.metrics['accuracy_single']).toEqual({ value: 0 });
    expect(s.metrics['accuracy_switch']).toEqual({ value: 0 });
    expect(s.metrics['composite']).toEqual({ value: 0 });
    expect(s.metrics['switch_cost_rt']?.value).toBeNull();
    expect(s.flags.map((f) => f.code)).toEqual(['low-accuracy', 'many-omissions']);
  });

  it('only a single-rule block played: its accuracy, every mixed-block metric not computable', () => {
    const s = scoreSwitch(fixture, play(fixture, [ANSWERS[0] ?? []]));
    expect(s.metrics['accuracy_single']).toEqual({ value: 0.6 }); // 3 of 5
    expect(s.metrics['accuracy_repeat']).toEqual({ value: null, reason: 'no completed repeat test trials' });
    expect(s.metrics['accuracy_switch']).toEqual({ value: null, reason: 'no completed switch test trials' });
    expect(s.metrics['composite']).toEqual({ value: null, reason: 'no completed mixed-block test trials' });
    expect(s.metrics['switch_cost_rt']).toEqual({ value: null, reason: 'fewer than 5 correct switch responses (0)' });
    expect(s.metrics['mixing_cost_rt']).toEqual({ value: null, reason: 'fewer than 5 correct repeat responses (0)' });
    expect(s.trials).toBe(5);
  });

  it('only the mixed block played: switch cost and composite, no mixing cost', () => {
    const mixedOnly = fixtureDesign([block('test', 'colour', MIXED)]);
    const s = scoreSwitch(mixedOnly, play(mixedOnly, [ANSWERS[2] ?? []]));
    expect(s.metrics['switch_cost_rt']).toEqual({ value: 100 });
    expect(s.metrics['composite']).toEqual({ value: 0.8039 });
    expect(s.metrics['mixing_cost_rt']).toEqual({ value: null, reason: 'fewer than 5 correct single-rule responses (0)' });
    expect(s.metrics['accuracy_single']).toEqual({ value: null, reason: 'no completed single-rule test trials' });
  });

  it('an empty log scores every metric as not computable', () => {
    const s = scoreSwitch(fixture, []);
    for (const m of SWITCH_METRICS) expect(s.metrics[m.id]?.value, m.id).toBeNull();
    expect(s.trials).toBe(0);
  });

  it('flags a practice block that failed on its last attempt', () => {
    const withPractice = fixtureDesign([block('practice', 'colour', S), ...fixture.blocks]);
    const s = scoreSwitch(withPractice, play(withPractice, [['omit', 'omit', 'omit', 'omit', 'omit', 'omit'], ...ANSWERS], { passed: [false] }));
    expect(s.flags.map((f) => f.code)).toEqual(['practice-not-passed']);
  });

  it('reports every documented metric and nothing else', () => {
    const s = scoreSwitch(fixture, play(fixture, ANSWERS));
    expect(Object.keys(s.metrics).sort()).toEqual(SWITCH_METRICS.map((m) => m.id).sort());
  });
});

describe('Switch practice criterion', () => {
  const design = fixtureDesign([block('practice', 'colour', ['first', 'single', 'single', 'single', 'single'])]);
  const attempt = (answers: Answer[]) => pairTrials(play(design, [answers]), 'switch');

  it('passes with three quarters correct and fails below', () => {
    expect(practicePassed(design, 0, attempt([600, 600, 600, 600, wrong(600)]))).toBe(true); // 4 of 5
    expect(practicePassed(design, 0, attempt([600, 600, 600, wrong(600), 'omit']))).toBe(false); // 3 of 5
  });

  it('counts trials that never completed as wrong', () => {
    expect(practicePassed(design, 0, attempt([600, 600, 600]))).toBe(false); // 3 of 5 designed trials
  });
});

/** Test blocks of many generated designs in one, so that sampling error is small. */
function longDesign(copies: number): SwitchDesign {
  const blocks = Array.from({ length: copies }, (_, i) => switchDesign(1000 + i).blocks.filter((b) => b.kind === 'test')).flat();
  return { ...switchDesign(1000), blocks };
}

const EXACT: SwitchParticipant = { ...TYPICAL_PARTICIPANT, pOmission: 0, pPremature: 0 };
const value = (s: ReturnType<typeof scoreSwitch>, id: string) => s.metrics[id]?.value as number;

describe('Switch simulated participant', () => {
  // Tolerance: 20 copies give ~480 correct RTs per type; with an ex-Gaussian SD of ~134 ms the SE of a median
  // difference is about √2 · 1.25 · 134 / √480 ≈ 11 ms, so ±25 ms is over two SEs.
  const TOLERANCE_MS = 25;

  for (const switchCostMs of [0, 80, 200]) {
    it(`returns a known switch cost of ${switchCostMs} ms and mixing cost of 120 ms within ±${TOLERANCE_MS} ms`, () => {
      const design = longDesign(20);
      const s = scoreSwitch(design, simulateSwitch(design, { ...EXACT, switchCostMs, mixingCostMs: 120 }, 7));
      expect(Math.abs(value(s, 'switch_cost_rt') - switchCostMs)).toBeLessThan(TOLERANCE_MS);
      expect(Math.abs(value(s, 'mixing_cost_rt') - 120)).toBeLessThan(TOLERANCE_MS);
    });
  }

  it('returns the switch cost on the real design, averaged over 40 simulated candidates, within ±15 ms', () => {
    // One 24-vs-24 design gives a switch cost with an SD of ~40 ms; the mean of 40 has an SE of ~6 ms.
    let sum = 0;
    for (let i = 0; i < 40; i++) {
      const design = switchDesign(i + 1);
      sum += value(scoreSwitch(design, simulateSwitch(design, EXACT, 500 + i)), 'switch_cost_rt');
    }
    expect(Math.abs(sum / 40 - EXACT.switchCostMs)).toBeLessThan(15);
  });

  it('returns the error rates per trial type and an ordered composite', () => {
    // 30 copies of the mixed block: 480 trials per type, so the tolerances are about two binomial SEs.
    const design = longDesign(30);
    const p: SwitchParticipant = { ...EXACT, pError: { single: 0.02, repeat: 0.06, switch: 0.15 } };
    const s = scoreSwitch(design, simulateSwitch(design, p, 3));
    expect(Math.abs(value(s, 'accuracy_single') - 0.98)).toBeLessThan(0.02);
    expect(Math.abs(value(s, 'accuracy_repeat') - 0.94)).toBeLessThan(0.03);
    expect(Math.abs(value(s, 'accuracy_switch') - 0.85)).toBeLessThan(0.04);
    const slowAndSloppy = scoreSwitch(design, simulateSwitch(design, { ...p, mixingCostMs: 300, pError: { single: 0.1, repeat: 0.2, switch: 0.3 } }, 3));
    expect(value(slowAndSloppy, 'composite')).toBeLessThan(value(s, 'composite'));
  });

  it('plays practice as the runtime judges it: a careless candidate repeats each practice block once and is flagged', () => {
    const design = switchDesign(4);
    const careless: SwitchParticipant = { ...EXACT, pError: { single: 0.5, repeat: 0.5, switch: 0.5 } };
    const events = simulateSwitch(design, careless, 9);
    const practiceRuns = events.filter((e) => e.type === 'block-end' && design.blocks[e.block]?.kind === 'practice').length;
    expect(practiceRuns).toBeGreaterThan(3);
    expect(scoreSwitch(design, events).flags.some((f) => f.code === 'practice-not-passed')).toBe(true);
  });
});
