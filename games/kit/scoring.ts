/** Rules every scorer applies the same way, written once so that a fix reaches every game. */
import type { BlockEndEvent, LogEvent } from '../../src/log/events.ts';
import { countInterruptedTrials, type TrialRecord, type TrialResponse } from '../../src/log/trials.ts';
import type { GameDesign, QualityFlag } from '../../src/runtime/game-contract.ts';

/**
 * The trial's first response, if it counts. An answer after the response window is no answer: a busy main thread may
 * hand it to the scene before its timeout fires, but the window is part of the design, and times come from
 * event.timeStamp. A response before any target (rt null) is kept: it is an anticipation.
 */
export function answerInWindow(trial: TrialRecord, windowMs = Infinity): TrialResponse | undefined {
  const first = trial.responses[0];
  return first && (first.rt === null || first.rt <= windowMs) ? first : undefined;
}

/** The codes playFlags raises, for every game: each scorer's own list includes them. */
export const PLAY_FLAG_CODES = ['interrupted', 'frame-drops', 'display-stutter'] as const;
export type PlayFlagCode = (typeof PLAY_FLAG_CODES)[number];

/**
 * The flags of how a play went that every game raises: 'interrupted' (trials run again after the tab was hidden,
 * focus lost or a reload) and, per test block, 'frame-drops' (trials whose times lost frames may have shifted: their
 * onset was not measured at presentation) and 'display-stutter' (frames lost after an onset measured at presentation:
 * the candidate saw a stutter, the times stand). A log recorded before onsets were told apart (no
 * `trialsWithUncertainOnset`) counts every trial with drops as 'frame-drops', as it always did. `shown` completes
 * "lost frames while …". `blockEnd` adds a game's own flags of a block end, in log order with the frame flags.
 */
export function playFlags<T, C extends string = never>(
  events: readonly LogEvent[],
  game: string,
  design: GameDesign<T>,
  shown: string,
  blockEnd: (e: BlockEndEvent) => QualityFlag<C>[] = () => [],
): QualityFlag<PlayFlagCode | C>[] {
  const flags: QualityFlag<PlayFlagCode | C>[] = [];
  const interrupted = countInterruptedTrials(events, game);
  if (interrupted > 0)
    flags.push({
      code: 'interrupted',
      detail: `${interrupted} trial(s) were interrupted (tab hidden, focus lost or reload) and run again.`,
      values: { count: interrupted },
    });
  for (const e of events) {
    if (e.type !== 'block-end' || e.game !== game) continue;
    if (e.frames.trialsWithDrops > 0 && design.blocks[e.block]?.kind === 'test') {
      const { trialsWithDrops, trialsWithUncertainOnset = trialsWithDrops, droppedInStimulus } = e.frames;
      if (trialsWithUncertainOnset > 0) {
        const measuredNote = trialsWithUncertainOnset < trialsWithDrops ? ', onset not measured at presentation' : '';
        const detail = `Block ${e.block}: ${trialsWithUncertainOnset} trial(s) lost frames while ${shown}${measuredNote} (${droppedInStimulus} frames).`;
        flags.push({ code: 'frame-drops', detail, values: { block: e.block, count: trialsWithUncertainOnset } });
      }
      const stuttered = trialsWithDrops - trialsWithUncertainOnset;
      if (stuttered > 0) {
        const detail = `Block ${e.block}: ${stuttered} trial(s) lost frames while ${shown}, after an onset measured at presentation: their times stand.`;
        flags.push({ code: 'display-stutter', detail, values: { block: e.block, count: stuttered } });
      }
    }
    flags.push(...blockEnd(e));
  }
  return flags;
}

/**
 * Whether a practice attempt met its pass rate: at least `rate` of the block's counted trials (every trial unless
 * `counted` picks some) answered correctly. `trials` are the attempt's completed trials: a trial that did not complete
 * counts as wrong. A block without counted trials passes.
 */
export function practiceRatePassed<T>(
  design: GameDesign<T>,
  block: number,
  trials: readonly TrialRecord[],
  rate: number,
  correct: (trial: TrialRecord, spec: T) => boolean,
  counted: (spec: T) => boolean = () => true,
): boolean {
  const specs = design.blocks[block]?.trials ?? [];
  const total = specs.filter(counted).length;
  if (total === 0) return true;
  const right = trials.filter((t) => {
    const spec = specs[t.trial];
    return spec !== undefined && counted(spec) && correct(t, spec);
  }).length;
  return right / total >= rate;
}
