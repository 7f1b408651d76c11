import { describe, expect, it } from 'vitest';
import { newIntroDemo, showIntroWords, toggleIntroDemo } from './intro-demo.ts';

describe('the intro demo toggle (WCAG 2.2.2) and its words', () => {
  it('a new intro: the demo moves and its words wait; under reduced motion a still demo, words at once, no toggle', () => {
    expect(newIntroDemo(false)).toEqual({ demo: 'moving', wordsShown: false });
    expect(newIntroDemo(true)).toEqual({ demo: 'still', wordsShown: true });
  });

  it('pausing brings the words at once; playing again keeps them; paused, played, paused again', () => {
    const paused = toggleIntroDemo(newIntroDemo(false));
    expect(paused).toEqual({ demo: 'paused', wordsShown: true });
    const playing = toggleIntroDemo(paused);
    expect(playing).toEqual({ demo: 'moving', wordsShown: true });
    expect(toggleIntroDemo(playing)).toEqual({ demo: 'paused', wordsShown: true });
  });

  it('a still demo has nothing to pause: the toggle changes nothing', () => {
    const still = newIntroDemo(true);
    expect(toggleIntroDemo(still)).toBe(still);
    expect(toggleIntroDemo(showIntroWords(newIntroDemo(false), true))).toEqual({ demo: 'still', wordsShown: true });
  });

  it('the words come after the watch time whatever the demo does, and a demo that cannot be shown is still', () => {
    expect(showIntroWords(newIntroDemo(false))).toEqual({ demo: 'moving', wordsShown: true });
    expect(showIntroWords(toggleIntroDemo(newIntroDemo(false)))).toEqual({ demo: 'paused', wordsShown: true });
    expect(showIntroWords(newIntroDemo(false), true)).toEqual({ demo: 'still', wordsShown: true });
  });
});
