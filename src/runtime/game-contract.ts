/**
 * The game contract: all the runtime knows of a game, and all a game knows of the runtime (invariant 6).
 * A game is a folder `games/<id>/` whose `index.ts` exports a `GameManifest`.
 */
import type Phaser from 'phaser';
import type { BlockKind, InputDevice, LogEvent } from '../log/events.ts';
import type { TrialRecord } from '../log/trials.ts';

/** Cognitive domains a game can measure (profile issue maps metrics onto them). */
export type Domain = 'processing-speed' | 'inhibition' | 'selective-attention' | 'flexibility' | 'working-memory' | 'learning';

/** Every domain, in the profile's order. */
export const DOMAINS: readonly Domain[] = ['processing-speed', 'inhibition', 'selective-attention', 'flexibility', 'working-memory', 'learning'];

/** Latent abilities of a simulated candidate: z per domain, 0 is typical. */
export type Abilities = Record<Domain, number>;

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

/**
 * A fact about how a play went, raised by a scorer beside the numbers (never a change to them). `C` narrows the code to
 * those a scorer declares (its `FLAG_CODES` list, carried by the manifest as `flagCodes`), so a scorer cannot raise a
 * code that has no words on the results screen and in the coach workspace (src/shell/flag-messages.ts).
 */
export interface QualityFlag<C extends string = string> {
  /** `<kind>` or `<part>.<kind>` (e.g. `simple.many-anticipations`); the profile prefixes the game (`reaction.…`). */
  code: C;
  /** Plain description for coaches and the algorithm card (English, the algorithm card's language). */
  detail: string;
  /**
   * The numbers `detail` states, as data (e.g. `{ count, total }`), so the screens can say them in the candidate's
   * language without reading the English sentence. Absent in flags recorded before they were added.
   */
  values?: Readonly<Record<string, number>>;
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
  /**
   * A non-scoring feedback sound for points the candidate can see (`gain`) or a badge (`badge`), played only if the
   * candidate turned sound on. `quietMs` is the time (real ms) until the scene's next trial starts (Infinity if none
   * follows): the sound must have ended by then. The runtime refuses it while a trial is open and silences it when one
   * starts (src/runtime/feedback-sound.ts), so a sound never plays during a trial, at a stimulus onset or before it.
   */
  feedback(cue: FeedbackCue, quietMs: number): void;
  /** Inputs from capture, in the order they happened. Returns an unsubscribe function. */
  onInput(listener: (input: CapturedInput) => void): () => void;
}

/** The feedback sounds a scene may ask for (see GameBus.feedback); the shell adds its own at breaks and the end. */
export type FeedbackCue = 'gain' | 'badge';

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

/** How a metric reacts to a constant input-device latency (see src/scoring/domain-model.ts). */
export type LatencySensitivity = 'absolute' | 'difference' | 'none';

export interface Reliability {
  value: number;
  /** "test-retest" (retest data), "split-half" (one session, odd vs even, Spearman–Brown), "assumed" when no data give one. */
  kind: 'test-retest' | 'split-half' | 'assumed';
  source: string;
}

/**
 * One metric of the game in one cognitive domain of the profile: its weight, direction, latency sensitivity and the
 * reliability assumed when a norm table brings none. The profile's domain model (src/scoring/domain-model.ts) is the
 * union of these over every game; any change here changes the profile algorithm and bumps its ALGORITHM_VERSION.
 */
export interface DomainContribution {
  domain: Domain;
  metric: string;
  /** Relative weight within the domain (renormalised over the metrics that are valid and normed). */
  weight: number;
  /** Must equal the metric's direction; metrics whose direction is 'neither' cannot enter a domain. */
  direction: 'higher-is-better' | 'lower-is-better';
  latency: LatencySensitivity;
  /** Used when a norm table gives no reliability of its own. */
  reliability: Reliability;
  /** Why this metric is in this domain, in one line (shown in the algorithm card). */
  why: string;
}

