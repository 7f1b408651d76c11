import type { Abilities } from '../../src/runtime/game-contract.ts';
import { participantModel } from '../kit/manifest.ts';
import { drawRt, type ExGauss, speededBy } from '../kit/participants.ts';
import type { LogEvent } from '../../src/log/events.ts';
import { createRng } from '../../src/lib/rng.ts';
import { SimLog, type SimTrial } from '../../src/log/sim-log.ts';
import { REACTION_ID, type Condition, type ReactionDesign } from './design.ts';

/** A simulated participant for Reaction. */
export interface ReactionParticipant {
  simple: ExGauss;
  choice: ExGauss;
  /** Probability of pressing the wrong side in choice RT. */
  pError: number;
  /** Probability of not answering a trial. */
  pOmission: number;
  /** Probability of pressing during the foreperiod, before the target. */
  pPremature: number;
}

export const TYPICAL_PARTICIPANT: ReactionParticipant = {
  simple: { mu: 290, sigma: 30, tau: 50 },
  choice: { mu: 400, sigma: 40, tau: 70 },
  pError: 0.04,
  pOmission: 0.01,
  pPremature: 0.02,
};

/** The participant of a simulated candidate with these abilities (see GameManifest.participantFor). */
export const participantFor = (a: Abilities, latencyMs: number): ReactionParticipant => ({
  ...TYPICAL_PARTICIPANT,
  simple: speededBy(TYPICAL_PARTICIPANT.simple, 30, a, latencyMs),
  choice: speededBy(TYPICAL_PARTICIPANT.choice, 40, a, latencyMs),
});

/** Plays every block of the design once, drawing RTs from ex-Gaussian distributions. */
export function simulateReaction(design: ReactionDesign, p: ReactionParticipant, seed: number): LogEvent[] {
  const rng = createRng(seed);
  const log = new SimLog(REACTION_ID);
  log.gameStart(design.version, design.seed);
  design.blocks.forEach((block, b) => {
    log.blockStart(b, block.kind);
    block.trials.forEach((trial, i) => {
      const fp = trial.foreperiodMs;
      const params = p[trial.condition as Condition];
      const wrong = trial.side === 'left' ? 'right' : 'left';
      const value = trial.condition === 'simple' ? 'any' : rng.next() < p.pError ? wrong : trial.side;
      const roll = rng.next();
      let spec: SimTrial;
      if (roll < p.pPremature) {
        const at = rng.uniform(200, fp - 1);
        spec = { stimuli: [], responses: [{ at, value }], endAt: at, reason: 'premature' };
      } else if (roll < p.pPremature + p.pOmission) {
        spec = { stimuli: [{ name: 'target', at: fp }], responses: [], endAt: fp + trial.windowMs, reason: 'timeout' };
      } else {
        const rt = Math.max(1, drawRt(rng, params));
        if (rt >= trial.windowMs) {
          spec = { stimuli: [{ name: 'target', at: fp }], responses: [], endAt: fp + trial.windowMs, reason: 'timeout' };
        } else {
          spec = { stimuli: [{ name: 'target', at: fp }], responses: [{ at: fp + rt, value }], endAt: fp + rt, reason: 'response' };
        }
      }
      log.trial(b, i, spec);
    });
    log.blockEnd(b);
  });
  log.gameEnd();
  return log.events;
}

/** The manifest's participant model (games/kit/manifest.ts). */
export const participants = participantModel(simulateReaction, TYPICAL_PARTICIPANT, participantFor);
