import type { Abilities } from '../../src/runtime/game-contract.ts';
import { participantModel } from '../kit/manifest.ts';
import { drawRt, type ExGauss, speededBy } from '../kit/participants.ts';
import type { LogEvent } from '../../src/log/events.ts';
import { pairTrials } from '../../src/log/trials.ts';
import { createRng, type Rng } from '../../src/lib/rng.ts';
import { SimLog, type SimTrial } from '../../src/log/sim-log.ts';
import { SWITCH_ID, type SwitchDesign, type SwitchTrial, type Transition } from './design.ts';
import { practicePassed } from './practice.ts';
import { FEEDBACK_MS, ITI_MS, LEAD_IN_MS } from './timing.ts';

/**
 * A simulated participant for Switch. RTs on single-rule trials are ex-Gaussian; every mixed-block trial is shifted
 * by `mixingCostMs`, switch trials (and each block's first trial, a restart) by `switchCostMs` more. A constant
 * shift moves the median by exactly that amount, so the scorer should return these costs up to sampling error.
 */
export interface SwitchParticipant {
  single: ExGauss;
  mixingCostMs: number;
  switchCostMs: number;
  /** Probability of answering on the wrong side, per trial type. */
  pError: Record<'single' | 'repeat' | 'switch', number>;
  /** Probability of not answering a trial. */
  pOmission: number;
  /** Probability of answering while only the cue is shown. */
  pPremature: number;
}

export const TYPICAL_PARTICIPANT: SwitchParticipant = {
  single: { mu: 400, sigma: 60, tau: 120 },
  mixingCostMs: 120,
  switchCostMs: 80,
  pError: { single: 0.03, repeat: 0.05, switch: 0.09 },
  pOmission: 0.01,
  pPremature: 0.01,
};

/** The participant of a simulated candidate with these abilities (see GameManifest.participantFor). */
export const participantFor = (a: Abilities, latencyMs: number): SwitchParticipant => {
  const flex = (ms: number, perZ: number) => Math.max(0, ms - perZ * a.flexibility);
  const { mixingCostMs, switchCostMs } = TYPICAL_PARTICIPANT;
  const single = speededBy(TYPICAL_PARTICIPANT.single, 40, a, latencyMs);
  return { ...TYPICAL_PARTICIPANT, single, mixingCostMs: flex(mixingCostMs, 40), switchCostMs: flex(switchCostMs, 25) };
};

/** The cue is drawn in the trial's first step; its onset is the next frame. */
const CUE_AT_MS = 17;

function rtShift(p: SwitchParticipant, transition: Transition, mixed: boolean): number {
  if (!mixed) return 0;
  return p.mixingCostMs + (transition === 'repeat' ? 0 : p.switchCostMs);
}

function errorRate(p: SwitchParticipant, transition: Transition, mixed: boolean): number {
  if (!mixed) return p.pError.single;
  return transition === 'repeat' ? p.pError.repeat : p.pError.switch;
}

function playTrial(rng: Rng, p: SwitchParticipant, trial: SwitchTrial, mixed: boolean): SimTrial {
  const targetAt = CUE_AT_MS + trial.ctiMs;
  const cue = { name: 'cue', at: CUE_AT_MS };
  const wrong = trial.correct === 'left' ? 'right' : 'left';
  const value = rng.next() < errorRate(p, trial.transition, mixed) ? wrong : trial.correct;
  const roll = rng.next();
  if (roll < p.pPremature) {
    const at = rng.uniform(CUE_AT_MS + 100, targetAt - 1);
    return { stimuli: [cue], responses: [{ at, value }], endAt: at, reason: 'premature' };
  }
  const stimuli = [cue, { name: 'target', at: targetAt }];
  const rt = Math.max(1, drawRt(rng, p.single) + rtShift(p, trial.transition, mixed));
  if (roll < p.pPremature + p.pOmission || rt >= trial.windowMs) {
    return { stimuli, responses: [], endAt: targetAt + trial.windowMs, reason: 'timeout' };
  }
  return { stimuli, responses: [{ at: targetAt + rt, value }], endAt: targetAt + rt, reason: 'response' };
}

/** A failed practice block runs once more, as the runtime does (src/runtime/block-plan.ts). */
const PRACTICE_ATTEMPTS = 2;

/** Plays every block of the design in order on the scene's timing, judging and repeating practice as the runtime does. */
export function simulateSwitch(design: SwitchDesign, p: SwitchParticipant, seed: number): LogEvent[] {
  const rng = createRng(seed);
  const log = new SimLog(SWITCH_ID);
  log.gameStart(design.version, design.seed);
  design.blocks.forEach((block, b) => {
    const mixed = new Set(block.trials.map((t) => t.task)).size > 1;
    const attempts = block.kind === 'practice' ? PRACTICE_ATTEMPTS : 1;
    for (let attempt = 0; attempt < attempts; attempt++) {
      log.blockStart(b, block.kind, attempt);
      log.t += LEAD_IN_MS;
      block.trials.forEach((trial, i) => {
        log.trial(b, i, { ...playTrial(rng, p, trial, mixed), gapAfter: FEEDBACK_MS[block.kind] + ITI_MS });
      });
      if (block.kind === 'test') {
        log.blockEnd(b, attempt);
        break;
      }
      const mine = pairTrials(log.events, SWITCH_ID).filter((t) => t.block === b && t.attempt === attempt);
      const passed = practicePassed(design, b, mine);
      log.blockEnd(b, attempt, passed);
      if (passed) break;
    }
  });
  log.gameEnd();
  return log.events;
}

/** The manifest's participant model (games/kit/manifest.ts). */
export const participants = participantModel(simulateSwitch, TYPICAL_PARTICIPANT, participantFor);
