import type { FrameMonitor } from '../capture/frame-monitor.ts';
import { onsetAfterFrame } from '../capture/onset.ts';
import type { PresentationMarker } from '../capture/presentation-marker.ts';
import type { LogEvent, UnsequencedEvent } from '../log/events.ts';
import type { FeedbackSound } from './feedback-sound.ts';
import type { CapturedInput, GameBus } from './game-contract.ts';

/** What a bus needs from the runner that owns it. */
export interface BusHost {
  /** Logs an event (gives it seq and page). */
  emit(e: UnsequencedEvent): LogEvent;
  /** Whether this bus's block is still the one running: a stopped scene's late calls are dropped. */
  live(): boolean;
  /** The block's frame telemetry: stimulus windows open at a target's onset and close at its trial end. */
  frames: FrameMonitor;
  /** The page's presentation marker: measures when the frame that drew a stimulus was presented. */
  marker: PresentationMarker;
  /** The trial that is open now (an interruption ends it as interrupted), or null. */
  setOpenTrial(trial: number | null): void;
  /** The page's feedback sound (null: none): told when trials open and close, so it never sounds during one. */
  sound: FeedbackSound | null;
  /** The scene finished the block; the runner closes it. */
  blockDone(points: number): Promise<void>;
  fail(err: unknown): void;
}

/**
 * The one channel between a running scene and the log (game contract). Calls are logged in call order although an
 * onset is only known a frame after the call: every step goes through one promise chain, which the runner also uses
 * to order an interruption's events after the scene's.
 */
export class BlockBus {
  private chain: Promise<void> = Promise.resolve();
  private readonly inputListeners = new Set<(i: CapturedInput) => void>();

  constructor(
    private readonly host: BusHost,
    private readonly ref: { game: string; block: number },
  ) {}

  /** Runs `step` after everything queued so far (bus calls and earlier steps). */
  after(step: () => void | Promise<void>): Promise<void> {
    this.chain = this.chain.then(step).catch((err: unknown) => this.host.fail(err));
    return this.chain;
  }

  /** Hands a trusted input to the scene's listeners. */
  deliver(input: CapturedInput): void {
    for (const l of this.inputListeners) l(input);
  }

  forScene(): GameBus {
    const { host } = this;
    const ref = (trial: number) => ({ ...this.ref, trial });
    return {
      trialStart: (trial) => {
        if (!host.live()) return;
        const t = performance.now();
        host.setOpenTrial(trial);
        host.sound?.trialStarted();
        void this.after(() => void host.emit({ type: 'trial-start', t, ...ref(trial) }));
      },
      stimulusDrawn: (trial, name, frameTime, params) => {
        if (!host.live()) return;
        // Both start now, inside the frame that draws the stimulus: the marker must be painted in that same frame.
        const presented = host.marker.mark();
        const onset = onsetAfterFrame(frameTime);
        void this.after(async () => {
          const [t, p] = await Promise.all([onset, presented]);
          host.emit({ type: 'stimulus', t, drawnAt: frameTime, ...(p ?? {}), name, ...ref(trial), ...(params ? { params } : {}) });
          const measured = p?.presentedAt !== undefined;
          if (name === 'target') host.frames.stimulusOn(t, measured);
          else if (!measured) host.frames.onsetUnmeasured();
        });
      },
      response: (trial, input, value) => {
        if (!host.live()) return;
        void this.after(() => void host.emit({ type: 'response', t: input.t, input: input.seq, value, ...ref(trial) }));
      },
      trialEnd: (trial, reason) => {
        if (!host.live()) return;
        const t = performance.now();
        host.setOpenTrial(null);
        host.sound?.trialEnded();
        void this.after(() => {
          host.emit({ type: 'trial-end', t, reason, ...ref(trial) });
          host.frames.stimulusOff(t);
        });
      },
      feedback: (cue, quietMs) => {
        if (!host.live()) return;
        host.sound?.cue(cue, quietMs);
      },
      blockDone: (points) => {
        if (!host.live()) return;
        void this.after(() => host.blockDone(points));
      },
      onInput: (listener) => {
        this.inputListeners.add(listener);
        return () => this.inputListeners.delete(listener);
      },
    };
  }
}
