import type { RecorderClient } from '../runtime/recorder-client.ts';
import type { StorageStatus } from '../worker/recorder.ts';

/**
 * What the resume screen may truthfully say after the page closed (or the browser died): how much the device holds,
 * read back from the store, and whether the page last knew of completed answers it could not save.
 *
 * The second fact cannot live in IndexedDB (the store that was full), so the page keeps it in localStorage, per
 * session, while the worker reports unsaved events, and clears it when they are written. It is a hint that can
 * undercount: on a truly full disk localStorage may fail too, and Chromium writes localStorage to disk lazily, so a
 * browser killed within about a second of the last update keeps an older count. The screen therefore says "at least".
 */
export interface SavedSummary {
  /** Completed trials in the stored log. */
  savedTrials: number;
  /** Completed trials the page last reported unsaved when it closed (null: none known). */
  unsavedAtClose: number | null;
}

const KEY = 'talentscan.unsaved.';

/** Keeps the latest storage report for the resume screen (called with every status the worker sends). */
export function noteStorage(status: StorageStatus, current: string | null): void {
  try {
    if (status.state === 'error' && status.pending > 0) localStorage.setItem(KEY + status.sessionId, String(status.pendingTrials));
    else if (status.state === 'ok' && current) localStorage.removeItem(KEY + current);
  } catch {
    // No localStorage either: the resume screen then says only what the store holds.
  }
}

export function forgetUnsaved(sessionId: string): void {
  try {
    localStorage.removeItem(KEY + sessionId);
  } catch {
    // nothing kept, nothing to forget
  }
}

export async function savedSummary(recorder: RecorderClient, sessionId: string): Promise<SavedSummary> {
  const events = await recorder.storedEvents(sessionId);
  const savedTrials = events.filter((e) => e.type === 'trial-end' && e.reason !== 'interrupted').length;
  let unsavedAtClose: number | null = null;
  try {
    const note = localStorage.getItem(KEY + sessionId);
    if (note !== null) unsavedAtClose = Math.max(0, Number.parseInt(note, 10) || 0);
  } catch {
    // unknown
  }
  return { savedTrials, unsavedAtClose };
}
