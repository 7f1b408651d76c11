import type Phaser from 'phaser';
import type { CapturedInput } from '../../src/runtime/game-contract.ts';
import { asSkin } from '../kit/theme.ts';
import { PALETTE, TrialScene, type TrialEndReason } from '../kit/trial-scene.ts';
import { lightKey, pulse } from '../kit/widgets.ts';
import { PACING_MS, type ReactionTrial, type Side } from './design.ts';
import { readResponse } from './responses.ts';
import { expectedResponse } from './score.ts';
import skin from './skin.json' with { type: 'json' };

type Phase = 'idle' | 'fixation' | 'target' | 'feedback';

/** Reaction: a yellow disc appears after a random wait; tap or press as fast as possible (simple), or on its side (choice). */
export default class ReactionScene extends TrialScene<ReactionTrial> {
  private target!: Phaser.GameObjects.Arc;

  private phase: Phase = 'idle';

  /** The game's station of the journey (games/kit/theme.ts). */
  protected override skin = asSkin(skin);

  protected build(): void {
    this.target = this.add.circle(0, 0, 10, PALETTE.yellow).setVisible(false);
  }

  protected layout(): void {
    const r = Math.max(22, Math.min(this.w, this.h) * 0.09);
    this.target.setRadius(r);
    this.ui.ripple.setRadius(r * 1.25);
    this.ui.fixation.setPosition(this.w / 2, this.h * 0.45);
    this.ui.keys.setPosition(this.w / 2, this.h * 0.82);
    this.ui.divider.setPosition(this.w / 2, this.h * 0.45).setSize(2, this.h * 0.6);
    this.placeTarget(this.currentSide());
  }

  protected playDemo(): void {
    const choice = this.blockSpec.demo === 'choice';
    this.ui.keys.setVisible(choice);
    this.ui.divider.setVisible(choice);
    const sides: Side[] = choice ? ['left', 'right'] : ['center'];
    if (this.run.reducedMotion) {
      // One still frame that shows the whole rule: target, where to tap, the keys.
      this.placeTarget(sides[0] ?? 'center');
      this.target.setVisible(true);
      this.ui.ripple.setPosition(this.target.x, this.target.y).setVisible(true);
      return;
    }
    let i = 0;
    const cycle = () => {
      const side = sides[i++ % sides.length] ?? 'center';
      this.target.setVisible(false);
      this.ui.good.setVisible(false);
      this.ui.fixation.setVisible(true);
      this.after(700, () => {
        this.ui.fixation.setVisible(false);
        this.placeTarget(side);
        this.target.setVisible(true);
        this.after(450, () => {
          pulse(this, this.ui.ripple, this.target.x, this.target.y, 0.6, 1.3, 450);
          this.highlightKey(side);
          this.after(350, () => {
            this.target.setVisible(false);
            this.ui.good.setPosition(this.w / 2, this.h * 0.45).setVisible(true);
            this.after(800, cycle);
          });
        });
      });
    };
    cycle();
  }

  protected startBlock(): void {
    const choice = this.blockSpec.trials[0]?.condition === 'choice';
    this.ui.keys.setVisible(choice);
    this.ui.divider.setVisible(choice);
    this.points = 0;
    this.updatePoints();
    this.runBlock(PACING_MS.blockLeadIn);
  }

  protected beginTrial(spec: ReactionTrial): void {
    this.ui.good.setVisible(false);
    this.ui.bad.setVisible(false);
    this.target.setVisible(false);
    this.phase = 'fixation';
    this.fixationThen(spec.foreperiodMs, () => this.present(spec));
  }

  private present(spec: ReactionTrial): void {
    this.placeTarget(spec.side);
    this.target.setVisible(true);
    this.phase = 'target';
    this.showTarget(undefined, spec.windowMs, () => this.finish('timeout', false));
  }

  protected onInput(input: CapturedInput): void {
    if (this.phase !== 'fixation' && this.phase !== 'target') return;
    const spec = this.spec;
    if (!spec) return;
    const value = readResponse(spec.condition, input);
    if (value === null) return;
    // Stamped after the window closed but delivered before the timeout ran (a busy main thread): the timeout decides.
    if (this.phase === 'target' && input.t > this.drawnAt + spec.windowMs) return;
    this.answer(input, value);
    if (this.phase === 'fixation') {
      this.finish('premature', false);
      return;
    }
    const correct = value === expectedResponse(spec.condition, spec.side);
    if (correct) this.points += 10 + Math.max(0, Math.min(8, Math.round((700 - (input.t - this.drawnAt)) / 50)));
    this.ui.ripple.setPosition(this.target.x, this.target.y).setScale(0.8).setAlpha(1).setVisible(!this.run.reducedMotion);
    if (!this.run.reducedMotion) this.tweens.add({ targets: this.ui.ripple, scale: 1.3, alpha: 0, duration: 300 });
    this.finish('response', correct);
  }

  private finish(reason: TrialEndReason, correct: boolean): void {
    this.phase = 'feedback';
    this.ui.fixation.setVisible(false);
    this.target.setVisible(false);
    const practice = this.blockSpec.kind === 'practice';
    this.endTrial(reason, (practice ? PACING_MS.feedbackPractice : PACING_MS.feedbackTest) + PACING_MS.iti);
    this.updatePoints();
    if (practice || reason !== 'response') {
      (correct ? this.ui.good : this.ui.bad).setPosition(this.w / 2, this.h * 0.45).setVisible(true);
    }
  }

  private currentSide(): Side {
    return this.blockSpec.trials[this.trialIndex]?.side ?? 'center';
  }

  private placeTarget(side: Side): void {
    const x = side === 'left' ? this.w * 0.25 : side === 'right' ? this.w * 0.75 : this.w / 2;
    this.target.setPosition(x, this.h * 0.45);
  }

  private highlightKey(side: Side): void {
    // Centre (simple RT) lights no key: both dim.
    lightKey(this.ui.keys, side === 'left' ? 0 : side === 'right' ? 1 : -2, 0.45);
  }
}
