import Phaser from 'phaser';
import type { CapturedInput } from '../../src/runtime/game-contract.ts';
import { PALETTE, TrialScene } from '../kit/trial-scene.ts';
import { fixationCross, keyCap, lightKey } from '../kit/widgets.ts';
import { OPTIONS, TIMING, type Option, type ReversalTrial, type ShapeSet } from './design.ts';
import { optionValue, readOption } from './responses.ts';

/** Key caps a little smaller than in the other games: they sit under the option cards. */
const CAP = { w: 48, h: 42, font: 24 } as const;
const KEY_GLYPHS = ['←', '↑', '→'] as const;

type Phase = 'idle' | 'fixation' | 'choice' | 'feedback';
type ShapeName = 'star' | 'diamond' | 'triangle' | 'square' | 'circle' | 'hexagon';

/** The shape is the cue; the Okabe–Ito colour only helps. Practice has its own set so the test starts unlearned. */
const LOOK: Record<ShapeSet, Record<Option, { shape: ShapeName; colour: number }>> = {
  practice: {
    0: { shape: 'triangle', colour: PALETTE.green },
    1: { shape: 'square', colour: PALETTE.purple },
    2: { shape: 'circle', colour: PALETTE.blue },
  },
  test: {
    0: { shape: 'star', colour: PALETTE.orange },
    1: { shape: 'diamond', colour: PALETTE.skyBlue },
    2: { shape: 'hexagon', colour: PALETTE.vermillion },
  },
};

/** Everything is drawn in a 100-unit box and scaled to the stage in layout(). */
const UNIT = 100;
const CARD_FILL = 0x232a4d;

interface OptionView {
  root: Phaser.GameObjects.Container;
  ring: Phaser.GameObjects.Rectangle;
  shape: Phaser.GameObjects.Graphics;
}

/**
 * Coin hunt: three shapes at fixed places; the best pays a coin on 8 of 10 trials, the others on 2. The candidate picks
 * one by tapping it or pressing ← ↑ →; a coin or an empty ring follows. Every 15 trials the best shape moves to
 * another place, without a sign. Which option pays on which trial is in the design, so the scene never decides a
 * reward and never scores.
 */
export default class ReversalScene extends TrialScene<ReversalTrial> {
  private views!: OptionView[];
  private fixation!: Phaser.GameObjects.Container;
  private coin!: Phaser.GameObjects.Container;
  private empty!: Phaser.GameObjects.Arc;
  private hourglass!: Phaser.GameObjects.Graphics;
  private keys!: Phaser.GameObjects.Container;
  private tap!: Phaser.GameObjects.Arc;

  private phase: Phase = 'idle';
  /** Coins, not stars: the points are the rewards themselves. */
  protected override pointsGlyph = '●';
  /** Option of the feedback on screen, to keep it in place on a resize. */
  private feedbackAt: Option | null = null;

  protected build(): void {
    this.views = OPTIONS.map(() => this.optionView());
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
    this.keys = this.add.container(
      0,
      0,
      KEY_GLYPHS.map((g) => keyCap(this, 0, g, CAP)),
    );
    this.keys.setVisible(false);
  }

  protected layout(): void {
    const card = this.cardSize();
    const scale = card / UNIT;
    const y = this.h * 0.48;
    for (const o of OPTIONS) this.view(o).root.setPosition(this.placeX(o), y).setScale(scale);
    this.coin.setScale(scale);
    this.empty.setScale(scale);
    this.tap.setScale(scale);
    this.fixation.setPosition(this.w / 2, y);
    this.hourglass.setPosition(this.w / 2, y).setScale(Math.max(1, scale));
    this.keys.setPosition(0, y + card / 2 + 44);
    for (const o of OPTIONS) this.keys.getAt<Phaser.GameObjects.Container>(o).setX(this.placeX(o));
    if (this.feedbackAt !== null) this.placeFeedback(this.feedbackAt);
  }

  protected playDemo(): void {
    // The demo has its own shapes, so that nothing it shows carries over into the test.
    const set: ShapeSet = 'practice';
    this.keys.setVisible(true);
    this.showOptions(set);
    if (this.run.reducedMotion) {
      // One still frame that shows the whole rule: a chosen shape and the coin it gave.
      this.select(0);
      this.highlightKey(0);
      this.tap.setPosition(this.view(0).root.x, this.view(0).root.y).setVisible(true);
      this.showFeedback(0, 1);
      return;
    }
    // One shape mostly pays and the others mostly not; then the paying shape stops paying and another one starts.
    const script: [Option, 0 | 1][] = [
      [0, 0],
      [1, 1],
      [1, 1],
      [2, 0],
      [1, 1],
      [1, 0],
      [1, 0],
      [0, 0],
      [2, 1],
      [2, 1],
    ];
    let step = 0;
    const cycle = () => {
      const [option, reward] = script[step++ % script.length] ?? [0, 1];
      this.clearFeedback();
      this.showOptions(set);
      this.after(650, () => {
        const v = this.view(option).root;
        this.tap
          .setPosition(v.x, v.y)
          .setAlpha(1)
          .setScale((this.cardSize() / UNIT) * 0.6)
          .setVisible(true);
        this.tweens.add({ targets: this.tap, scale: (this.cardSize() / UNIT) * 1.4, alpha: 0, duration: 400 });
        this.highlightKey(option);
        this.select(option);
        this.showFeedback(option, reward);
        this.after(1100, cycle);
      });
    };
    cycle();
  }

