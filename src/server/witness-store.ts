/**
 * The server's copy of certified sessions (db/): sessions, the seeds handed out, and the event batches as received —
 * append-only, each with the server's receive time and its chain hash. Every write that the browser gets an
 * acknowledgement for is committed first, so a crash (even SIGKILL) loses nothing that was acknowledged.
 *
 * Concurrency: a batch is appended under a row lock on its session (`SELECT … FOR UPDATE`), so two uploads of the
 * same session — to one instance or two — are serialised and the chain can only grow by one batch at a time; seeds
 * are claimed by primary key (session, game) and battery position (session, ord); a session's one credential by a
 * claim on the session row.
 */
import { sql, type Selectable } from 'kysely';
import type { LogEvent } from '../log/events.ts';
import type { Db } from './db/connect.ts';
import type { SessionsTable } from './db/schema.ts';
import { START_TOKEN_CLOCK_TOLERANCE_S, type VerifiedStartToken } from './start-token.ts';

export type SessionRow = Selectable<SessionsTable>;

export interface NewSession {
  id: string;
  tokenHash: string;
  battery: string;
  normGroup: string;
  lang: string;
  pilot?: string;
  consent: unknown;
  serverStart: number;
  genesis: string;
  /** The pilot's verified start token: its `jti` is claimed with the session, once ever per pilot. */
  startToken?: VerifiedStartToken;
}

export interface Handout {
  game: string;
  version: string;
  seed: number;
  handedOutAt: number;
}

export interface StoredBatch {
  fromSeq: number;
  toSeq: number;
  receivedAt: number;
  prevHash: string;
  hash: string;
}

export type AppendResult =
  | { kind: 'stored'; ackSeq: number; hash: string }
  | { kind: 'replay'; ackSeq: number; hash: string }
  | { kind: 'out-of-order'; expectedSeq: number; hash: string }
  | { kind: 'chain-mismatch'; expectedSeq: number; hash: string }
  | { kind: 'closed' }
  | { kind: 'unknown' };

export class WitnessStore {
  constructor(readonly db: Db) {}

  private get k() {
    return this.db.kysely;
  }

  /**
   * Stores a new session. With a start token, its `jti` is claimed in the same transaction: false (nothing stored)
   * when that pilot's token was used before — by this instance or another sharing the database.
   */
  async createSession(s: NewSession): Promise<boolean> {
    return this.k.transaction().execute(async (tx) => {
      const st = s.startToken;
      if (st && s.pilot) {
        const claimed = await tx
          .insertInto('start_token_uses')
          .values({ pilot: s.pilot, jti: st.jti, session_id: s.id, expires_at: (st.exp + START_TOKEN_CLOCK_TOLERANCE_S) * 1000 })
          .onConflict((oc) => oc.doNothing())
          .returning('jti')
          .executeTakeFirst();
        if (!claimed) return false;
      }
      await tx
        .insertInto('sessions')
        .values({
          id: s.id,
          token_hash: s.tokenHash,
          battery: s.battery,
          norm_group: s.normGroup,
          lang: s.lang,
          pilot: s.pilot ?? null,
          consent: JSON.stringify(s.consent),
          server_start: s.serverStart,
          ack_seq: -1,
          head_hash: s.genesis,
          finished: false,
          keep_raw: false,
          events_deleted_at: null,
          issuing_since: null,
          start_token: st ? JSON.stringify(st) : null,
        })
        .execute();
      return true;
    });
  }

  /** Forgets used start tokens that have expired: the expiry check refuses them from then on. */
  async sweepStartTokenUses(now: number): Promise<number> {
    const res = await this.k.deleteFrom('start_token_uses').where('expires_at', '<', now).executeTakeFirst();
    return Number(res.numDeletedRows);
  }

