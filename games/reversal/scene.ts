import Phaser from 'phaser';
import type { CapturedInput } from '../../src/runtime/game-contract.ts';
import { PALETTE, TrialScene } from '../kit/trial-scene.ts';
import { fixationCross, keyCap, lightKey, pointsLabel } from '../kit/widgets.ts';
import { otherOption, type ContingencyTracker } from './contingency.ts';
import { TIMING, type Option, type ReversalTrial, type ShapeSet, type Side } from './design.ts';
import { rebuildTracker } from './play.ts';
import { optionOnSide, readSide } from './responses.ts';

/** Key caps a little smaller than in the other games: they sit under the option cards. */
const CAP = { w: 56, h: 46, font: 26 } as const;

type Phase = 'idle' | 'fixation' | 'choice' | 'feedback';
type ShapeName = 'star' | 'diamond' | 'triangle' | 'square';

/** The shape is the cue; the Okabe–Ito colour only helps. Practice has its own pair so the test starts unlearned. */
const LOOK: Record<ShapeSet, Record<Option, { shape: ShapeName; colour: number }>> = {
  practice: { A: { shape: 'triangle', colour: PALETTE.green }, B: { shape: 'square', colour: PALETTE.purple } },
  test: { A: { shape: 'star', colour: PALETTE.orange }, B: { shape: 'diamond', colour: PALETTE.skyBlue } },
};

/** Everything is drawn in a 100-unit box and scaled to the stage in layout(). */
const UNIT = 100;
const CARD_FILL = 0x232a4d;

interface OptionView {
  root: Phaser.GameObjects.Container;
  ring: Phaser.GameObjects.Rectangle;
  shapes: Record<ShapeSet, Phaser.GameObjects.Graphics>;
}

/**
 * Reversal: two shapes; one pays a coin on 8 of 10 trials, the other on 2. The candidate picks one by tapping it or
 * pressing ←/→; a coin or an empty ring follows. After the learning criterion the better shape swaps silently.
 * The scene follows the contingency with the same tracker the scorer replays, and never scores.
 */
export default class ReversalScene extends TrialScene<ReversalTrial> {
  private views!: Record<Side, OptionView>;
  private fixation!: Phaser.GameObjects.Container;
  private coin!: Phaser.GameObjects.Container;
  private empty!: Phaser.GameObjects.Arc;
  private hourglass!: Phaser.GameObjects.Graphics;
  private keys!: Phaser.GameObjects.Container;
  private tap!: Phaser.GameObjects.Arc;

  private phase: Phase = 'idle';
  /** Coins, not stars: the points are the rewards themselves. */
  protected override pointsGlyph = '●';
  private tracker!: ContingencyTracker;
  /** Side of the feedback on screen, to keep it in place on a resize. */
  private feedbackSide: Side | null = null;

  protected build(): void {
    this.views = { left: this.optionView(), right: this.optionView() };
    this.fixation = fixationCross(this, 24);
    this.coin = this.add
      .container(0, 0, [
        this.add.circle(0, 0, 20, PALETTE.yellow),
        this.add.circle(0, 0, 14).setStrokeStyle(3, 0x8a7d00).setFillStyle(0, 0),
        this.add.star(0, 0, 5, 4, 9, 0x8a7d00),
      ])
      .setVisible(false);
    this.empty = this.add.circle(0, 0, 20).setStrokeStyle(3, PALETTE.muted).setFillStyle(0, 0).setVisible(false);
    this.hourglass = this.add.graphics().fillStyle(PALETTE.muted).fillTriangle(-14, -20, 14, -20, 0, 0).fillTriangle(-14, 20, 14, 20, 0, 0).setVisible(false);
    this.tap = this.add.circle(0, 0, 18).setStrokeStyle(4, PALETTE.foreground).setFillStyle(0, 0).setVisible(false);
    this.keys = this.add.container(0, 0, [keyCap(this, 0, '←', CAP), keyCap(this, 0, '→', CAP)]).setVisible(false);
    this.pointsText = pointsLabel(this);
  }

