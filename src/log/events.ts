/**
 * The raw event log: the single source of truth for a session (architecture invariant 1).
 *
 * THE CLOCK. Every `t` is milliseconds on the main-thread `performance` clock of the page that recorded the event:
 * the clock that `event.timeStamp` and `requestAnimationFrame` timestamps are on. Absolute time (epoch ms) is
 * `timeOrigin + t`, with `timeOrigin` from the `page-start` event of the same `page`. A reload opens a new page with
 * a new clock, so times are compared only within one page; a trial never spans pages. The worker never stamps a
 * scored time: its own clock has a different origin.
 */
export const LOG_SCHEMA_VERSION = 1;

export type InputDevice = 'keyboard' | 'mouse' | 'touch' | 'pen';
export type BlockKind = 'practice' | 'test';
export type TrialEndReason = 'response' | 'timeout' | 'premature' | 'interrupted';
/**
 * `host-pause`: the page that embeds the scan asked for a pause (embed protocol `pause`); `paused`: the candidate chose
 * Pause (the button or Esc).
 */
export type InterruptionReason = 'hidden' | 'blur' | 'pagehide' | 'host-pause' | 'paused';

interface Stamped {
  /** Position in the session's log, assigned on the main thread, strictly increasing. */
  seq: number;
  /** Page-load index within the session (0 for the first load, +1 per reload). */
  page: number;
  /** ms on the page's main-thread performance clock (see THE CLOCK above). */
  t: number;
}

interface TrialRef {
  game: string;
  block: number;
  trial: number;
}

export interface SessionStartEvent extends Stamped {
  type: 'session-start';
  sessionId: string;
  schema: number;
  appVersion: string;
  battery: string;
  lang: string;
}

export interface PageStartEvent extends Stamped {
  type: 'page-start';
  /** `performance.timeOrigin` of this page: epoch ms of t = 0. */
  timeOrigin: number;
  crossOriginIsolated: boolean;
  userAgent: string;
  viewport: { width: number; height: number; dpr: number };
  /** What the device offers; the input actually used is in each `input` event. */
  pointer: 'coarse' | 'fine' | 'none';
  /** Scene clock speed when not 1: an automated test play, never a valid measurement. */
  timeScale?: number;
  /**
   * Whether this browser measures when a stimulus was presented: 'element-timing' (Chromium-based browsers) or 'none'
   * (Safari, Firefox, iOS: onsets then follow the rAF rule). Absent in logs recorded before presentation was measured.
   */
  presentation?: PresentationCapability;
}

export type PresentationCapability = 'element-timing' | 'none';

export interface GameStartEvent extends Stamped {
  type: 'game-start';
  game: string;
  version: string;
  /** Seed of the game's trial design; with the version it regenerates the design exactly. */
  seed: number;
}

export interface BlockStartEvent extends Stamped {
  type: 'block-start';
  game: string;
  block: number;
  kind: BlockKind;
  /** 0 for the first run of a block, 1 when a failed practice block is repeated. */
  attempt: number;
}

export interface TrialStartEvent extends Stamped, TrialRef {
  type: 'trial-start';
}

/**
 * A stimulus became visible. It carries three times: `drawnAt` (the frame that rendered it), `t` (the rAF onset: the
 * rAF time of the first frame after that one) and `presentedAt` (measured presentation of the rendering frame, when
 * the browser reports it). Which one a scorer uses as the onset is the onset rule (`src/log/trials.ts`).
 */
export interface StimulusEvent extends Stamped, TrialRef {
  type: 'stimulus';
  /** Which stimulus of the trial: 'target' for the one RTs are measured from; others e.g. 'stop-signal', 'cue'. */
  name: string;
  /** rAF time of the frame in which the stimulus was rendered (`game.loop.now`). */
  drawnAt: number;
  /** Presentation time of the rendering frame (Element Timing `presentationTime` of the marker drawn with it). */
  presentedAt?: number;
  /** Paint time of the rendering frame (Element Timing `paintTime`), when reported. */
  paintedAt?: number;
  /** Parameters realised on screen that the static design does not hold (e.g. an adaptive stop-signal delay). */
  params?: Record<string, number | string>;
}

