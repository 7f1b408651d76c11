/**
 * The server's tables, as Kysely sees them (migrations.ts creates them). Times are epoch milliseconds (bigint; read
 * back as numbers, see connect.ts). One schema for PGlite and PostgreSQL.
 */
import type { ColumnType } from 'kysely';

/** A bigint column read as a JS number (epoch ms and seeds fit in 2^53). */
type Millis = ColumnType<number, number, number>;
/** JSON stored as jsonb. */
type Json<T> = ColumnType<T, string, string>;

export interface SessionsTable {
  id: string;
  token_hash: string;
  battery: string;
  norm_group: string;
  lang: string;
  pilot: string | null;
  consent: Json<unknown>;
  server_start: Millis;
  /** Highest seq stored (−1: nothing yet) and the chain hash at it. */
  ack_seq: number;
  head_hash: string;
  finished: boolean;
  /** The candidate asked to keep the raw events beyond the retention period. */
  keep_raw: boolean;
  /** When the raw events were deleted (retention or the candidate's request); null while they are held. */
  events_deleted_at: Millis | null;
  /** Set while one request (of any instance) computes the session's credential; a claim older than a minute is stale. */
  issuing_since: Millis | null;
  /** The pilot's start token that vouched for this session (its claims, never the token: start-token.ts); null: none. */
  start_token: ColumnType<unknown, string | null, string | null>;
}

/**
 * Start tokens already used (pilot, jti), so a replay is refused. Kept after their session is deleted, until the token
 * has expired anyway (then housekeeping removes the row).
 */
export interface StartTokenUsesTable {
  pilot: string;
  jti: string;
  session_id: string;
  /** Epoch ms of the token's `exp` (plus the clock tolerance). */
  expires_at: Millis;
}

export interface SeedHandoutsTable {
  session_id: string;
  /** Order of the handout in the session (0, 1, …): the battery order. */
  ord: number;
  game: string;
  version: string;
  seed: Millis;
  handed_out_at: Millis;
}

/** Append-only: rows are inserted, never updated; deleted only by retention or the candidate. */
export interface EventBatchesTable {
  session_id: string;
  from_seq: number;
  to_seq: number;
  prev_hash: string;
  hash: string;
  received_at: Millis;
  events: Json<unknown[]>;
}

export interface OffersTable {
  code: string;
  value: Json<unknown>;
  expires_at: Millis;
}

export interface NoncesTable {
  nonce: string;
  value: Json<unknown>;
  expires_at: Millis;
}

export interface GrantsTable {
  id: string;
  value: Json<unknown>;
  expires_at: Millis;
}

/** Short-lived values of the authorization-code flow, by namespace (issuer-state, par, authorization-code). */
export interface IssuerValuesTable {
  ns: string;
  key: string;
  value: Json<unknown>;
  expires_at: Millis;
}

/** Every credential issued (the candidate's and each wallet copy): what revocation needs. */
export interface CredentialsTable {
  id: string;
  status_idx: number;
  token_hash: string;
  session_id: string | null;
  issued_at: Millis;
  expires_at: Millis;
}

/** The one credential of a witnessed session: answered again on re-download. */
export interface SessionCredentialsTable {
  session_id: string;
  credential_id: string;
  issued_at: Millis;
  response: Json<unknown>;
}

export interface StatusEntriesTable {
  idx: number;
  revoked: boolean;
  revoked_at: Millis | null;
}

/** One xAPI statement for a pilot's LRS and where its delivery stands (xapi-forwarder.ts). */
export interface XapiOutboxTable {
  /** The statement's own id (a UUID): sending it again is idempotent at the LRS. */
  id: string;
  session_id: string;
  pilot: string;
  /** The statement's activity id: one statement per activity and session. */
  activity: string;
  statement: Json<unknown>;
  /** pending (to send or retry), sent, rejected (the LRS refused it), invalid (failed the xAPI rules), gave-up. */
  state: string;
  attempts: number;
  created_at: Millis;
  next_attempt_at: Millis;
  sent_at: Millis | null;
  last_error: string | null;
}

export interface Database {
  sessions: SessionsTable;
  seed_handouts: SeedHandoutsTable;
  event_batches: EventBatchesTable;
  offers: OffersTable;
  nonces: NoncesTable;
  grants: GrantsTable;
  issuer_values: IssuerValuesTable;
  credentials: CredentialsTable;
  session_credentials: SessionCredentialsTable;
  status_entries: StatusEntriesTable;
  xapi_outbox: XapiOutboxTable;
  start_token_uses: StartTokenUsesTable;
}
