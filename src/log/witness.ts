/**
 * The witness protocol: how a certified session's log travels from the recorder worker to the server, shared by both
 * sides so that they cannot disagree on it (architecture invariant 5).
 *
 * A certified session is created by the server (`POST /api/sessions`), which answers a session id and a capability
 * token. The recorder uploads the log in the same batches, in the same order, as it writes them to IndexedDB. Each
 * batch carries the hash of the log up to and including it:
 *
 *   hash₀ = sha256hex("talentscan-log-v1\n" + sessionId)
 *   hashₙ = sha256hex(hashₙ₋₁ + "\n" + canonicalJson(event₁) + "\n" + … + canonicalJson(eventₖ))
 *
 * so the server can tell a log it received in order from one that was edited, reordered or had events left out, and
 * the browser can prove which prefix of its log the server acknowledged. Pure: WebCrypto only (page, worker, Node).
 */
import type { LogEvent } from './events.ts';

export const WITNESS_PROTOCOL_VERSION = 1;

/** Domain-separation prefix of the first link, so a hash of this chain is never a hash of anything else. */
const GENESIS_PREFIX = 'talentscan-log-v1\n';

/** JSON with object keys in code-point order at every depth: one text per value, whatever order the keys were set in. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
    if (value === undefined) throw new TypeError('canonicalJson: undefined has no JSON form');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

async function sha256hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The chain's first link: the hash "before" the first batch of a session. */
export function genesisHash(sessionId: string): Promise<string> {
  return sha256hex(GENESIS_PREFIX + sessionId);
}

/** The next link: the hash of the log up to and including `events`, given the hash of the log before them. */
export function chainHash(previous: string, events: readonly LogEvent[]): Promise<string> {
  return sha256hex([previous, ...events.map((e) => canonicalJson(e))].join('\n'));
}

/** The hash of a whole log, batch boundaries aside: the chain over every event (one event per link is not needed). */
export async function logHashChain(sessionId: string, batches: readonly (readonly LogEvent[])[]): Promise<string> {
  let hash = await genesisHash(sessionId);
  for (const batch of batches) hash = await chainHash(hash, batch);
  return hash;
}

// ---- The HTTP contract (server: src/server; client: the recorder worker and the scan runner) ----

/** `POST /api/sessions` — start a certified session. */
export interface CreateSessionRequest {
  battery: string;
  normGroup: string;
  lang: string;
  /** The consent the candidate gave for the certified mode: which text version, when (epoch ms, browser clock). */
  consent: { textVersion: string; mode: 'certified'; acceptedAt: number };
  /** A pilot's id when the scan runs embedded (the embedding issue). */
  pilot?: string;
  /** The pilot's start token for this embedded scan (docs/embed-protocol.md, "Start token"), when its page gave one. */
  startToken?: string;
  /** The embedded scan's id, which the start token names. */
  embedId?: string;
}

export interface CreateSessionResponse {
  sessionId: string;
  /** Capability token for this session only: `Authorization: Bearer <token>` on every later call. */
  token: string;
  /** Server time (epoch ms) the session was created. */
  serverStart: number;
  battery: string;
  normGroup: string;
  protocol: number;
}

/** `POST /api/sessions/:id/games/:game/start` — the server draws the game's design seed and hands it out once. */
export interface GameStartResponse {
  game: string;
  /** The game's version the server will score with. */
  version: string;
  seed: number;
}

/** `POST /api/sessions/:id/batches` — one batch, exactly as the recorder wrote it to IndexedDB. */
export interface UploadBatchRequest {
  /** seq of the first event in `events`; must be the next seq the server expects. */
  fromSeq: number;
  events: LogEvent[];
  /** Hash of the log before this batch (the server's last acknowledged hash). */
  prevHash: string;
  /** chainHash(prevHash, events). */
  hash: string;
}

export interface UploadBatchResponse {
  /** Highest seq the server has stored durably. */
  ackSeq: number;
  /** The chain hash at `ackSeq`. */
  hash: string;
}

/** `GET /api/sessions/:id` — where the server's copy stands (a resumed page continues uploading from here). */
export interface WitnessStatus {
  sessionId: string;
  ackSeq: number;
  hash: string;
  finished: boolean;
  /** Games whose seed was handed out, in order. */
  games: string[];
  credentialIssued: boolean;
}

/**
 * `POST /api/sessions/:id/credential` — body `{ lang?, txCode? }`: the issuer scores ITS copy of the log and answers
 * as the practice-era `POST /issuer/api/credentials` did (credential forms, wallet offer, revocation token). Asking
 * again for the same session answers the same credential; it never issues a second one.
 *
 * `DELETE /api/sessions/:id` — the candidate deletes the session from the server at any time: raw events go, every
 * credential of the session is revoked.
 */
export interface CredentialRequest {
  lang?: 'nl' | 'en' | 'uk' | 'ar';
  txCode?: boolean;
}

/** Error bodies of every witness and issuance endpoint. */
export interface WitnessError {
  error: string;
  message: string;
}
