import { gameById } from '../../games/registry.ts';
import { FrameMonitor } from '../capture/frame-monitor.ts';
import { startInputCapture } from '../capture/input-capture.ts';
import { presentationMarker } from '../capture/presentation-marker.ts';
import type { BlockKind, InterruptionReason, LogEvent } from '../log/events.ts';
import { sessionState, type SessionState } from '../log/resume.ts';
import { batteryById, type Battery } from './batteries.ts';
import { soundAt } from '../log/sound.ts';
import { nextBlock } from './block-plan.ts';
import type { FeedbackSound } from './feedback-sound.ts';
import { BlockBus } from './game-bus.ts';
import type { AnyGameManifest, CapturedInput, GameDesign, GameScore, SceneRun } from './game-contract.ts';
import { batteryProgress } from './progress.ts';
import type { RecorderClient } from './recorder-client.ts';
import { SessionLog, type NewSession } from './session-log.ts';

export type RunnerView =
  | { phase: 'loading' }
  | { phase: 'intro'; game: string; block: number; kind: BlockKind; instruction: string; attempt: number; resumed: boolean; progress: number }
  | { phase: 'running'; game: string; block: number; kind: BlockKind; progress: number }
  | { phase: 'paused'; progress: number }
  | { phase: 'break'; nextGame: string; progress: number }
  /** The device could not store the log: the runner waits until the worker's retries have written it. */
  | { phase: 'saving'; pending: number; progress: number }
  | { phase: 'done'; scores: GameScore[]; progress: 1 }
  | { phase: 'error'; message: string };

/** The stage a runner plays scenes on (the Lit game host implements it). */
export interface Stage {
  show(manifest: AnyGameManifest, run: SceneRun<unknown>): Promise<void>;
  stop(): Promise<void>;
  remove(id: string): Promise<void>;
  element(): HTMLElement | null;
  reducedMotion(): boolean;
}

export interface RunnerOptions {
  recorder: RecorderClient;
  stage: Stage;
  onView: (view: RunnerView) => void;
  /** Called with every event as it is logged (automation hook). */
  onEvent?: (e: LogEvent) => void;
  /** Fixed design seed (automation and reproducible demos); random per game otherwise. */
  seed?: number;
  /**
   * Where a game's design seed comes from when it starts (a certified session: the server, which hands each seed out
   * only then). Without it the seed is `seed` or drawn here.
   */
  seedFor?: (manifest: AnyGameManifest) => Promise<number>;
  /** Scene clock speed (automation only; see SceneRun.timeScale). */
  timeScale?: number;
  /** The page's optional feedback sound: kept out of trials by the block bus, its setting logged (`sound-setting`). */
  sound?: FeedbackSound;
}

interface Current {
  manifest: AnyGameManifest;
  design: GameDesign<unknown>;
  block: number;
  attempt: number;
  kind: BlockKind;
  /** Whether the block's `block-start` is already in the log (a resumed or paused block). */
  opened: boolean;
  startTrial: number;
  /** The block's channel to its scene; a new one for every intro and every run. */
  bus: BlockBus | null;
}

/**
 * Sequences a battery: game → block intro → block → … → break → next game → results. Every decision is derived from
 * the log (`sessionState`), so a reload continues exactly where the log stops. Knows games only by their manifests;
 * talks to a running scene through its `BlockBus` (game-bus.ts); learns of interruptions from its host
 * (`interrupt`, `leaving`: the shell's WindowEventsController calls them).
 */
