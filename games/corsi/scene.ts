import type Phaser from 'phaser';
import type { CapturedInput } from '../../src/runtime/game-contract.ts';
import { asSkin } from '../kit/theme.ts';
import { PALETTE, TrialScene } from '../kit/trial-scene.ts';

import { BLOCK_COUNT, boardGeometry, moveFocus, START_BLOCK, type BoardGeometry } from './board.ts';
import { TIMING, type CorsiTrial, type Direction } from './design.ts';
import { keyAction, tappedBlock } from './responses.ts';
import { expectedTaps, judgeSequence, outcomesFromRecords, stopRuleMet } from './rules.ts';
import skin from './skin.json' with { type: 'json' };

type Phase = 'idle' | 'present' | 'respond' | 'feedback';
type BlockLook = 'rest' | 'lit' | 'tapped';

/** The demo's sequence: three blocks far apart, so the path is easy to follow. */
const DEMO_SEQUENCE = [5, 1, 7];
const TAP_FLASH_MS = 200;
const SLOT_SPACING = 28;
/** Points per correct sequence, per block in it. Shown to the candidate only; never read by the scorer. */
const POINTS_PER_BLOCK = 10;

/**
 * Corsi block-tapping. A trial: the board rests (TIMING.preMs), the sequence lights block by block ('item-k' onsets),
 * then a row of empty answer slots appears ('target': the candidate may tap; RT of the first tap runs from here).
 * Each tap on a block (mouse, touch, or arrow keys + Enter/Space) is one response whose value is the block index.
 * The trial ends after as many taps as blocks lit, or after TIMING.idleTimeoutMs without a tap. Test blocks run
 * their pre-generated sequences in index order and end by the stop rule (rules.ts); the stop-rule state is rebuilt
 * from run.priorTrials, so a resumed block continues exactly.
 *
 * Colour is never the only cue: a lit block turns from dark blue to bright yellow (a large luminance step), grows
 * and gets a thick white outline; a tapped block flashes light blue with an outline; feedback is a tick or a cross.
 */
export default class CorsiScene extends TrialScene<CorsiTrial> {
  private geometry!: BoardGeometry;
  private blocks: Phaser.GameObjects.Rectangle[] = [];
  private looks: BlockLook[] = [];
  private slots: Phaser.GameObjects.Arc[] = [];
  private badges: Phaser.GameObjects.Container[] = [];
  private focusRing!: Phaser.GameObjects.Rectangle;
  private directionIcon!: Phaser.GameObjects.Graphics;
  private path!: Phaser.GameObjects.Graphics;
  private hand!: Phaser.GameObjects.Arc;

  private phase: Phase = 'idle';
  private taps: number[] = [];
  private slotCount = 0;
  private focus = START_BLOCK;
  private keyboardUsed = false;
  private staticDemo = false;
  private outcomes = new Map<number, boolean>();
  private idleTimer: Phaser.Time.TimerEvent | undefined;

  /** The game's station of the journey (games/kit/theme.ts). */
  protected override skin = asSkin(skin);

  protected build(): void {
    // The scene instance is reused when the runtime restarts it: start from a clean slate.
    this.staticDemo = false;
    this.path = this.add.graphics();
    this.blocks = Array.from({ length: BLOCK_COUNT }, () => this.add.rectangle(0, 0, 10, 10, PALETTE.blue));
    this.looks = this.blocks.map(() => 'rest');
    this.blocks.forEach((_, i) => this.setLook(i, 'rest'));
    this.focusRing = this.add.rectangle(0, 0, 10, 10).setStrokeStyle(4, PALETTE.orange).setFillStyle(0, 0).setVisible(false);
    this.slots = Array.from({ length: BLOCK_COUNT }, () =>
      this.add.circle(0, 0, 8).setStrokeStyle(2, PALETTE.muted).setFillStyle(PALETTE.foreground, 0).setVisible(false),
    );
    this.badges = Array.from({ length: DEMO_SEQUENCE.length }, () => {
      const disc = this.add.circle(0, 0, 14, PALETTE.background).setStrokeStyle(2, PALETTE.foreground);
      const digit = this.add.text(0, 0, '', { fontFamily: 'system-ui, sans-serif', fontSize: '18px', color: '#f4f4f8' }).setOrigin(0.5);
      return this.add.container(0, 0, [disc, digit]).setVisible(false);
    });
    this.directionIcon = this.add.graphics();
    this.hand = this.add.circle(0, 0, 12, PALETTE.foreground).setStrokeStyle(3, PALETTE.background).setVisible(false);
    this.pointsText?.setVisible(false);
  }