/** A quality flag the game's scorer may raise, and which of its metrics it leaves out of the profile. */
export interface QualityFlagRule {
  /** Flag code as the scorer emits it. */
  flag: string;
  /** Metrics left out: every metric, the timed ones (latency ≠ none), or those whose id starts with a prefix. */
  metrics: 'all' | 'timed' | { prefix: string };
  /** Only when the count in the flag (the number before "trial(s)") exceeds this share of the game's trials. */
  shareAbove?: number;
  why: string;
}

/** One thing the browser-test driver does: a key press, a tap at a point of the stage (0..1 in each axis), or a pause (ms). */
export type TestAction = { kind: 'key'; key: string } | { kind: 'tap'; x: number; y: number } | { kind: 'wait'; ms: number };

/**
 * How the browser tests answer a trial, from its 'target' onset and its design entry; [] lets the trial time out.
 * Test-only behaviour kept in the manifest so that a game cannot be registered without a way to be played.
 */
export type TestResponder<T = unknown> = (onset: { block: number; trial: number }, trial: T, stage: { w: number; h: number }) => TestAction[];

export type SceneClass = new (config: Phaser.Types.Scenes.SettingsConfig) => Phaser.Scene;

/** A simulated participant's play, for tests and synthetic pipelines (in the spirit of jsPsych's simulate()). */
export type Simulate<T, P> = (design: GameDesign<T>, params: P, seed: number) => LogEvent[];

/**
 * A version of a game that is no longer played but whose logs must still score exactly as when they were recorded
 * (invariant 2): its own design generator and scorer, kept beside the game (e.g. `games/<id>/v1/`).
 */
export interface EarlierVersion<T = unknown> {
  version: string;
  design(seed: number): GameDesign<T>;
  score(design: GameDesign<T>, events: readonly LogEvent[]): GameScore;
  /** What changed in the next version, for the algorithm card. */
  why: string;
  /** Every flag code its own scorer can raise (see GameManifest.flagCodes); absent when it scores with the current scorer. */
  flagCodes?: readonly string[];
}

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
  /** A typical simulated participant: the issuer's fixtures play it. */
  typicalParticipant: P;
  /**
   * The participant of a simulated candidate with these latent abilities (z per domain, 0 typical) whose device adds
   * `latencyMs` to every answer: the profile engine's simulated candidates (src/scoring/testing/simulated-sessions.ts).
   */
  participantFor(abilities: Abilities, latencyMs: number): P;
  /** The game's words in every shell language (block instructions, its name, metric names). */
  messages: GameMessages;
  /** Quality flags this game's scorer raises and what each leaves out; flags every game shares are in validity.ts. */
  qualityFlags: QualityFlagRule[];
  /**
   * Every flag code the game's scorer can raise, from the scorer's own list (its flags are typed against it); the
   * codes `scoreGame` adds for every game are in src/scoring/score-game.ts. The words for each are in
   * src/shell/flag-messages.ts, whose test reads this list.
   */
  flagCodes: readonly string[];
  /** Which metrics feed which profile domains. A game may measure a domain without feeding it (none listed). */
  domainMetrics: DomainContribution[];
  /** How the browser test of every game plays it (tests/e2e/games.spec.ts). */
  testResponder: TestResponder<T>;
  /** Earlier versions whose logs still score with their own design and scorer (src/scoring/score-game.ts). */
  // biome-ignore lint/suspicious/noExplicitAny: each earlier version has its own trial type, checked where it is defined.
  earlier?: EarlierVersion<any>[];
}

/** Page-only: how to load a game's Phaser scene (kept out of the manifest so the worker and server never bundle Phaser). */
export type SceneLoader = () => Promise<SceneClass>;

/** The manifest with its type parameters erased, as the runtime holds it. */
// biome-ignore lint/suspicious/noExplicitAny: the registry is heterogeneous by design; each game is checked against its own T/P where it is defined.
export type AnyGameManifest = GameManifest<any, any>;
