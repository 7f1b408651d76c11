import { FeedbackSound } from '../runtime/feedback-sound.ts';
import { WebAudioOutput } from '../runtime/web-audio.ts';
import { readSoundPreference, writeSoundPreference } from './sound-preference.ts';

/**
 * The page's one feedback sound (src/runtime/feedback-sound.ts), set from the candidate's remembered choice. The switch
 * (`<ts-sound-switch>`) changes it; `<ts-scan>` hands it to the runner, which keeps it out of trials and logs it.
 */
export const feedbackSound = new FeedbackSound(new WebAudioOutput());
feedbackSound.restore(readSoundPreference());

const listeners = new Set<(on: boolean) => void>();

/** The candidate switched sound (call from the click: a user gesture, so the audio may start). */
export function setSound(on: boolean): void {
  writeSoundPreference(on);
  feedbackSound.setEnabled(on);
  for (const l of listeners) l(on);
}

/** Told of every switch (the runner logs it); returns the unsubscribe function. */
export function onSoundChange(listener: (on: boolean) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
