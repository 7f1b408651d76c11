import type { FrameStats } from '../log/events.ts';
import { computeFrameStats, type StimulusWindow } from './frame-stats.ts';

/** Records every rAF timestamp while a block runs, and the windows in which a stimulus was on screen. */
export class FrameMonitor {
  private times: number[] = [];
  private windows: StimulusWindow[] = [];
  private openWindow: number | null = null;
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

  stimulusOn(onset: number): void {
    this.openWindow = onset;
  }

  stimulusOff(t: number): void {
    if (this.openWindow !== null && t > this.openWindow) this.windows.push({ from: this.openWindow, to: t });
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
