import Phaser from 'phaser';
import type { CapturedInput, SceneRun } from '../../src/runtime/game-contract.ts';
import { Cheer } from './cheer.ts';
import { drawGround, drawSky, sceneryBands } from './scenery.ts';
import { DEFAULT_SKIN, type GameSkin, PALETTE } from './theme.ts';
import { pointsLabel, type StageWidgets, stageWidgets } from './widgets.ts';

export { PALETTE } from './theme.ts';

export type TrialEndReason = 'response' | 'timeout' | 'premature';

/**
 * Base of every trial-running scene. It owns the run context, subscriptions, layout refresh and the run-a-block
 * loop, so a game scene only draws and decides:
 *
 *   runBlock(leadIn) → nextTrial → [game] beginTrial(spec): bus.trialStart, trialTimer(…) → [game] show the stimulus,
 *   showTarget(…): onset via the bus, answer window → [game] onInput: bus.response → endTrial(reason, pause):
 *   bus.trialEnd, every timer of the trial cancelled → next trial … → endBlock: bus.blockDone(points).
 *
 * Everything a scene registers is released when the runtime stops it, and every timer of a trial when the trial
 * ends (jsPsych's lesson: timers and listeners go through one API so ending a trial cleans up everything).
 */
export abstract class TrialScene<T> extends Phaser.Scene {
  protected run!: SceneRun<T>;
  private releases: (() => void)[] = [];
  /** Index of the running trial in the block. */
  protected trialIndex = 0;
  /** The candidate's points in this block (shown, logged with blockDone, never scored). */
  protected points = 0;
  /** `game.loop.now` of the step that drew the running trial's target: an estimate for points and feedback only. */
  protected drawnAt = 0;
  private trialTimers: Phaser.Time.TimerEvent[] = [];
  /** Where the points show (made by the kit, top right; games/kit/widgets.ts pointsLabel), and the glyph before them. */
  protected pointsText?: Phaser.GameObjects.Text;
  protected pointsGlyph = '★';
  /** The kit's widgets (fixation, ripple, feedback marks, key caps, tap divide), hidden until the game shows them. */
  protected ui!: StageWidgets;
  /** The look of the game's station of the journey (games/kit/theme.ts); a game sets its own from its skin.ts. */
  protected skin: GameSkin = DEFAULT_SKIN;
  private scenery!: { sky: Phaser.GameObjects.Graphics; ground: Phaser.GameObjects.Graphics };
  private cheer!: Cheer;
  /** Points as last shown, the points when the running trial started, and whether a trial is running. */
  private shownPoints = 0;
  private pointsAtTrialStart = 0;
  private trialOpen = false;
  /** Feedback plays only once the block runs (not for the points a resumed block starts with). */
  private cheering = false;
  /** The timer that starts the next trial (lead-in or the pause after a trial), while it waits: a sound ends before it. */
  private nextTrialTimer: Phaser.Time.TimerEvent | null = null;