  getSession(id: string): Promise<SessionRow | undefined> {
    return this.k.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async handouts(sessionId: string): Promise<Handout[]> {
    const rows = await this.k
      .selectFrom('seed_handouts')
      .select(['game', 'version', 'seed', 'handed_out_at'])
      .where('session_id', '=', sessionId)
      .orderBy('ord')
      .execute();
    return rows.map((r) => ({ game: r.game, version: r.version, seed: Number(r.seed), handedOutAt: Number(r.handed_out_at) }));
  }

  /**
   * The seed of `game` at battery position `ord`: the one handed out before, or `seed` now. Undefined when another
   * game already holds that position (the caller checks the battery order first).
   */
  async handOut(sessionId: string, ord: number, h: Handout): Promise<Handout | undefined> {
    await this.k
      .insertInto('seed_handouts')
      .values({ session_id: sessionId, ord, game: h.game, version: h.version, seed: h.seed, handed_out_at: h.handedOutAt })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const row = await this.k
      .selectFrom('seed_handouts')
      .select(['game', 'version', 'seed', 'handed_out_at', 'ord'])
      .where('session_id', '=', sessionId)
      .where('game', '=', h.game)
      .executeTakeFirst();
    if (!row || row.ord !== ord) return undefined;
    return { game: row.game, version: row.version, seed: Number(row.seed), handedOutAt: Number(row.handed_out_at) };
  }

  /**
   * Appends one batch whose hash the caller has verified against its events. It must continue the stored chain
   * exactly (next seq, previous hash = the stored head); the last acknowledged batch sent again is answered as before.
   */
  async append(sessionId: string, batch: StoredBatch, events: readonly LogEvent[]): Promise<AppendResult> {
    return this.k.transaction().execute(async (tx) => {
      const s = await tx
        .selectFrom('sessions')
        .select(['ack_seq', 'head_hash', 'events_deleted_at'])
        .where('id', '=', sessionId)
        .forUpdate()
        .executeTakeFirst();
      if (!s) return { kind: 'unknown' };
      if (s.events_deleted_at !== null) return { kind: 'closed' };
      const issued = await tx.selectFrom('session_credentials').select('session_id').where('session_id', '=', sessionId).executeTakeFirst();
      if (batch.fromSeq !== s.ack_seq + 1 || batch.prevHash !== s.head_hash) {
        if (batch.hash === s.head_hash && batch.toSeq === s.ack_seq) {
          const last = await tx
            .selectFrom('event_batches')
            .select(['from_seq', 'prev_hash'])
            .where('session_id', '=', sessionId)
            .where('to_seq', '=', s.ack_seq)
            .executeTakeFirst();
          if (last && last.from_seq === batch.fromSeq && last.prev_hash === batch.prevHash) return { kind: 'replay', ackSeq: s.ack_seq, hash: s.head_hash };
        }
        if (issued) return { kind: 'closed' };
        return batch.fromSeq !== s.ack_seq + 1
          ? { kind: 'out-of-order', expectedSeq: s.ack_seq + 1, hash: s.head_hash }
          : { kind: 'chain-mismatch', expectedSeq: s.ack_seq + 1, hash: s.head_hash };
      }
      // A credential was issued from the log as it stood: nothing may be added to it afterwards.
      if (issued) return { kind: 'closed' };
      await tx
        .insertInto('event_batches')
        .values({
          session_id: sessionId,
          from_seq: batch.fromSeq,
          to_seq: batch.toSeq,
          prev_hash: batch.prevHash,
          hash: batch.hash,
          received_at: batch.receivedAt,
          events: JSON.stringify(events),
        })
        .execute();
      const finished = events.some((e) => e.type === 'session-end');
      await tx
        .updateTable('sessions')
        .set({ ack_seq: batch.toSeq, head_hash: batch.hash, ...(finished ? { finished: true } : {}) })
        .where('id', '=', sessionId)
        .execute();
      return { kind: 'stored', ackSeq: batch.toSeq, hash: batch.hash };
    });
  }

  async batches(sessionId: string): Promise<{ batches: StoredBatch[]; events: LogEvent[] }> {
    const rows = await this.k.selectFrom('event_batches').selectAll().where('session_id', '=', sessionId).orderBy('from_seq').execute();
    return {
      batches: rows.map((r) => ({ fromSeq: r.from_seq, toSeq: r.to_seq, receivedAt: Number(r.received_at), prevHash: r.prev_hash, hash: r.hash })),
      events: rows.flatMap((r) => r.events as LogEvent[]),
    };
  }

  async credentialResponse(sessionId: string): Promise<unknown> {
    const row = await this.k.selectFrom('session_credentials').select('response').where('session_id', '=', sessionId).executeTakeFirst();
    return row?.response;
  }

  /** Replaces the stored answer of a session's credential (a fresh wallet offer on re-download); the credential stays. */
  async replaceCredentialResponse(sessionId: string, response: unknown): Promise<void> {
    await this.k
      .updateTable('session_credentials')
      .set({ response: JSON.stringify(response) })
      .where('session_id', '=', sessionId)
      .execute();
  }

  /** Claims the session's issuance for this request; false while another request holds a fresh claim. */
  async claimIssuance(sessionId: string, now: number): Promise<boolean> {
    const res = await this.k
      .updateTable('sessions')
      .set({ issuing_since: now })
      .where('id', '=', sessionId)
      .where((eb) => eb.or([eb('issuing_since', 'is', null), eb('issuing_since', '<', now - 60_000)]))
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }

  async releaseIssuance(sessionId: string): Promise<void> {
    await this.k.updateTable('sessions').set({ issuing_since: null }).where('id', '=', sessionId).execute();
  }

  /**
   * Records the session's credential (the response the candidate gets again on re-download) together with its
   * revocation record, in one transaction. Returns false when the session already has one (nothing written).
   */
  async recordCredential(
    sessionId: string,
    c: { credentialId: string; statusIdx: number; tokenHash: string; expiresAt: number; issuedAt: number; response: unknown; keepRaw: boolean },
  ): Promise<boolean> {
    return this.k.transaction().execute(async (tx) => {
      const inserted = await tx
        .insertInto('session_credentials')
        .values({ session_id: sessionId, credential_id: c.credentialId, issued_at: c.issuedAt, response: JSON.stringify(c.response) })
        .onConflict((oc) => oc.column('session_id').doNothing())
        .returning('session_id')
        .executeTakeFirst();
      if (!inserted) return false;
      await tx
        .insertInto('credentials')
        .values({ id: c.credentialId, status_idx: c.statusIdx, token_hash: c.tokenHash, session_id: sessionId, issued_at: c.issuedAt, expires_at: c.expiresAt })
        .execute();
      await tx
        .updateTable('sessions')
        .set({ issuing_since: null, ...(c.keepRaw ? { keep_raw: true } : {}) })
        .where('id', '=', sessionId)
        .execute();
      return true;
    });
  }

  /**
   * Deletes the session and everything the server holds of it (seeds, events, the stored credential response) and
   * revokes every credential issued from it, in one transaction: either all of it happened or none.
   */
  async deleteSession(sessionId: string, now: number): Promise<{ revoked: number[] }> {
    return this.k.transaction().execute(async (tx) => {
      const recs = await tx.selectFrom('credentials').select('status_idx').where('session_id', '=', sessionId).execute();
      const idx = [...new Set(recs.map((r) => r.status_idx))];
      if (idx.length)
        await tx.updateTable('status_entries').set({ revoked: true, revoked_at: now }).where('idx', 'in', idx).where('revoked', '=', false).execute();
      await tx.deleteFrom('sessions').where('id', '=', sessionId).execute();
      return { revoked: idx };
    });
  }

  /**
   * Retention: deletes the raw events of certified sessions whose credential was issued more than their retention ago,
   * unless the candidate asked to keep them: a pilot's sessions after the pilot's `retentionDays` (`byPilotMs`), every
   * other session (no pilot, or a pilot no longer configured) after `retentionMs`. The session row, seeds, batch hashes
   * and the credential stay (the credential's log digest can then no longer be recomputed by the issuer, which the
   * retention setting documents). Returns how many sessions lost their events.
   */
  async purgeRawEvents(now: number, retentionMs: number, byPilotMs: ReadonlyMap<string, number> = new Map()): Promise<number> {
    return this.k.transaction().execute(async (tx) => {
      // Every statement on `tx`: PGlite has one connection, which the transaction holds.
      const due = tx
        .selectFrom('session_credentials')
        .innerJoin('sessions', 'sessions.id', 'session_credentials.session_id')
        .select('sessions.id')
        .where('sessions.keep_raw', '=', false)
        .where('sessions.events_deleted_at', 'is', null)
        .where((eb) => {
          const pilots = [...byPilotMs.keys()];
          const byDefault = eb.and([
            pilots.length ? eb.or([eb('sessions.pilot', 'is', null), eb('sessions.pilot', 'not in', pilots)]) : eb.lit(true),
            eb('session_credentials.issued_at', '<', now - retentionMs),
          ]);
          return eb.or([
            byDefault,
            ...[...byPilotMs].map(([pilot, ms]) => eb.and([eb('sessions.pilot', '=', pilot), eb('session_credentials.issued_at', '<', now - ms)])),
          ]);
        });
      const ids = (await due.execute()).map((r) => r.id);
      if (!ids.length) return 0;
      // Batch rows keep their hashes and receive times (what was witnessed); only the events go.
      await tx
        .updateTable('event_batches')
        .set({ events: sql`'[]'::jsonb` as unknown as string })
        .where('session_id', 'in', ids)
        .execute();
      await tx.updateTable('sessions').set({ events_deleted_at: now }).where('id', 'in', ids).execute();
      return ids.length;
    });
  }
}
