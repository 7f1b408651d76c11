import { describe, expect, it } from 'vitest';
import { PALETTE, SCENERY } from './theme.ts';

/** WCAG 2.2 relative luminance and contrast ratio of two 0xRRGGBB colours. */
function luminance(rgb: number): number {
  const [r, g, b] = [16, 8, 0].map((shift) => {
    const c = ((rgb >> shift) & 0xff) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: number, b: number) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

/** The colours stimuli and their answer cues are drawn in (the dark blue of Corsi's resting blocks is no stimulus). */
const STIMULUS = ['foreground', 'yellow', 'skyBlue', 'orange', 'vermillion', 'green', 'purple'] as const;
const GROUND = [SCENERY.far, SCENERY.near, SCENERY.landmark];

describe('theme', () => {
  it('keeps the scenery next to the background, so it never reads as a stimulus', () => {
    for (const colour of GROUND) expect(contrast(colour, PALETTE.background)).toBeLessThan(1.5);
  });

  it('leaves every stimulus colour at 3:1 or more against the background and everything the scenery draws', () => {
    for (const name of STIMULUS)
      for (const ground of [PALETTE.background, ...GROUND])
        expect(contrast(PALETTE[name], ground), `${name} on ${ground.toString(16)}`).toBeGreaterThanOrEqual(3);
  });
});
