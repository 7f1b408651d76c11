import type { Abilities } from '../../src/runtime/game-contract.ts';
import { participantModel } from '../kit/manifest.ts';
import { drawRt, type ExGauss } from '../kit/participants.ts';
import { clamp } from '../../src/lib/stats.ts';
import type { LogEvent } from '../../src/log/events.ts';
import { createRng, type Rng } from '../../src/lib/rng.ts';
import { SimLog, type SimResponse, type SimTrial } from '../../src/log/sim-log.ts';
import { BLOCK_COUNT } from './board.ts';
import { CORSI_ID, TIMING, type CorsiDesign, type CorsiTrial, type Direction } from './design.ts';
import { expectedTaps, judgeSequence, PRACTICE_MIN_CORRECT, stopRuleMet } from './rules.ts';
import { INTRO_SEC } from '../kit/pacing.ts';

/** A simulated Corsi participant. */
export interface CorsiParticipant {
  /** True span per direction: sequences up to this length are recalled, longer ones not (softened by `spread`). */
  span: Record<Direction, number>;
  /**
   * Logistic spread (items) of recall around the span: P(correct | length L) = 1 / (1 + exp((L − span − 0.5) / spread)).
   * 0 is a step: every sequence up to the span right, every longer one wrong.
   */
  spread: number;
  /** Share of failed sequences answered with the right blocks in a wrong order (the rest swap in a wrong block). */
  pOrderError: number;
  /** Probability of not tapping a sequence at all (it times out). */
  pOmission: number;
  /** Time from the 'target' cue to the first tap, and between taps (ms). */
  firstTap: ExGauss;
  nextTap: ExGauss;
}

/** Typical young adult: forward span 6, backward 5 (backward spans run about one lower on screen). */
export const TYPICAL_PARTICIPANT: CorsiParticipant = {
  span: { forward: 6, backward: 5 },
  spread: 0.4,
  pOrderError: 0.5,
  pOmission: 0,
  firstTap: { mu: 650, sigma: 120, tau: 200 },
  nextTap: { mu: 420, sigma: 80, tau: 120 },
};

/** The participant of a simulated candidate with these abilities (see GameManifest.participantFor). */
export const participantFor = (a: Abilities): CorsiParticipant => {
  const span = (typical: number, min: number) => clamp(Math.round(typical + a['working-memory']), min, 9);
  return { ...TYPICAL_PARTICIPANT, span: { forward: span(6, 3), backward: span(5, 2) } };
};

/** Allowance for each block's instruction and demo screen, which the log does not time (s). */
export const INTRO_ALLOWANCE_SEC = INTRO_SEC;

/**
 * Plays the design as the runtime and scene would: practice blocks in full (a failed one once more), test blocks in
 * index order until the stop rule ends them.
 */
export function simulateCorsi(design: CorsiDesign, p: CorsiParticipant, seed: number): LogEvent[] {
  const rng = createRng(seed);
  const log = new SimLog(CORSI_ID);
  log.gameStart(design.version, design.seed);
  design.blocks.forEach((block, b) => {
    const attempts = block.kind === 'practice' ? 2 : 1;
    for (let attempt = 0; attempt < attempts; attempt++) {
      log.blockStart(b, block.kind, attempt);
      const correctByTrial = new Map<number, boolean>();
      for (let i = 0; i < block.trials.length; i++) {
        if (block.kind === 'test' && stopRuleMet(correctByTrial)) break;
        const trial = block.trials[i] as CorsiTrial;
        const { spec, taps } = playTrial(rng, trial, p, block.kind === 'practice');
        correctByTrial.set(i, judgeSequence(trial, taps).correct);
        log.trial(b, i, spec);
      }
      const passed = block.kind === 'practice' ? [...correctByTrial.values()].filter(Boolean).length >= PRACTICE_MIN_CORRECT : undefined;
      log.blockEnd(b, attempt, passed);
      if (passed !== false) break;
    }
  });
  log.gameEnd();
  return log.events;
}

function playTrial(rng: Rng, trial: CorsiTrial, p: CorsiParticipant, practice: boolean): { spec: SimTrial; taps: number[] } {
  const n = trial.sequence.length;
  const step = TIMING.itemOnMs + TIMING.itemGapMs;
  const stimuli: SimTrial['stimuli'] = trial.sequence.map((_, k) => ({ name: `item-${k}`, at: TIMING.preMs + k * step }));
  const target = TIMING.preMs + n * step;
  stimuli.push({ name: 'target', at: target });

  if (rng.next() < p.pOmission) {
    const spec: SimTrial = { stimuli, responses: [], endAt: target + TIMING.idleTimeoutMs, reason: 'timeout', gapAfter: gapAfter(practice, false, n) };
    return { spec, taps: [] };
  }
  const spread = p.spread;
  const threshold = p.span[trial.direction] + 0.5;
  const pCorrect = spread <= 0 ? (n < threshold ? 1 : 0) : 1 / (1 + Math.exp((n - threshold) / spread));
  const taps = rng.next() < pCorrect ? expectedTaps(trial) : wrongTaps(rng, trial, p.pOrderError);
  const responses: SimResponse[] = [];
  let at = target;
  taps.forEach((block, k) => {
    const t = drawRt(rng, k === 0 ? p.firstTap : p.nextTap);
    at += Math.min(TIMING.idleTimeoutMs - 1, Math.max(150, t));
    responses.push({ at, value: String(block), device: 'touch' });
  });
  const correct = judgeSequence(trial, taps).correct;
  return { spec: { stimuli, responses, endAt: at, reason: 'response', gapAfter: gapAfter(practice, correct, n) }, taps };
}

/** A failed sequence: the right blocks with two neighbours swapped (an order error), or one block replaced by another. */
function wrongTaps(rng: Rng, trial: CorsiTrial, pOrderError: number): number[] {
  const taps = expectedTaps(trial);
  const k = rng.int(0, taps.length - 2);
  if (rng.next() < pOrderError) {
    [taps[k], taps[k + 1]] = [taps[k + 1] as number, taps[k] as number];
    return taps;
  }
  const unused = Array.from({ length: BLOCK_COUNT }, (_, i) => i).filter((b) => !taps.includes(b));
  const at = rng.int(0, taps.length - 1);
  // A length-9 sequence uses every block: the slip is then a block tapped twice.
  taps[at] = unused.length > 0 ? (unused[rng.int(0, unused.length - 1)] as number) : (taps[(at + 1) % taps.length] as number);
  return taps;
}

function gapAfter(practice: boolean, correct: boolean, length: number): number {
  if (!practice) return TIMING.testPauseMs;
  return TIMING.practiceFeedbackMs + (correct ? 0 : length * TIMING.replayStepMs);
}

/** Duration of a simulated play, log start to end, plus the intro allowance per block run (s). */
export function simulatedDurationSec(events: readonly LogEvent[]): number {
  const first = events[0];
  const last = events[events.length - 1];
  const blocksRun = events.filter((e) => e.type === 'block-start').length;
  return (first && last ? (last.t - first.t) / 1000 : 0) + blocksRun * INTRO_ALLOWANCE_SEC;
}

/** The manifest's participant model (games/kit/manifest.ts). */
export const participants = participantModel(simulateCorsi, TYPICAL_PARTICIPANT, participantFor);
