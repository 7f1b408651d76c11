/**
 * Certified sessions, witnessed by the server (the HTTP contract is src/log/witness.ts):
 *
 *   POST   /api/sessions                         create: battery, norm group, consent → session id + capability token
 *   POST   /api/sessions/:id/games/:game/start   the game's design seed, drawn here, handed out once, in battery order
 *   POST   /api/sessions/:id/batches             one batch of the log, hash-chained to what is stored; append-only
 *   GET    /api/sessions/:id                     where the server's copy stands
 *   POST   /api/sessions/:id/credential          the one credential of the session, from the server's own copy
 *   DELETE /api/sessions/:id                     everything of the session goes; its credentials are revoked
 *
 * Every call but the first carries `Authorization: Bearer <token>`; the token is random and stored only as its
 * SHA-256. Same-origin (or configured origins) only, like the rest of the browser API. Errors: `{ error, message }`
 * plus `reason` (the issuer API's field) with the same words.
 */
import { createHash, randomInt } from 'node:crypto';
import { preAuthorizedCodeGrantIdentifier } from '@openid4vc/oauth2';
import Ajv from 'ajv';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import { GAMES } from '../../games/registry.ts';
import type { PilotConfig } from '../embed/pilot.ts';
import { randomToken } from '../credential/encoding.ts';
import type { OpenBadgeCredential } from '../credential/ob-credential.ts';
import { type Assurance, assessWitnessed, type Embedding, type WitnessRecord } from '../integrity/index.ts';
import type { LogEvent } from '../log/events.ts';
import {
  chainHash,
  genesisHash,
  WITNESS_PROTOCOL_VERSION,
  type CreateSessionRequest,
  type CreateSessionResponse,
  type GameStartResponse,
  type UploadBatchRequest,
  type UploadBatchResponse,
  type WitnessStatus,
} from '../log/witness.ts';
import { BATTERIES } from '../runtime/batteries.ts';
import type { IssuerConfig } from './config.ts';
import { API_HEADERS, frameworkError, HttpError, sameSecret } from './http.ts';
import { LANGS } from './issuance.ts';
import type { Issuer } from './issuer.ts';
import { logSchema } from './log-validation.ts';
import { StartTokenError, StartTokenVerifier, type VerifiedStartToken } from './start-token.ts';
import type { SessionRow, WitnessStore } from './witness-store.ts';

const sha256hex = (s: string) => createHash('sha256').update(s).digest('hex');

/** The pre-authorized code in a credential offer link (`openid-credential-offer://?credential_offer=…`). */
function preAuthorizedCode(uri: string): string | undefined {
  try {
    const offer = JSON.parse(new URL(uri).searchParams.get('credential_offer') ?? '{}') as { grants?: Record<string, { 'pre-authorized_code'?: unknown }> };
    const code = offer.grants?.[preAuthorizedCodeGrantIdentifier]?.['pre-authorized_code'];
    return typeof code === 'string' ? code : undefined;
  } catch {
    return undefined;
  }
}

/** Largest batch the recorder sends (it cuts at every trial end; a batch of thousands of events is not a recorder's). */
export const MAX_BATCH_EVENTS = 2000;
const MAX_BATCH_BYTES = 1024 * 1024;
const HEX64 = { type: 'string', pattern: '^[0-9a-f]{64}$' } as const;
const ID = { type: 'string', pattern: '^[0-9a-f-]{36}$' } as const;

const createSchema = {
  type: 'object',
  required: ['battery', 'normGroup', 'lang', 'consent'],
  additionalProperties: false,
  properties: {
    battery: { type: 'string', maxLength: 32 },
    normGroup: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{0,63}$' },
    lang: { enum: [...LANGS] },
    consent: {
      type: 'object',
      required: ['textVersion', 'mode', 'acceptedAt'],
      additionalProperties: false,
      properties: { textVersion: { type: 'string', minLength: 1, maxLength: 64 }, mode: { const: 'certified' }, acceptedAt: { type: 'number' } },
    },
    pilot: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{0,63}$' },
    /** The pilot's start token (start-token.ts): a compact JWS. Its own checks give the refusal a code of its own. */
    startToken: { type: 'string', minLength: 1, maxLength: 4096 },
    /** The embedded scan's id (the iframe's `embedId`), which a start token is bound to. */
    embedId: { type: 'string', pattern: '^[A-Za-z0-9_-]{6,64}$' },
  },
} as const;

