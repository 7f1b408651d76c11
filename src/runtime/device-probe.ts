import type { DeviceMeasurements } from './device-check.ts';
import { computeFrameStats } from '../capture/frame-stats.ts';

/** Measures what the device check assesses: ~0.5 s of rAF timestamps for the refresh rate, plus the page's facts. */
export async function probeDevice(frames = 30): Promise<DeviceMeasurements> {
  const times = await new Promise<number[]>((resolve) => {
    const ts: number[] = [];
    const tick = (t: number) => {
      ts.push(t);
      if (ts.length > frames) resolve(ts);
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    // A hidden or heavily throttled page may not animate: answer without a rate rather than wait forever.
    setTimeout(() => resolve(ts), 2000);
  });
  const coarse = matchMedia('(pointer: coarse)').matches;
  const fine = matchMedia('(pointer: fine)').matches;
  return {
    viewport: { width: innerWidth, height: innerHeight },
    pointer: coarse ? 'coarse' : fine ? 'fine' : 'none',
    refreshHz: times.length > 10 ? computeFrameStats(times, []).refreshHz : null,
    fullscreenAvailable: document.fullscreenEnabled === true,
    isolated: globalThis.crossOriginIsolated === true,
  };
}
