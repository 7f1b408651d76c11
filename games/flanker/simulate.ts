import type { Abilities } from '../../src/runtime/game-contract.ts';
import { participantModel } from '../kit/manifest.ts';
import { drawRt, type ExGauss, speededBy } from '../kit/participants.ts';
import type { LogEvent } from '../../src/log/events.ts';
import { pairTrials } from '../../src/log/trials.ts';
import { createRng } from '../../src/lib/rng.ts';
import { SimLog, type SimTrial } from '../../src/log/sim-log.ts';
import { FLANKER_ID, opposite, type FlankerDesign } from './design.ts';
import { practicePassed } from './score.ts';

/** A simulated participant for Flanker. */
export interface FlankerParticipant {
  /** Ex-Gaussian RT distribution of congruent trials (ms). */
  congruent: ExGauss;
  /**
   * The participant's true conflict effect (ms). Incongruent RTs are the congruent distribution shifted by this
   * much, so the population median difference — what `conflict_rt` estimates — is exactly this value.
   */
  conflictMs: number;
  /** Probability of answering the wrong direction, per condition. */
  pError: { congruent: number; incongruent: number };
  /** Probability of not answering a trial. */
  pOmission: number;
  /** Probability of pressing during the fixation cross, before the arrows. */
  pPremature: number;
  /** Device the answers come from. */
  device?: 'keyboard' | 'mouse' | 'touch';
}

export const TYPICAL_PARTICIPANT: FlankerParticipant = {
  congruent: { mu: 470, sigma: 50, tau: 90 },
  conflictMs: 60,
  pError: { congruent: 0.02, incongruent: 0.08 },
  pOmission: 0.01,
  pPremature: 0.01,
};

/** The participant of a simulated candidate with these abilities (see GameManifest.participantFor). */
export const participantFor = (a: Abilities, latencyMs: number): FlankerParticipant => ({
  ...TYPICAL_PARTICIPANT,
  congruent: speededBy(TYPICAL_PARTICIPANT.congruent, 40, a, latencyMs),
  conflictMs: Math.max(0, TYPICAL_PARTICIPANT.conflictMs - 20 * a['selective-attention']),
});

/** Plays every block of the design once. */
export function simulateFlanker(design: FlankerDesign, p: FlankerParticipant, seed: number): LogEvent[] {
  const rng = createRng(seed);
  const log = new SimLog(FLANKER_ID);
  const device = p.device ?? 'keyboard';
  log.gameStart(design.version, design.seed);
  design.blocks.forEach((block, b) => {
    log.blockStart(b, block.kind);
    block.trials.forEach((trial, i) => {
      const fix = trial.fixationMs;
      const value = rng.next() < p.pError[trial.condition] ? opposite(trial.target) : trial.target;
      const answer = (at: number) => ({ at, value, device, ...(device === 'keyboard' ? { key: value === 'left' ? 'ArrowLeft' : 'ArrowRight' } : {}) });
      const arrows = [{ name: 'target', at: fix }];
      const roll = rng.next();
      let spec: SimTrial;
      if (roll < p.pPremature) {
        const at = rng.uniform(100, fix - 1);
        spec = { stimuli: [], responses: [answer(at)], endAt: at, reason: 'premature' };
      } else if (roll < p.pPremature + p.pOmission) {
        spec = { stimuli: arrows, responses: [], endAt: fix + trial.windowMs, reason: 'timeout' };
      } else {
        const shift = trial.condition === 'incongruent' ? p.conflictMs : 0;
        const rt = Math.max(1, drawRt(rng, { ...p.congruent, mu: p.congruent.mu + shift }));
        spec =
          rt >= trial.windowMs
            ? { stimuli: arrows, responses: [], endAt: fix + trial.windowMs, reason: 'timeout' }
            : { stimuli: arrows, responses: [answer(fix + rt)], endAt: fix + rt, reason: 'response' };
      }
      log.trial(b, i, { ...spec, gapAfter: 500 });
    });
    const passed =
      block.kind === 'practice'
        ? practicePassed(
            design,
            b,
            pairTrials(log.events, FLANKER_ID).filter((t) => t.block === b),
          )
        : undefined;
    log.blockEnd(b, 0, passed);
  });
  log.gameEnd();
  return log.events;
}

/** The manifest's participant model (games/kit/manifest.ts). */
export const participants = participantModel(simulateFlanker, TYPICAL_PARTICIPANT, participantFor);
