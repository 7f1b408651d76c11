import type { PageStartEvent } from '../log/events.ts';
import { elementTimingSupported } from './presentation-marker.ts';

/** The facts about this page that make its times interpretable: clock origin, isolation (timer resolution), device. */
export function pageStart(timeScale = 1): Omit<PageStartEvent, 'seq' | 'page'> {
  const coarse = matchMedia('(pointer: coarse)').matches;
  const fine = matchMedia('(pointer: fine)').matches;
  return {
    type: 'page-start',
    t: performance.now(),
    timeOrigin: performance.timeOrigin,
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    userAgent: navigator.userAgent,
    viewport: { width: innerWidth, height: innerHeight, dpr: devicePixelRatio },
    pointer: coarse ? 'coarse' : fine ? 'fine' : 'none',
    presentation: elementTimingSupported() ? 'element-timing' : 'none',
    ...(timeScale === 1 ? {} : { timeScale }),
  };
}