export class ScanRunner {
  private log: SessionLog | null = null;
  private battery: Battery | null = null;
  private view: RunnerView = { phase: 'loading' };
  private current: Current | null = null;
  private stopCapture: (() => void) | null = null;
  private frames = new FrameMonitor();
  private openTrial: number | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly opts: RunnerOptions) {}

  get sessionId(): string | null {
    return this.log?.sessionId ?? null;
  }

  get phase(): string {
    return this.view.phase;
  }

  /** The design of the game being played (automation only: it holds the answers). */
  get currentDesign(): GameDesign<unknown> | null {
    return this.current?.design ?? null;
  }

  /** Starts a new session; throws when its first events could not be stored (the shell says so; nothing ran). */
  async start(session: Omit<NewSession, 'timeScale'>): Promise<void> {
    this.battery = batteryById(session.battery);
    this.attach(await SessionLog.create(this.opts.recorder, { ...session, timeScale: this.opts.timeScale ?? 1 }));
    this.noteSound();
    await this.advance(false);
  }

  /** Continues a stored session. A finished one (its log ends with `session-end`) only shows its results. */
  async resume(sessionId: string): Promise<void> {
    const prior = await this.opts.recorder.resume(sessionId);
    if (prior.at(-1)?.type === 'session-end') {
      this.setView({ phase: 'done', scores: await this.opts.recorder.scoreAll(sessionId), progress: 1 });
      return;
    }
    this.attach(await SessionLog.resume(this.opts.recorder, sessionId, this.opts.timeScale ?? 1, prior));
    this.noteSound();
    const state = this.state();
    this.battery = batteryById(state.battery);
    await this.advance(true);
  }

  /** The candidate pressed start on a block intro. */
  async beginBlock(): Promise<void> {
    const c = this.current;
    if (!c || this.view.phase !== 'intro') return;
    await this.settle();
    const sessionId = this.sessionId;
    const priorTrials = sessionId ? await this.opts.recorder.trials(sessionId, c.manifest.id) : [];
    if (this.current !== c || this.view.phase !== 'intro') return;
    if (!c.opened) {
      this.emit({ type: 'block-start', t: performance.now(), game: c.manifest.id, block: c.block, kind: c.kind, attempt: c.attempt });
      c.opened = true;
    }
    // A block resumed after a reload has a new page clock: its telemetry starts again with it.
    if (!this.frames.running) this.frames.start();
    const bus = this.newBus(c);
    this.stopCapture = startInputCapture(
      () => this.opts.stage.element(),
      (raw) => {
        const e = this.emit(raw);
        if (e.type === 'input' && e.trusted) {
          const input: CapturedInput = {
            seq: e.seq,
            t: e.t,
            device: e.device,
            ...(e.key ? { key: e.key } : {}),
            ...(e.x === undefined ? {} : { x: e.x }),
            ...(e.y === undefined ? {} : { y: e.y }),
          };
          bus.deliver(input);
        }
      },
    );
    this.setView({ phase: 'running', game: c.manifest.id, block: c.block, kind: c.kind, progress: this.progress() });
    void this.opts.stage.show(c.manifest, {
      mode: 'run',
      design: c.design,
      block: c.block,
      startTrial: c.startTrial,
      priorTrials,
      reducedMotion: this.opts.stage.reducedMotion(),
      timeScale: this.opts.timeScale ?? 1,
      bus: bus.forScene(),
    });
  }

  /** The candidate chose to go on after an interruption. */
  async continueAfterPause(): Promise<void> {
    if (this.view.phase !== 'paused') return;
    await this.advance(true);
  }

  /** The candidate ended the break between games. */
  async continueAfterBreak(): Promise<void> {
    if (this.view.phase !== 'break') return;
    await this.advance(false);
  }

  /**
   * The page lost the candidate (tab hidden, focus lost, page hidden). A running block stops: its open trial ends as
   * interrupted and the candidate gets a "Continue" panel. Outside a running block nothing happens.
   */
  interrupt(reason: InterruptionReason): void {
    const c = this.current;
    if (this.view.phase !== 'running' || !c) return;
    this.stopCapture?.();
    this.stopCapture = null;
    void this.opts.stage.stop();
    const t = performance.now();
    const trial = this.openTrial;
    this.openTrial = null;
    const bus = c.bus;
    c.bus = null;
    this.opts.sound?.stopAll();
    this.emit({ type: 'interruption', t, reason });
    const closeTrial = () => {
      if (trial === null) return;
      this.emit({ type: 'trial-end', t, reason: 'interrupted', game: c.manifest.id, block: c.block, trial });
      this.frames.stimulusOff(t);
    };
    // After the scene's queued events (an onset still waiting for its frame), so the log keeps call order.
    const closed = bus ? bus.after(closeTrial) : Promise.resolve(closeTrial());
    this.setView({ phase: 'paused', progress: this.progress() });
    void closed.then(() => this.settle());
  }

  /**
   * A pause asked for during a block — by the candidate (Pause or Esc) or by the page that embeds the scan: handled as
   * an interruption (the open trial ends as interrupted and runs again), logged with who asked.
   */
  pause(reason: Extract<InterruptionReason, 'paused' | 'host-pause'> = 'paused'): void {
    this.interrupt(reason);
  }

  /**
   * Logs the feedback-sound setting when it differs from what the log last said (off when it said nothing): called
   * when a session starts or resumes and when the candidate switches sound during it.
   */
  noteSound(): void {
    if (!this.log || this.state().finished) return;
    const on = this.opts.sound?.enabled ?? false;
    if (on !== soundAt(this.log.events)) this.emit({ type: 'sound-setting', t: performance.now(), on });
  }

  /** The page may be unloaded: write what is pending. */
  leaving(): void {
    void this.settle();
  }

  dispose(): void {
    this.stopCapture?.();
    this.stopCapture = null;
    this.unsubscribe?.();
    void this.opts.stage.stop();
  }

  private attach(log: SessionLog): void {
    this.log = log;
    if (this.opts.onEvent) this.unsubscribe = log.subscribe(this.opts.onEvent);
  }

  private state(): SessionState {
    const s = this.log ? sessionState(this.log.events) : null;
    if (!s) throw new Error('The session log has no start');
    return s;
  }

  /** Decides the next step from the log and shows it. */
  private async advance(resumed: boolean): Promise<void> {
    const battery = this.battery;
    if (!battery) throw new Error('No battery');
    let state = this.state();
    if (state.current) {
      const manifest = gameById(state.current.game);
      const design = manifest.design(state.current.seed);
      const open = state.current.open;
      if (open) {
        this.current = { manifest, design, block: open.block, attempt: open.attempt, kind: open.kind, opened: true, startTrial: open.nextTrial, bus: null };
        if (open.nextTrial >= (design.blocks[open.block]?.trials.length ?? 0)) {
          // Every trial completed before the interruption: close the block as the scene would have.
          await this.endBlock(this.current, 0);
          return;
        }
        return this.showIntro(resumed);
      }
      const next = nextBlock(design, state.current.ended);
      if (next) {
        const kind = design.blocks[next.block]?.kind ?? 'test';
        this.current = { manifest, design, block: next.block, attempt: next.attempt, kind, opened: false, startTrial: 0, bus: null };
        return this.showIntro(resumed);
      }
      this.emit({ type: 'game-end', t: performance.now(), game: manifest.id });
      void this.opts.stage.remove(manifest.id);
      this.current = null;
      state = this.state();
      const following = battery.games.find((g) => !state.completedGames.includes(g));
      if (following) {
        await this.settle();
        this.setView({ phase: 'break', nextGame: following, progress: this.progress() });
        return;
      }
    }
    const nextGame = battery.games.find((g) => !state.completedGames.includes(g));
    if (!nextGame) return this.finish();
    const manifest = gameById(nextGame);
    const seed = await this.seedFor(manifest);
    this.emit({ type: 'game-start', t: performance.now(), game: manifest.id, version: manifest.version, seed });
    return this.advance(resumed);
  }

  private showIntro(resumed: boolean): void {
    const c = this.current;
    if (!c) return;
    const spec = c.design.blocks[c.block];
    if (!spec) throw new Error(`${c.manifest.id}: no block ${c.block}`);
    this.setView({
      phase: 'intro',
      game: c.manifest.id,
      block: c.block,
      kind: c.kind,
      instruction: spec.instruction,
      attempt: c.attempt,
      resumed,
      progress: this.progress(),
    });
    void this.opts.stage.show(c.manifest, {
      mode: 'demo',
      design: c.design,
      block: c.block,
      startTrial: 0,
      priorTrials: [],
      reducedMotion: this.opts.stage.reducedMotion(),
      timeScale: this.opts.timeScale ?? 1,
      bus: this.newBus(c).forScene(),
    });
  }

  private async seedFor(manifest: AnyGameManifest): Promise<number> {
    if (this.opts.seedFor) return this.opts.seedFor(manifest);
    return this.opts.seed ?? crypto.getRandomValues(new Uint32Array(1))[0] ?? 1;
  }

  /** A fresh channel for the block `c` now shows (demo or run); calls on an older one are dropped. */
  private newBus(c: Current): BlockBus {
    const bus: BlockBus = new BlockBus(
      {
        emit: (e) => this.emit(e),
        live: (): boolean => this.current === c && c.bus === bus && this.view.phase === 'running',
        frames: this.frames,
        marker: presentationMarker(),
        sound: this.opts.sound ?? null,
        setOpenTrial: (trial) => (this.openTrial = trial),
        blockDone: (points) => this.endBlock(c, points),
        fail: (err) => this.fail(err),
      },
      { game: c.manifest.id, block: c.block },
    );
    c.bus = bus;
    return bus;
  }

  private async endBlock(c: Current, points: number): Promise<void> {
    this.stopCapture?.();
    this.stopCapture = null;
    void this.opts.stage.stop();
    const frames = this.frames.stop();
    let passed: boolean | undefined;
    if (c.kind === 'practice') {
      await this.settle();
      const sessionId = this.sessionId;
      const trials = sessionId ? await this.opts.recorder.trials(sessionId, c.manifest.id) : [];
      passed = c.manifest.practicePassed(
        c.design,
        c.block,
        trials.filter((t) => t.block === c.block && t.attempt === c.attempt),
      );
    }
    this.emit({
      type: 'block-end',
      t: performance.now(),
      game: c.manifest.id,
      block: c.block,
      attempt: c.attempt,
      frames,
      points,
      ...(passed === undefined ? {} : { passed }),
    });
    // A block is the most a storage fault may cost: go on only once it is written.
    await this.durable();
    await this.advance(false);
  }

  private async finish(): Promise<void> {
    // The log decides: a session that has its session-end never gets a second one.
    if (!this.state().finished) this.emit({ type: 'session-end', t: performance.now() });
    await this.durable();
    const sessionId = this.sessionId;
    if (!sessionId) return;
    await this.opts.recorder.markFinished(sessionId).catch(() => undefined); // a listing hint only
    this.setView({ phase: 'done', scores: await this.opts.recorder.scoreAll(sessionId), progress: 1 });
  }

  /**
   * Hands what is queued to the worker and waits for the write. A failed write is not this step's business: the
   * worker keeps the events, retries them and reports it; the runner's reads use the worker's in-memory log.
   */
  private async settle(): Promise<void> {
    await this.log?.flush().catch(() => undefined);
  }

  /**
   * Writes what is pending; when the device cannot store it, shows the 'saving' state (the shell offers the
   * emergency download) and waits for the worker's own retries to write it.
   */
  private async durable(): Promise<void> {
    try {
      await this.log?.flush();
    } catch {
      this.setView({ phase: 'saving', pending: await this.opts.recorder.pendingCount(), progress: this.progress() });
      await this.opts.recorder.whenWritten();
    }
  }

  private emit(e: Parameters<SessionLog['emit']>[0]): LogEvent {
    if (!this.log) throw new Error('No session');
    return this.log.emit(e);
  }

  private progress(): number {
    if (!this.battery || !this.log) return 0;
    return batteryProgress(this.battery, sessionState(this.log.events), this.current ? this.current.design.blocks.length : null);
  }

  private setView(view: RunnerView): void {
    this.view = view;
    this.opts.onView(view);
  }

  private fail(err: unknown): void {
    console.error(err);
    this.setView({ phase: 'error', message: err instanceof Error ? err.message : String(err) });
  }
}
