import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { InterruptionReason } from '../log/events.ts';

export interface WindowEventHandlers {
  /** The page stopped being the candidate's focus while a block may be running. */
  interrupted(reason: InterruptionReason): void;
  /** The page is being hidden or unloaded: write what is pending now, it may be the last chance. */
  leaving(): void;
}

/**
 * Watches the window for what interrupts a scan (tab hidden, focus lost, page hidden or unloaded) for as long as its
 * host element is connected. The runner decides what an interruption means; this only reports it.
 */
export class WindowEventsController implements ReactiveController {
  private readonly onVisibility = () => {
    if (document.visibilityState === 'hidden') this.handlers().interrupted('hidden');
  };
  private readonly onBlur = () => this.handlers().interrupted('blur');
  private readonly onPageHide = () => {
    this.handlers().interrupted('pagehide');
    this.handlers().leaving();
  };

  constructor(
    host: ReactiveControllerHost,
    private readonly handlers: () => WindowEventHandlers,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onVisibility);
    window.addEventListener('blur', this.onBlur);
    window.addEventListener('pagehide', this.onPageHide);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.onVisibility);
    window.removeEventListener('blur', this.onBlur);
    window.removeEventListener('pagehide', this.onPageHide);
  }
}
