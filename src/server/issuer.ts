/**
 * The credential issuer, mounted into the one server next to the app (same origin).
 *
 * Browser API (same origin only; JSON; body ≤ maxBodyBytes):
 *   /api/sessions…                 certified (witnessed) sessions and their one credential: witness-api.ts
 *   POST /issuer/api/revoke        { credentialId, token } (the candidate) or Bearer ISSUER_ADMIN_TOKEN (a coach's admin)
 *   GET  /issuer/api/info          issuer DID, name, URL (the /verify page trusts this issuer)
 * Public documents (any origin may read them):
 *   GET  /.well-known/openid-credential-issuer, /.well-known/oauth-authorization-server, /.well-known/openid-configuration
 *   GET  /.well-known/jwks.json, /.well-known/did.json (did:web)
 *   GET  /issuer/status/1          IETF Token Status List (application/statuslist+jwt), gzip when accepted
 *   GET  /issuer/status/1/credential   the same list as a W3C BitstringStatusListCredential (application/vc+jwt)
 *   GET  /issuer/vct/cognitive-profile/v1   SD-JWT VC type metadata
 * Wallet endpoints (OpenID4VCI): see oid4vci.ts.
 *
 * A practice (private) session never yields a credential: there is no endpoint that signs a log the browser sends.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { randomToken } from '../credential/encoding.ts';
import type { OpenBadgeCredential } from '../credential/ob-credential.ts';
import type { Assurance } from '../integrity/index.ts';
import type { ProfileSource } from '../credential/profile-source.ts';
import { STATUS_INVALID, STATUS_LIST_TYP, statusListClaim } from '../credential/status-list.ts';
import type { IssuerConfig } from './config.ts';
import { API_HEADERS, frameworkError, HttpError, PUBLIC_HEADERS, sameSecret } from './http.ts';
import { bitstringStatusListCredential } from './bitstring-status.ts';
import type { PilotConfig } from '../embed/pilot.ts';
import { witnessRoutes } from './witness-api.ts';
import { XapiForwarder } from './xapi-forwarder.ts';
import { WitnessStore } from './witness-store.ts';
import { BITSTRING_STATUS_PATH, IssuanceService, STATUS_LIST_PATH, VCT_PATH, type Prepared } from './issuance.ts';
import { loadIssuerIdentity, type IssuerIdentity } from './keys.ts';
import { Oid4vci } from './oid4vci.ts';
import { openDatabase, type Db } from './db/connect.ts';
import { SqlStore, type IssuerStore } from './store.ts';

export const REVOKE_PATH = '/issuer/api/revoke';
export const INFO_PATH = '/issuer/api/info';

const sha256hex = (s: string) => createHash('sha256').update(s).digest('hex');

/** A signed credential before it is recorded. */
export interface Minted {
  vc: OpenBadgeCredential;
  vcSdJwt: string;
  dcSdJwt: string;
  status: { idx: number; uri: string };
  revocationToken: string;
  tokenHash: string;
  /** When its revocation record may be forgotten (a day after the credential expires). */
  expiresAt: number;
}

export interface CredentialOffer {
  uri: string;
  /** The same credential through the authorization-code flow (PAR and PKCE), for wallets that do not do pre-authorized codes. */
  authorizationCodeUri: string;
  qrSvg: string;
  expiresAt: string;
  txCode?: string;
}

export interface Issuer {
  identity: IssuerIdentity;
  store: IssuerStore;
  issuance: IssuanceService;
  oid4vci: Oid4vci;
  witness: WitnessStore;
  /** Pilots' xAPI statements on their way to their LRS (xapi-forwarder.ts). */
  xapi: XapiForwarder;
  /** Sweeps expired offers, nonces and grants and applies the retention of raw events (hourly, and at start). */
  housekeeping(): Promise<void>;
  mint(prepared: Prepared, opts: { assurance?: Assurance; pilot?: string }): Promise<Minted>;
  offerFor(m: Pick<Minted, 'vc' | 'status' | 'tokenHash'>, txCode: boolean): Promise<CredentialOffer>;
  checkOrigin(req: FastifyRequest): void;
  /** The issuer's routes (API, public documents, wallet endpoints) as a Fastify plugin; app.ts registers it. */
  routes: FastifyPluginAsync;
  close(): Promise<void>;
}

