import { introWordsDelayMs } from '../runtime/batteries.ts';

/**
 * The intro panel's demo and words as the candidate controls them (WCAG 2.2.2 Pause, Stop, Hide): the looping demo
 * can be paused and played again, and a paused demo is a still picture — so its words show at once, as they do under
 * reduced motion (introWordsDelayMs), and stay when it plays again. Pure, so the rule is tested without a browser.
 */
export interface IntroDemo {
  /**
   * `moving`: the demo loops; `paused`: the candidate stopped it; `still`: nothing moves that could be paused (a still
   * picture under reduced motion, or a demo that could not be shown), so the panel offers no toggle.
   */
  demo: 'moving' | 'paused' | 'still';
  /** The words are in sight (they are in the accessibility tree throughout). */
  wordsShown: boolean;
}

/** A new intro panel: its demo moves and its words wait for it, unless motion is reduced (a still demo, words at once). */
export function newIntroDemo(reducedMotion: boolean): IntroDemo {
  const still = introWordsDelayMs({ reducedMotion }) === 0;
  return { demo: still ? 'still' : 'moving', wordsShown: still };
}

/** The toggle: pause a moving demo (its words come at once), play a paused one (the words stay). */
export function toggleIntroDemo(s: IntroDemo): IntroDemo {
  if (s.demo === 'moving') return { demo: 'paused', wordsShown: true };
  if (s.demo === 'paused') return { demo: 'moving', wordsShown: s.wordsShown };
  return s;
}

/** The demo has been watched for DEMO_WATCH_SEC (the shell's timer), or cannot be shown: the words come now. */
export function showIntroWords(s: IntroDemo, demoFailed = false): IntroDemo {
  return { demo: demoFailed ? 'still' : s.demo, wordsShown: true };
}
