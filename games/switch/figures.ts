import type Phaser from 'phaser';
import { PALETTE } from '../kit/trial-scene.ts';
import type { Colour, Shape, Task } from './design.ts';

/**
 * Drawing of Switch's figures, cues and mapping chips, in local coordinates around (0, 0) so that a Graphics object
 * is positioned with setPosition and redrawn at any size.
 *
 * Colour-blind safety: blue #0072B2 is dark and carries stripes in the stage colour; orange #E69F00 is light and
 * plain. Under every common colour-vision deficiency (and in greyscale) the colour rule stays solvable as
 * "dark striped → left, light plain → right"; hue is never the only difference.
 */
export const FIGURE_FILL: Record<Colour, number> = { blue: PALETTE.blue, orange: PALETTE.orange };
const STRIPE = PALETTE.background;
const OUTLINE = PALETTE.foreground;
const PLATE = 0x2a3058;

/** Side of the square with the area of a circle of radius r, so neither shape looks bigger. */
const squareSide = (r: number) => r * Math.sqrt(Math.PI);

/** Horizontal stripes inside a region centred on (cx, cy) whose half-width at height y is `halfWidth(y)` (0 outside). */
function stripes(g: Phaser.GameObjects.Graphics, cx: number, cy: number, halfHeight: number, halfWidth: (y: number) => number): void {
  const width = Math.max(2, halfHeight * 0.16);
  const pitch = Math.max(5, halfHeight * 0.42);
  g.lineStyle(width, STRIPE, 1);
  for (let y = -halfHeight + pitch / 2; y < halfHeight; y += pitch) {
    // The chord at the stripe's outer edge keeps its square line ends inside the outline.
    const hw = halfWidth(Math.abs(y) + width / 2);
    if (hw > 1) g.lineBetween(cx - hw, cy + y, cx + hw, cy + y);
  }
}

/** The target: a circle or a square of radius-equivalent r, blue-striped or orange, with a light outline. */
export function drawFigure(g: Phaser.GameObjects.Graphics, r: number, colour: Colour, shape: Shape): void {
  g.clear();
  const outline = Math.max(2, r * 0.05);
  g.fillStyle(FIGURE_FILL[colour], 1);
  if (shape === 'circle') {
    g.fillCircle(0, 0, r);
    if (colour === 'blue') stripes(g, 0, 0, r, (y) => (y >= r ? 0 : Math.sqrt(r * r - y * y)));
    g.lineStyle(outline, OUTLINE, 0.9).strokeCircle(0, 0, r);
  } else {
    const s = squareSide(r);
    g.fillRect(-s / 2, -s / 2, s, s);
    if (colour === 'blue') stripes(g, 0, 0, s / 2, (y) => (y >= s / 2 ? 0 : s / 2));
    g.lineStyle(outline, OUTLINE, 0.9).strokeRect(-s / 2, -s / 2, s, s);
  }
}

/**
 * A colour swatch: a pill (neither a circle nor a square, so it never reads as a shape answer), striped when blue.
 * Drawn centred on (cx, cy) with height h.
 */
export function drawSwatch(g: Phaser.GameObjects.Graphics, cx: number, cy: number, h: number, colour: Colour): void {
  const w = h * 1.9;
  const rad = h / 2;
  g.fillStyle(FIGURE_FILL[colour], 1).fillRoundedRect(cx - w / 2, cy - h / 2, w, h, rad);
  if (colour === 'blue') stripes(g, cx, cy, rad, (y) => (y >= rad ? 0 : w / 2 - rad + Math.sqrt(rad * rad - y * y)));
  g.lineStyle(Math.max(1.5, h * 0.06), OUTLINE, 0.9).strokeRoundedRect(cx - w / 2, cy - h / 2, w, h, rad);
}

/** An outline shape (no fill, no colour): the shape rule's own sign. Drawn centred on (cx, cy) with size h. */
export function drawOutline(g: Phaser.GameObjects.Graphics, cx: number, cy: number, h: number, shape: Shape): void {
  g.lineStyle(Math.max(2, h * 0.1), OUTLINE, 1);
  if (shape === 'circle') g.strokeCircle(cx, cy, h / 2);
  else {
    const s = squareSide(h / 2);
    g.strokeRect(cx - s / 2, cy - s / 2, s, s);
  }
}

/**
 * The cue: one plate, two signs. Colour rule: the two colour swatches (palette). Shape rule: the two outline shapes.
 * `u` is the layout unit (px per design px at 360 wide).
 */
export function drawCue(g: Phaser.GameObjects.Graphics, task: Task, u: number): void {
  g.clear();
  const w = 132 * u;
  const h = 60 * u;
  g.fillStyle(PLATE, 1).fillRoundedRect(-w / 2, -h / 2, w, h, 14 * u);
  g.lineStyle(2 * u, PALETTE.muted, 1).strokeRoundedRect(-w / 2, -h / 2, w, h, 14 * u);
  if (task === 'colour') {
    drawSwatch(g, -30 * u, 0, 26 * u, 'blue');
    drawSwatch(g, 30 * u, 0, 26 * u, 'orange');
  } else {
    drawOutline(g, -28 * u, 0, 34 * u, 'circle');
    drawOutline(g, 28 * u, 0, 34 * u, 'square');
  }
}

/** Tick or cross on a disc; the mark's shape tells right from wrong, not only its colour. */
export function drawVerdict(g: Phaser.GameObjects.Graphics, good: boolean, u: number): void {
  g.clear();
  g.fillStyle(good ? PALETTE.green : PALETTE.vermillion, 1).fillCircle(0, 0, 26 * u);
  g.lineStyle(6 * u, 0xffffff, 1);
  if (good) g.lineBetween(-14 * u, 2 * u, -4 * u, 12 * u).lineBetween(-4 * u, 12 * u, 16 * u, -10 * u);
  else g.lineBetween(-11 * u, -11 * u, 11 * u, 11 * u).lineBetween(-11 * u, 11 * u, 11 * u, -11 * u);
}