/** A raw input, stamped from `event.timeStamp` by a capture-phase listener on window. */
export interface InputEvent extends Stamped {
  type: 'input';
  device: InputDevice;
  /** KeyboardEvent.key for keys; undefined for pointers. */
  key?: string;
  /** Pointer position relative to the game stage, 0..1 in each axis (undefined for keys). */
  x?: number;
  y?: number;
  /** False for script-made events; they are logged but never count as a response. */
  trusted: boolean;
}

/** The game's reading of an input as an answer to a trial. Its time is the time of the input it names. */
export interface ResponseEvent extends Stamped, TrialRef {
  type: 'response';
  /** seq of the `input` event this response was read from; the scored time is that input's `t`. */
  input: number;
  value: string;
}

export interface TrialEndEvent extends Stamped, TrialRef {
  type: 'trial-end';
  reason: TrialEndReason;
}

export interface FrameStats {
  /** Frames observed in the block. */
  frames: number;
  /** Estimated refresh rate (Hz) from the median frame interval. */
  refreshHz: number | null;
  medianIntervalMs: number | null;
  /** SD of frame intervals (ms), excluding gaps longer than 100 ms (tab hidden, pauses). */
  intervalSdMs: number | null;
  /** Frames missed while a stimulus was on screen (intervals longer than 1.5 median, counted in whole frames). */
  droppedInStimulus: number;
  /** Trials whose stimulus window lost at least one frame. */
  trialsWithDrops: number;
  /**
   * Of those, the trials whose target onset was NOT measured at presentation (the rAF rule): only their times may be
   * off by the lost frames. A measured onset is the frame the candidate saw and responses carry the input's own
   * time, so frames lost after it change no time. Absent in logs recorded before this was counted: every trial with
   * drops then counts as uncertain.
   */
  trialsWithUncertainOnset?: number;
}

export interface BlockEndEvent extends Stamped {
  type: 'block-end';
  game: string;
  block: number;
  attempt: number;
  frames: FrameStats;
  /** Points shown to the candidate. Motivation only: never read by a scorer. */
  points: number;
  /** For practice blocks: whether the pass criterion was met. */
  passed?: boolean;
}

export interface GameEndEvent extends Stamped {
  type: 'game-end';
  game: string;
}

export interface InterruptionEvent extends Stamped {
  type: 'interruption';
  reason: InterruptionReason;
}

/**
 * The candidate's consent, logged right after the first `page-start`: which mode they chose and which version of
 * that mode's consent text they accepted. Its time is `t` (epoch ms = the page's timeOrigin + t).
 */
export interface ConsentEvent extends Stamped {
  type: 'consent';
  /** practice: the log never leaves the device; certified: the server witnesses the session. */
  mode: SessionMode;
  /** Version of the consent text shown (see src/shell/consent.ts). */
  textVersion: string;
}

export type SessionMode = 'practice' | 'certified';

/**
 * The candidate's feedback-sound setting changed (optional sounds for points, badges, breaks; off by default; never a
 * cue, never during a trial: src/runtime/feedback-sound.ts). Logged only when the setting differs from what the log
 * last said, starting from off: right after `consent` (or a resumed page's `page-start`) when sound is on, and when the
 * candidate switches it during the session (the pause screen). A log without one — every log recorded before sound
 * existed — had sound off throughout. Sound may change how a participant responds, so it is kept with the data;
 * no scorer reads it (`soundAt` in src/log/sound.ts gives the state at any point).
 */
export interface SoundSettingEvent extends Stamped {
  type: 'sound-setting';
  on: boolean;
}

export interface SessionEndEvent extends Stamped {
  type: 'session-end';
}

export type LogEvent =
  | SessionStartEvent
  | PageStartEvent
  | GameStartEvent
  | BlockStartEvent
  | TrialStartEvent
  | StimulusEvent
  | InputEvent
  | ResponseEvent
  | TrialEndEvent
  | BlockEndEvent
  | GameEndEvent
  | InterruptionEvent
  | ConsentEvent
  | SoundSettingEvent
  | SessionEndEvent;

export type LogEventType = LogEvent['type'];

/** An event before the sink has given it its place in the log. */
export type UnsequencedEvent = LogEvent extends infer E ? (E extends LogEvent ? Omit<E, 'seq' | 'page'> : never) : never;
