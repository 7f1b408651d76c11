import Phaser from 'phaser';
import type { CapturedInput } from '../../src/runtime/game-contract.ts';
import { asSkin } from '../kit/theme.ts';
import { PALETTE, TrialScene, type TrialEndReason } from '../kit/trial-scene.ts';
import { pulse } from '../kit/widgets.ts';
import { answerFor, COLOUR_SIDE, SHAPE_SIDE, type Colour, type Shape, type Side, type SwitchTrial, type Task } from './design.ts';
import { drawCue, drawFigure, drawOutline, drawSwatch, drawVerdict } from './figures.ts';
import { readResponse } from './responses.ts';
import { FEEDBACK_MS, ITI_MS, LEAD_IN_MS } from './timing.ts';
import skin from './skin.json' with { type: 'json' };

type Phase = 'idle' | 'iti' | 'cue' | 'target' | 'feedback';

interface Panel {
  root: Phaser.GameObjects.Container;
  cap: Phaser.GameObjects.Rectangle;
  arrow: Phaser.GameObjects.Text;
  chips: Phaser.GameObjects.Graphics;
}

interface DemoStep {
  task: Task;
  colour: Colour;
  shape: Shape;
}

/** The demo examples per block: the mixed one shows the same figure asking for different sides under the two rules. */
const DEMOS: Record<string, DemoStep[]> = {
  colour: [
    { task: 'colour', colour: 'blue', shape: 'square' },
    { task: 'colour', colour: 'orange', shape: 'circle' },
  ],
  shape: [
    { task: 'shape', colour: 'orange', shape: 'circle' },
    { task: 'shape', colour: 'blue', shape: 'square' },
  ],
  mixed: [
    { task: 'colour', colour: 'blue', shape: 'square' },
    { task: 'shape', colour: 'blue', shape: 'square' },
    { task: 'shape', colour: 'orange', shape: 'circle' },
    { task: 'colour', colour: 'orange', shape: 'circle' },
  ],
};

const CAP_FILL = 0x2a3058;
const CAP_PRESSED = 0x56b4e9;

/**
 * Switch: a sign (cue) says which rule applies, colour or shape; then a figure (target) appears under it and is
 * sorted left or right by that rule. Single-rule blocks first, then a block where the rule changes unpredictably.
 * The left/right mapping of both rules stays on screen at the bottom corners; colour is never the only cue.
 */
export default class SwitchScene extends TrialScene<SwitchTrial> {
  private cue!: Phaser.GameObjects.Graphics;
  private target!: Phaser.GameObjects.Graphics;
  private verdict!: Phaser.GameObjects.Graphics;
  private panels!: Record<Side, Panel>;

  private phase: Phase = 'idle';
  /** What is on screen, so a resize redraws it at the new size. */
  private shown: { task: Task | null; figure: { colour: Colour; shape: Shape } | null; verdict: boolean | null } = {
    task: null,
    figure: null,
    verdict: null,
  };

  /** Layout unit: 1 on a 360-px phone, growing with the stage but not without bound. */
  private get u(): number {
    return Phaser.Math.Clamp(Math.min(this.w, this.h) / 360, 0.8, 1.6);
  }

  private get radius(): number {
    return Phaser.Math.Clamp(Math.min(this.w * 0.16, this.h * 0.11), 28, 90);
  }

  /** Which rules the block uses: its mapping rows are shown, the others hidden. */
  private get rules(): Set<Task> {
    return new Set(this.blockSpec.trials.map((t) => t.task));
  }

  /** The game's station of the journey (games/kit/theme.ts). */
  protected override skin = asSkin(skin);

  protected build(): void {
    this.ui.divider.setFillStyle(PALETTE.muted, 0.3).setVisible(true);
    this.cue = this.add.graphics().setVisible(false);
    this.target = this.add.graphics().setVisible(false);
    this.verdict = this.add.graphics().setVisible(false);
    this.panels = { left: this.panel('←'), right: this.panel('→') };
  }

  protected layout(): void {
    const u = this.u;
    const rows = this.rules.size;
    const capY = this.h - (31 + rows * 36 + 14) * u;
    for (const side of ['left', 'right'] as const) {
      const p = this.panels[side];
      p.root.setPosition(side === 'left' ? this.w * 0.25 : this.w * 0.75, capY);
      p.cap.setSize(60 * u, 46 * u).setOrigin(0.5);
      p.arrow.setFontSize(Math.round(30 * u));
      this.drawChips(p.chips, side, u);
    }
    this.ui.divider.setPosition(this.w / 2, (this.h * 0.3 + this.h) / 2).setSize(2, this.h * 0.7);
    this.cue.setPosition(this.w / 2, this.h * 0.17);
    this.target.setPosition(this.w / 2, this.h * 0.42);
    this.verdict.setPosition(this.w / 2, this.h * 0.42);
    this.pointsText?.setPosition(this.w - 16, 12).setFontSize(Math.round(22 * u));
    this.redraw();
  }

  protected playDemo(): void {
    const steps = DEMOS[this.blockSpec.demo] ?? DEMOS['mixed'] ?? [];
    this.pointsText?.setVisible(false);
    if (this.run.reducedMotion) {
      // One still frame that shows the whole rule: sign, figure, the side it goes to, right.
      const step = steps[0];
      if (!step) return;
      this.showCue(step.task);
      this.showFigure(step.colour, step.shape);
      this.press(answerFor(step.task, step.colour, step.shape), false);
      return;
    }
    let i = 0;
    const cycle = () => {
      const step = steps[i++ % steps.length];
      if (!step) return;
      this.clearTrial();
      this.after(500, () => {
        this.showCue(step.task);
        this.after(800, () => {
          this.showFigure(step.colour, step.shape);
          this.after(700, () => {
            this.press(answerFor(step.task, step.colour, step.shape), true);
            this.after(450, () => {
              this.target.setVisible(false);
              this.showVerdict(true);
              this.after(900, cycle);
            });
          });
        });
      });
    };
    cycle();
  }