const batchSchema = {
  type: 'object',
  required: ['fromSeq', 'events', 'prevHash', 'hash'],
  additionalProperties: false,
  properties: { fromSeq: { type: 'integer', minimum: 0 }, events: { type: 'array', minItems: 1, maxItems: MAX_BATCH_EVENTS }, prevHash: HEX64, hash: HEX64 },
} as const;

const credentialSchema = {
  type: ['object', 'null'],
  additionalProperties: false,
  properties: {
    lang: { enum: [...LANGS] },
    txCode: { type: 'boolean' },
    /** The candidate asks the server to keep the raw events beyond the retention period (e.g. for a coach's review). */
    keepRawEvents: { type: 'boolean' },
  },
} as const;

const params = { type: 'object', required: ['id'], properties: { id: ID, game: { type: 'string', maxLength: 64 } } } as const;

/**
 * A pilot's session is made with that pilot's settings or not at all: the browser names the pilot, but the server
 * decides what a pilot's scan is (its battery and norm group), so an embedded page cannot certify another battery
 * under a pilot's name.
 */
function checkPilotSession(pilot: PilotConfig | undefined, body: CreateSessionRequest): void {
  if (!pilot) throw new HttpError(422, 'unknown-pilot', `There is no pilot "${body.pilot}".`);
  if (body.battery !== pilot.battery || body.normGroup !== pilot.normGroup) {
    throw new HttpError(
      422,
      'pilot-settings',
      `The pilot "${pilot.id}" runs the ${pilot.battery} battery with the ${pilot.normGroup} norm group, not ${body.battery} with ${body.normGroup}.`,
    );
  }
}

/**
 * How a pilot's session is tied to the pilot, as the credential states it: vouched for by the pilot's own backend
 * with a start token we verified, or only played with the pilot's settings.
 */
function embeddingOf(session: SessionRow, pilots: ReadonlyMap<string, PilotConfig> | undefined): Embedding {
  const pilot = session.pilot ?? '';
  return { pilot, pilotName: pilots?.get(pilot)?.name ?? pilot, binding: session.start_token ? 'start-token' : 'settings' };
}

/** The answer of POST /api/sessions/:id/credential (as the practice-era issuance answered, plus the assurance). */
export interface SessionCredentialResponse {
  credentialId: string;
  credential: unknown;
  vcSdJwt: string;
  dcSdJwt: string;
  offer: { uri: string; authorizationCodeUri: string; qrSvg: string; expiresAt: string; txCode?: string };
  revocation: { credentialId: string; token: string };
  status: { idx: number; uri: string };
  recompute: { logDigest: string; algorithmVersion: string; norm: { id: string; version: string } };
  assurance: unknown;
  coveredGames: string[];
}

export interface WitnessApiDeps {
  config: IssuerConfig;
  issuer: Issuer;
  store: WitnessStore;
  now: () => number;
  /** Pilots whose embedded scans may create sessions (the `pilot` field must name one, with its battery and norm group). */
  pilots?: ReadonlyMap<string, PilotConfig>;
  /** Told of every session whose log just became complete (its `session-end` was stored): the xAPI forwarding. */
  onFinished?: (sessionId: string) => void;
}

