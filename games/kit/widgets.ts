import type Phaser from 'phaser';
import { PALETTE } from './theme.ts';

/**
 * Language-free pieces every game draws the same way, so a candidate learns them once: feedback marks that differ
 * in shape as well as colour, and key caps that show which key answers.
 */

/** A coloured disc with a white mark drawn on it. */
export function markIcon(
  scene: Phaser.Scene,
  colour: number,
  draw: (g: Phaser.GameObjects.Graphics) => Phaser.GameObjects.Graphics,
): Phaser.GameObjects.Container {
  const disc = scene.add.circle(0, 0, 26, colour);
  const mark = draw(scene.add.graphics().lineStyle(6, 0xffffff));
  return scene.add.container(0, 0, [disc, mark]);
}

/** ✓ on green and ✗ on vermillion, hidden until shown. */
export function feedbackMarks(scene: Phaser.Scene): { good: Phaser.GameObjects.Container; bad: Phaser.GameObjects.Container } {
  return {
    good: markIcon(scene, PALETTE.green, (g) => g.lineBetween(-14, 2, -4, 12).lineBetween(-4, 12, 16, -10)).setVisible(false),
    bad: markIcon(scene, PALETTE.vermillion, (g) => g.lineBetween(-11, -11, 11, 11).lineBetween(-11, 11, 11, -11)).setVisible(false),
  };
}

/** A key cap with a glyph (e.g. ← →), at x within its container. */
export function keyCap(
  scene: Phaser.Scene,
  x: number,
  glyph: string,
  size: { w: number; h: number; font: number } = { w: 64, h: 52, font: 30 },
): Phaser.GameObjects.Container {
  const cap = scene.add.rectangle(0, 0, size.w, size.h, 0x2a3058).setStrokeStyle(2, PALETTE.muted);
  const label = scene.add.text(0, 0, glyph, { fontFamily: 'system-ui, sans-serif', fontSize: `${size.font}px`, color: '#f4f4f8' }).setOrigin(0.5);
  return scene.add.container(x, 0, [cap, label]);
}

/** The fixation cross shown before a stimulus. */
export function fixationCross(scene: Phaser.Scene, size = 28): Phaser.GameObjects.Container {
  const cross = [scene.add.rectangle(0, 0, size, 4, PALETTE.foreground), scene.add.rectangle(0, 0, 4, size, PALETTE.foreground)];
  return scene.add.container(0, 0, cross).setVisible(false);
}

/** A ring that shows where an answer landed (see pulse). */
export function rippleRing(scene: Phaser.Scene, radius = 10): Phaser.GameObjects.Arc {
  return scene.add.circle(0, 0, radius).setStrokeStyle(5, PALETTE.foreground).setFillStyle(0, 0).setVisible(false);
}

/** Shows a ring at (x, y) growing from `from` to `to` while it fades. */
export function pulse(scene: Phaser.Scene, ring: Phaser.GameObjects.Arc, x: number, y: number, from: number, to: number, duration: number): void {
  ring.setPosition(x, y).setScale(from).setAlpha(1).setVisible(true);
  scene.tweens.add({ targets: ring, scale: to, alpha: 0, duration });
}

/** The candidate's points, top right (positioned by the scene's layout). */
export function pointsLabel(scene: Phaser.Scene): Phaser.GameObjects.Text {
  return scene.add.text(0, 0, '', { fontFamily: 'system-ui, sans-serif', fontSize: '22px', color: '#f0e442' }).setOrigin(1, 0);
}

/**
 * The widgets most games show, made once for every scene by the kit (TrialScene.ui), hidden until a game shows them.
 * Depths keep them where they belong whatever order a game creates its own objects in: the tap divide under the
 * stimuli, the ripple and the feedback marks over them.
 */
export interface StageWidgets {
  fixation: Phaser.GameObjects.Container;
  ripple: Phaser.GameObjects.Arc;
  good: Phaser.GameObjects.Container;
  bad: Phaser.GameObjects.Container;
  /** The ← → key caps of a two-choice game. */
  keys: Phaser.GameObjects.Container;
  /** The line between the two tap halves of the stage. */
  divider: Phaser.GameObjects.Rectangle;
}

export function stageWidgets(scene: Phaser.Scene): StageWidgets {
  const { good, bad } = feedbackMarks(scene);
  return {
    fixation: fixationCross(scene),
    ripple: rippleRing(scene).setDepth(1),
    good: good.setDepth(1),
    bad: bad.setDepth(1),
    keys: scene.add.container(0, 0, [keyCap(scene, -60, '←'), keyCap(scene, 60, '→')]).setVisible(false),
    divider: scene.add.rectangle(0, 0, 2, 10, PALETTE.muted, 0.35).setVisible(false).setDepth(-1),
  };
}

/** Lights the key cap at index `lit` of a row of caps and dims the others to `dim`; lit = -1 shows all alike. */
export function lightKey(keys: Phaser.GameObjects.Container, lit: number, dim: number): void {
  keys.each((child: Phaser.GameObjects.GameObject) => {
    const cap = child as Phaser.GameObjects.Container;
    cap.setAlpha(lit === -1 || keys.getIndex(cap) === lit ? 1 : dim);
  });
}
