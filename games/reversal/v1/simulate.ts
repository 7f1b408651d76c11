import type { Abilities } from '../../../src/runtime/game-contract.ts';
import { clamp } from '../../../src/lib/stats.ts';
import type { LogEvent } from '../../../src/log/events.ts';
import { pairTrials } from '../../../src/log/trials.ts';
import { createRng, exGaussian, type Rng } from '../../../src/lib/rng.ts';
import { SimLog, type SimTrial } from '../../../src/log/sim-log.ts';
import { ContingencyTracker, otherOption } from './contingency.ts';
import { REVERSAL_ID, TIMING, type Option, type ReversalDesign, type ReversalTrial } from './design.ts';
import { sideOf } from './responses.ts';
import { practicePassed } from './score.ts';

export interface ExGaussParams {
  mu: number;
  sigma: number;
  tau: number;
}

interface Common {
  /** Choice time distribution (ms after the options appear); a draw beyond the window is a missed trial. */
  rt: ExGaussParams;
  /** Probability of not choosing on a trial at all. */
  pOmission: number;
}

/** A Rescorla–Wagner learner with softmax choice: the standard computational model of reversal learning. */
export interface QLearner extends Common {
  kind: 'q-learning';
  /** Learning rate (0..1). */
  alpha: number;
  /** Softmax inverse temperature: 0 chooses at random, large values always take the higher value. */
  beta: number;
}

/**
 * A scripted learner for validating the scorer: it knows which option is best, except that after every reversal it
 * keeps choosing the previously-best option for exactly `perseveration` choices; otherwise it lapses to the other
 * option with probability `pLapse`.
 */
export interface Perseverator extends Common {
  kind: 'perseverator';
  perseveration: number;
  pLapse: number;
}

export type ReversalParticipant = QLearner | Perseverator;

const TYPICAL_RT: ExGaussParams = { mu: 480, sigma: 80, tau: 180 };

export const TYPICAL_PARTICIPANT: QLearner = { kind: 'q-learning', alpha: 0.55, beta: 7, rt: TYPICAL_RT, pOmission: 0.01 };

/** The participant of a simulated candidate with these abilities (see GameManifest.participantFor). */
export const participantFor = (a: Abilities): QLearner => {
  const { alpha, beta } = TYPICAL_PARTICIPANT;
  return { ...TYPICAL_PARTICIPANT, alpha: clamp(alpha + 0.12 * a.learning, 0.1, 0.95), beta: clamp(beta + 2 * a.learning, 1, 15) };
};
export const PERSEVERATOR: Perseverator = { kind: 'perseverator', perseveration: 3, pLapse: 0.03, rt: TYPICAL_RT, pOmission: 0 };

interface Agent {
  choose(rng: Rng, best: Option): Option;
  /** After every trial; `choice` is null for a missed trial. */
  learn(choice: Option | null, reward: 0 | 1, reversedAfter: boolean, best: Option): void;
}

function agentFor(p: ReversalParticipant): Agent {
  if (p.kind === 'q-learning') {
    const q: Record<Option, number> = { A: 0.5, B: 0.5 };
    return {
      choose(rng) {
        const pA = 1 / (1 + Math.exp(-p.beta * (q.A - q.B)));
        return rng.next() < pA ? 'A' : 'B';
      },
      learn(choice, reward) {
        if (choice !== null) q[choice] += p.alpha * (reward - q[choice]);
      },
    };
  }
  let stuckOn: Option | null = null;
  let stuckLeft = 0;
  return {
    choose(rng, best) {
      if (stuckOn !== null && stuckLeft > 0) return stuckOn;
      return rng.next() < p.pLapse ? otherOption(best) : best;
    },
    learn(choice, _reward, reversedAfter, best) {
      // The perseveration is counted in choices, so a missed trial does not shorten it.
      if (choice !== null && stuckLeft > 0) stuckLeft--;
      if (reversedAfter) {
        stuckOn = best;
        stuckLeft = p.perseveration;
      }
    },
  };
}

/** Plays every block of the design once (practice without a repeat); each block starts with a fresh learner. */
export function simulateReversal(design: ReversalDesign, p: ReversalParticipant, seed: number): LogEvent[] {
  const rng = createRng(seed);
  const log = new SimLog(REVERSAL_ID);
  log.gameStart(design.version, design.seed);
  design.blocks.forEach((block, b) => {
    log.blockStart(b, block.kind);
    const tracker = new ContingencyTracker(block.trials);
    const agent = agentFor(p);
    block.trials.forEach((trial, i) => {
      const best = tracker.currentBest;
      const target = { name: 'target', at: TIMING.fixationMs, params: { best, left: trial.left } };
      const rt = Math.max(150, exGaussian(rng, p.rt.mu, p.rt.sigma, p.rt.tau));
      const choice = agent.choose(rng, best);
      const omitted = rng.next() < p.pOmission || rt >= trial.windowMs;
      const outcome = tracker.record(i, omitted ? null : choice);
      log.trial(b, i, omitted ? timeoutTrial(trial, target) : choiceTrial(trial, target, choice, rt, outcome.reward));
      agent.learn(omitted ? null : choice, outcome.reward, outcome.reversedAfter, outcome.best);
    });
    // As the runtime does, a practice block's end records whether it met its pass criterion.
    log.blockEnd(b, 0, block.kind === 'practice' ? practicePassed(design, b, pairTrials(log.events, REVERSAL_ID)) : undefined);
  });
  log.gameEnd();
  return log.events;
}

type Stimulus = SimTrial['stimuli'][number];

function choiceTrial(trial: ReversalTrial, target: Stimulus, choice: Option, rt: number, reward: 0 | 1): SimTrial {
  const side = sideOf(trial, choice);
  const at = TIMING.fixationMs + rt;
  return {
    stimuli: [target, { name: 'feedback', at: at + 16.7, params: { reward, side } }],
    responses: [{ at, value: choice, key: side === 'left' ? 'ArrowLeft' : 'ArrowRight' }],
    endAt: at,
    reason: 'response',
    gapAfter: TIMING.feedbackMs + TIMING.itiMs,
  };
}

function timeoutTrial(trial: ReversalTrial, target: Stimulus): SimTrial {
  const at = TIMING.fixationMs + trial.windowMs;
  return {
    stimuli: [target, { name: 'feedback', at: at + 16.7, params: { reward: 0, side: 'none' } }],
    responses: [],
    endAt: at,
    reason: 'timeout',
    gapAfter: TIMING.feedbackMs + TIMING.itiMs,
  };
}