  protected layout(): void {
    const card = this.cardSize();
    const scale = card / UNIT;
    const y = this.h * 0.48;
    this.views.left.root.setPosition(this.sideX('left'), y).setScale(scale);
    this.views.right.root.setPosition(this.sideX('right'), y).setScale(scale);
    this.coin.setScale(scale);
    this.empty.setScale(scale);
    this.tap.setScale(scale);
    this.fixation.setPosition(this.w / 2, y);
    this.hourglass.setPosition(this.w / 2, y).setScale(Math.max(1, scale));
    const keyY = y + card / 2 + 48;
    this.keys.setPosition(0, keyY);
    this.keys.getAt<Phaser.GameObjects.Container>(0).setX(this.sideX('left'));
    this.keys.getAt<Phaser.GameObjects.Container>(1).setX(this.sideX('right'));
    this.pointsText?.setPosition(this.w - 16, 12);
    if (this.feedbackSide) this.placeFeedback(this.feedbackSide);
  }

  protected playDemo(): void {
    const practice = this.blockSpec.demo === 'choose';
    const set: ShapeSet = practice ? 'practice' : 'test';
    this.keys.setVisible(true);
    this.showOptions(set, 'A');
    if (this.run.reducedMotion) {
      // One still frame that shows the whole rule: a chosen shape and the coin it gave.
      this.select('left');
      this.highlightKey('left');
      this.tap.setPosition(this.views.left.root.x, this.views.left.root.y).setVisible(true);
      this.showFeedback('left', 1);
      return;
    }
    // Practice demo: one shape mostly pays, the other mostly not. Test demo: the paying shape stops paying, the other starts.
    const script: [Side, 0 | 1][] = practice
      ? [
          ['left', 1],
          ['right', 0],
          ['left', 1],
          ['left', 1],
        ]
      : [
          ['left', 1],
          ['left', 1],
          ['left', 0],
          ['left', 0],
          ['right', 1],
          ['right', 1],
        ];
    let step = 0;
    const cycle = () => {
      const [side, reward] = script[step++ % script.length] ?? ['left', 1];
      this.clearFeedback();
      this.showOptions(set, 'A');
      this.after(650, () => {
        const v = this.views[side].root;
        this.tap
          .setPosition(v.x, v.y)
          .setAlpha(1)
          .setScale((this.cardSize() / UNIT) * 0.6)
          .setVisible(true);
        this.tweens.add({ targets: this.tap, scale: (this.cardSize() / UNIT) * 1.4, alpha: 0, duration: 400 });
        this.highlightKey(side);
        this.select(side);
        this.showFeedback(side, reward);
        this.after(1100, cycle);
      });
    };
    cycle();
  }

  protected startBlock(): void {
    this.tracker = rebuildTracker(this.blockSpec.trials, this.run.block, this.run.startTrial, this.run.priorTrials);
    this.keys.setVisible(true);
    this.points = 0;
    this.updatePoints();
    this.runBlock(TIMING.blockLeadMs);
  }

  protected beginTrial(spec: ReversalTrial): void {
    this.clearFeedback();
    this.hideOptions();
    this.fixation.setVisible(true);
    this.phase = 'fixation';
    this.startTrial();
    this.trialTimer(TIMING.fixationMs, () => this.present(spec));
  }

  private present(spec: ReversalTrial): void {
    if (this.phase !== 'fixation') return;
    this.fixation.setVisible(false);
    this.showOptions(spec.set, spec.left);
    this.phase = 'choice';
    this.showTarget({ best: this.tracker.currentBest, left: spec.left }, spec.windowMs, () => this.finish(null, null, 'timeout'));
  }

  protected onInput(input: CapturedInput): void {
    if (this.phase !== 'choice') return;
    const spec = this.spec;
    if (!spec) return;
    const side = readSide(input);
    if (side === null) return;
    const option = optionOnSide(spec, side);
    this.answer(input, option);
    this.finish(option, side, 'response');
  }

  private finish(option: Option | null, side: Side | null, reason: 'response' | 'timeout'): void {
    this.phase = 'feedback';
    const { reward } = this.tracker.record(this.trialIndex, option);
    this.points += reward;
    if (side) {
      this.select(side);
      this.showFeedback(side, reward);
    } else {
      this.hideOptions();
      this.hourglass.setVisible(true);
    }
    this.updatePoints();
    this.markDrawn(this.trialIndex, 'feedback', { reward, side: side ?? 'none' });
    this.endTrial(reason, TIMING.feedbackMs + TIMING.itiMs);
    this.after(TIMING.feedbackMs, () => {
      this.clearFeedback();
      this.hideOptions();
    });
  }

