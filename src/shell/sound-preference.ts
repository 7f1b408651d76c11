/**
 * The candidate's choice of feedback sound, remembered on this device (localStorage, like the language): off unless
 * they turned it on. Only the exact value "on" counts, so a missing, damaged or blocked store means off.
 */
export const SOUND_KEY = 'talentscan.sound';

/** The part of Storage this needs (a test passes a Map-backed one). */
export type PreferenceStore = Pick<Storage, 'getItem' | 'setItem'>;

function defaultStore(): PreferenceStore | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage blocked (some privacy settings throw on access)
  }
}

export function readSoundPreference(store: PreferenceStore | null = defaultStore()): boolean {
  try {
    return store?.getItem(SOUND_KEY) === 'on';
  } catch {
    return false;
  }
}

/** Remembers the choice; returns whether it was stored (it still holds for this page when it was not). */
export function writeSoundPreference(on: boolean, store: PreferenceStore | null = defaultStore()): boolean {
  try {
    if (!store) return false;
    store.setItem(SOUND_KEY, on ? 'on' : 'off');
    return true;
  } catch {
    return false;
  }
}