  protected layout(): void {
    const g = (this.geometry = boardGeometry(this.w, this.h));
    this.blocks.forEach((r, i) => {
      const c = g.centres[i];
      if (c)
        r.setPosition(c.x, c.y)
          .setSize(g.block, g.block)
          .setRounded(g.block * 0.14);
    });
    this.focusRing.setSize(g.block + 16, g.block + 16).setRounded(g.block * 0.2);
    this.placeFocusRing();
    this.placeSlots();
    this.hand.setRadius(Math.max(10, g.block * 0.2));
    this.placeVerdict();
    this.directionIcon.setPosition(36, 26);
    if (this.staticDemo) this.drawStaticDemo();
  }

  protected playDemo(): void {
    this.phase = 'idle';
    const direction: Direction = this.blockSpec.demo === 'backward' ? 'backward' : 'forward';
    this.drawDirection(direction);
    const answer = direction === 'forward' ? [...DEMO_SEQUENCE] : [...DEMO_SEQUENCE].reverse();
    if (this.run.reducedMotion) {
      // One still frame with the whole rule: the lit blocks, the order to tap them in, the answer slots filled.
      this.staticDemo = true;
      this.drawStaticDemo();
      return;
    }
    const step = TIMING.itemOnMs + TIMING.itemGapMs;
    const cycle = () => {
      this.blocks.forEach((_, i) => this.setLook(i, 'rest'));
      this.showSlots(0);
      this.ui.good.setVisible(false);
      this.hand.setVisible(false);
      DEMO_SEQUENCE.forEach((b, k) => {
        this.after(600 + k * step, () => this.setLook(b, 'lit'));
        this.after(600 + k * step + TIMING.itemOnMs, () => this.setLook(b, 'rest'));
      });
      this.after(600 + DEMO_SEQUENCE.length * step, () => {
        this.showSlots(DEMO_SEQUENCE.length);
        this.hand.setPosition(this.w / 2, this.geometry.slotsY + 20).setVisible(true);
        tapNext(0);
      });
    };
    const tapNext = (k: number) => {
      const b = answer[k];
      const c = b === undefined ? undefined : this.geometry.centres[b];
      if (b === undefined || !c) {
        this.hand.setVisible(false);
        this.showVerdict(true);
        this.after(1400, cycle);
        return;
      }
      this.tweens.add({
        targets: this.hand,
        x: c.x + this.geometry.block * 0.15,
        y: c.y + this.geometry.block * 0.2,
        duration: 450,
        ease: 'Sine.easeInOut',
        onComplete: () => {
          this.flashTap(b);
          this.fillSlot(k);
          this.after(300, () => tapNext(k + 1));
        },
      });
    };
    cycle();
  }

  protected startBlock(): void {
    this.phase = 'idle';
    this.staticDemo = false;
    this.idleTimer = undefined;
    this.keyboardUsed = false;
    this.focus = START_BLOCK;
    const spec = this.blockSpec;
    this.drawDirection(spec.trials[0]?.direction ?? 'forward');
    // Resume: outcomes (and the points they earned) of this block's trials completed before the interruption.
    this.outcomes = spec.kind === 'test' ? outcomesFromRecords(spec.trials, this.run.priorTrials, this.run.block) : new Map();
    this.points = 0;
    for (const [i, correct] of this.outcomes) if (correct) this.points += POINTS_PER_BLOCK * (spec.trials[i]?.sequence.length ?? 0);
    this.updatePoints();
    this.pointsText?.setVisible(true);
    this.runBlock(600);
  }

  private get isTest(): boolean {
    return this.blockSpec.kind === 'test';
  }

  protected override blockOver(): boolean {
    return this.isTest && stopRuleMet(this.outcomes);
  }

  protected override endBlock(): void {
    this.phase = 'idle';
    super.endBlock();
  }

  protected beginTrial(spec: CorsiTrial): void {
    this.phase = 'present';
    this.taps = [];
    this.blocks.forEach((_, i) => this.setLook(i, 'rest'));
    this.showSlots(0);
    this.focusRing.setVisible(false);
    this.ui.good.setVisible(false);
    this.ui.bad.setVisible(false);
    this.startTrial();
    this.trialTimer(TIMING.preMs, () => this.lightItem(spec, 0));
  }