export function witnessRoutes({ config, issuer, store, now, pilots, onFinished }: WitnessApiDeps): FastifyPluginAsync {
  const startTokens = new StartTokenVerifier({ audience: config.publicUrl, now });
  const eventsAjv = new Ajv({ discriminator: true, allErrors: false, strict: true });
  const validateEvents = eventsAjv.compile({ ...logSchema(MAX_BATCH_EVENTS), minItems: 1 });

  async function authorized(req: FastifyRequest<{ Params: { id: string } }>): Promise<SessionRow> {
    issuer.checkOrigin(req);
    const auth = req.headers.authorization;
    const token = typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice(7).trim() : '';
    const session = await store.getSession(req.params.id);
    // One answer for "no such session" and "wrong token": the id alone reveals nothing.
    if (!session || !token || !sameSecret(sha256hex(token), session.token_hash)) {
      throw new HttpError(
        session ? 403 : 404,
        session ? 'not-allowed' : 'unknown-session',
        session ? 'This token does not open that session.' : 'The server did not start this session (or it was deleted).',
      );
    }
    return session;
  }

  return async (app: FastifyInstance) => {
    app.addHook('onSend', async (_req, reply) => {
      reply.headers(API_HEADERS);
    });
    app.setErrorHandler((err, req, reply) => {
      const known = frameworkError(err);
      if (!known) {
        req.log.error({ err }, 'witness error');
        return reply.code(500).send({ error: 'internal', message: 'The server failed; nothing was stored or issued by this request.', reason: 'internal' });
      }
      return reply
        .code(known.status)
        .headers(known.headers)
        .send({ error: known.code, message: known.message, reason: known.message, ...(known.details ? { details: known.details } : {}) });
    });

    app.post<{ Body: CreateSessionRequest }>('/api/sessions', { bodyLimit: 8192, schema: { body: createSchema } }, async (req, reply) => {
      issuer.checkOrigin(req);
      const body = req.body;
      if (!BATTERIES[body.battery]) throw new HttpError(422, 'unknown-battery', `There is no battery "${body.battery}".`);
      let vouched: VerifiedStartToken | null = null;
      if (body.pilot !== undefined) {
        const pilot = pilots?.get(body.pilot);
        checkPilotSession(pilot, body);
        vouched = await startTokens.verify(pilot!, body.startToken, body.embedId);
      } else if (body.startToken !== undefined) {
        throw new StartTokenError('start-token-without-pilot', 'A start token vouches for a pilot session; this request names no pilot.');
      }
      const id = crypto.randomUUID();
      const token = randomToken(32);
      const serverStart = now();
      const created = await store.createSession({
        id,
        tokenHash: sha256hex(token),
        battery: body.battery,
        normGroup: body.normGroup,
        lang: body.lang,
        ...(body.pilot ? { pilot: body.pilot } : {}),
        consent: { ...body.consent, receivedAt: serverStart },
        serverStart,
        genesis: await genesisHash(id),
        ...(vouched ? { startToken: vouched } : {}),
      });
      if (!created)
        throw new StartTokenError('start-token-replayed', 'This start token was used before: each one starts one session. Ask the pilot page for a new one.');
      const res: CreateSessionResponse = {
        sessionId: id,
        token,
        serverStart,
        battery: body.battery,
        normGroup: body.normGroup,
        protocol: WITNESS_PROTOCOL_VERSION,
      };
      return reply.code(201).send(res);
    });

    app.post<{ Params: { id: string; game: string } }>('/api/sessions/:id/games/:game/start', { bodyLimit: 1024, schema: { params } }, async (req) => {
      const session = await authorized(req);
      const games = BATTERIES[session.battery]?.games ?? [];
      const game = req.params.game;
      const ord = games.indexOf(game);
      if (ord < 0) throw new HttpError(422, 'game-not-in-battery', `"${game}" is not a game of the ${session.battery} battery.`);
      const handed = await store.handouts(session.id);
      const earlier = handed.find((h) => h.game === game);
      if (earlier) return { game, version: earlier.version, seed: earlier.seed } satisfies GameStartResponse;
      if (handed.length !== ord) {
        throw new HttpError(409, 'game-out-of-order', `The ${session.battery} battery plays ${games[handed.length] ?? 'no further game'} next, not ${game}.`);
      }
      const manifest = GAMES[game];
      if (!manifest) throw new HttpError(422, 'unknown-game', `The server has no game "${game}".`);
      // Drawn here with a CSPRNG and revealed only now: the browser cannot choose or foresee a design.
      const drawn = { game, version: manifest.version, seed: randomInt(1, 2 ** 31 - 1), handedOutAt: now() };
      const got = await store.handOut(session.id, ord, drawn);
      if (!got) throw new HttpError(409, 'game-out-of-order', `Another game already took position ${ord + 1} of this session.`);
      return { game, version: got.version, seed: got.seed } satisfies GameStartResponse;
    });

    app.post<{ Params: { id: string }; Body: UploadBatchRequest }>(
      '/api/sessions/:id/batches',
      { bodyLimit: MAX_BATCH_BYTES, schema: { params, body: batchSchema } },
      async (req) => {
        const session = await authorized(req);
        const b = req.body;
        if (!validateEvents(b.events)) {
          const e = validateEvents.errors?.[0];
          throw new HttpError(
            422,
            'invalid-events',
            `The batch does not follow the event schema: event ${e?.instancePath ?? ''} ${e?.message ?? 'is invalid'}.`,
          );
        }
        const events = b.events as LogEvent[];
        for (let i = 0; i < events.length; i++) {
          if (events[i]!.seq !== b.fromSeq + i)
            throw new HttpError(422, 'batch-seq', `Event ${i} of the batch has seq ${events[i]!.seq}, not ${b.fromSeq + i}.`);
        }
        const toSeq = b.fromSeq + events.length - 1;
        if (toSeq >= config.maxEvents) throw new HttpError(413, 'too-many-events', `A session holds at most ${config.maxEvents} events.`);
        if ((await chainHash(b.prevHash, events)) !== b.hash) {
          throw new HttpError(409, 'hash-mismatch', 'The batch hash is not the chain hash of its events after prevHash: it was altered or computed wrongly.');
        }
        const res = await store.append(session.id, { fromSeq: b.fromSeq, toSeq, receivedAt: now(), prevHash: b.prevHash, hash: b.hash }, events);
        // Only the batch that completed the log, once: a replayed batch was told of already.
        if (res.kind === 'stored' && events.some((e) => e.type === 'session-end')) onFinished?.(session.id);
        switch (res.kind) {
          case 'stored':
          case 'replay':
            return { ackSeq: res.ackSeq, hash: res.hash } satisfies UploadBatchResponse;
          case 'out-of-order':
            throw new HttpError(409, 'seq-gap', `The server expects seq ${res.expectedSeq} next (after the chain hash it holds).`, {
              ackSeq: res.expectedSeq - 1,
              hash: res.hash,
            });
          case 'chain-mismatch':
            throw new HttpError(409, 'chain-broken', 'prevHash is not the chain hash the server holds: the log was changed after it was sent.', {
              ackSeq: res.expectedSeq - 1,
              hash: res.hash,
            });
          case 'closed':
            throw new HttpError(409, 'session-closed', 'This session has its credential (or its events were deleted); nothing can be added to it.');
          case 'unknown':
            throw new HttpError(404, 'unknown-session', 'The server did not start this session (or it was deleted).');
        }
      },
    );

    app.get<{ Params: { id: string } }>('/api/sessions/:id', { schema: { params } }, async (req) => {
      const s = await authorized(req);
      const handed = await store.handouts(s.id);
      const issued = (await store.credentialResponse(s.id)) !== undefined;
      return {
        sessionId: s.id,
        ackSeq: s.ack_seq,
        hash: s.head_hash,
        finished: s.finished,
        games: handed.map((h) => h.game),
        credentialIssued: issued,
      } satisfies WitnessStatus;
    });

    app.post<{ Params: { id: string }; Body: { lang?: string; txCode?: boolean; keepRawEvents?: boolean } | null }>(
      '/api/sessions/:id/credential',
      { bodyLimit: 1024, schema: { params, body: credentialSchema } },
      async (req, reply) => {
        const session = await authorized(req);
        const body = req.body ?? {};
        const existing = (await store.credentialResponse(session.id)) as SessionCredentialResponse | undefined;
        if (existing) return reply.code(200).send(await withLiveOffer(session.id, existing, body.txCode === true));
        if (session.events_deleted_at !== null)
          throw new HttpError(410, 'events-deleted', 'The events of this session were deleted; no credential can be made from them.');
        if (!(await store.claimIssuance(session.id, now()))) {
          throw new HttpError(409, 'issuance-in-progress', 'The credential of this session is being made; ask again in a moment.', undefined, {
            'Retry-After': '2',
          });
        }
        try {
          const response = await issue(session, body);
          return reply.code(201).send(response);
        } finally {
          await store.releaseIssuance(session.id);
        }
      },
    );

    app.delete<{ Params: { id: string } }>('/api/sessions/:id', { schema: { params } }, async (req) => {
      const session = await authorized(req);
      const { revoked } = await store.deleteSession(session.id, now());
      return { deleted: true, sessionId: session.id, revokedCredentials: revoked.length };
    });
  };

  /**
   * Re-download: the same credential (same id, same signed forms, same revocation code), with a wallet offer that can
   * still be redeemed. The stored offer is answered while it is pending; once a wallet redeemed it or it expired (an
   * offer lives minutes, a re-download may come days later), a fresh offer for the same credential and status entry
   * replaces it — so a candidate who lost the wallet or missed the QR code can add the credential again. Every wallet
   * copy shares the credential's status entry: one revocation withdraws them all. A revoked credential gets no new offer.
   */
  async function withLiveOffer(sessionId: string, stored: SessionCredentialResponse, txCode: boolean): Promise<SessionCredentialResponse> {
    const code = preAuthorizedCode(stored.offer.uri);
    if (code !== undefined && (await issuer.store.get('offer', code)) !== undefined) return stored;
    if (await issuer.store.isRevoked(stored.status.idx)) return stored;
    const offer = await issuer.offerFor(
      { vc: stored.credential as OpenBadgeCredential, status: stored.status, tokenHash: sha256hex(stored.revocation.token) },
      txCode,
    );
    const fresh: SessionCredentialResponse = { ...stored, offer };
    await store.replaceCredentialResponse(sessionId, fresh);
    return fresh;
  }

  /** Judges, re-scores and signs the server's own copy of the session; records the credential before answering. */
  async function issue(session: SessionRow, body: { txCode?: boolean; keepRawEvents?: boolean }): Promise<SessionCredentialResponse> {
    if (!session.finished) {
      // Asked first: the log gate below would refuse the same log only as generally incomplete.
      const message = 'The session has not ended: the server holds no session-end as its last event.';
      throw new HttpError(422, 'session-not-finished', message, { refusals: [{ code: 'session-not-finished', message }] });
    }
    const { batches, events: stored } = await store.batches(session.id);
    // The integrity checks take a log that passed the issuer's schema and plausibility gate (their contract).
    const events = issuer.issuance.validate(stored);
    const record: WitnessRecord = {
      sessionId: session.id,
      battery: session.battery,
      normGroup: session.norm_group,
      serverStart: session.server_start,
      ...(session.pilot ? { pilot: session.pilot } : {}),
      seeds: await store.handouts(session.id),
      batches,
      events,
    };
    const verdict = await assessWitnessed(record, { now: now() });
    if (!verdict.ok) {
      const first = verdict.refusals[0]!;
      throw new HttpError(422, first.code, first.message, { refusals: verdict.refusals });
    }
    const assurance: Assurance = session.pilot ? { ...verdict.assurance, embedding: embeddingOf(session, pilots) } : verdict.assurance;
    const prepared = await issuer.issuance.prepare({ events, normGroup: session.norm_group });
    const minted = await issuer.mint(prepared, { assurance, ...(session.pilot ? { pilot: session.pilot } : {}) });
    const response: SessionCredentialResponse = {
      credentialId: minted.vc.id,
      credential: minted.vc,
      vcSdJwt: minted.vcSdJwt,
      dcSdJwt: minted.dcSdJwt,
      // The wallet offer is part of what is stored: a re-download answers it again while it can be redeemed (withLiveOffer).
      offer: await issuer.offerFor(minted, body.txCode === true),
      revocation: { credentialId: minted.vc.id, token: minted.revocationToken },
      status: minted.status,
      recompute: {
        logDigest: prepared.logDigest,
        algorithmVersion: prepared.profile.algorithmVersion,
        norm: { id: prepared.profile.norm.id, version: prepared.profile.norm.version },
      },
      assurance,
      coveredGames: verdict.coveredGames,
    };
    const recorded = await store.recordCredential(session.id, {
      credentialId: minted.vc.id,
      statusIdx: minted.status.idx,
      tokenHash: minted.tokenHash,
      expiresAt: minted.expiresAt,
      issuedAt: now(),
      response,
      keepRaw: body.keepRawEvents === true,
    });
    if (!recorded) {
      // Another request won (its claim had gone stale): the session keeps that one credential; this one was never given out.
      await issuer.store.revoke(minted.status.idx);
      return (await store.credentialResponse(session.id)) as SessionCredentialResponse;
    }
    return response;
  }
}
