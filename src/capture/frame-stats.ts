import type { FrameStats } from '../log/events.ts';

/** Gaps longer than this are pauses (hidden tab, debugger), not frame-to-frame jitter. */
const PAUSE_GAP_MS = 100;

export interface StimulusWindow {
  from: number;
  to: number;
  /** The window's onsets were measured at presentation (see FrameStats.trialsWithUncertainOnset). */
  measured?: boolean;
}

/**
 * Frame telemetry from the rAF timestamps of a block (pure).
 * Refresh rate from the median interval (robust to drops); jitter as the SD of intervals below PAUSE_GAP_MS;
 * a drop is an interval longer than 1.5 median intervals, counted in the whole frames it lost, inside a stimulus window.
 * A window with drops makes its trial's times uncertain only when its onsets were not measured at presentation.
 */
export function computeFrameStats(frameTimes: readonly number[], windows: readonly StimulusWindow[]): FrameStats {
  const intervals: { at: number; d: number }[] = [];
  for (let i = 1; i < frameTimes.length; i++) {
    const prev = frameTimes[i - 1] as number;
    const cur = frameTimes[i] as number;
    intervals.push({ at: cur, d: cur - prev });
  }
  if (intervals.length === 0) {
    return {
      frames: frameTimes.length,
      refreshHz: null,
      medianIntervalMs: null,
      intervalSdMs: null,
      droppedInStimulus: 0,
      trialsWithDrops: 0,
      trialsWithUncertainOnset: 0,
    };
  }
  const sorted = intervals.map((x) => x.d).sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const med = sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  const jitter = intervals.map((x) => x.d).filter((d) => d < PAUSE_GAP_MS);
  let sd: number | null = null;
  if (jitter.length >= 2) {
    const m = jitter.reduce((a, b) => a + b, 0) / jitter.length;
    sd = Math.sqrt(jitter.reduce((a, b) => a + (b - m) ** 2, 0) / (jitter.length - 1));
  }
  let dropped = 0;
  let trialsWithDrops = 0;
  let trialsWithUncertainOnset = 0;
  for (const w of windows) {
    let lost = 0;
    for (const x of intervals) {
      // An interval belongs to the window when the frame that ends it was due while the stimulus was up.
      if (x.at > w.from && x.at - x.d < w.to && med > 0 && x.d > 1.5 * med) lost += Math.round(x.d / med) - 1;
    }
    dropped += lost;
    if (lost > 0) trialsWithDrops++;
    if (lost > 0 && !w.measured) trialsWithUncertainOnset++;
  }
  return {
    frames: frameTimes.length,
    refreshHz: med > 0 ? Math.round((1000 / med) * 10) / 10 : null,
    medianIntervalMs: Math.round(med * 1000) / 1000,
    intervalSdMs: sd === null ? null : Math.round(sd * 1000) / 1000,
    droppedInStimulus: dropped,
    trialsWithDrops,
    trialsWithUncertainOnset,
  };
}
