import { CUE_MS, type SoundCue, type SoundOutput } from './feedback-sound.ts';

/** One note of a cue: frequency (Hz), start and length as shares of the cue's length, peak level (0..1). */
interface Note {
  hz: number;
  at: number;
  len: number;
  level: number;
}

/**
 * The cues, synthesized (no files, no request): soft sine chimes with a quiet third partial, rising, in C major.
 * Levels are low on purpose: feedback, not an alarm.
 */
const NOTES: Readonly<Record<SoundCue, readonly Note[]>> = {
  // A single soft ding (A5).
  gain: [{ hz: 880, at: 0, len: 1, level: 0.16 }],
  // Two rising notes (C6, G6).
  badge: [
    { hz: 1046.5, at: 0, len: 0.6, level: 0.15 },
    { hz: 1568, at: 0.35, len: 0.65, level: 0.13 },
  ],
  // A gentle rising phrase (C5, E5, G5).
  break: [
    { hz: 523.25, at: 0, len: 0.5, level: 0.14 },
    { hz: 659.25, at: 0.22, len: 0.5, level: 0.13 },
    { hz: 783.99, at: 0.44, len: 0.56, level: 0.12 },
  ],
  // The same, ending on the octave (C5, E5, G5, C6).
  end: [
    { hz: 523.25, at: 0, len: 0.4, level: 0.14 },
    { hz: 659.25, at: 0.18, len: 0.4, level: 0.13 },
    { hz: 783.99, at: 0.36, len: 0.4, level: 0.12 },
    { hz: 1046.5, at: 0.54, len: 0.46, level: 0.12 },
  ],
};

const ATTACK_S = 0.008;
const RELEASE_S = 0.012;

/**
 * Web Audio output of the feedback sounds. The page's one AudioContext (Phaser's audio is off: one context, no leak) is
 * created on the first unlock, which the shell calls from a click on its own controls — the autoplay policy allows
 * audio only after a user gesture, and the constructor's cost then falls on a shell click, never on a game input.
 * Scheduling a cue only creates a few nodes; the sound is rendered on the browser's audio thread.
 */
export class WebAudioOutput implements SoundOutput {
  private ctx: AudioContext | null = null;
  private readonly live = new Set<{ osc: OscillatorNode; env: GainNode }>();

  ready(): boolean {
    return this.ctx?.state === 'running';
  }

  latencyMs(): number {
    const c = this.ctx;
    // outputLatency is missing in some browsers (0 then): baseLatency alone is a lower bound.
    return c ? ((c.outputLatency || 0) + (c.baseLatency || 0)) * 1000 : 0;
  }

  async unlock(): Promise<void> {
    if (typeof AudioContext === 'undefined') return; // no Web Audio: sound simply stays silent
    try {
      this.ctx ??= new AudioContext({ latencyHint: 'interactive' });
      if (this.ctx.state !== 'running') await this.ctx.resume();
    } catch (err) {
      console.warn('Feedback sound unavailable:', err);
    }
  }

  suspend(): void {
    if (this.ctx?.state === 'running') void this.ctx.suspend().catch(() => undefined);
  }

  play(cue: SoundCue, ms: number): void {
    const c = this.ctx;
    if (c?.state !== 'running') return;
    const total = ms / 1000;
    const scale = ms / CUE_MS[cue];
    const t0 = c.currentTime;
    for (const n of NOTES[cue]) {
      const start = t0 + n.at * total;
      // A squeezed cue keeps its notes' order and shares; no note outlasts the cue.
      const end = Math.min(t0 + total, start + n.len * total);
      if (end - start < ATTACK_S + RELEASE_S) continue;
      const env = c.createGain();
      env.gain.setValueAtTime(0, start);
      env.gain.linearRampToValueAtTime(n.level * Math.min(1, 0.6 + 0.4 * scale), start + ATTACK_S);
      env.gain.exponentialRampToValueAtTime(0.001, end - RELEASE_S);
      env.gain.linearRampToValueAtTime(0, end);
      const osc = c.createOscillator();
      osc.type = 'sine';
      osc.frequency.setValueAtTime(n.hz, start);
      // A quiet third partial gives the sine a chime's colour.
      const partial = c.createOscillator();
      const partialGain = c.createGain();
      partial.frequency.setValueAtTime(n.hz * 3, start);
      partialGain.gain.setValueAtTime(0.12, start);
      partial.connect(partialGain).connect(env);
      osc.connect(env).connect(c.destination);
      const voice = { osc, env };
      this.live.add(voice);
      osc.onended = () => {
        this.live.delete(voice);
        env.disconnect();
        partialGain.disconnect();
      };
      osc.start(start);
      partial.start(start);
      osc.stop(end);
      partial.stop(end);
    }
  }

  hush(): void {
    const c = this.ctx;
    if (!c) return;
    const now = c.currentTime;
    for (const { osc, env } of this.live) {
      // A 3 ms fade, not a jump to 0, which would click.
      env.gain.cancelScheduledValues(now);
      env.gain.setValueAtTime(env.gain.value, now);
      env.gain.linearRampToValueAtTime(0, now + 0.003);
      try {
        osc.stop(now + 0.005);
      } catch {
        // already stopped
      }
    }
    this.live.clear();
  }
}
