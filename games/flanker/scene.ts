import Phaser from 'phaser';
import type { CapturedInput } from '../../src/runtime/game-contract.ts';
import { asSkin } from '../kit/theme.ts';
import { PALETTE, TrialScene, type TrialEndReason } from '../kit/trial-scene.ts';
import { lightKey, pulse } from '../kit/widgets.ts';
import { FLANKER_TIMING, type Direction, type FlankerTrial } from './design.ts';
import { readResponse } from './responses.ts';
import skin from './skin.json' with { type: 'json' };

type Phase = 'idle' | 'fixation' | 'arrows' | 'feedback';

/** The demo's example trials: both conditions, both answers. */
const DEMO: readonly { target: Direction; flankers: Direction }[] = [
  { target: 'right', flankers: 'right' },
  { target: 'left', flankers: 'right' },
  { target: 'left', flankers: 'left' },
  { target: 'right', flankers: 'left' },
];

/** An arrow is drawn in a 100-unit box pointing right, then scaled (and mirrored for left). */
const ARROW_UNITS = 100;

/**
 * Flanker: five arrows in a row; answer the direction of the middle one. Target and flankers appear in the same
 * frame, reported as one stimulus named 'target' so RT runs from their common onset. Feedback only in practice;
 * test blocks show progress, and their points only when the block ends.
 */
export default class FlankerScene extends TrialScene<FlankerTrial> {
  private arrows: Phaser.GameObjects.Graphics[] = [];
  private frame!: Phaser.GameObjects.Rectangle;
  private keys!: Phaser.GameObjects.Container;
  private progressTrack!: Phaser.GameObjects.Rectangle;
  private progressBar!: Phaser.GameObjects.Rectangle;

  private phase: Phase = 'idle';
  private shown: { target: Direction; flankers: Direction } = { target: 'right', flankers: 'right' };
  private arrowPx = 0;

  /** The game's station of the journey (games/kit/theme.ts). */
  protected override skin = asSkin(skin);

  protected build(): void {
    this.arrows = Array.from({ length: 5 }, () => this.drawArrow(this.add.graphics(), PALETTE.foreground).setVisible(false));
    this.frame = this.add.rectangle(0, 0, 10, 10).setStrokeStyle(4, PALETTE.yellow).setFillStyle(0, 0).setVisible(false);
    this.ui.ripple.setRadius(34);
    this.keys = this.add.container(0, 0, [this.keyCap('left'), this.keyCap('right')]);
    this.ui.divider.setVisible(true);
    this.progressTrack = this.add.rectangle(0, 0, 10, 6, PALETTE.muted, 0.25).setOrigin(0, 0.5).setVisible(false);
    this.progressBar = this.add.rectangle(0, 0, 0, 6, PALETTE.skyBlue).setOrigin(0, 0.5).setVisible(false);
  }

  protected layout(): void {
    const cy = this.h * 0.42;
    // Five arrows and four gaps fit in 82% of a 360 px phone; capped so they stay compact on a desktop.
    this.arrowPx = Math.round(Phaser.Math.Clamp(Math.min((this.w * 0.82) / 6, this.h * 0.12), 28, 96));
    this.placeArrows(this.shown);
    this.ui.fixation.setPosition(this.w / 2, cy);
    this.frame.setPosition(this.w / 2, cy).setSize(this.arrowPx * 1.3, this.arrowPx * 1.0);
    this.ui.good.setPosition(this.w / 2, cy);
    this.ui.bad.setPosition(this.w / 2, cy);
    const keyY = this.h * 0.8;
    this.keys.setPosition(this.w / 2, keyY);
    const dx = Math.min(this.w * 0.25, 120);
    (this.keys.getAt(0) as Phaser.GameObjects.Container | null)?.setX(-dx);
    (this.keys.getAt(1) as Phaser.GameObjects.Container | null)?.setX(dx);
    // The tap divide runs only through the lower part of the stage, never through the middle arrow.
    this.ui.divider.setPosition(this.w / 2, this.h * 0.8).setSize(2, this.h * 0.3);
    this.pointsText?.setPosition(this.w - 16, 16);
    const trackW = Math.min(this.w * 0.5, 320);
    this.progressTrack.setPosition((this.w - trackW) / 2, 20).setSize(trackW, 6);
    this.progressBar.setPosition((this.w - trackW) / 2, 20);
    this.updateProgress();
  }

  protected playDemo(): void {
    this.pointsText?.setVisible(false);
    if (this.run.reducedMotion) {
      // One still frame that shows the whole rule: the middle arrow framed, its key lit, the flankers ignored.
      const example = DEMO[1] ?? { target: 'left', flankers: 'right' };
      this.showArrows(example);
      this.frame.setVisible(true);
      this.highlightKey(example.target);
      return;
    }
    let i = 0;
    const cycle = () => {
      const example = DEMO[i++ % DEMO.length] ?? { target: 'right', flankers: 'right' };
      this.hideArrows();
      this.ui.good.setVisible(false);
      this.frame.setVisible(false);
      this.highlightKey(null);
      this.ui.fixation.setVisible(true);
      this.after(600, () => {
        this.ui.fixation.setVisible(false);
        this.showArrows(example);
        this.after(500, () => {
          this.frame.setVisible(true);
          this.after(600, () => {
            this.highlightKey(example.target);
            const cap = this.keys.getAt(example.target === 'left' ? 0 : 1) as Phaser.GameObjects.Container | null;
            pulse(this, this.ui.ripple, this.keys.x + (cap?.x ?? 0), this.keys.y, 0.6, 1.4, 450);
            this.after(450, () => {
              this.hideArrows();
              this.frame.setVisible(false);
              this.ui.good.setVisible(true);
              this.after(900, cycle);
            });
          });
        });
      });
    };
    cycle();
  }

