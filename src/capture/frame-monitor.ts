import type { FrameStats } from '../log/events.ts';
import { computeFrameStats, type StimulusWindow } from './frame-stats.ts';

/** Records every rAF timestamp while a block runs, and the windows in which a stimulus was on screen. */
export class FrameMonitor {
  private times: number[] = [];
  private windows: StimulusWindow[] = [];
  private openWindow: { from: number; measured: boolean } | null = null;
  private handle = 0;
  private active = false;

  get running(): boolean {
    return this.active;
  }

  start(): void {
    this.times = [];
    this.windows = [];
    this.openWindow = null;
    this.active = true;
    const tick = (ts: number) => {
      if (!this.active) return;
      this.times.push(ts);
      this.handle = requestAnimationFrame(tick);
    };
    this.handle = requestAnimationFrame(tick);
  }

  /** The trial's target is on screen from `onset`; `measured` when that onset is its measured presentation. */
  stimulusOn(onset: number, measured: boolean): void {
    this.openWindow = { from: onset, measured };
  }

  /** Another stimulus of the open trial (a stop signal, say) was shown without a measured presentation. */
  onsetUnmeasured(): void {
    if (this.openWindow) this.openWindow.measured = false;
  }

  stimulusOff(t: number): void {
    const w = this.openWindow;
    if (w !== null && t > w.from) this.windows.push({ from: w.from, to: t, measured: w.measured });
    this.openWindow = null;
  }

  stop(): FrameStats {
    this.active = false;
    cancelAnimationFrame(this.handle);
    const stats = computeFrameStats(this.times, this.windows);
    this.times = [];
    this.windows = [];
    this.openWindow = null;
    return stats;
  }
}
