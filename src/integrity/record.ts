/**
 * The witnessed copy of a certified session, as the server holds it, and what the integrity checks make of it.
 * Shapes agreed with the server (src/server calls `assessWitnessed` with a `WitnessRecord`); fields may be added, never
 * renamed. Every time here is server epoch ms unless it says otherwise; event times stay on their page's clock.
 */
import type { LogEvent } from '../log/events.ts';
import type { QualityFlag } from '../runtime/game-contract.ts';

export interface WitnessedBatch {
  fromSeq: number;
  toSeq: number;
  /** Server epoch ms the batch was stored. */
  receivedAt: number;
  prevHash: string;
  hash: string;
}

export interface SeedHandout {
  game: string;
  version: string;
  seed: number;
  /** Server epoch ms the seed was revealed (the game cannot have started before). */
  handedOutAt: number;
}

export interface WitnessRecord {
  sessionId: string;
  battery: string;
  normGroup: string;
  /** Server epoch ms the session was created. */
  serverStart: number;
  pilot?: string;
  seeds: SeedHandout[];
  batches: WitnessedBatch[];
  /** Seq order, as stored. */
  events: LogEvent[];
}

export interface Refusal {
  /** Stable machine code (the table in docs/algorithm.md lists them all). */
  code: string;
  message: string;
}

/** What the issuer does with a signal: refuse the credential, or issue it and name the signal in it. */
export type SignalPolicy = 'refuse' | 'mark';

/** A plausibility signal: a quality flag with the rule that raised it and what it led to. */
export interface IntegrityFlag extends QualityFlag {
  /** The rule in words, with its threshold. */
  rule: string;
  policy: SignalPolicy;
  /** The measured value the rule compared (a share, a CV, a count, ms). */
  value: number;
  game?: string;
}

/** Offline stretches: batches the server received well after the events in them happened (queued while offline). */
export interface OfflineGap {
  fromSeq: number;
  toSeq: number;
  /** How long the oldest event of the stretch waited before the server had it (ms). */
  durationMs: number;
}

/**
 * How a result was obtained, as the credential states it and a verifier shows it. `games` are the games of the battery
 * the credential covers (all of them: an incomplete battery yields no credential, see completeness.ts).
 */
export interface Assurance {
  mode: 'certified';
  witnessed: true;
  battery: string;
  games: string[];
  /** The circumstances: nobody watched the candidate play, on their own device, online. */
  proctoring: 'unproctored-online';
  /** Server times (ISO 8601) the session was created and its last batch was received. */
  sessionStart: string;
  sessionEnd: string;
  checks: { version: string; passed: string[]; marked: string[] };
  offline: { gaps: number; totalMs: number; longestMs: number };
  /** A pilot's embedded scan: which pilot, and how the session is tied to it (set by the server, which knows). */
  embedding?: Embedding;
}

/**
 * How a session is tied to the pilot it names. `start-token`: the pilot's own backend signed a single-use start token
 * for this embedded scan and the issuer verified it (the pilot vouched that the scan ran in its frame). `settings`:
 * the browser named the pilot and the session used the pilot's battery and norm group, nothing more.
 */
export interface Embedding {
  pilot: string;
  pilotName: string;
  binding: 'start-token' | 'settings';
}