  private lightItem(spec: CorsiTrial, k: number): void {
    const b = spec.sequence[k];
    if (this.phase !== 'present' || b === undefined) return;
    this.setLook(b, 'lit');
    this.markDrawn(this.trialIndex, `item-${k}`);
    this.after(TIMING.itemOnMs, () => {
      this.setLook(b, 'rest');
      this.after(TIMING.itemGapMs, () => (k + 1 < spec.sequence.length ? this.lightItem(spec, k + 1) : this.openResponse(spec)));
    });
  }

  private openResponse(spec: CorsiTrial): void {
    if (this.phase !== 'present') return;
    this.showSlots(spec.sequence.length);
    this.phase = 'respond';
    this.markDrawn(this.trialIndex, 'target');
    if (this.keyboardUsed) this.placeFocusRing(true);
    this.armIdleTimeout();
  }

  protected onInput(input: CapturedInput): void {
    if (this.phase !== 'respond') return;
    if (input.device === 'keyboard') {
      const action = keyAction(input.key);
      if (!action) return;
      if (!this.keyboardUsed) {
        // The first key only shows where the focus is, so no block is ever tapped blind.
        this.keyboardUsed = true;
        this.placeFocusRing(true);
        return;
      }
      if (action.kind === 'move') {
        this.focus = moveFocus(this.focus, action.heading);
        this.placeFocusRing(true);
        return;
      }
      this.tap(this.focus, input);
      return;
    }
    const block = tappedBlock(input, this.w, this.h);
    if (block !== null) this.tap(block, input);
  }

  private tap(block: number, input: CapturedInput): void {
    const spec = this.spec;
    if (!spec) return;
    this.answer(input, String(block));
    this.taps.push(block);
    this.flashTap(block);
    this.fillSlot(this.taps.length - 1);
    if (this.taps.length >= spec.sequence.length) this.finish(spec, 'response');
    else this.armIdleTimeout();
  }

  private armIdleTimeout(): void {
    this.idleTimer?.remove();
    const spec = this.spec;
    if (spec) this.idleTimer = this.trialTimer(TIMING.idleTimeoutMs, () => this.finish(spec, 'timeout'));
  }

  private finish(spec: CorsiTrial, reason: 'response' | 'timeout'): void {
    if (this.phase !== 'respond') return;
    this.idleTimer = undefined;
    this.phase = 'feedback';
    const { correct } = judgeSequence(spec, this.taps);
    if (this.isTest) this.outcomes.set(this.trialIndex, correct);
    if (correct) this.points += POINTS_PER_BLOCK * spec.sequence.length;
    let wait: number = TIMING.testPauseMs;
    if (!this.isTest) {
      this.showSlots(0);
      this.showVerdict(correct);
      wait = TIMING.practiceFeedbackMs;
      if (!correct) {
        this.after(TIMING.practiceFeedbackMs, () => this.replay(expectedTaps(spec)));
        wait += spec.sequence.length * TIMING.replayStepMs;
      }
    }
    this.endTrial(reason, wait);
    this.updatePoints();
  }

  /** Practice feedback after a wrong answer: the right taps, one by one, filling the answer slots. */
  private replay(answer: number[]): void {
    this.ui.bad.setVisible(false);
    this.showSlots(answer.length);
    answer.forEach((b, k) => {
      this.after(k * TIMING.replayStepMs, () => {
        this.flashTap(b, TIMING.replayStepMs * 0.7);
        this.fillSlot(k);
      });
    });
  }

  private setLook(block: number, look: BlockLook): void {
    const r = this.blocks[block];
    if (!r) return;
    this.looks[block] = look;
    if (look === 'lit') r.setFillStyle(PALETTE.yellow).setStrokeStyle(6, PALETTE.foreground).setScale(1.08);
    else if (look === 'tapped') r.setFillStyle(PALETTE.skyBlue).setStrokeStyle(4, PALETTE.foreground).setScale(0.94);
    else r.setFillStyle(PALETTE.blue).setStrokeStyle(2, PALETTE.skyBlue, 0.5).setScale(1);
  }

