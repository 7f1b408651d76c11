import Phaser from 'phaser';
import type { CapturedInput } from '../../src/runtime/game-contract.ts';
import { asSkin } from '../kit/theme.ts';
import { PALETTE, TrialScene } from '../kit/trial-scene.ts';
import { lightKey, markIcon, pulse } from '../kit/widgets.ts';
import { TIMING, type Direction, type StopTrial } from './design.ts';
import { readResponse } from './responses.ts';
import { nextSsd, ssdAfter } from './staircase.ts';
import skin from './skin.json' with { type: 'json' };

type Phase = 'idle' | 'fixation' | 'target' | 'feedback';
type Feedback = 'good' | 'bad' | 'slow' | null;

/**
 * Go answers this slow get the "faster" clock glyph, so that nobody learns to wait for the stop signal (Verbruggen
 * et al. 2019). Feedback only: no metric reads it.
 */
const SLOW_MS = { practice: 800, test: 1000 } as const;
/** Stroke widths relative to the octagon radius: thick enough to see at a glance on a phone. */
const RING_WIDTH = 0.16;

/**
 * Stop: a large arrow points left or right; answer its direction fast (←/→, F/J, or a tap on that half). On a quarter of
 * the trials a thick octagon frame appears around the arrow after the stop-signal delay and the arrow turns hollow:
 * then press nothing. Shape (octagon, hollow arrow) carries the signal; the vermillion colour only adds to it.
 */
export default class StopScene extends TrialScene<StopTrial> {
  private arrow!: Phaser.GameObjects.Graphics;
  private ring!: Phaser.GameObjects.Graphics;
  private slow!: Phaser.GameObjects.Container;

  private phase: Phase = 'idle';
  /** The staircase: the SSD of the next stop trial (ms). */
  private ssd = 0;
  private direction: Direction = 'left';
  private hollow = false;
  private signalShown = false;

  /** The game's station of the journey (games/kit/theme.ts). */
  protected override skin = asSkin(skin);

  protected build(): void {
    this.arrow = this.add.graphics().setVisible(false);
    this.ring = this.add.graphics().setVisible(false);
    // A clock face: "faster".
    this.slow = markIcon(this, PALETTE.blue, (g) => g.strokeCircle(0, 0, 15).lineBetween(0, 0, 0, -11).lineBetween(0, 0, 9, 4)).setVisible(false);
  }

  protected layout(): void {
    const cx = this.w / 2;
    const cy = this.h * 0.42;
    this.ui.fixation.setPosition(cx, cy);
    this.arrow.setPosition(cx, cy);
    this.ring.setPosition(cx, cy);
    this.ui.divider.setPosition(cx, cy).setSize(2, this.h * 0.6);
    this.ui.keys.setPosition(cx, this.h * 0.84);
    for (const icon of [this.ui.good, this.ui.bad, this.slow]) icon.setPosition(cx, cy);
    this.ui.ripple.setRadius(this.ringRadius() * 0.5);
    this.drawArrow(this.direction, this.hollow);
    this.drawRing();
  }

  /** The arrow's length: large on every stage, from a 360×640 phone to a desktop. */
  private arrowLength(): number {
    return Math.max(90, Math.min(this.w * 0.5, this.h * 0.3, 320));
  }

  private ringRadius(): number {
    return this.arrowLength() * 0.78;
  }

  private drawArrow(direction: Direction, hollow: boolean): void {
    this.direction = direction;
    this.hollow = hollow;
    const L = this.arrowLength();
    const s = direction === 'right' ? 1 : -1;
    const shaft = L * 0.24;
    const head = L * 0.62;
    const headLen = L * 0.45;
    const pts = [
      [-L / 2, -shaft / 2],
      [L / 2 - headLen, -shaft / 2],
      [L / 2 - headLen, -head / 2],
      [L / 2, 0],
      [L / 2 - headLen, head / 2],
      [L / 2 - headLen, shaft / 2],
      [-L / 2, shaft / 2],
    ].map(([x, y]) => new Phaser.Math.Vector2(s * (x as number), y as number));
    this.arrow.clear();
    if (hollow) this.arrow.lineStyle(Math.max(3, L * 0.03), PALETTE.foreground).strokePoints(pts, true, true);
    else this.arrow.fillStyle(PALETTE.foreground).fillPoints(pts, true, true);
  }

