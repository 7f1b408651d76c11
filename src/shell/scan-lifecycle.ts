/**
 * What `<ts-scan>` tells the page around it, as DOM events (`scan-lifecycle`, bubbling and composed, detail below), and
 * what a page may lock about a scan (`ScanSettings`). `<ts-embed>` turns these into embed-protocol messages; the scan
 * knows nothing of embedding.
 */
import type { LogEvent } from '../log/events.ts';
import type { GameScore } from '../runtime/game-contract.ts';
import type { RunnerView } from '../runtime/scan-runner.ts';

/** A scan whose settings its page decided (an embedded pilot's): certified only, this battery and norm group. */
export interface ScanSettings {
  pilot: string;
  battery: string;
  normGroup: string;
  /** Lines added to the certified consent text (message keys with their parameters), e.g. what the pilot receives. */
  consentExtra: readonly { key: string; params?: Record<string, string | number> }[];
  /** Appended to the certified consent's version in the `consent` event: the extra lines are versioned too. */
  consentVersionSuffix: string;
  /** The embedded scan's id, sent with the session (a start token names it). */
  embedId?: string;
  /** Asked right before the session is created: the pilot's start token, if the page can get one. */
  startToken?: () => Promise<string | undefined>;
}

export type ScanLifecycle =
  | { type: 'started'; sessionId: string; battery: string; games: string[]; resumed: boolean }
  | { type: 'game-started'; sessionId: string; game: string; index: number; of: number }
  | { type: 'game-completed'; sessionId: string; game: string; index: number; of: number; progress: number }
  | { type: 'completed'; sessionId: string; scores: GameScore[]; certified: { sessionId: string; token: string } | null }
  | { type: 'deleted'; sessionId: string }
  | { type: 'error'; sessionId: string | null; code: string; message: string };

export const SCAN_LIFECYCLE = 'scan-lifecycle';

declare global {
  interface HTMLElementEventMap {
    [SCAN_LIFECYCLE]: CustomEvent<ScanLifecycle>;
  }
}

/** What the reporter reads of the scan it reports on. */
export interface LifecycleSource {
  sessionId(): string | null;
  games(): string[];
  battery(): string;
  certified(): { sessionId: string; token: string } | null;
}

/**
 * Derives the lifecycle from what a scan runner does (its log events and views) and dispatches it on `host`: `started`
 * always first (once per runner, before its first game event or view), then the games, then `completed`.
 */
export class LifecycleReporter {
  private startedFor: string | null = null;
  private resumed = false;

  constructor(
    private readonly host: EventTarget,
    private readonly source: LifecycleSource,
  ) {}

  /** A new runner: `resumed` when it continues a stored session. */
  reset(resumed: boolean): void {
    this.startedFor = null;
    this.resumed = resumed;
  }

  logged(e: LogEvent): void {
    if (e.type !== 'game-start' && e.type !== 'game-end') return;
    const sessionId = this.ensureStarted();
    if (!sessionId) return;
    const games = this.source.games();
    const index = games.indexOf(e.game);
    if (e.type === 'game-start') this.dispatch({ type: 'game-started', sessionId, game: e.game, index, of: games.length });
    else this.dispatch({ type: 'game-completed', sessionId, game: e.game, index, of: games.length, progress: (index + 1) / Math.max(1, games.length) });
  }

  viewed(view: RunnerView): void {
    if (view.phase === 'loading') return;
    if (view.phase === 'error') {
      this.dispatch({ type: 'error', sessionId: this.source.sessionId(), code: 'scan-failed', message: view.message });
      return;
    }
    const sessionId = this.ensureStarted();
    if (sessionId && view.phase === 'done') this.dispatch({ type: 'completed', sessionId, scores: view.scores, certified: this.source.certified() });
  }

  failed(code: string, message: string): void {
    this.dispatch({ type: 'error', sessionId: this.source.sessionId(), code, message });
  }

  private ensureStarted(): string | null {
    const sessionId = this.source.sessionId();
    if (!sessionId || this.startedFor === sessionId) return sessionId;
    this.startedFor = sessionId;
    this.dispatch({ type: 'started', sessionId, battery: this.source.battery(), games: this.source.games(), resumed: this.resumed });
    return sessionId;
  }

  private dispatch(detail: ScanLifecycle): void {
    this.host.dispatchEvent(new CustomEvent(SCAN_LIFECYCLE, { detail, bubbles: true, composed: true }));
  }
}
