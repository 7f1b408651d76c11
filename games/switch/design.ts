import type { BlockSpec, GameDesign } from '../../src/runtime/game-contract.ts';
import { createRng, type Rng, longestRun } from '../../src/lib/rng.ts';

export const SWITCH_ID = 'switch';
/** Bump on any change to the design, the scene's timing or the scorer's rules. */
export const SWITCH_VERSION = '1.2.0';

export type Task = 'colour' | 'shape';
export type Side = 'left' | 'right';
export type Colour = 'blue' | 'orange';
export type Shape = 'circle' | 'square';
/**
 * How a trial relates to the one before it. 'first' opens a block (no previous rule: a restart cost, not a switch
 * or a repeat, so it is left out of every metric); 'single' is any later trial of a single-rule block; 'repeat' and
 * 'switch' are later trials of the mixed block with the same or the other rule as the trial before.
 */
export type Transition = 'first' | 'single' | 'repeat' | 'switch';

export interface SwitchTrial {
  task: Task;
  transition: Transition;
  colour: Colour;
  shape: Shape;
  /** The right answer under the cued rule. */
  correct: Side;
  /** Whether the other rule would give the same answer (congruent) or the opposite one (incongruent). */
  congruent: boolean;
  /** Cue onset to target onset (ms); the cue stays on with the target. */
  ctiMs: number;
  /** How long after target onset an answer is accepted (ms). */
  windowMs: number;
}

export type SwitchDesign = GameDesign<SwitchTrial>;

/**
 * The response mapping, fixed for everyone so norms compare like with like. Colour: blue (dark, striped) → left,
 * orange (light, plain) → right. Shape: circle → left, square → right.
 */
export const COLOUR_SIDE: Record<Colour, Side> = { blue: 'left', orange: 'right' };
export const SHAPE_SIDE: Record<Shape, Side> = { circle: 'left', square: 'right' };

/**
 * Trial counts per block, the opening 'first' trial not included; exported so tests and the duration estimate read
 * the same numbers. Single test blocks cross congruency × answer side (4 cells × 3); the mixed test block crosses
 * transition × congruency × answer side (8 cells × 4), so repeat and switch have 16 trials each (1.2.0: 32 mixed test
 * trials, were 48, the battery allocation of docs/battery-allocation.md).
 */
export const SWITCH_COUNTS = { singlePractice: 4, singleTest: 8, mixedPractice: 8, mixedTest: 32 } as const;
export type SwitchCounts = Record<keyof typeof SWITCH_COUNTS, number>;
/** Switch 1.1.0 differed only in its counts (48 mixed test trials); kept so that its logs still score. */
export const SWITCH_COUNTS_V1_1 = { singlePractice: 4, singleTest: 8, mixedPractice: 8, mixedTest: 48 } as const;
/**
 * Cue–target interval, drawn uniformly per trial so that the target onset cannot be timed. Centred on 900 ms and with
 * a 2,000 ms response window as the Self-Regulation Ontology cued task-switching task (CTI-900 trials), whose trials
 * give Switch its provisional norm (1.1.0; 1.0.0 drew 600–900 ms with a 2,500 ms window).
 */
export const CTI_MS = { min: 850, max: 950 } as const;
export const RESPONSE_WINDOW_MS = 2000;

/** The answer a figure asks for under a rule. */
export function answerFor(task: Task, colour: Colour, shape: Shape): Side {
  return task === 'colour' ? COLOUR_SIDE[colour] : SHAPE_SIDE[shape];
}

const other = (side: Side): Side => (side === 'left' ? 'right' : 'left');
const otherTask = (task: Task): Task => (task === 'colour' ? 'shape' : 'colour');

/** The figure that, under `task`, asks for `correct` and is (in)congruent with the other rule. */
function figureFor(task: Task, correct: Side, congruent: boolean): { colour: Colour; shape: Shape } {
  const otherSide = congruent ? correct : other(correct);
  const colourSide = task === 'colour' ? correct : otherSide;
  const shapeSide = task === 'shape' ? correct : otherSide;
  return { colour: colourSide === 'left' ? 'blue' : 'orange', shape: shapeSide === 'left' ? 'circle' : 'square' };
}