export interface IssuerDeps {
  profileSource: ProfileSource;
  /** The database (default: opened from the config — PostgreSQL by DATABASE_URL, else PGlite in the data folder). */
  db?: Db;
  /** The server's clock (epoch ms) for receive times, seed handouts and the integrity checks; tests move it. */
  now?: () => number;
  /** Pilots whose embedded scans may create certified sessions (their settings are checked; their LRS is fed). */
  pilots?: ReadonlyMap<string, PilotConfig>;
  /** Where pilots' LRS credentials are read (default process.env); tests pass their own, and their own fetch. */
  env?: Readonly<Record<string, string | undefined>>;
  lrsFetch?: typeof fetch;
}

/** How often expired offers, nonces and grants are swept and raw events past retention deleted. */
const HOUSEKEEPING_MS = 60 * 60_000;

export async function createIssuer(config: IssuerConfig, deps: IssuerDeps): Promise<Issuer> {
  const identity = await loadIssuerIdentity(config);
  const db = deps.db ?? (await openDatabase({ ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}), dataDir: config.dataDir }));
  const store = new SqlStore(db);
  const witness = new WitnessStore(db);
  const now = deps.now ?? Date.now;
  const issuance = new IssuanceService(config, identity, deps.profileSource);
  const oid4vci = new Oid4vci(config, identity, store, issuance);
  const pilots = deps.pilots ?? new Map<string, PilotConfig>();
  const xapi = new XapiForwarder({
    db,
    witness,
    issuance,
    profileSource: deps.profileSource,
    pilots,
    env: deps.env ?? process.env,
    publicUrl: config.publicUrl,
    now,
    ...(deps.lrsFetch ? { fetch: deps.lrsFetch } : {}),
    log: { warn: (msg) => console.warn(msg), error: (detail, msg) => console.error(msg, detail) },
  });
  xapi.start();
  let inFlight = 0;
  let statusCache: { revision: number; jwt: string; until: number } | undefined;

  async function statusListJwt(): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    const revision = await store.statusRevision();
    if (statusCache && statusCache.revision === revision && statusCache.until > now) return statusCache.jwt;
    const jwt = await identity.signJwt(
      { typ: STATUS_LIST_TYP },
      {
        iss: identity.did,
        sub: issuance.statusListUri,
        iat: now,
        exp: now + 86_400,
        ttl: 300,
        status_list: statusListClaim(config.statusListSize, await store.revoked()),
      },
    );
    statusCache = { revision, jwt, until: now + 300 };
    return jwt;
  }

  let bitstringCache: { revision: number; jwt: string; until: number } | undefined;
  async function bitstringCredential(): Promise<string> {
    const now = Date.now();
    const revision = await store.statusRevision();
    if (bitstringCache && bitstringCache.revision === revision && bitstringCache.until > now) return bitstringCache.jwt;
    const url = issuance.bitstringStatusListCredential;
    const jwt = await bitstringStatusListCredential(identity, url, config.statusListSize, await store.revoked(), new Date(now), 86_400);
    bitstringCache = { revision, jwt, until: now + 300_000 };
    return jwt;
  }

  /** Token Status List draft 10 §8.2: the response SHOULD use gzip Content-Encoding (when the client accepts it). */
  function sendStatusDocument(req: FastifyRequest, reply: FastifyReply, contentType: string, body: string): FastifyReply {
    reply.type(contentType).headers({ 'Cache-Control': 'public, max-age=60', Vary: 'Accept-Encoding' });
    if (!/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) return reply.send(body);
    return reply.header('Content-Encoding', 'gzip').send(gzipSync(body));
  }

  function checkOrigin(req: FastifyRequest): void {
    const origin = req.headers.origin;
    if (origin !== undefined && !config.allowedOrigins.includes(origin))
      throw new HttpError(403, 'origin-not-allowed', 'Requests from this origin are not accepted.');
    if (req.headers['sec-fetch-site'] === 'cross-site') throw new HttpError(403, 'origin-not-allowed', 'Cross-site requests are not accepted.');
  }

  /**
   * Signs a prepared (validated, re-scored, profiled) log: a status entry, both credential forms, a revocation token.
   * The caller records the credential (witness-store.ts, in one transaction with the session) and then makes the offer.
   */
  async function mint(prepared: Prepared, opts: { assurance?: Assurance; pilot?: string }): Promise<Minted> {
    if (inFlight >= config.maxConcurrentIssuance)
      throw new HttpError(429, 'busy', 'The issuer is busy; try again in a few seconds.', undefined, { 'Retry-After': '2' });
    inFlight++;
    try {
      const idx = await store.allocateStatusIndex(config.statusListSize);
      const status = { idx, uri: issuance.statusListUri };
      const vc = issuance.build(prepared, { ...(opts.assurance ? { assurance: opts.assurance } : {}), ...(opts.pilot ? { pilot: opts.pilot } : {}) });
      const token = randomToken(32);
      const [vcSdJwt, dcSdJwt] = await Promise.all([issuance.secure(vc, status, 'vc+sd-jwt'), issuance.secure(vc, status, 'dc+sd-jwt')]);
      return { vc, vcSdJwt, dcSdJwt, status, revocationToken: token, tokenHash: sha256hex(token), expiresAt: Date.parse(vc.validUntil) + 86_400_000 };
    } finally {
      inFlight--;
    }
  }

  /** The wallet offer (pre-authorized code, QR code) for a recorded credential. */
  async function offerFor(m: Pick<Minted, 'vc' | 'status' | 'tokenHash'>, txCode: boolean): Promise<CredentialOffer> {
    const offer = await oid4vci.createOffer({ credentialId: m.vc.id, vc: m.vc, statusIdx: m.status.idx, tokenHash: m.tokenHash }, txCode);
    const qrSvg = await QRCode.toString(offer.uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    return {
      uri: offer.uri,
      authorizationCodeUri: offer.authorizationCodeUri,
      qrSvg,
      expiresAt: new Date(offer.expiresAt).toISOString(),
      ...(offer.txCode ? { txCode: offer.txCode } : {}),
    };
  }

  async function revoke(req: FastifyRequest, res: FastifyReply): Promise<FastifyReply> {
    const auth = req.headers.authorization;
    const admin = config.adminToken !== undefined && typeof auth === 'string' && sameSecret(auth, `Bearer ${config.adminToken}`);
    if (!admin) checkOrigin(req);
    const body = req.body as { credentialId?: unknown; token?: unknown } | null;
    const id = body?.credentialId;
    if (typeof id !== 'string' || id.length > 200) throw new HttpError(400, 'bad-request', 'Name the credential to revoke (credentialId).');
    const rec = await store.getRecord(id);
    if (!rec) throw new HttpError(404, 'unknown-credential', 'This issuer knows no credential with that id (or it has expired).');
    if (!admin) {
      const token = body?.token;
      if (typeof token !== 'string' || token.length > 200 || !sameSecret(sha256hex(token), rec.tokenHash)) {
        throw new HttpError(403, 'not-allowed', 'The revocation code does not match this credential.');
      }
    }
    await store.revoke(rec.idx);
    return res.send({ revoked: true, credentialId: id, status: { idx: rec.idx, uri: issuance.statusListUri, value: STATUS_INVALID } });
  }

  function typeMetadata() {
    return {
      vct: issuance.vct,
      name: 'Talentscan cognitive profile',
      description: 'Standard-ten scores per cognitive domain and role-fit percentages, re-computed by the issuer from the raw event log.',
      // SD-JWT VC draft 08 (pinned by DIIP v4) §8 and §9.2: display entries are tagged with `lang`.
      display: [
        { lang: 'nl', name: 'Talentscan cognitief profiel' },
        { lang: 'en', name: 'Talentscan cognitive profile' },
      ],
      claims: [
        {
          path: ['credentialSubject', 'result', null],
          sd: 'always',
          display: [
            { lang: 'en', label: 'Result' },
            { lang: 'nl', label: 'Resultaat' },
          ],
        },
        { path: ['credentialSubject', 'achievement'], sd: 'never' },
        { path: ['evidence'], sd: 'never' },
      ],
    };
  }

  /** Documents any origin may read (a verifier page, a wallet); CORS preflight answered for them and the wallet API. */
  const publicRoutes: FastifyPluginAsync = async (app) => {
    app.addHook('onSend', async (_req, reply) => {
      reply.headers(PUBLIC_HEADERS);
    });
    const preflight = async (_req: FastifyRequest, reply: FastifyReply) => {
      reply.code(204).headers({
        'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
        'Access-Control-Allow-Headers': 'Authorization, Content-Type, DPoP',
        'Access-Control-Max-Age': '600',
      });
      return reply.send();
    };
    for (const prefix of ['/.well-known/*', '/issuer/oid4vci/*', '/issuer/status/*', '/issuer/vct/*']) app.options(prefix, preflight);
    app.get('/.well-known/openid-credential-issuer', async () => oid4vci.credentialIssuerMetadata);
    app.get('/.well-known/oauth-authorization-server', async () => oid4vci.authorizationServerMetadata);
    app.get('/.well-known/openid-configuration', async () => oid4vci.authorizationServerMetadata);
    app.get('/.well-known/jwks.json', async () => identity.jwks);
    if (identity.did.startsWith('did:web:')) app.get('/.well-known/did.json', async () => identity.didDocument);
    app.get(STATUS_LIST_PATH, async (req, reply) => sendStatusDocument(req, reply, 'application/statuslist+jwt', await statusListJwt()));
    app.get(BITSTRING_STATUS_PATH, async (req, reply) => sendStatusDocument(req, reply, 'application/vc+jwt', await bitstringCredential()));
    app.get(VCT_PATH, async () => typeMetadata());
    await app.register(oid4vci.routes);
  };

  /** The browser API: same origin only, JSON, no caching. */
  const apiRoutes: FastifyPluginAsync = async (app) => {
    app.addHook('onSend', async (_req, reply) => {
      reply.headers(API_HEADERS);
    });
    app.setErrorHandler(apiErrorHandler);
    app.get(INFO_PATH, async () => ({
      issuer: identity.did,
      kid: identity.kid,
      name: config.name,
      url: config.publicUrl,
      statusList: issuance.statusListUri,
      vct: issuance.vct,
    }));
    app.post(REVOKE_PATH, { bodyLimit: 4096 }, revoke);
  };

  async function housekeeping(): Promise<void> {
    await store.sweep();
    // A pilot's sessions follow the pilot's own retention; every other session the deployment's RETENTION_DAYS.
    const byPilot = new Map([...pilots.values()].map((p) => [p.id, p.retentionDays * 86_400_000]));
    await witness.purgeRawEvents(now(), config.retentionDays * 86_400_000, byPilot);
    await witness.sweepStartTokenUses(now());
  }
  await housekeeping();
  const timer = setInterval(() => void housekeeping().catch((err: unknown) => console.error('housekeeping failed', err)), HOUSEKEEPING_MS);
  timer.unref();

  const self: Issuer = {
    identity,
    store,
    witness,
    xapi,
    issuance,
    oid4vci,
    mint,
    offerFor,
    checkOrigin,
    housekeeping,
    routes: async (app) => {
      await app.register(publicRoutes);
      await app.register(apiRoutes);
      await app.register(witnessRoutes({ config, issuer: self, store: witness, now, pilots, onFinished: (id) => void xapi.sessionFinished(id) }));
    },
    close: async () => {
      clearInterval(timer);
      xapi.stop();
      await store.close();
    },
  };
  return self;
}

