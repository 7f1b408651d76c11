import Phaser from 'phaser';
import { type GameSkin, SCENERY } from './theme.ts';

/** The bands the scenery keeps to, as shares of the stage height: nothing of it reaches a stimulus. */
export const SCENERY_BANDS = { sky: 0.1, ground: 0.12 } as const;
/** The bands' height is capped so that a tall desktop stage keeps a thin horizon. */
const GROUND_MAX_PX = 96;
const STARS = 28;

/**
 * Draws the station's scenery into `g`, once per stage size: a still picture (no tween, no per-frame work), so it
 * costs no frame while a stimulus shows. Stars come from a fixed sequence, the same at every size.
 */
export function drawScenery(g: Phaser.GameObjects.Graphics, skin: GameSkin, w: number, h: number): void {
  g.clear();
  const sky = h * SCENERY_BANDS.sky;
  let x = 0.37;
  for (let i = 0; i < STARS; i++) {
    x = (x * 9301 + 0.49297) % 1;
    const y = (i * 0.618034) % 1;
    g.fillStyle(SCENERY.sky, 0.25 + 0.2 * (i % 3)).fillCircle(x * w, 4 + y * (sky - 4), i % 4 === 0 ? 1.6 : 1);
  }
  const band = Math.min(h * SCENERY_BANDS.ground, GROUND_MAX_PX);
  hills(g, skin.hills.far, SCENERY.far, w, h, band);
  hills(g, skin.hills.near, SCENERY.near, w, h, band * 0.6);
  const scale = (band * 1.1) / 100;
  const left = Math.min(Math.max(skin.landmarkAt * w - 50 * scale, 0), w - 100 * scale);
  fillLandmark(g.fillStyle(SCENERY.landmark, 1), skin, left, h, scale);
}

/** Fills the skin's landmark, its box's bottom-left corner at (left, ground), `scale` pixels per unit. */
export function fillLandmark(g: Phaser.GameObjects.Graphics, skin: GameSkin, left: number, ground: number, scale: number): void {
  for (const polygon of skin.landmark) {
    const points: Phaser.Math.Vector2[] = [];
    for (let i = 0; i + 1 < polygon.length; i += 2)
      points.push(new Phaser.Math.Vector2(left + (polygon[i] ?? 0) * scale, ground - (polygon[i + 1] ?? 0) * scale));
    g.fillPoints(points, true);
  }
}

function hills(g: Phaser.GameObjects.Graphics, heights: readonly number[], colour: number, w: number, h: number, band: number): void {
  const step = w / Math.max(1, heights.length - 1);
  const points = [new Phaser.Math.Vector2(0, h), ...heights.map((v, i) => new Phaser.Math.Vector2(i * step, h - v * band)), new Phaser.Math.Vector2(w, h)];
  g.fillStyle(colour, 1).fillPoints(points, true);
}