  init(data: SceneRun<T>): void {
    this.run = data;
    this.releases = [];
    this.trialTimers = [];
    this.trialOpen = false;
    this.cheering = false;
    this.nextTrialTimer = null;
    // Every delay and tween of a game runs on the scene clock, so one switch speeds up a test play (never a real one).
    this.time.timeScale = data.timeScale;
    this.tweens.timeScale = data.timeScale;
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.releaseAll());
    this.events.once(Phaser.Scenes.Events.DESTROY, () => this.releaseAll());
    const onResize = () => this.layoutAll();
    this.scale.on(Phaser.Scale.Events.RESIZE, onResize);
    this.releases.push(() => this.scale.off(Phaser.Scale.Events.RESIZE, onResize));
  }

  create(): void {
    this.cameras.main.setBackgroundColor(PALETTE.background);
    this.scenery = { sky: this.add.graphics().setDepth(-2), ground: this.add.graphics().setDepth(-2) };
    this.ui = stageWidgets(this);
    this.pointsText = pointsLabel(this);
    this.build();
    this.cheer = new Cheer(this, this.skin, this.run.reducedMotion, (cue) => this.run.bus.feedback(cue, this.quietMs()));
    this.layoutAll();
    if (this.run.mode === 'demo') this.playDemo();
    else this.startBlock();
  }

  /** The kit's parts first (the points top right), so that the game's layout may place them otherwise. */
  private layoutAll(): void {
    const { sky, ground } = sceneryBands(this.h);
    drawSky(this.scenery.sky.clear(), this.w, sky);
    drawGround(this.scenery.ground.clear(), this.skin, this.w, ground);
    this.scenery.ground.setPosition(0, this.h - ground);
    this.pointsText?.setPosition(this.w - 16, 12);
    this.layout();
    if (this.pointsText) this.cheer.layout(this.pointsText);
  }

  /** Create the game objects (hidden where they should not show yet). */
  protected abstract build(): void;
  /** Position everything for the current stage size; called on create and on every resize. */
  protected abstract layout(): void;
  /** Loop the language-free demo of the current block (static when reduced motion is asked for). */
  protected abstract playDemo(): void;
  /** Run trials from `run.startTrial` to the end of the block, then call `bus.blockDone`. */
  protected abstract startBlock(): void;

  protected get blockSpec() {
    const spec = this.run.design.blocks[this.run.block];
    if (!spec) throw new Error(`${this.scene.key}: no block ${this.run.block} in the design`);
    return spec;
  }

  protected get w(): number {
    return this.scale.width;
  }

  protected get h(): number {
    return this.scale.height;
  }

  /** Subscribe to inputs for as long as the scene runs. */
  protected listen(listener: (input: CapturedInput) => void): void {
    this.releases.push(this.run.bus.onInput(listener));
  }

  /** Call in the same Phaser step that made the stimulus visible: onset is stamped at the next frame. */
  protected markDrawn(trial: number, name: string, params?: Record<string, number | string>): void {
    // Never an animation of the theme while a stimulus shows (nextTrial already stopped it; this keeps it so).
    this.cheer.stop(this.pointsText);
    this.run.bus.stimulusDrawn(trial, name, this.game.loop.now, params);
  }

  protected after(ms: number, fn: () => void): Phaser.Time.TimerEvent {
    return this.time.delayedCall(ms, fn);
  }

  // ---- The run-a-block loop ----------------------------------------------------------------------------------------

  /** Starts the block: inputs go to onInput, trials run from `run.startTrial` after `leadInMs`. */
  protected runBlock(leadInMs: number): void {
    this.listen((input) => this.onInput(input));
    this.trialIndex = this.run.startTrial;
    this.cheer.reset();
    this.shownPoints = this.points;
    this.pointsAtTrialStart = this.points;
    this.cheering = true;
    this.beforeNextTrial(leadInMs);
  }

  /** Runs the next trial after `ms` (`first` just before it), keeping the timer so a feedback sound knows its room. */
  private beforeNextTrial(ms: number, first?: () => void): void {
    const timer = this.after(ms, () => {
      if (this.nextTrialTimer === timer) this.nextTrialTimer = null;
      first?.();
      this.nextTrial();
    });
    this.nextTrialTimer = timer;
  }

  /**
   * Real ms until the next trial may start (the scene clock may run faster in a test play); Infinity when none waits.
   * Counted short, because the timer runs early in real time: it is credited with the whole frame in which it was made
   * (from that frame's time, not from now), and with Phaser's smoothed frame time, which may run ahead of the real
   * one by about a frame.
   */
  private quietMs(): number {
    const timer = this.nextTrialTimer;
    if (!timer) return Number.POSITIVE_INFINITY;
    const loop = this.game.loop;
    const sinceFrame = Math.max(0, performance.now() - loop.now);
    return Math.max(0, timer.getRemaining() / (this.time.timeScale || 1) - sinceFrame - loop.delta);
  }

  /** The running trial's design entry (undefined once the block's trials are done). */
  protected get spec(): T | undefined {
    return this.blockSpec.trials[this.trialIndex];
  }

  /** Runs the trial at trialIndex, or ends the block when there is none (or blockOver says so). */
  protected nextTrial(): void {
    this.cheer.stop(this.pointsText);
    if (this.points === this.pointsAtTrialStart) this.cheer.miss();
    this.pointsAtTrialStart = this.points;
    const spec = this.spec;
    if (spec === undefined || this.blockOver()) {
      this.endBlock();
      return;
    }
    this.trialOpen = true;
    this.beginTrial(spec);
  }

  /** Whether the block ends before its last trial (a stop rule). */
  protected blockOver(): boolean {
    return false;
  }

  /** Present the trial: call bus.trialStart (through startTrial) and schedule its stimuli with trialTimer. */
  protected abstract beginTrial(spec: T): void;

  /** An input from capture (already logged); read it as an answer or ignore it. */
  protected abstract onInput(input: CapturedInput): void;

  /** The block's trials are done: report its points. Games with an outro override this. */
  protected endBlock(): void {
    this.run.bus.blockDone(this.points);
  }

  protected startTrial(): void {
    this.run.bus.trialStart(this.trialIndex);
  }

  /**
   * Opens the running trial on a fixation cross (the kit's unless the game draws its own): trialStart now, and after
   * `fixationMs` the cross goes and `present` shows the target in that same step (it calls showTarget). A trial that
   * ended during the fixation (an early press) never presents: its timer is cancelled with the trial.
   */
  protected fixationThen(fixationMs: number, present: () => void, cross: Phaser.GameObjects.Container = this.ui.fixation): void {
    cross.setVisible(true);
    this.startTrial();
    this.trialTimer(fixationMs, () => {
      cross.setVisible(false);
      present();
    });
  }

  /** A delay that belongs to the running trial: cancelled when the trial ends, so no stale step reaches the next one. */
  protected trialTimer(ms: number, fn: () => void): Phaser.Time.TimerEvent {
    const timer = this.after(ms, fn);
    this.trialTimers.push(timer);
    return timer;
  }

  /**
   * The target became visible in this step: its onset is stamped by the runtime at the next frame, and the answer
   * window opens; `onTimeout` runs when it closes unanswered.
   */
  protected showTarget(params: Record<string, number | string> | undefined, windowMs: number, onTimeout: () => void): void {
    this.drawnAt = this.game.loop.now;
    this.markDrawn(this.trialIndex, 'target', params);
    this.trialTimer(windowMs, onTimeout);
  }

  /** Logs the answer `value` to the running trial. */
  protected answer(input: CapturedInput, value: string): void {
    this.run.bus.response(this.trialIndex, input, value);
  }

  /** Ends the running trial: cancels its timers, logs its end, and runs the next trial after `pauseMs` (feedback, gap). */
  protected endTrial(reason: TrialEndReason, pauseMs: number): void {
    this.cancelTrialTimers();
    this.trialOpen = false;
    this.run.bus.trialEnd(this.trialIndex, reason);
    this.beforeNextTrial(pauseMs, () => this.trialIndex++);
  }

  /** Shows the points; a gain between trials plays the theme's feedback (cheer.ts), never during one. */
  protected updatePoints(): void {
    const label = this.pointsText?.setText(`${this.pointsGlyph} ${this.points}`);
    const gained = this.points > this.shownPoints;
    this.shownPoints = this.points;
    if (label?.visible && gained && this.cheering && !this.trialOpen) this.cheer.gain({ x: this.w / 2, y: this.h * 0.42 }, label);
  }

  protected cancelTrialTimers(): void {
    for (const timer of this.trialTimers.splice(0)) timer.remove();
  }

  private releaseAll(): void {
    for (const release of this.releases.splice(0)) release();
  }
}