  private flashTap(block: number, ms = TAP_FLASH_MS): void {
    this.setLook(block, 'tapped');
    this.after(ms, () => {
      if (this.looks[block] === 'tapped') this.setLook(block, 'rest');
    });
  }

  private showSlots(count: number): void {
    this.slotCount = count;
    this.slots.forEach((s, i) => s.setFillStyle(PALETTE.foreground, 0).setVisible(i < count));
    this.placeSlots();
  }

  private fillSlot(k: number): void {
    this.slots[k]?.setFillStyle(PALETTE.foreground, 1);
  }

  private placeSlots(): void {
    const y = this.geometry.slotsY;
    this.slots.forEach((s, i) => s.setPosition(this.w / 2 + (i - (this.slotCount - 1) / 2) * SLOT_SPACING, y));
    this.placeVerdict();
  }

  private placeFocusRing(show?: boolean): void {
    const c = this.geometry?.centres[this.focus];
    if (c) this.focusRing.setPosition(c.x, c.y);
    if (show !== undefined) this.focusRing.setVisible(show);
  }

  /** Reduced-motion demo: demo blocks lit, a thin path in the order they lit, badges with the order to tap them. */
  private drawStaticDemo(): void {
    const backward = this.blockSpec.demo === 'backward';
    const n = DEMO_SEQUENCE.length;
    DEMO_SEQUENCE.forEach((b) => this.setLook(b, 'lit'));
    const points = DEMO_SEQUENCE.map((b) => this.geometry.centres[b]).filter((c) => c !== undefined);
    this.path.clear().lineStyle(3, PALETTE.muted, 0.9);
    for (let k = 0; k + 1 < points.length; k++) {
      const a = points[k];
      const z = points[k + 1];
      if (!a || !z) continue;
      this.path.lineBetween(a.x, a.y, z.x, z.y);
      // Arrowhead two thirds of the way, pointing along the lit order.
      const angle = Math.atan2(z.y - a.y, z.x - a.x);
      const mx = a.x + (z.x - a.x) * 0.6;
      const my = a.y + (z.y - a.y) * 0.6;
      const s = 10;
      this.path
        .fillStyle(PALETTE.muted, 0.9)
        .fillTriangle(
          mx + s * Math.cos(angle),
          my + s * Math.sin(angle),
          mx + s * Math.cos(angle + 2.5),
          my + s * Math.sin(angle + 2.5),
          mx + s * Math.cos(angle - 2.5),
          my + s * Math.sin(angle - 2.5),
        );
    }
    this.badges.forEach((badge, k) => {
      const c = points[k];
      if (!c) return;
      badge.setPosition(c.x + this.geometry.block / 2, c.y - this.geometry.block / 2).setVisible(true);
      const digit = badge.getAt(1) as Phaser.GameObjects.Text;
      digit.setText(String(backward ? n - k : k + 1));
    });
    this.showSlots(n);
    for (let k = 0; k < n; k++) this.fillSlot(k);
    this.showVerdict(true);
  }

  /** Tick or cross: beside the answer slots while they show (demo), in their place otherwise (practice). */
  private showVerdict(correct: boolean): void {
    this.ui.good.setVisible(correct);
    this.ui.bad.setVisible(!correct);
    this.placeVerdict();
  }

  private placeVerdict(): void {
    const x = this.slotCount > 0 ? this.w / 2 + ((this.slotCount - 1) / 2) * SLOT_SPACING + 48 : this.w / 2;
    this.ui.good.setPosition(x, this.geometry.slotsY);
    this.ui.bad.setPosition(x, this.geometry.slotsY);
  }

  /** Forward: a straight arrow. Backward: a U-turn arrow. Shapes, not words. */
  private drawDirection(direction: Direction): void {
    const g = this.directionIcon.clear().lineStyle(4, PALETTE.foreground, 1).fillStyle(PALETTE.foreground, 1);
    if (direction === 'forward') {
      g.lineBetween(-18, 0, 10, 0);
      g.fillTriangle(20, 0, 8, -8, 8, 8);
      return;
    }
    g.beginPath();
    g.moveTo(-18, -9);
    g.lineTo(4, -9);
    g.arc(4, 0, 9, -Math.PI / 2, Math.PI / 2, false);
    g.lineTo(-8, 9);
    g.strokePath();
    g.fillTriangle(-20, 9, -8, 1, -8, 17);
  }
}