interface Cell {
  transition: Transition;
  congruent: boolean;
  correct: Side;
}

/** Every combination of the factors `perCell` times, shuffled with no run of one transition or one answer longer than `maxRun`. */
function crossedOrder(rng: Rng, transitions: readonly Transition[], perCell: number, maxRun: number): Cell[] {
  const pool: Cell[] = [];
  for (const transition of transitions)
    for (const congruent of [true, false])
      for (const correct of ['left', 'right'] as const) for (let i = 0; i < perCell; i++) pool.push({ transition, congruent, correct });
  for (let tries = 0; tries < 5000; tries++) {
    const order = rng.shuffle(pool);
    const transitionsOk = transitions.length < 2 || longestRun(order.map((c) => c.transition)) <= maxRun;
    if (transitionsOk && longestRun(order.map((c) => c.correct)) <= maxRun) return order;
  }
  throw new Error(`switch design: no order with runs <= ${maxRun} found`);
}

function makeTrial(rng: Rng, task: Task, cell: Cell): SwitchTrial {
  return {
    task,
    transition: cell.transition,
    ...figureFor(task, cell.correct, cell.congruent),
    correct: cell.correct,
    congruent: cell.congruent,
    ctiMs: Math.round(rng.uniform(CTI_MS.min, CTI_MS.max)),
    windowMs: RESPONSE_WINDOW_MS,
  };
}

/** A block's opening trial: random figure, its rule given. */
function firstTrial(rng: Rng, task: Task): SwitchTrial {
  const cell: Cell = { transition: 'first', congruent: rng.next() < 0.5, correct: rng.next() < 0.5 ? 'left' : 'right' };
  return makeTrial(rng, task, cell);
}

function singleBlock(rng: Rng, task: Task, n: number, maxRun: number): SwitchTrial[] {
  const cells = crossedOrder(rng, ['single'], n / 4, maxRun);
  return [firstTrial(rng, task), ...cells.map((c) => makeTrial(rng, task, c))];
}

/** The rule of each trial follows from the first rule and the transition sequence. */
function mixedBlock(rng: Rng, n: number, maxRun: number): SwitchTrial[] {
  const cells = crossedOrder(rng, ['repeat', 'switch'], n / 8, maxRun);
  let task: Task = rng.next() < 0.5 ? 'colour' : 'shape';
  const trials = [firstTrial(rng, task)];
  for (const c of cells) {
    if (c.transition === 'switch') task = otherTask(task);
    trials.push(makeTrial(rng, task, c));
  }
  return trials;
}

/** The design of the current version; an earlier version that differed only in its counts passes its own. */
export function switchDesign(seed: number, counts: SwitchCounts = SWITCH_COUNTS, version = SWITCH_VERSION): SwitchDesign {
  const rng = createRng(seed);
  const blocks: BlockSpec<SwitchTrial>[] = [
    { kind: 'practice', instruction: 'switch.colour', demo: 'colour', trials: singleBlock(rng, 'colour', counts.singlePractice, 2) },
    { kind: 'test', instruction: 'switch.colourTest', demo: 'colour', trials: singleBlock(rng, 'colour', counts.singleTest, 3) },
    { kind: 'practice', instruction: 'switch.shape', demo: 'shape', trials: singleBlock(rng, 'shape', counts.singlePractice, 2) },
    { kind: 'test', instruction: 'switch.shapeTest', demo: 'shape', trials: singleBlock(rng, 'shape', counts.singleTest, 3) },
    { kind: 'practice', instruction: 'switch.mixed', demo: 'mixed', trials: mixedBlock(rng, counts.mixedPractice, 3) },
    { kind: 'test', instruction: 'switch.mixedTest', demo: 'mixed', trials: mixedBlock(rng, counts.mixedTest, 4) },
  ];
  return { game: SWITCH_ID, version, seed, blocks };
}