  protected startBlock(): void {
    this.points = 0;
    this.updatePoints();
    this.runBlock(LEAD_IN_MS);
  }

  protected beginTrial(spec: SwitchTrial): void {
    this.clearTrial();
    this.phase = 'iti';
    this.trialTimer(ITI_MS, () => this.startCue(spec));
  }

  protected override endBlock(): void {
    this.clearTrial();
    this.phase = 'idle';
    super.endBlock();
  }

  private startCue(spec: SwitchTrial): void {
    if (this.phase !== 'iti') return;
    this.startTrial();
    this.showCue(spec.task);
    this.phase = 'cue';
    this.markDrawn(this.trialIndex, 'cue');
    this.trialTimer(spec.ctiMs, () => this.present(spec));
  }

  private present(spec: SwitchTrial): void {
    if (this.phase !== 'cue') return;
    this.showFigure(spec.colour, spec.shape);
    this.phase = 'target';
    this.showTarget(undefined, spec.windowMs, () => this.finish('timeout', false));
  }

  protected onInput(input: CapturedInput): void {
    if (this.phase !== 'cue' && this.phase !== 'target') return;
    const spec = this.spec;
    const value = readResponse(input);
    if (!spec || value === null) return;
    this.answer(input, value);
    this.press(value, false);
    if (this.phase === 'cue') {
      this.finish('premature', false);
      return;
    }
    const correct = value === spec.correct;
    // Points are for the candidate only (never read by the scorer): 10 per right answer, up to 8 more for speed.
    if (correct) this.points += 10 + Phaser.Math.Clamp(Math.round((1400 - (input.t - this.drawnAt)) / 100), 0, 8);
    this.finish('response', correct);
  }

  private finish(reason: TrialEndReason, correct: boolean): void {
    this.phase = 'feedback';
    this.cue.setVisible(false);
    this.target.setVisible(false);
    this.shown.task = null;
    this.shown.figure = null;
    const practice = this.blockSpec.kind === 'practice';
    this.endTrial(reason, practice ? FEEDBACK_MS.practice : FEEDBACK_MS.test);
    this.updatePoints();
    // Practice shows right and wrong; test shows only mistakes, briefly, so the pace stays the same for everyone.
    if (practice || !correct) this.showVerdict(correct);
  }

  private clearTrial(): void {
    this.cue.setVisible(false);
    this.target.setVisible(false);
    this.verdict.setVisible(false);
    this.ui.ripple.setVisible(false);
    this.shown = { task: null, figure: null, verdict: null };
    for (const side of ['left', 'right'] as const) this.panels[side].cap.setFillStyle(CAP_FILL);
  }

  private showCue(task: Task): void {
    this.shown.task = task;
    drawCue(this.cue, task, this.u);
    this.cue.setVisible(true);
  }

  private showFigure(colour: Colour, shape: Shape): void {
    this.shown.figure = { colour, shape };
    drawFigure(this.target, this.radius, colour, shape);
    this.target.setVisible(true);
  }

  private showVerdict(good: boolean): void {
    this.shown.verdict = good;
    drawVerdict(this.verdict, good, this.u);
    this.verdict.setVisible(true);
  }

  /** Lights the key of the side answered (and, in the animated demo, a ripple on it). */
  private press(side: Side, animate: boolean): void {
    const p = this.panels[side];
    p.cap.setFillStyle(CAP_PRESSED);
    if (!animate || this.run.reducedMotion) return;
    pulse(this, this.ui.ripple.setRadius(34 * this.u), p.root.x, p.root.y, 0.6, 1.4, 450);
  }

  private redraw(): void {
    const { task, figure, verdict } = this.shown;
    if (task) drawCue(this.cue, task, this.u);
    if (figure) drawFigure(this.target, this.radius, figure.colour, figure.shape);
    if (verdict !== null) drawVerdict(this.verdict, verdict, this.u);
  }

  protected override updatePoints(): void {
    super.updatePoints();
    this.pointsText?.setVisible(true);
  }

  private panel(glyph: string): Panel {
    const cap = this.add.rectangle(0, 0, 60, 46, CAP_FILL).setStrokeStyle(2, PALETTE.muted);
    const arrow = this.add.text(0, 0, glyph, { fontFamily: 'system-ui, sans-serif', fontSize: '30px', color: '#f4f4f8' }).setOrigin(0.5);
    const chips = this.add.graphics();
    return { root: this.add.container(0, 0, [cap, arrow, chips]), cap, arrow, chips };
  }

  /** Under each key, what goes to that side: the colour swatch and/or the outline shape of the block's rules. */
  private drawChips(g: Phaser.GameObjects.Graphics, side: Side, u: number): void {
    g.clear();
    const rules = this.rules;
    let y = 23 * u + 8 * u + 18 * u;
    const colour = (Object.keys(COLOUR_SIDE) as Colour[]).find((c) => COLOUR_SIDE[c] === side) ?? 'blue';
    const shape = (Object.keys(SHAPE_SIDE) as Shape[]).find((s) => SHAPE_SIDE[s] === side) ?? 'circle';
    if (rules.has('colour')) {
      drawSwatch(g, 0, y, 24 * u, colour);
      y += 36 * u;
    }
    if (rules.has('shape')) {
      drawOutline(g, 0, y, 28 * u, shape);
    }
  }
}
