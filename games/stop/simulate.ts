import type { Abilities } from '../../src/runtime/game-contract.ts';
import { participantModel } from '../kit/manifest.ts';
import { drawRt, type ExGauss, speededBy } from '../kit/participants.ts';
import type { LogEvent } from '../../src/log/events.ts';
import { createRng, type Rng } from '../../src/lib/rng.ts';
import { SimLog, type SimTrial } from '../../src/log/sim-log.ts';
import { STOP_ID, TIMING, type StopDesign, type StopTrial } from './design.ts';
import { nextSsd, SSD_START_MS } from './staircase.ts';

/**
 * A simulated participant for Stop: the independent race model (Logan & Cowan 1984). On a stop trial the go process
 * (ex-Gaussian RT from arrow onset) races a stop process that starts when the signal appears and finishes after the
 * participant's stopping latency; the response escapes when the go process finishes first.
 */
export interface StopParticipant {
  go: ExGauss;
  /** The true stopping latency (ms): normal with this mean and SD, drawn per stop trial. */
  ssrt: { mean: number; sd: number };
  /** Probability that an executed go response goes the wrong way. */
  pChoiceError: number;
  /** Probability of a lapse: no go process at all on a trial (an omission on go trials). */
  pOmission: number;
  /** Display refresh interval (ms): onsets land on frames, so the realised SSD is the nominal one rounded to frames. */
  frameMs: number;
  /** Probability that the frame showing the stop signal is dropped, delaying it by one more frame. */
  pFrameDrop: number;
}

export const TYPICAL_PARTICIPANT: StopParticipant = {
  go: { mu: 420, sigma: 50, tau: 90 },
  ssrt: { mean: 290, sd: 30 },
  pChoiceError: 0.03,
  pOmission: 0.02,
  frameMs: 1000 / 60,
  pFrameDrop: 0.1,
};

/** The participant of a simulated candidate with these abilities (see GameManifest.participantFor). */
export const participantFor = (a: Abilities, latencyMs: number): StopParticipant => ({
  ...TYPICAL_PARTICIPANT,
  go: speededBy(TYPICAL_PARTICIPANT.go, 40, a, latencyMs),
  ssrt: { mean: TYPICAL_PARTICIPANT.ssrt.mean - 30 * a.inhibition, sd: TYPICAL_PARTICIPANT.ssrt.sd },
});

/** Plays every block of the design once (practice counted as passed), the SSD following the game's staircase. */
export function simulateStop(design: StopDesign, p: StopParticipant, seed: number): LogEvent[] {
  const rng = createRng(seed);
  const log = new SimLog(STOP_ID);
  log.gameStart(design.version, design.seed);
  let ssd = SSD_START_MS;
  design.blocks.forEach((block, b) => {
    log.blockStart(b, block.kind);
    const gapAfter = TIMING.feedbackMs[block.kind] + TIMING.itiMs;
    block.trials.forEach((trial, i) => {
      const spec = playTrial(rng, p, trial, ssd);
      if (trial.stop) ssd = nextSsd(ssd, spec.responses.length > 0);
      log.trial(b, i, { ...spec, gapAfter });
    });
    log.blockEnd(b);
  });
  log.gameEnd();
  return log.events;
}

function playTrial(rng: Rng, p: StopParticipant, trial: StopTrial, ssd: number): SimTrial {
  const onset = trial.fixationMs;
  const params = trial.stop ? { ssd } : undefined;
  const stimuli: SimTrial['stimuli'] = [{ name: 'target', at: onset, ...(params ? { params } : {}) }];
  const lapse = rng.next() < p.pOmission;
  const goRt = Math.max(1, drawRt(rng, p.go));
  const wrong = rng.next() < p.pChoiceError;
  const value = wrong ? (trial.direction === 'left' ? 'right' : 'left') : trial.direction;

  let responds = !lapse && goRt < trial.windowMs;
  if (trial.stop) {
    // The scene shows the signal at the frame nearest the nominal SSD (never earlier than half a frame before it).
    const frames = Math.max(0, Math.ceil(ssd / p.frameMs - 0.5)) + (rng.next() < p.pFrameDrop ? 1 : 0);
    const realised = frames * p.frameMs;
    const stopLatency = rng.normal(p.ssrt.mean, p.ssrt.sd);
    const signalShown = !responds || goRt >= realised;
    if (signalShown) stimuli.push({ name: 'stop-signal', at: onset + realised, params: { ssd } });
    if (responds && goRt >= realised + stopLatency) responds = false;
  }
  if (!responds) return { stimuli, responses: [], endAt: onset + trial.windowMs, reason: 'timeout' };
  return { stimuli, responses: [{ at: onset + goRt, value }], endAt: onset + goRt, reason: 'response' };
}

/** The manifest's participant model (games/kit/manifest.ts). */
export const participants = participantModel(simulateStop, TYPICAL_PARTICIPANT, participantFor);
