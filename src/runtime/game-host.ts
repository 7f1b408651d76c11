import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type PhaserNs from 'phaser';
import { loadScene } from '../../games/scenes.ts';
import { automationEnabled } from './automation.ts';
import type { AnyGameManifest, SceneRun } from './game-contract.ts';
import { browserHasFastWebGL, chooseRenderer } from './renderer-choice.ts';

type PhaserModule = typeof PhaserNs;

/**
 * Owns the page's single Phaser.Game (several games leak WebGL and audio contexts): created on first use inside
 * the host's stage element, resized with it, destroyed when the host leaves the DOM. Games are scenes swapped in
 * and out of this one game.
 */
export class GameHostController implements ReactiveController {
  private game: PhaserNs.Game | null = null;
  private booting: Promise<PhaserNs.Game> | null = null;
  private resizeObserver: ResizeObserver | null = null;
  private active: string | null = null;
  /** How the active scene was started: only a demo may be paused by the candidate (setDemoPaused). */
  private activeMode: SceneRun<unknown>['mode'] | null = null;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    host: ReactiveControllerHost,
    private readonly stage: () => HTMLElement | null,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.destroy();
  }

  /** Frees the game (WebGL context, loop) when no more games will be played on this page. */
  destroy(): void {
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    this.game?.destroy(true);
    this.game = null;
    this.booting = null;
    this.active = null;
    this.activeMode = null;
  }

  /** Starts the manifest's scene with `run` (restarting it if it is already running). */
  show<T>(manifest: AnyGameManifest, run: SceneRun<T>): Promise<void> {
    return this.enqueue(async () => {
      const game = await this.ensureGame();
      if (this.active && this.active !== manifest.id) game.scene.stop(this.active);
      if (!game.scene.getScene(manifest.id)) game.scene.add(manifest.id, await loadScene(manifest.id), false);
      this.active = manifest.id;
      this.activeMode = run.mode;
      // A scene paused as a demo is shut down and started afresh (Phaser's start on a paused scene), so a block
      // never inherits the demo's pause.
      game.scene.start(manifest.id, run);
      // For load-time measurement (bench:web) and a browser's own performance panel: when a game's scene is up.
      performance.mark(`talentscan:scene-started:${manifest.id}`);
    });
  }

  /** Stops the running scene; its timers and listeners are released by the scene's shutdown. */
  stop(): Promise<void> {
    return this.enqueue(() => {
      if (this.game && this.active) this.game.scene.stop(this.active);
      this.active = null;
      this.activeMode = null;
    });
  }

  /**
   * Pauses or plays the running demo (WCAG 2.2.2: a looping animation beside content needs a pause). Phaser's scene
   * pause skips the scene's whole step, so its clock (every `after` of the demo's loop), its tweens and any `update`
   * stand still while the last frame stays drawn; a resume continues where they stood (the tween manager's lag guard
   * lets at most ~33 ms slip). A scene started as a block (`run`) is never touched: resolves false then. Queued, so a
   * press before the demo's scene is up applies once it is.
   */
  setDemoPaused(paused: boolean): Promise<boolean> {
    return this.enqueue(() => {
      const key = this.active;
      if (!this.game || !key || this.activeMode !== 'demo') return false;
      if (paused && this.game.scene.isActive(key)) this.game.scene.pause(key);
      else if (!paused && this.game.scene.isPaused(key)) this.game.scene.resume(key);
      return this.game.scene.isPaused(key) === paused;
    });
  }

  /** Removes a finished game's scene so that its textures and objects are freed. */
  remove(id: string): Promise<void> {
    return this.enqueue(() => {
      if (!this.game) return;
      if (this.active === id) {
        this.game.scene.stop(id);
        this.active = null;
        this.activeMode = null;
      }
      if (this.game.scene.getScene(id)) this.game.scene.remove(id);
    });
  }

  /**
   * Scene changes run one after another in call order: a show that is still loading its scene must not overtake a
   * later stop or show (the demo of a block and the block itself are asked for in quick succession).
   */
  private enqueue<R>(step: () => R | Promise<R>): Promise<R> {
    const next = this.queue.then(step);
    this.queue = next.then(
      () => undefined,
      (err: unknown) => console.error('Game host:', err),
    );
    return next;
  }

  private ensureGame(): Promise<PhaserNs.Game> {
    this.booting ??= this.boot();
    return this.booting;
  }

  private async boot(): Promise<PhaserNs.Game> {
    const Phaser: PhaserModule = (await import('phaser')).default;
    const parent = this.stage();
    if (!parent) throw new Error('Game host: the stage element is not rendered');
    const forced = automationEnabled() ? new URLSearchParams(location.search).get('renderer') : null;
    const renderer = chooseRenderer(browserHasFastWebGL, forced);
    performance.mark(`talentscan:renderer:${renderer}`);
    const game = new Phaser.Game({
      type: renderer === 'webgl' ? Phaser.WEBGL : Phaser.CANVAS,
      parent, // the element itself: an id is not found inside a shadow root
      backgroundColor: '#14182e',
      banner: false,
      autoFocus: false,
      disableContextMenu: true,
      // Input is ours (capture-phase listeners on window, stamped with event.timeStamp); Phaser's would be a second clock.
      input: { keyboard: false, mouse: false, touch: false, gamepad: false },
      audio: { noAudio: true },
      scale: { mode: Phaser.Scale.RESIZE, width: parent.clientWidth || 360, height: parent.clientHeight || 480 },
      render: { antialias: true, powerPreference: 'low-power' },
      scene: [],
    });
    await new Promise<void>((resolve) => (game.isBooted ? resolve() : game.events.once(Phaser.Core.Events.READY, () => resolve())));
    // refresh() alone lays the game out for the parent size Phaser last read, which its own poll (every 500 ms, in
    // the game loop) updates only when it sees a change: read the new size first. Without it Corsi kept the stage
    // size of its intro after the intro's panel closed (360×640: a 360×323 canvas on a 360×519 stage, the board
    // squeezed to its 44 px blocks' floor; 296×560: 296×219, the blocks overlapping).
    this.resizeObserver = new ResizeObserver(() => {
      game.scale.getParentBounds();
      game.scale.refresh();
    });
    this.resizeObserver.observe(parent);
    this.game = game;
    return game;
  }
}
