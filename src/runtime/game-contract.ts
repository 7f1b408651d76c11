/**
 * The game contract: all the runtime knows of a game, and all a game knows of the runtime (invariant 6).
 * A game is a folder `games/<id>/` whose `index.ts` exports a `GameManifest`.
 */
import type Phaser from 'phaser';
import type { BlockKind, InputDevice, LogEvent } from '../log/events.ts';
import type { TrialRecord } from '../log/trials.ts';

/** Cognitive domains a game can measure (profile issue maps metrics onto them). */
export type Domain =
  | 'processing-speed'
  | 'inhibition'
  | 'selective-attention'
  | 'flexibility'
  | 'working-memory'
  | 'learning';

export interface BlockSpec<T> {
  kind: BlockKind;
  /** i18n key of the few words shown with the animated demo before the block. */
  instruction: string;
  /** What the demo animation shows (the scene interprets it). */
  demo: string;
  trials: T[];
}

/** A seeded trial design. `(game, version, seed)` regenerates it exactly. */
export interface GameDesign<T> {
  game: string;
  version: string;
  seed: number;
  blocks: BlockSpec<T>[];
}

/**
 * A bundle of words in every shell language. Each game brings its own (block instructions, its name, metric names)
 * in its manifest, so adding a game touches no shell file. Keys: `game.<id>`, `<id>.<instruction>`,
 * `metric.<id>.<metric id>`; the game contract test checks every key in all four languages. Feature bundles
 * (profile, credential words) use the same shape.
 */
export type GameMessages = Record<'nl' | 'en' | 'uk' | 'ar', Record<string, string>>;

export type MetricDirection = 'higher-is-better' | 'lower-is-better' | 'neither';

export interface MetricDefinition {
  id: string;
  unit: 'ms' | 'proportion' | 'count' | '1/s' | 'items' | 'points' | 'trials';
  direction: MetricDirection;
  /** The exact rule, in words a reviewer can check against the code (shown in the algorithm card). */
  definition: string;
}

export type MetricValue = { value: number } | { value: null; reason: string };

export interface QualityFlag {
  code: string;
  /** Plain description for coaches and the algorithm card. */
  detail: string;
}

/** What a scorer returns: each metric's value or the reason it cannot be computed, plus versions. */
export interface GameScore {
  game: string;
  gameVersion: string;
  scorerVersion: string;
  metrics: Record<string, MetricValue>;
  flags: QualityFlag[];
  /** Completed test trials the metrics rest on. */
  trials: number;
}

/** One input as a scene sees it: already stamped and logged by capture. */
export interface CapturedInput {
  seq: number;
  t: number;
  device: InputDevice;
  key?: string;
  /** 0..1 across the stage. */
  x?: number;
  y?: number;
}

/** The one channel between a running scene and the runtime. */
export interface GameBus {
  trialStart(trial: number): void;
  /**
   * The scene rendered a stimulus in the current Phaser step. The runtime stamps its onset with the rAF time of the
   * next frame (when the rendered frame is shown) and logs it. `frameTime` is `game.loop.now`.
   */
  stimulusDrawn(trial: number, name: string, frameTime: number, params?: Record<string, number | string>): void;
  /** The scene read an input as an answer. Its scored time is the input's own `t`. */
  response(trial: number, input: CapturedInput, value: string): void;
  trialEnd(trial: number, reason: 'response' | 'timeout' | 'premature'): void;
  /** The block's last trial has ended. Points are for the candidate only. */
  blockDone(points: number): void;
  /** Inputs from capture, in the order they happened. Returns an unsubscribe function. */
  onInput(listener: (input: CapturedInput) => void): () => void;
}

/** What a scene is started with. */
export interface SceneRun<T> {
  mode: 'demo' | 'run';
  design: GameDesign<T>;
  block: number;
  startTrial: number;
  /**
   * Completed trials of this game so far, every block and attempt, as the worker paired them from the log. Adaptive
   * games (staircases, reversal criteria) rebuild their state from these, so a resumed block continues exactly.
   */
  priorTrials: TrialRecord[];
  reducedMotion: boolean;
  /**
   * Speed of the scene's clock: 1 for every real session. Browser tests play whole games faster (automation only);
   * such a session is flagged and never a valid measurement (see scoreGame).
   */
  timeScale: number;
  bus: GameBus;
}

export type SceneClass = new (config: Phaser.Types.Scenes.SettingsConfig) => Phaser.Scene;

/** A simulated participant's play, for tests and synthetic pipelines (in the spirit of jsPsych's simulate()). */
export type Simulate<T, P> = (design: GameDesign<T>, params: P, seed: number) => LogEvent[];

export interface GameManifest<T = unknown, P = unknown> {
  id: string;
  version: string;
  domains: Domain[];
  /** Expected duration in seconds, including instructions and practice. */
  expectedDurationSec: number;
  inputModes: InputDevice[];
  metrics: MetricDefinition[];
  design(seed: number): GameDesign<T>;
  score(design: GameDesign<T>, events: readonly LogEvent[]): GameScore;
  /** Whether a practice attempt met its pass criterion (a failed one is repeated once, then flagged). */
  practicePassed(design: GameDesign<T>, block: number, trials: TrialRecord[]): boolean;
  simulate: Simulate<T, P>;
}

/** Page-only: how to load a game's Phaser scene (kept out of the manifest so the worker and server never bundle Phaser). */
export type SceneLoader = () => Promise<SceneClass>;

/** The manifest with its type parameters erased, as the runtime holds it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the registry is heterogeneous by design; each game is checked against its own T/P where it is defined.
export type AnyGameManifest = GameManifest<any, any>;
