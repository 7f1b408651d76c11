import { participantModel } from '../kit/manifest.ts';
import { drawRt, type ExGauss } from '../kit/participants.ts';
import type { Abilities } from '../../src/runtime/game-contract.ts';
import { clamp } from '../../src/lib/stats.ts';
import type { LogEvent } from '../../src/log/events.ts';
import { createRng, type Rng } from '../../src/lib/rng.ts';
import { SimLog, type SimTrial } from '../../src/log/sim-log.ts';
import { OPTIONS, REVERSAL_ID, TIMING, type Option, type ReversalDesign, type ReversalTrial } from './design.ts';
import { optionValue } from './responses.ts';

interface Common {
  /** Choice time distribution (ms after the options appear); a draw beyond the window is a missed trial. */
  rt: ExGauss;
  /** Probability of not choosing on a trial at all. */
  pOmission: number;
}

/**
 * A Rescorla–Wagner learner with softmax choice and a bonus for repeating the last choice ("stickiness"): the
 * standard computational model of probabilistic reversal learning.
 */
export interface QLearner extends Common {
  kind: 'q-learning';
  /** Learning rate (0..1). */
  alpha: number;
  /** Softmax inverse temperature: 0 chooses at random, large values always take the higher value. */
  beta: number;
  /** Added to the last chosen option's value before the softmax. */
  stickiness: number;
}

/**
 * A scripted learner for validating the scorer: it knows which option is best, except that after every move of the
 * best option it keeps choosing the previously-best option for exactly `perseveration` choices; otherwise it lapses
 * to another option with probability `pLapse`.
 */
export interface Perseverator extends Common {
  kind: 'perseverator';
  perseveration: number;
  pLapse: number;
}

export type ReversalParticipant = QLearner | Perseverator;

const TYPICAL_RT: ExGauss = { mu: 480, sigma: 80, tau: 180 };

/**
 * Calibrated on 200 simulated sessions to the sciops sample's medians at 60 trials (win-stay .97, lose-shift .62,
 * best-choice rate .58, perseveration 1.3): it gives .97, .68, .60 and 1.3 (score.test.ts checks the calibration).
 */
export const TYPICAL_PARTICIPANT: QLearner = { kind: 'q-learning', alpha: 0.8, beta: 5, stickiness: 0, rt: TYPICAL_RT, pOmission: 0.01 };

/** The participant of a simulated candidate with these abilities (see GameManifest.participantFor). */
export const participantFor = (a: Abilities): QLearner => {
  const { alpha, beta } = TYPICAL_PARTICIPANT;
  return { ...TYPICAL_PARTICIPANT, alpha: clamp(alpha + 0.08 * a.learning, 0.1, 1), beta: clamp(beta + 2 * a.learning, 0.5, 15) };
};
export const PERSEVERATOR: Perseverator = { kind: 'perseverator', perseveration: 3, pLapse: 0.03, rt: TYPICAL_RT, pOmission: 0 };

interface Agent {
  choose(rng: Rng, best: Option): Option;
  /** After every trial; `choice` is null for a missed trial. */
  learn(choice: Option | null, reward: 0 | 1, best: Option): void;
}

function agentFor(p: ReversalParticipant): Agent {
  if (p.kind === 'q-learning') {
    const q = [0.5, 0.5, 0.5];
    let last: Option | null = null;
    return {
      choose(rng) {
        const v = OPTIONS.map((o) => p.beta * ((q[o] as number) + (o === last ? p.stickiness : 0)));
        const top = Math.max(...v);
        const w = v.map((x) => Math.exp(x - top));
        let u = rng.next() * w.reduce((s, x) => s + x, 0);
        for (const o of OPTIONS) {
          u -= w[o] as number;
          if (u < 0) return o;
        }
        return 2;
      },
      learn(choice, reward) {
        if (choice === null) return;
        q[choice] = (q[choice] as number) + p.alpha * (reward - (q[choice] as number));
        last = choice;
      },
    };
  }
  let previousBest: Option | null = null;
  let stuckOn: Option | null = null;
  let stuckLeft = 0;
  return {
    choose(rng, best) {
      if (previousBest !== null && best !== previousBest) {
        stuckOn = previousBest;
        stuckLeft = p.perseveration;
      }
      previousBest = best;
      if (stuckOn !== null && stuckLeft > 0) return stuckOn;
      if (rng.next() >= p.pLapse) return best;
      const others = OPTIONS.filter((o) => o !== best);
      return others[rng.int(0, others.length - 1)] as Option;
    },
    learn(choice) {
      // The perseveration is counted in choices, so a missed trial does not shorten it.
      if (choice !== null && stuckLeft > 0) stuckLeft--;
    },
  };
}

/** Plays every block of the design once; each block starts with a fresh learner. */
export function simulateReversal(design: ReversalDesign, p: ReversalParticipant, seed: number): LogEvent[] {
  const rng = createRng(seed);
  const log = new SimLog(REVERSAL_ID);
  log.gameStart(design.version, design.seed);
  design.blocks.forEach((block, b) => {
    log.blockStart(b, block.kind);
    const agent = agentFor(p);
    block.trials.forEach((trial, i) => {
      const target = { name: 'target', at: TIMING.fixationMs, params: { best: trial.best } };
      const rt = Math.max(150, drawRt(rng, p.rt));
      const choice = agent.choose(rng, trial.best);
      const omitted = rng.next() < p.pOmission || rt >= trial.windowMs;
      const reward: 0 | 1 = !omitted && trial.pays[choice] ? 1 : 0;
      log.trial(b, i, omitted ? timeoutTrial(trial, target) : choiceTrial(target, choice, rt, reward));
      agent.learn(omitted ? null : choice, reward, trial.best);
    });
    log.blockEnd(b, 0);
  });
  log.gameEnd();
  return log.events;
}

type Stimulus = SimTrial['stimuli'][number];
const KEY_OF: Record<Option, string> = { 0: 'ArrowLeft', 1: 'ArrowUp', 2: 'ArrowRight' };

function choiceTrial(target: Stimulus, choice: Option, rt: number, reward: 0 | 1): SimTrial {
  const at = TIMING.fixationMs + rt;
  return {
    stimuli: [target, { name: 'feedback', at: at + 16.7, params: { reward, choice } }],
    responses: [{ at, value: optionValue(choice), key: KEY_OF[choice] }],
    endAt: at,
    reason: 'response',
    gapAfter: TIMING.feedbackMs + TIMING.itiMs,
  };
}

function timeoutTrial(trial: ReversalTrial, target: Stimulus): SimTrial {
  const at = TIMING.fixationMs + trial.windowMs;
  return {
    stimuli: [target, { name: 'feedback', at: at + 16.7, params: { reward: 0, choice: 'none' } }],
    responses: [],
    endAt: at,
    reason: 'timeout',
    gapAfter: TIMING.feedbackMs + TIMING.itiMs,
  };
}

export const participants = participantModel<ReversalTrial, ReversalParticipant>(simulateReversal, TYPICAL_PARTICIPANT, participantFor);
