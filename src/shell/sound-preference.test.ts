import { describe, expect, it } from 'vitest';
import { readSoundPreference, SOUND_KEY, writeSoundPreference } from './sound-preference.ts';

const store = (initial: Record<string, string> = {}) => {
  const m = new Map(Object.entries(initial));
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
};

describe('the sound preference', () => {
  it('is off on a device that never chose', () => {
    expect(readSoundPreference(store())).toBe(false);
    expect(readSoundPreference(null)).toBe(false);
  });

  it('is remembered on the device, on and off again', () => {
    const s = store();
    expect(writeSoundPreference(true, s)).toBe(true);
    expect(s.m.get(SOUND_KEY)).toBe('on');
    expect(readSoundPreference(s)).toBe(true);
    writeSoundPreference(false, s);
    expect(readSoundPreference(s)).toBe(false);
  });

  it('counts only an exact "on": anything else stored there is off', () => {
    for (const v of ['true', 'ON', '1', 'yes', '']) expect(readSoundPreference(store({ [SOUND_KEY]: v }))).toBe(false);
  });

  it('is off, and says it was not stored, when the store refuses (blocked or full)', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(readSoundPreference(broken)).toBe(false);
    expect(writeSoundPreference(true, broken)).toBe(false);
  });
});