  /** A thick octagon (the stop-sign shape), flat side up. */
  private drawRing(): void {
    const r = this.ringRadius();
    const pts = Array.from({ length: 8 }, (_, i) => {
      const a = Math.PI / 8 + (i * Math.PI) / 4;
      return new Phaser.Math.Vector2(r * Math.cos(a), r * Math.sin(a));
    });
    this.ring
      .clear()
      .lineStyle(Math.max(8, r * RING_WIDTH), PALETTE.vermillion)
      .strokePoints(pts, true, true);
  }

  // ---- Demo -------------------------------------------------------------------------------------------------------

  protected playDemo(): void {
    const stopDemo = this.blockSpec.demo === 'stop';
    this.ui.keys.setVisible(true);
    this.ui.divider.setVisible(true);
    if (this.run.reducedMotion) {
      // One still frame with the whole rule: for go, the arrow and its key/side; for stop, the octagon and no key.
      if (stopDemo) {
        this.drawArrow('left', true);
        this.arrow.setVisible(true);
        this.ring.setVisible(true);
        this.highlightKey(null);
      } else {
        this.drawArrow('left', false);
        this.arrow.setVisible(true);
        this.highlightKey('left');
        this.ui.ripple.setPosition(this.w * 0.25, this.h * 0.42).setVisible(true);
      }
      return;
    }
    // Go, go, stop (stop demo) or left, right (go demo), looped.
    const script: { direction: Direction; stop: boolean }[] = stopDemo
      ? [
          { direction: 'left', stop: false },
          { direction: 'right', stop: true },
          { direction: 'right', stop: false },
          { direction: 'left', stop: true },
        ]
      : [
          { direction: 'left', stop: false },
          { direction: 'right', stop: false },
        ];
    let i = 0;
    const cycle = () => {
      const step = script[i++ % script.length] ?? { direction: 'left', stop: false };
      this.clearStage();
      this.highlightKey(undefined);
      this.ui.fixation.setVisible(true);
      this.after(600, () => {
        this.ui.fixation.setVisible(false);
        this.drawArrow(step.direction, false);
        this.arrow.setVisible(true);
        if (step.stop) {
          this.after(300, () => {
            this.drawArrow(step.direction, true);
            this.ring.setVisible(true);
            this.highlightKey(null);
            this.after(1100, () => this.demoEnd(this.ui.good, cycle));
          });
          return;
        }
        this.after(450, () => {
          this.highlightKey(step.direction);
          pulse(this, this.ui.ripple, step.direction === 'left' ? this.w * 0.25 : this.w * 0.75, this.h * 0.42, 0.6, 1.3, 450);
          this.after(300, () => this.demoEnd(this.ui.good, cycle));
        });
      });
    };
    cycle();
  }

  private demoEnd(icon: Phaser.GameObjects.Container, next: () => void): void {
    this.arrow.setVisible(false);
    this.ring.setVisible(false);
    icon.setVisible(true);
    this.after(700, next);
  }

  // ---- Trials -----------------------------------------------------------------------------------------------------

  protected startBlock(): void {
    this.ui.keys.setVisible(true);
    this.ui.divider.setVisible(true);
    this.highlightKey(undefined);
    this.points = 0;
    this.updatePoints();
    // The staircase continues from every completed trial of the game so far (other blocks, earlier attempts, and the
    // trials of this block completed before a reload), exactly as the scorer replays it.
    this.ssd = ssdAfter(this.run.design, this.run.priorTrials);
    this.runBlock(TIMING.blockLeadMs);
  }

  protected beginTrial(spec: StopTrial): void {
    this.clearStage();
    this.phase = 'fixation';
    this.signalShown = false;
    this.fixationThen(spec.fixationMs, () => this.present(spec));
  }

