import Phaser from 'phaser';
import type { CapturedInput, SceneRun } from '../../src/runtime/game-contract.ts';

/** Colours chosen for contrast on the dark stage and safe for the common colour-vision deficiencies (Okabe–Ito). */
export const PALETTE = {
  background: 0x14182e,
  foreground: 0xf4f4f8,
  muted: 0x8b90b0,
  yellow: 0xf0e442,
  blue: 0x0072b2,
  skyBlue: 0x56b4e9,
  orange: 0xe69f00,
  vermillion: 0xd55e00,
  green: 0x009e73,
  purple: 0xcc79a7,
} as const;

/**
 * Base of every trial-running scene. It owns the run context, subscriptions and layout refresh, so a game scene
 * only draws and decides; everything it registers is released when the runtime stops the scene (jsPsych's lesson:
 * timers and listeners go through one API so ending a trial cleans up everything).
 */
export abstract class TrialScene<T> extends Phaser.Scene {
  protected run!: SceneRun<T>;
  private releases: (() => void)[] = [];

  init(data: SceneRun<T>): void {
    this.run = data;
    this.releases = [];
    // Every delay and tween of a game runs on the scene clock, so one switch speeds up a test play (never a real one).
    this.time.timeScale = data.timeScale;
    this.tweens.timeScale = data.timeScale;
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.releaseAll());
    this.events.once(Phaser.Scenes.Events.DESTROY, () => this.releaseAll());
    const onResize = () => this.layout();
    this.scale.on(Phaser.Scale.Events.RESIZE, onResize);
    this.releases.push(() => this.scale.off(Phaser.Scale.Events.RESIZE, onResize));
  }

  create(): void {
    this.cameras.main.setBackgroundColor(PALETTE.background);
    this.build();
    this.layout();
    if (this.run.mode === 'demo') this.playDemo();
    else this.startBlock();
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
    this.run.bus.stimulusDrawn(trial, name, this.game.loop.now, params);
  }

  protected after(ms: number, fn: () => void): Phaser.Time.TimerEvent {
    return this.time.delayedCall(ms, fn);
  }

  private releaseAll(): void {
    for (const release of this.releases.splice(0)) release();
  }
}