  protected startBlock(): void {
    this.keys.setVisible(true);
    this.points = 0;
    this.updatePoints();
    this.runBlock(TIMING.blockLeadMs);
  }

  protected beginTrial(spec: ReversalTrial): void {
    this.clearFeedback();
    this.hideOptions();
    this.phase = 'fixation';
    this.fixationThen(TIMING.fixationMs, () => this.present(spec), this.fixation);
  }

  private present(spec: ReversalTrial): void {
    this.showOptions(spec.set);
    this.phase = 'choice';
    this.showTarget({ best: spec.best }, spec.windowMs, () => this.finish(null, 'timeout'));
  }

  protected onInput(input: CapturedInput): void {
    if (this.phase !== 'choice' || !this.spec) return;
    const option = readOption(input);
    if (option === null) return;
    this.answer(input, optionValue(option));
    this.finish(option, 'response');
  }

  private finish(option: Option | null, reason: 'response' | 'timeout'): void {
    const spec = this.spec;
    if (!spec) return;
    this.phase = 'feedback';
    const reward: 0 | 1 = option !== null && spec.pays[option] ? 1 : 0;
    this.points += reward;
    if (option !== null) {
      this.select(option);
      this.showFeedback(option, reward);
    } else {
      this.hideOptions();
      this.hourglass.setVisible(true);
    }
    this.updatePoints();
    this.markDrawn(this.trialIndex, 'feedback', { reward, choice: option ?? 'none' });
    this.endTrial(reason, TIMING.feedbackMs + TIMING.itiMs);
    this.after(TIMING.feedbackMs, () => {
      this.clearFeedback();
      this.hideOptions();
    });
  }

  private view(o: Option): OptionView {
    return this.views[o] as OptionView;
  }

  private showOptions(set: ShapeSet): void {
    for (const o of OPTIONS) {
      const view = this.view(o);
      this.drawShape(view.shape, LOOK[set][o]);
      view.ring.setVisible(false);
      view.root.setAlpha(1).setVisible(true);
    }
  }

  private hideOptions(): void {
    for (const v of this.views) v.root.setVisible(false);
  }

  /** The chosen card gets a ring and the others fade: the choice is marked by more than colour. */
  private select(option: Option): void {
    for (const o of OPTIONS) {
      this.view(o).ring.setVisible(o === option);
      if (o !== option) this.view(o).root.setAlpha(0.3);
    }
  }

  private showFeedback(option: Option, reward: 0 | 1): void {
    this.feedbackAt = option;
    this.placeFeedback(option);
    const mark = reward === 1 ? this.coin : this.empty;
    mark.setVisible(true);
    if (reward === 1 && !this.run.reducedMotion) {
      const scale = this.cardSize() / UNIT;
      this.coin.setScale(scale * 0.5);
      this.tweens.add({ targets: this.coin, scale, duration: 160, ease: 'Back.easeOut' });
    }
  }

  private placeFeedback(option: Option): void {
    const card = this.cardSize();
    const y = this.h * 0.48 - card / 2 - (card / UNIT) * 20 - 14;
    this.coin.setPosition(this.placeX(option), y);
    this.empty.setPosition(this.placeX(option), y);
  }

  private clearFeedback(): void {
    this.feedbackAt = null;
    this.coin.setVisible(false);
    this.empty.setVisible(false);
    this.hourglass.setVisible(false);
    this.tap.setVisible(false);
    this.highlightKey(null);
  }

  /** Each option sits in the middle of its third of the stage, where a tap reads it (responses.ts). */
  private placeX(option: Option): number {
    return (this.w * (2 * option + 1)) / 6;
  }

  /** Card edge in pixels: three fit side by side on a 360-pixel phone and stay large enough to tap. */
  private cardSize(): number {
    return Math.min(this.w * 0.27, this.h * 0.3, 200);
  }

  private optionView(): OptionView {
    const card = this.add.rectangle(0, 0, UNIT, UNIT, CARD_FILL).setStrokeStyle(2, PALETTE.muted);
    const ring = this.add
      .rectangle(0, 0, UNIT + 14, UNIT + 14)
      .setStrokeStyle(5, PALETTE.foreground)
      .setFillStyle(0, 0)
      .setVisible(false);
    const shape = this.add.graphics();
    const root = this.add.container(0, 0, [card, ring, shape]).setVisible(false);
    return { root, ring, shape };
  }

  private drawShape(g: Phaser.GameObjects.Graphics, look: { shape: ShapeName; colour: number }): void {
    const points = outline(look.shape).map(([x, y]) => new Phaser.Math.Vector2(x, y));
    // A light outline keeps the shapes apart for any colour vision.
    g.clear().fillStyle(look.colour).fillPoints(points, true).lineStyle(3, PALETTE.foreground, 0.9).strokePoints(points, true, true);
  }

  private highlightKey(option: Option | null): void {
    lightKey(this.keys, option === null ? -1 : option, 0.45);
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
    case 'circle':
      return polygon(24, 33, 0);
    case 'hexagon':
      return polygon(6, 36, Math.PI / 6);
  }
}

function polygon(n: number, r: number, turn: number): [number, number][] {
  return Array.from({ length: n }, (_, i): [number, number] => [r * Math.cos(turn + (2 * Math.PI * i) / n), r * Math.sin(turn + (2 * Math.PI * i) / n)]);
}