  private showOptions(set: ShapeSet, left: Option): void {
    for (const side of ['left', 'right'] as const) {
      const option = side === 'left' ? left : otherOption(left);
      const view = this.views[side];
      for (const s of ['practice', 'test'] as const) view.shapes[s].setVisible(false);
      this.drawShape(view.shapes[set], LOOK[set][option]);
      view.shapes[set].setVisible(true);
      view.ring.setVisible(false);
      view.root.setAlpha(1).setVisible(true);
    }
  }

  private hideOptions(): void {
    this.views.left.root.setVisible(false);
    this.views.right.root.setVisible(false);
  }

  /** The chosen card gets a ring and the other fades: the choice is marked by more than colour. */
  private select(side: Side): void {
    const other: Side = side === 'left' ? 'right' : 'left';
    this.views[side].ring.setVisible(true);
    this.views[other].root.setAlpha(0.3);
  }

  private showFeedback(side: Side, reward: 0 | 1): void {
    this.feedbackSide = side;
    this.placeFeedback(side);
    const mark = reward === 1 ? this.coin : this.empty;
    mark.setVisible(true);
    if (reward === 1 && !this.run.reducedMotion) {
      const scale = this.cardSize() / UNIT;
      this.coin.setScale(scale * 0.5);
      this.tweens.add({ targets: this.coin, scale, duration: 160, ease: 'Back.easeOut' });
    }
  }

  private placeFeedback(side: Side): void {
    const card = this.cardSize();
    const y = this.h * 0.48 - card / 2 - (card / UNIT) * 20 - 14;
    this.coin.setPosition(this.sideX(side), y);
    this.empty.setPosition(this.sideX(side), y);
  }

  private clearFeedback(): void {
    this.feedbackSide = null;
    this.coin.setVisible(false);
    this.empty.setVisible(false);
    this.hourglass.setVisible(false);
    this.tap.setVisible(false);
    this.highlightKey(null);
  }

  private sideX(side: Side): number {
    return side === 'left' ? this.w * 0.28 : this.w * 0.72;
  }

  /** Card edge in pixels: large enough to tap on a 360×640 phone, capped on a desktop. */
  private cardSize(): number {
    return Math.min(this.w * 0.36, this.h * 0.3, 220);
  }

  private optionView(): OptionView {
    const card = this.add.rectangle(0, 0, UNIT, UNIT, CARD_FILL).setStrokeStyle(2, PALETTE.muted);
    const ring = this.add
      .rectangle(0, 0, UNIT + 14, UNIT + 14)
      .setStrokeStyle(5, PALETTE.foreground)
      .setFillStyle(0, 0)
      .setVisible(false);
    const shapes = { practice: this.add.graphics(), test: this.add.graphics() };
    const root = this.add.container(0, 0, [card, ring, shapes.practice, shapes.test]).setVisible(false);
    return { root, ring, shapes };
  }

  private drawShape(g: Phaser.GameObjects.Graphics, look: { shape: ShapeName; colour: number }): void {
    const points = outline(look.shape).map(([x, y]) => new Phaser.Math.Vector2(x, y));
    // A light outline keeps the shapes apart for any colour vision.
    g.clear().fillStyle(look.colour).fillPoints(points, true).lineStyle(3, PALETTE.foreground, 0.9).strokePoints(points, true, true);
  }

  private highlightKey(side: Side | null): void {
    lightKey(this.keys, side === null ? -1 : side === 'left' ? 0 : 1, 0.45);
  }
}

/** Corner points of each shape in the 100-unit card (radius about 36), centred on 0,0. */
function outline(shape: ShapeName): [number, number][] {
  switch (shape) {
    case 'star':
      return Array.from({ length: 10 }, (_, i): [number, number] => {
        const r = i % 2 === 0 ? 38 : 16;
        const a = -Math.PI / 2 + (i * Math.PI) / 5;
        return [r * Math.cos(a), r * Math.sin(a) + 3];
      });
    case 'diamond':
      return [
        [0, -38],
        [28, 0],
        [0, 38],
        [-28, 0],
      ];
    case 'triangle':
      return [
        [0, -34],
        [36, 28],
        [-36, 28],
      ];
    case 'square':
      return [
        [-29, -29],
        [29, -29],
        [29, 29],
        [-29, 29],
      ];
  }
}
