import { wrap, type Remote } from 'comlink';
import type { RecorderApi } from '../worker/recorder.worker.ts';

export type RecorderClient = Remote<RecorderApi>;

let client: RecorderClient | null = null;

/** The one recorder worker of the page. */
export function recorderClient(): RecorderClient {
  client ??= wrap<RecorderApi>(new Worker(new URL('../worker/recorder.worker.ts', import.meta.url), { type: 'module', name: 'recorder' }));
  return client;
}
