import type { LogEvent } from './events.ts';

/**
 * When a finished session ended, in epoch ms: its `session-end` on the clock of the page that logged it (that page's
 * `page-start` gives the clock's origin; see the clock in events.ts). Null when the log does not end with a
 * `session-end` (unfinished: the resume screen's case, never a result), or when the page of the end has no
 * `page-start` (a log this app does not write; the caller then falls back to the row's listing time).
 */
export function sessionEndedAt(events: readonly LogEvent[]): number | null {
  const end = events.at(-1);
  if (end?.type !== 'session-end') return null;
  for (let i = events.length - 2; i >= 0; i--) {
    const e = events[i];
    if (e?.type === 'page-start' && e.page === end.page) return Math.round(e.timeOrigin + end.t);
  }
  return null;
}
