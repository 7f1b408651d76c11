import { describe, expect, it } from 'vitest';
import { computeFrameStats } from './frame-stats.ts';
import { onsetAfterFrame } from './onset.ts';

const frames = (n: number, dt: number, start = 0) => Array.from({ length: n }, (_, i) => start + i * dt);

describe('computeFrameStats', () => {
  it('estimates a 60 Hz refresh with no jitter', () => {
    const s = computeFrameStats(frames(61, 1000 / 60), []);
    expect(s.refreshHz).toBe(60);
    expect(s.intervalSdMs).toBeCloseTo(0, 6);
    expect(s.droppedInStimulus).toBe(0);
  });

  it('counts frames lost while a stimulus was shown, in whole frames', () => {
    const t = [0, 10, 20, 30, 60, 70, 80, 110, 120]; // two gaps of 30 ms, 2 lost frames each; only the first while a stimulus was up
    const s = computeFrameStats(t, [
      { from: 25, to: 75 },
      { from: 112, to: 125 },
    ]);
    expect(s.medianIntervalMs).toBe(10);
    expect(s.droppedInStimulus).toBe(2);
    expect(s.trialsWithDrops).toBe(1);
  });

  it('counts a trial as uncertain only when its onset was not measured at presentation', () => {
    const t = [0, 10, 20, 30, 60, 70, 80, 110, 120, 130];
    const s = computeFrameStats(t, [
      { from: 25, to: 75, measured: true },
      { from: 85, to: 125, measured: false },
    ]);
    expect(s.trialsWithDrops).toBe(2);
    expect(s.droppedInStimulus).toBe(4);
    expect(s.trialsWithUncertainOnset).toBe(1);
  });

  it('leaves pauses (hidden tab) out of the jitter', () => {
    const t = [0, 10, 20, 30, 5000, 5010, 5020];
    expect(computeFrameStats(t, []).intervalSdMs).toBe(0);
  });

  it('handles an empty block', () => {
    expect(computeFrameStats([], []).refreshHz).toBeNull();
  });
});

describe('onsetAfterFrame', () => {
  it('resolves with the first frame that begins after the frame that drew the stimulus', async () => {
    const queue: FrameRequestCallback[] = [];
    const raf = (cb: FrameRequestCallback) => queue.push(cb);
    const onset = onsetAfterFrame(100, raf);
    // The callback registered during frame 100 may still be called in a frame at the same timestamp.
    queue.shift()?.(100);
    queue.shift()?.(116.7);
    await expect(onset).resolves.toBe(116.7);
  });
});
