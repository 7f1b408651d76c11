/**
 * Whether this browser will keep the log after the window closes. A private window (Chromium incognito, Firefox and
 * Safari private browsing) gives IndexedDB a store in memory that looks durable, so the answer is a heuristic:
 * Chromium gives such a window a quota far below a normal profile's (measured: about 1.6 GB incognito against a
 * share of the disk, here 162 GB, in a normal profile), below twice the JS heap limit; Firefox and Safari private
 * windows cap the quota lower still. A normal profile on a nearly full disk can look private too: the warning says
 * "looks like", and only advises.
 *
 * Inside another site's frame (a pilot's page) a small quota means less: the frame's storage is partitioned under the
 * host site, and browsers may give that partition a fraction of the quota (Safari) or keep it only for the session
 * (Brave's ephemeral third-party storage). Chromium gave our frame the same quota as the top level in both a normal
 * and an incognito-like profile (measured, headless Chromium, 2026-12-02), so the quota alone cannot say which it is
 * there: the warning says what is true in every case — what is done here may be kept only until the window closes —
 * and names both causes, never "a private window" alone.
 */
export type StorageWarning = 'private-window' | 'framed';

export interface StorageProbe {
  /** The storage looks like it ends with the window, and why we think so; null: no sign of that. */
  warning: StorageWarning | null;
  /** The browser granted persistent storage (not evicted under pressure). */
  persisted: boolean;
  quota: number | null;
}

const DEFAULT_HEAP_LIMIT = 2 ** 30;

/** The rule, apart from the browser: a quota below twice the heap limit looks private, unless we are another site's frame. */
export function storageWarning(quota: number | null, heapLimit: number, framedByOtherOrigin: boolean): StorageWarning | null {
  if (quota === null || quota >= 2 * heapLimit) return null;
  return framedByOtherOrigin ? 'framed' : 'private-window';
}

/** What `framedByOtherOrigin` reads of a window (a test passes its own). */
export interface FrameView {
  top: { location: { origin: string } } | null;
  self: unknown;
  location: { origin: string };
}

/** Whether this page runs in a frame of a page from another origin (whose site its storage is partitioned under). */
export function framedByOtherOrigin(w: FrameView = window): boolean {
  if (!w.top || w.top === w.self) return false;
  try {
    // Readable only when the top page is of our origin.
    return w.top.location.origin !== w.location.origin;
  } catch {
    return true;
  }
}

export async function probeStorage(): Promise<StorageProbe> {
  const storage = navigator.storage as StorageManager | undefined;
  if (!storage?.estimate) return { warning: null, persisted: false, quota: null };
  const [estimate, persisted] = await Promise.all([storage.estimate().catch(() => null), storage.persisted?.().catch(() => false) ?? false]);
  const quota = estimate?.quota ?? null;
  // Chromium's non-standard heap limit where it exists; 1 GiB elsewhere.
  const heap = (performance as Performance & { memory?: { jsHeapSizeLimit?: number } }).memory?.jsHeapSizeLimit ?? DEFAULT_HEAP_LIMIT;
  return { warning: storageWarning(quota, heap, framedByOtherOrigin()), persisted, quota };
}

/** Asks the browser not to evict this origin's storage (granted silently or refused, depending on the browser). */
export async function askPersistence(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