  private present(spec: StopTrial): void {
    this.drawArrow(spec.direction, false);
    this.arrow.setVisible(true);
    this.phase = 'target';
    this.showTarget(spec.stop ? { ssd: this.ssd } : undefined, spec.windowMs, () => this.finish(null, null));
    if (spec.stop && this.ssd === 0) this.showSignal(spec);
  }

  /**
   * The stop signal goes up in the Phaser step whose frame lands nearest the nominal SSD: the first step at or after
   * SSD − half a frame since the arrow's step. The onsets of both are stamped by the runtime, and the scorer uses
   * their difference (the realised SSD).
   */
  override update(): void {
    if (this.phase !== 'target' || this.signalShown) return;
    const spec = this.spec;
    if (!spec?.stop) return;
    const fps = this.game.loop.actualFps;
    const frameMs = Math.min(34, Math.max(4, fps > 0 ? 1000 / fps : 16.7));
    if (this.game.loop.now - this.drawnAt >= this.ssd - frameMs / 2) this.showSignal(spec);
  }

  private showSignal(spec: StopTrial): void {
    this.signalShown = true;
    this.drawArrow(spec.direction, true);
    this.ring.setVisible(true);
    this.markDrawn(this.trialIndex, 'stop-signal', { ssd: this.ssd });
  }

  protected onInput(input: CapturedInput): void {
    // Only the arrow is answered; presses during fixation or feedback are logged by capture and otherwise ignored.
    if (this.phase !== 'target' || input.t < this.drawnAt) return;
    const value = readResponse(input);
    if (value === null) return;
    this.answer(input, value);
    this.finish(value, input.t - this.drawnAt);
  }

  /** `elapsed`: input time − the arrow's draw time, an estimate for the points and feedback only (never scored). */
  private finish(value: Direction | null, elapsed: number | null): void {
    const spec = this.spec;
    if (!spec || this.phase !== 'target') return;
    this.phase = 'feedback';
    const kind = this.blockSpec.kind;
    this.endTrial(value === null ? 'timeout' : 'response', TIMING.feedbackMs[kind] + TIMING.itiMs);
    if (spec.stop) this.ssd = nextSsd(this.ssd, value !== null);

    const feedback = this.feedbackFor(spec, value, elapsed, kind);
    this.clearStage();
    if (value !== null && !this.run.reducedMotion) pulse(this, this.ui.ripple, value === 'left' ? this.w * 0.25 : this.w * 0.75, this.h * 0.42, 0.8, 1.3, 300);
    if (feedback) ({ good: this.ui.good, bad: this.ui.bad, slow: this.slow })[feedback].setVisible(true);
    this.updatePoints();
  }

  /**
   * Points reward fast correct go answers more than stopping, so waiting for the signal never pays. Practice explains
   * every trial; the test only marks slow or missed arrows and wrong sides. A failed stop gets no mark in the test:
   * half of them fail by design.
   */
  private feedbackFor(spec: StopTrial, value: Direction | null, elapsed: number | null, kind: 'practice' | 'test'): Feedback {
    const practice = kind === 'practice';
    if (spec.stop) {
      if (value === null) {
        this.points += 8;
        return practice ? 'good' : null;
      }
      return practice ? 'bad' : null;
    }
    if (value === null || elapsed === null) return 'slow';
    if (value !== spec.direction) return 'bad';
    this.points += 5 + Math.max(0, Math.min(7, Math.round((900 - elapsed) / 70)));
    if (elapsed >= SLOW_MS[kind]) return 'slow';
    return practice ? 'good' : null;
  }

  // ---- Helpers ----------------------------------------------------------------------------------------------------

  private clearStage(): void {
    for (const o of [this.ui.fixation, this.arrow, this.ring, this.ui.good, this.ui.bad, this.slow, this.ui.ripple]) o.setVisible(false);
  }

  /** Lights one key cap; null dims both (stop: press nothing); undefined shows both normally. */
  private highlightKey(direction: Direction | null | undefined): void {
    lightKey(this.ui.keys, direction === undefined ? -1 : direction === 'left' ? 0 : direction === 'right' ? 1 : -2, 0.3);
  }
}
