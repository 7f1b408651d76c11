/**
 * Presentation marker: the measured half of the onset (Element Timing).
 *
 * When a scene reports a stimulus drawn (inside the rAF callback of the frame that renders it), `mark()` inserts, in
 * that same frame, a new tiny block element carrying a unique `elementtiming` identifier. The browser reports the
 * first paint of that element as a PerformanceElementTiming entry whose `presentationTime` is the time the frame that
 * painted it — the frame that also carries the canvas stimulus — was presented, on the page's performance clock.
 *
 * - A new element with a new identifier per stimulus: Element Timing reports an element once, and an identifier
 *   unique within the page means an entry that arrives late (after its deadline) can never be taken for a later
 *   stimulus, also not for the re-run of a trial after an interruption.
 * - The observer is live (`observe({ type: 'element' })` without `buffered`): the entry buffer is size-limited
 *   (150 entries) and a session shows far more stimuli.
 * - Every marker looks the same (one glyph at 1% opacity, 2 px, in the viewport's bottom corner, outside any game
 *   area, hidden from assistive technology); it replaces the previous one, so at most one exists.
 * - Browsers without Element Timing (Safari, Firefox, iOS) get no marker: `supported` is false, `mark()` resolves
 *   null at once, and the scorers fall back to the rAF onset (`src/log/trials.ts`).
 */

/** What Element Timing measured for one stimulus (page clock, ms). */
export interface Presentation {
  /** The frame that first painted the marker was presented (Element Timing `presentationTime`). */
  presentedAt: number;
  /** The same frame's paint in the renderer (`paintTime`), when the browser reports it. */
  paintedAt?: number;
}

/** The slice of a PerformanceElementTiming entry the marker reads (also what unit tests fake). */
export interface ElementEntry {
  identifier: string;
  presentationTime?: number;
  paintTime?: number;
}

/** Where the marker lives and how it listens: the browser's, or fakes in unit tests. */
export interface MarkerEnvironment {
  /** Whether the browser reports `element` entries. */
  supported: boolean;
  /** Inserts a marker element with this identifier, replacing the previous one. */
  insert(identifier: string): void;
  /** Removes the marker, if any. */
  clear(): void;
  /** Starts a live observer of element entries; returns its disconnect. */
  observe(onEntries: (entries: ElementEntry[]) => void): () => void;
  /** Resolves after `ms` (the deadline for an entry). */
  wait(ms: number): Promise<void>;
}

/**
 * How long after the drawing frame an entry may still arrive. Presentation comes 1–3 frames after the draw, and the
 * entry is delivered a task after that; a main thread busy for 30 ms per frame or 4× throttled still delivers in
 * well under this. An entry that comes later is ignored: that stimulus falls back to the rAF onset.
 */
export const PRESENTATION_DEADLINE_MS = 1000;

export const MARKER_ID_PREFIX = 'ts-onset-';

export class PresentationMarker {
  private next = 0;
  private readonly waiting = new Map<string, (p: Presentation | null) => void>();
  private disconnect: (() => void) | null = null;

  constructor(
    private readonly env: MarkerEnvironment,
    private readonly deadlineMs = PRESENTATION_DEADLINE_MS,
  ) {}

  get supported(): boolean {
    return this.env.supported;
  }

  /**
   * Call synchronously in the frame that draws the stimulus. Resolves with the presentation of that frame, or null
   * when the browser cannot measure it or no entry arrived by the deadline.
   */
  mark(): Promise<Presentation | null> {
    if (!this.env.supported) return Promise.resolve(null);
    this.disconnect ??= this.env.observe((entries) => this.receive(entries));
    const identifier = `${MARKER_ID_PREFIX}${this.next++}`;
    const result = new Promise<Presentation | null>((resolve) => this.waiting.set(identifier, resolve));
    this.env.insert(identifier);
    void this.env.wait(this.deadlineMs).then(() => this.settle(identifier, null));
    return result;
  }

  /** Stops observing and removes the marker (page teardown, tests). Pending marks resolve null. */
  dispose(): void {
    this.disconnect?.();
    this.disconnect = null;
    for (const id of [...this.waiting.keys()]) this.settle(id, null);
    this.env.clear();
  }

  private receive(entries: ElementEntry[]): void {
    for (const e of entries) {
      if (!this.waiting.has(e.identifier)) continue; // late (past its deadline), or not ours
      const presentedAt = e.presentationTime;
      const measured = typeof presentedAt === 'number' && presentedAt > 0;
      this.settle(e.identifier, measured ? { presentedAt, ...(typeof e.paintTime === 'number' && e.paintTime > 0 ? { paintedAt: e.paintTime } : {}) } : null);
    }
  }

  private settle(identifier: string, p: Presentation | null): void {
    const resolve = this.waiting.get(identifier);
    if (!resolve) return;
    this.waiting.delete(identifier);
    resolve(p);
  }
}

/** Whether this browser reports Element Timing entries (a page-start fact: per session, the rule its onsets use). */
export function elementTimingSupported(): boolean {
  return typeof PerformanceObserver !== 'undefined' && (PerformanceObserver.supportedEntryTypes ?? []).includes('element');
}

const MARKER_STYLE = [
  'position:fixed',
  'inset-block-end:0',
  'inset-inline-end:0',
  'inline-size:2px',
  'block-size:2px',
  'overflow:hidden',
  'font:2px/2px sans-serif',
  'color:#000',
  // Element Timing ignores fully transparent paint; 1% black on any background is below a visible step.
  'opacity:0.01',
  'pointer-events:none',
  'user-select:none',
  'contain:strict',
  'z-index:2147483647',
].join(';');

/** The real environment: the marker in the document body (light DOM: Element Timing does not see into shadow roots). */
export function browserMarkerEnvironment(doc: Document = document): MarkerEnvironment {
  let current: HTMLElement | null = null;
  return {
    supported: elementTimingSupported(),
    insert(identifier) {
      const el = doc.createElement('div');
      el.setAttribute('elementtiming', identifier);
      el.setAttribute('aria-hidden', 'true');
      el.setAttribute('data-presentation-marker', '');
      el.style.cssText = MARKER_STYLE;
      el.textContent = '.';
      if (current) current.replaceWith(el);
      else doc.body.append(el);
      current = el;
    },
    clear() {
      current?.remove();
      current = null;
    },
    observe(onEntries) {
      const observer = new PerformanceObserver((list) => onEntries(list.getEntries() as unknown as ElementEntry[]));
      observer.observe({ type: 'element' });
      return () => observer.disconnect();
    },
    wait: (ms) => new Promise((r) => setTimeout(r, ms)),
  };
}

let pageMarker: PresentationMarker | null = null;

/** The page's one marker (one observer, one identifier sequence for the whole page). */
export function presentationMarker(): PresentationMarker {
  pageMarker ??= new PresentationMarker(browserMarkerEnvironment());
  return pageMarker;
}
