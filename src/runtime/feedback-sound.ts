import type { FeedbackCue } from './game-contract.ts';

/**
 * Optional feedback sounds (issue 13): off by default, and never a cue a candidate needs. Every sound repeats
 * something the screen already shows — points gained, a badge, the break between games, the end — so a candidate who
 * cannot hear, or plays muted, misses nothing. Because a sound may still change how someone responds, it never plays
 * while a trial is open (from its `trial-start` to its `trial-end`: every stimulus onset and every answer window lies
 * inside), it must have ended before the next trial starts, and its setting is kept in the log (`sound-setting`).
 * The same rule as the kit's animations (games/kit/cheer.ts): feedback only between trials.
 */
export type SoundCue = FeedbackCue | 'break' | 'end';

/** Natural length of each cue (ms): a soft chime for points, two notes for a badge, a gentle phrase at a break or the end. */
export const CUE_MS: Readonly<Record<SoundCue, number>> = { gain: 260, badge: 420, break: 700, end: 900 };
/** Silence kept between a sound's end and the next trial's start, beyond the device's reported output latency (ms). */
export const QUIET_MARGIN_MS = 40;
/** A cue squeezed below this is skipped rather than played as a click (ms). */
export const MIN_CUE_MS = 120;

export type SoundPlan = { play: true; ms: number } | { play: false; why: 'off' | 'trial-open' | 'no-room' | 'not-ready' };

export interface SoundState {
  /** The candidate turned sound on. */
  on: boolean;
  /** The audio output runs (it needs a user gesture first: autoplay policy). */
  ready: boolean;
  /** A trial is open: between its trial-start and its trial-end. */
  trialOpen: boolean;
  /** Real ms until the next trial starts (Infinity when none waits). */
  quietMs: number;
  /** The output's latency (ms): a sound is heard this much after it is scheduled. */
  latencyMs: number;
}

/**
 * The rule, pure: whether a cue plays now and for how long. Never while a trial is open; otherwise as long as its
 * natural length, shortened so that it is heard to its end before the next trial starts with a margin to spare
 * (output latency counted), and skipped when that leaves too little.
 */
export function planCue(cue: SoundCue, s: SoundState): SoundPlan {
  if (!s.on) return { play: false, why: 'off' };
  if (s.trialOpen) return { play: false, why: 'trial-open' };
  if (!s.ready) return { play: false, why: 'not-ready' };
  const room = s.quietMs - Math.max(0, s.latencyMs) - QUIET_MARGIN_MS;
  const ms = Math.min(CUE_MS[cue], room);
  if (!(ms >= MIN_CUE_MS)) return { play: false, why: 'no-room' };
  return { play: true, ms: Math.round(ms) };
}

/** What makes the sound: Web Audio in the page (web-audio.ts), a fake in unit tests. */
export interface SoundOutput {
  /** Whether sound can be played now (the audio context runs). */
  ready(): boolean;
  /** ms between scheduling a sound and hearing it. */
  latencyMs(): number;
  /** Creates or resumes the audio context: call only from a user gesture (a click on a shell control). */
  unlock(): Promise<void>;
  /** Plays `cue` at once, lasting `ms`. */
  play(cue: SoundCue, ms: number): void;
  /** Silences whatever sounds, at once. */
  hush(): void;
  /** Lets the audio device rest (sound switched off). */
  suspend(): void;
}

/** A sound as scheduled, on the page's performance clock (ms): heard from `from` to `until`, or `cutAt` if silenced. */
export interface ScheduledSound {
  cue: SoundCue;
  /** The output latency it was planned with: a sound cut at `cutAt` is still heard until `cutAt + latencyMs`. */
  latencyMs: number;
  from: number;
  until: number;
  cutAt?: number;
  /** What silenced it: a trial that started while it sounded (the plan should prevent it), or a stop (pause, switch off). */
  cutBy?: 'trial-start' | 'stop';
}

/** Scheduled sounds kept for the automation hook (a test checks them against the trial windows of the log). */
const KEEP = 500;

/**
 * The page's feedback sound: the candidate's setting, the gate that keeps sound out of trials, and a record of what it
 * scheduled. The runner tells it when trials open and close (through the block bus); scenes and the shell ask for cues.
 */
export class FeedbackSound {
  private on = false;
  private trialOpen = false;
  readonly scheduled: ScheduledSound[] = [];

  constructor(
    private readonly output: SoundOutput,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get enabled(): boolean {
    return this.on;
  }

  /** The setting remembered from an earlier visit, at page load: no audio starts until a gesture unlocks it. */
  restore(on: boolean): void {
    this.on = on;
  }

  /** The candidate's setting. Switching on from a click also unlocks the audio; switching off silences it and rests it. */
  setEnabled(on: boolean): void {
    this.on = on;
    if (on) void this.output.unlock();
    else {
      this.hush('stop');
      this.output.suspend();
    }
  }

  /** A user gesture on a shell control: the audio context may start now (it may not before, by autoplay policy). */
  unlock(): void {
    if (this.on && !this.output.ready()) void this.output.unlock();
  }

  /** Sound was just switched on (from a click): once the audio runs, the points chime, so the candidate hears what it is. */
  async preview(): Promise<boolean> {
    if (!this.on) return false;
    await this.output.unlock();
    return this.cue('gain');
  }

  /** Asks for a cue; returns whether it plays. `quietMs`: real ms until the next trial (none: Infinity). */
  cue(cue: SoundCue, quietMs = Number.POSITIVE_INFINITY): boolean {
    const latencyMs = this.output.latencyMs();
    const plan = planCue(cue, { on: this.on, ready: this.output.ready(), trialOpen: this.trialOpen, quietMs, latencyMs });
    if (!plan.play) return false;
    const from = this.now() + latencyMs;
    this.output.play(cue, plan.ms);
    this.scheduled.push({ cue, latencyMs, from, until: from + plan.ms });
    if (this.scheduled.length > KEEP) this.scheduled.splice(0, this.scheduled.length - KEEP);
    return true;
  }

  /** A trial starts: nothing may sound until it ends (a sound still playing, which the plan should prevent, stops). */
  trialStarted(): void {
    this.trialOpen = true;
    this.hush('trial-start');
  }

  trialEnded(): void {
    this.trialOpen = false;
  }

  /** The block stopped (an interruption, a pause): silence, and no trial is open any more. */
  stopAll(): void {
    this.trialOpen = false;
    this.hush('stop');
  }

  private hush(by: NonNullable<ScheduledSound['cutBy']>): void {
    const t = this.now();
    for (const s of this.scheduled) {
      if (s.cutAt !== undefined || s.until <= t) continue;
      s.cutAt = Math.max(t, s.from);
      s.cutBy = by;
    }
    this.output.hush();
  }
}
