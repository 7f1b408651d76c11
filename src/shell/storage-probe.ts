/**
 * Whether this browser will keep the log after the window closes. A private window (Chromium incognito, Firefox and
 * Safari private browsing) gives IndexedDB a store in memory that looks durable, so the answer is a heuristic:
 * Chromium gives such a window a quota far below a normal profile's (measured: about 1.6 GB incognito against a
 * share of the disk, here 162 GB, in a normal profile), below twice the JS heap limit; Firefox and Safari private
 * windows cap the quota lower still. A normal profile on a nearly full disk can look private too: the warning says
 * "looks like", and only advises.
 */
export interface StorageProbe {
  /** The window looks private: its storage ends with it. */
  private: boolean;
  /** The browser granted persistent storage (not evicted under pressure). */
  persisted: boolean;
  quota: number | null;
}

const DEFAULT_HEAP_LIMIT = 2 ** 30;

export async function probeStorage(): Promise<StorageProbe> {
  const storage = navigator.storage as StorageManager | undefined;
  if (!storage?.estimate) return { private: false, persisted: false, quota: null };
  const [estimate, persisted] = await Promise.all([storage.estimate().catch(() => null), storage.persisted?.().catch(() => false) ?? false]);
  const quota = estimate?.quota ?? null;
  // Chromium's non-standard heap limit where it exists; 1 GiB elsewhere.
  const heap = (performance as Performance & { memory?: { jsHeapSizeLimit?: number } }).memory?.jsHeapSizeLimit ?? DEFAULT_HEAP_LIMIT;
  return { private: quota !== null && quota < 2 * heap, persisted, quota };
}

/** Asks the browser not to evict this origin's storage (granted silently or refused, depending on the browser). */
export async function askPersistence(): Promise<boolean> {
  try {
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
