import type Phaser from 'phaser';
import { bake, fillLandmark } from './scenery.ts';
import type { FeedbackCue } from '../../src/runtime/game-contract.ts';
import { CHEER, type GameSkin, PALETTE } from './theme.ts';

const TOKENS = 6;
const BADGE_R = 11;
const MAX_BADGES = 8;

/**
 * The non-scoring feedback of the theme: a gain of points bursts into the station's tokens that fly to the points,
 * and every CHEER.badgeStreak gains in a row earn a badge beside them. It reads nothing but the points the scene shows
 * anyway, so it tells the candidate nothing the points do not; no scorer reads it. The trial scene plays it only
 * between trials and stops it before the next trial starts (TrialScene.nextTrial), so no animation of it runs while
 * a stimulus is on screen. Its sound (`sound`: a soft chime for the gain, another for a badge) is asked of the runtime,
 * which plays it only when the candidate turned sound on and only between trials (GameBus.feedback); it plays under
 * reduced motion too (a sound is not motion), and says nothing the points and badges on screen do not.
 */
export class Cheer {
  private readonly tokens: Phaser.GameObjects.Shape[];
  private readonly badges: Phaser.GameObjects.Image[] = [];
  private readonly badgeTexture: string;
  private streak = 0;

  constructor(
    private readonly scene: Phaser.Scene,
    skin: GameSkin,
    private readonly still: boolean,
    private readonly sound: (cue: FeedbackCue) => void = () => undefined,
  ) {
    const r = BADGE_R + 1;
    const scale = (BADGE_R * 1.3) / 100;
    this.badgeTexture = bake(scene, `${scene.scene.key}:badge`, 2 * r, 2 * r, (g) => {
      g.fillStyle(PALETTE.yellow, 1)
        .fillCircle(r, r, BADGE_R)
        .lineStyle(2, PALETTE.foreground, 1)
        .strokeCircle(r, r, BADGE_R - 1);
      fillLandmark(g.fillStyle(PALETTE.background, 1), skin, r - 50 * scale, r + 50 * scale, scale);
    });
    this.tokens = Array.from({ length: TOKENS }, () => token(scene, skin.token).setDepth(2).setVisible(false));
  }

  /** Points went up between trials: tokens fly from `from` to the points label, and a streak may earn a badge. */
  gain(from: { x: number; y: number }, label: Phaser.GameObjects.Text): void {
    this.streak++;
    const badge = this.streak % CHEER.badgeStreak === 0;
    if (badge) this.addBadge(label);
    this.sound(badge ? 'badge' : 'gain');
    if (this.still) return;
    const to = { x: label.x - label.width / 2, y: label.y + label.height / 2 };
    this.tokens.forEach((t, i) => {
      const angle = (i / TOKENS) * Math.PI * 2;
      t.setPosition(from.x + Math.cos(angle) * 24, from.y + Math.sin(angle) * 24)
        .setAlpha(1)
        .setScale(1)
        .setVisible(true);
      this.scene.tweens.add({
        targets: t,
        x: to.x,
        y: to.y,
        alpha: 0.3,
        scale: 0.6,
        duration: CHEER.ms,
        delay: i * 12,
        ease: 'Cubic.easeIn',
        onComplete: () => t.setVisible(false),
      });
    });
    this.scene.tweens.add({ targets: label, scale: 1.2, duration: CHEER.ms / 3, yoyo: true, delay: CHEER.ms - 60 });
  }

  /** A trial went by without a gain: the streak starts again. */
  miss(): void {
    this.streak = 0;
  }

  /** Ends every animation at once, in its final state; called before a trial starts and before a stimulus shows. */
  stop(label?: Phaser.GameObjects.Text): void {
    for (const t of this.tokens) {
      this.scene.tweens.killTweensOf(t);
      t.setVisible(false);
    }
    if (label) this.scene.tweens.killTweensOf(label);
    label?.setScale(1);
    for (const b of this.badges) this.scene.tweens.killTweensOf(b);
    for (const b of this.badges) b.setScale(1);
  }

  /** A new block: no badges, no streak. */
  reset(): void {
    this.streak = 0;
    for (const b of this.badges.splice(0)) b.destroy();
  }

  /** Badges sit in a row under the points label, newest on the left. */
  layout(label: Phaser.GameObjects.Text): void {
    this.badges.forEach((b, i) => b.setPosition(label.x - BADGE_R - i * (BADGE_R * 2 + 6), label.y + label.height + BADGE_R + 6));
  }

  private addBadge(label: Phaser.GameObjects.Text): void {
    if (this.badges.length >= MAX_BADGES) return;
    const badge = this.scene.add.image(0, 0, this.badgeTexture).setDepth(2);
    this.badges.unshift(badge);
    this.layout(label);
    if (this.still) return;
    badge.setScale(0);
    this.scene.tweens.add({ targets: badge, scale: 1, duration: CHEER.ms, ease: 'Back.easeOut' });
  }
}

function token(scene: Phaser.Scene, kind: GameSkin['token']): Phaser.GameObjects.Shape {
  if (kind === 'star') return scene.add.star(0, 0, 5, 3, 7, PALETTE.yellow);
  if (kind === 'diamond') return scene.add.polygon(0, 0, [0, -7, 6, 0, 0, 7, -6, 0], PALETTE.yellow).setOrigin(0, 0);
  return scene.add.circle(0, 0, 5, PALETTE.yellow).setStrokeStyle(1.5, 0x8a7d00);
}
