/// <reference lib="webworker" />
import { expose } from 'comlink';
import type { LogEvent } from '../log/events.ts';
import { choices, recompute } from './recompute.ts';

/** The recompute worker's API (comlink). */
export const recomputeApi = {
  choices,
  recompute(events: LogEvent[], normGroup: string, roleSet?: string) {
    return recompute(events, normGroup, roleSet);
  },
};
export type RecomputeApi = typeof recomputeApi;

expose(recomputeApi);
