import { describe, expect, it } from 'vitest';
import type { FrameMonitor } from '../capture/frame-monitor.ts';
import type { PresentationMarker } from '../capture/presentation-marker.ts';
import type { LogEvent } from '../log/events.ts';
import { BlockBus, type BusHost } from './game-bus.ts';
import { CUE_MS, FeedbackSound, MIN_CUE_MS, planCue, QUIET_MARGIN_MS, type SoundCue, type SoundOutput } from './feedback-sound.ts';

const open = { on: true, ready: true, trialOpen: false, quietMs: Number.POSITIVE_INFINITY, latencyMs: 0 };

/** An output that records what it was asked to do. */
class FakeOutput implements SoundOutput {
  running = false;
  latency = 0;
  played: { cue: SoundCue; ms: number }[] = [];
  hushes = 0;
  unlocks = 0;
  suspends = 0;
  ready = () => this.running;
  latencyMs = () => this.latency;
  unlock = async () => {
    this.unlocks++;
    this.running = true;
  };
  play = (cue: SoundCue, ms: number) => void this.played.push({ cue, ms });
  hush = () => void this.hushes++;
  suspend = () => {
    this.suspends++;
    this.running = false;
  };
}

describe('the feedback-sound rule', () => {
  it('plays nothing unless the candidate turned sound on, and never while a trial is open', () => {
    expect(planCue('gain', { ...open, on: false })).toEqual({ play: false, why: 'off' });
    expect(planCue('gain', { ...open, trialOpen: true })).toEqual({ play: false, why: 'trial-open' });
    expect(planCue('end', { ...open, trialOpen: true })).toEqual({ play: false, why: 'trial-open' });
    expect(planCue('gain', { ...open, ready: false })).toEqual({ play: false, why: 'not-ready' });
  });

  it('plays a cue at its natural length when nothing follows', () => {
    for (const cue of Object.keys(CUE_MS) as SoundCue[]) expect(planCue(cue, open)).toEqual({ play: true, ms: CUE_MS[cue] });
  });

  it('ends before the next trial starts, with the output latency and a margin to spare', () => {
    // 400 ms until the next trial (Stop's test blocks), 25 ms latency: at most 400 − 25 − 40 = 335 ms.
    expect(planCue('badge', { ...open, quietMs: 400, latencyMs: 25 })).toEqual({ play: true, ms: 400 - 25 - QUIET_MARGIN_MS });
    expect(planCue('gain', { ...open, quietMs: 400, latencyMs: 25 })).toEqual({ play: true, ms: CUE_MS.gain });
    // Bluetooth-like latency leaves no room: skipped, not cut short into a click.
    expect(planCue('gain', { ...open, quietMs: 400, latencyMs: 250 })).toEqual({ play: false, why: 'no-room' });
    expect(planCue('gain', { ...open, quietMs: MIN_CUE_MS + QUIET_MARGIN_MS - 1 })).toEqual({ play: false, why: 'no-room' });
    expect(planCue('gain', { ...open, quietMs: MIN_CUE_MS + QUIET_MARGIN_MS })).toEqual({ play: true, ms: MIN_CUE_MS });
    expect(planCue('gain', { ...open, quietMs: Number.NaN })).toEqual({ play: false, why: 'no-room' });
  });
});

describe('FeedbackSound', () => {
  const make = () => {
    const out = new FakeOutput();
    let now = 1000;
    const sound = new FeedbackSound(out, () => now);
    return { out, sound, tick: (ms: number) => (now += ms) };
  };

  it('is off until switched on; a remembered "on" starts no audio before a gesture', async () => {
    const { out, sound } = make();
    expect(sound.enabled).toBe(false);
    expect(sound.cue('gain')).toBe(false);
    sound.restore(true);
    expect(out.unlocks).toBe(0);
    expect(sound.cue('gain')).toBe(false); // not unlocked yet: silent, never an error
    sound.unlock();
    await Promise.resolve();
    expect(out.unlocks).toBe(1);
    expect(sound.cue('gain')).toBe(true);
  });

  it('switching on from a click previews the chime; switching off silences and rests the device', async () => {
    const { out, sound } = make();
    sound.setEnabled(true);
    expect(await sound.preview()).toBe(true);
    expect(out.played).toEqual([{ cue: 'gain', ms: CUE_MS.gain }]);
    sound.setEnabled(false);
    expect(out.suspends).toBe(1);
    expect(out.hushes).toBeGreaterThan(0);
    expect(await sound.preview()).toBe(false);
  });

  it('never sounds between a trial start and its end, and a trial start silences what still sounds', () => {
    const { out, sound, tick } = make();
    sound.restore(true);
    out.running = true;
    expect(sound.cue('gain', 500)).toBe(true);
    tick(100);
    sound.trialStarted(); // a trial came early (the plan should prevent it): the sound is cut
    expect(out.hushes).toBe(1);
    expect(sound.scheduled[0]).toMatchObject({ cue: 'gain', latencyMs: 0, from: 1000, until: 1000 + CUE_MS.gain, cutAt: 1100, cutBy: 'trial-start' });
    expect(sound.cue('gain')).toBe(false);
    expect(sound.cue('badge')).toBe(false);
    sound.trialEnded();
    expect(sound.cue('badge', 1000)).toBe(true);
    sound.trialStarted();
    sound.stopAll(); // an interruption closes the trial
    expect(sound.cue('break')).toBe(true);
    expect(out.played.map((p) => p.cue)).toEqual(['gain', 'badge', 'break']);
  });

  it('records what it scheduled on the page clock, from the moment it is heard', () => {
    const { out, sound } = make();
    sound.restore(true);
    out.running = true;
    out.latency = 20;
    sound.cue('gain', 300);
    expect(sound.scheduled).toEqual([{ cue: 'gain', latencyMs: 20, from: 1020, until: 1020 + 300 - 20 - QUIET_MARGIN_MS }]);
    // Heard to its end before the next trial (at 1000 + 300), with the margin.
    expect((sound.scheduled[0]?.until ?? 0) + QUIET_MARGIN_MS).toBe(1300);
  });
});

describe('the block bus keeps feedback sound out of trials (whatever a scene asks)', () => {
  const setup = (live = () => true) => {
    const out = new FakeOutput();
    out.running = true;
    const sound = new FeedbackSound(out);
    sound.restore(true);
    const host: BusHost = {
      emit: (e) => ({ ...e, seq: 0, page: 0 }) as LogEvent,
      live,
      // Frame telemetry and the presentation marker are not what this test is about.
      frames: { stimulusOn: () => undefined, stimulusOff: () => undefined } as unknown as FrameMonitor,
      marker: { mark: async () => null } as unknown as PresentationMarker,
      sound,
      setOpenTrial: () => undefined,
      blockDone: async () => undefined,
      fail: (err) => {
        throw err;
      },
    };
    return { out, bus: new BlockBus(host, { game: 'reaction', block: 0 }).forScene() };
  };

  it('plays a cue between trials and refuses one between trial-start and trial-end', () => {
    const { out, bus } = setup();
    bus.feedback('gain', 1000);
    bus.trialStart(0);
    bus.feedback('gain', 1000);
    bus.feedback('badge', 1000);
    bus.trialEnd(0, 'response');
    bus.feedback('badge', 1000);
    expect(out.played.map((p) => p.cue)).toEqual(['gain', 'badge']);
  });

  it('drops the cue of a scene that is no longer the live one', () => {
    const { out, bus } = setup(() => false);
    bus.feedback('gain', 1000);
    expect(out.played).toEqual([]);
  });
});
