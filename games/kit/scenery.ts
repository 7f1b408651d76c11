import Phaser from 'phaser';
import { type GameSkin, SCENERY } from './theme.ts';

/**
 * The bands the scenery keeps to, as shares of the stage height: nothing of it reaches a stimulus. The trial scene
 * draws each band into a Graphics of its own once per stage size: a still picture, no tween. (Baking the bands into
 * textures cost more frames under software rendering than replaying these few paths.)
 */
export const SCENERY_BANDS = { sky: 0.1, ground: 0.12 } as const;
/** The bands' height is capped so that a tall desktop stage keeps a thin horizon. */
const GROUND_MAX_PX = 96;
const STARS = 28;

/** Draws `draw` once into a texture under `key` (replacing one of that key) and returns the key: for small marks shown many times. */
export function bake(scene: Phaser.Scene, key: string, w: number, h: number, draw: (g: Phaser.GameObjects.Graphics) => void): string {
  const g = scene.make.graphics({}, false);
  draw(g);
  if (scene.textures.exists(key)) scene.textures.remove(key);
  g.generateTexture(key, Math.max(1, Math.ceil(w)), Math.max(1, Math.ceil(h)));
  g.destroy();
  return key;
}

/** The scenery's two bands for a stage of w × h: the sky's height and the ground's, in pixels. */
export function sceneryBands(h: number): { sky: number; ground: number } {
  return { sky: Math.round(h * SCENERY_BANDS.sky), ground: Math.round(Math.min(h * SCENERY_BANDS.ground, GROUND_MAX_PX)) };
}

/** The sky band (w × sky): stars from a fixed sequence, the same at every size. */
export function drawSky(g: Phaser.GameObjects.Graphics, w: number, sky: number): void {
  let x = 0.37;
  for (let i = 0; i < STARS; i++) {
    x = (x * 9301 + 0.49297) % 1;
    const y = (i * 0.618034) % 1;
    g.fillStyle(SCENERY.sky, 0.25 + 0.2 * (i % 3)).fillCircle(x * w, 4 + y * (sky - 6), i % 4 === 0 ? 1.6 : 1);
  }
}

/** The ground band (w × band): far hills, near hills and the station's landmark. */
export function drawGround(g: Phaser.GameObjects.Graphics, skin: GameSkin, w: number, band: number): void {
  hills(g, skin.hills.far, SCENERY.far, w, band, band);
  hills(g, skin.hills.near, SCENERY.near, w, band, band * 0.6);
  const scale = (band * 0.98) / 100;
  const left = Math.min(Math.max(skin.landmarkAt * w - 50 * scale, 0), w - 100 * scale);
  fillLandmark(g.fillStyle(SCENERY.landmark, 1), skin, left, band, scale);
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
