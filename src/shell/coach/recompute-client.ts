import { wrap, type Remote } from 'comlink';
import type { RecomputeApi } from '../../coach/recompute.worker.ts';

let client: Remote<RecomputeApi> | undefined;

/** The page's one recompute worker (created on first use). */
export function recomputeClient(): Remote<RecomputeApi> {
  client ??= wrap<RecomputeApi>(new Worker(new URL('../../coach/recompute.worker.ts', import.meta.url), { type: 'module', name: 'recompute' }));
  return client;
}