  protected startBlock(): void {
    const practice = this.blockSpec.kind === 'practice';
    this.points = 0;
    this.pointsText?.setVisible(practice);
    this.progressTrack.setVisible(!practice);
    this.progressBar.setVisible(!practice);
    this.highlightKey(null);
    this.updatePoints();
    this.trialIndex = this.run.startTrial;
    this.updateProgress();
    this.runBlock(FLANKER_TIMING.leadInMs);
  }

  protected beginTrial(spec: FlankerTrial): void {
    this.ui.good.setVisible(false);
    this.ui.bad.setVisible(false);
    this.hideArrows();
    this.phase = 'fixation';
    this.fixationThen(spec.fixationMs, () => this.present(spec));
  }

  private present(spec: FlankerTrial): void {
    // Target and flankers become visible in this one step: one onset for all five.
    this.showArrows({ target: spec.target, flankers: spec.flankers });
    this.phase = 'arrows';
    this.showTarget({ arrowPx: this.arrowPx }, spec.windowMs, () => this.finish('timeout', false));
  }

  protected onInput(input: CapturedInput): void {
    if (this.phase !== 'fixation' && this.phase !== 'arrows') return;
    const spec = this.spec;
    if (!spec) return;
    const value = readResponse(input);
    if (value === null) return;
    this.answer(input, value);
    if (this.phase === 'fixation') {
      this.finish('premature', false);
      return;
    }
    const correct = value === spec.target;
    // Points are for the candidate only (never scored): 10 per correct answer, up to 5 more for speed.
    if (correct) this.points += 10 + Math.max(0, Math.min(5, Math.round((1000 - (input.t - this.drawnAt)) / 100)));
    this.finish('response', correct);
  }

  private finish(reason: TrialEndReason, correct: boolean): void {
    this.phase = 'feedback';
    this.ui.fixation.setVisible(false);
    this.hideArrows();
    const practice = this.blockSpec.kind === 'practice';
    const feedback = practice ? FLANKER_TIMING.feedbackMs.practice : FLANKER_TIMING.feedbackMs.test;
    this.endTrial(reason, feedback + FLANKER_TIMING.itiMs);
    if (practice) {
      (correct ? this.ui.good : this.ui.bad).setVisible(true);
      this.updatePoints();
    }
    this.after(feedback, () => {
      this.ui.good.setVisible(false);
      this.ui.bad.setVisible(false);
      this.updateProgress(this.trialIndex + 1);
    });
  }

  protected override endBlock(): void {
    this.phase = 'idle';
    if (this.blockSpec.kind === 'practice') {
      this.run.bus.blockDone(this.points);
      return;
    }
    // Test blocks reveal their points only now, so no trial carries feedback on its answer.
    this.updatePoints();
    this.pointsText?.setVisible(true);
    this.ui.good.setVisible(true);
    this.after(FLANKER_TIMING.outroMs, () => this.run.bus.blockDone(this.points));
  }

  private showArrows(shown: { target: Direction; flankers: Direction }): void {
    this.placeArrows(shown);
    for (const a of this.arrows) a.setVisible(true);
  }

  private hideArrows(): void {
    for (const a of this.arrows) a.setVisible(false);
  }

  private placeArrows(shown: { target: Direction; flankers: Direction }): void {
    this.shown = shown;
    const s = this.arrowPx / ARROW_UNITS;
    const spacing = this.arrowPx * 1.2;
    this.arrows.forEach((arrow, i) => {
      const dir = i === 2 ? shown.target : shown.flankers;
      arrow.setPosition(this.w / 2 + (i - 2) * spacing, this.h * 0.42).setScale(dir === 'left' ? -s : s, s);
    });
  }

  private drawArrow(g: Phaser.GameObjects.Graphics, colour: number): Phaser.GameObjects.Graphics {
    // Pointing right, centred on (0, 0), 100 units long and 60 high.
    return g.fillStyle(colour, 1).fillRect(-50, -9, 60, 18).fillTriangle(8, -30, 50, 0, 8, 30);
  }

  private highlightKey(side: Direction | null): void {
    lightKey(this.keys, side === 'left' ? 0 : side === 'right' ? 1 : -1, 0.4);
  }

  /** The test block's progress bar: `done` trials of the block. */
  private updateProgress(done = this.trialIndex): void {
    const n = this.blockSpec.trials.length;
    this.progressBar.setSize(n === 0 ? 0 : (this.progressTrack.width * Math.min(done, n)) / n, 6);
  }

  private keyCap(side: Direction): Phaser.GameObjects.Container {
    const cap = this.add.rectangle(0, 0, 64, 52, 0x2a3058).setStrokeStyle(2, PALETTE.muted);
    const arrow = this.drawArrow(this.add.graphics(), PALETTE.foreground).setScale(side === 'left' ? -0.34 : 0.34, 0.34);
    return this.add.container(0, 0, [cap, arrow]);
  }
}