/** Error body of the browser API: `{ error: code, reason: words }`, never a stack. */
export function apiErrorHandler(this: FastifyInstance, err: unknown, req: FastifyRequest, reply: FastifyReply): void {
  const known = frameworkError(err);
  if (!known) {
    req.log.error({ err }, 'issuer error');
    void reply.code(500).headers(API_HEADERS).send({ error: 'internal', reason: 'The issuer failed; nothing was issued.' });
    return;
  }
  void reply
    .code(known.status)
    .headers({ ...API_HEADERS, ...known.headers })
    .send({ error: known.code, reason: known.message, ...(known.details ? { details: known.details } : {}) });
}

/**
 * Paths of the issuer and the methods each answers: a wrong method on one of them is 405 with `Allow` (RFC 9110
 * §15.5.6), anything else under its prefixes 404 (see app.ts).
 */
export const ISSUER_METHODS: ReadonlyMap<string, string> = new Map([
  [REVOKE_PATH, 'POST'],
  [INFO_PATH, 'GET, HEAD'],
  [STATUS_LIST_PATH, 'GET, HEAD'],
  [BITSTRING_STATUS_PATH, 'GET, HEAD'],
  [VCT_PATH, 'GET, HEAD'],
  ['/.well-known/openid-credential-issuer', 'GET, HEAD'],
  ['/.well-known/oauth-authorization-server', 'GET, HEAD'],
  ['/.well-known/openid-configuration', 'GET, HEAD'],
  ['/.well-known/jwks.json', 'GET, HEAD'],
  ['/issuer/oid4vci/token', 'POST'],
  ['/issuer/oid4vci/nonce', 'POST'],
  ['/issuer/oid4vci/credential', 'POST'],
  ['/issuer/oid4vci/par', 'POST'],
  ['/issuer/oid4vci/authorize', 'GET'],
]);
export const ISSUER_PATHS: ReadonlySet<string> = new Set(ISSUER_METHODS.keys());
/** Endpoints wallets and verifiers call: their errors take the OAuth form `{ error, error_description }`. */
const WALLET_PREFIXES = ['/.well-known/', '/issuer/oid4vci/', '/issuer/status/', '/issuer/vct/'];
export const isWalletPath = (path: string) => WALLET_PREFIXES.some((prefix) => path.startsWith(prefix));
