/**
 * The credential issuer, mounted into the one server next to the app (same origin).
 *
 * Browser API (same origin only; JSON; body ≤ maxBodyBytes):
 *   POST /issuer/api/credentials   raw session log → re-scored, checked, signed credential + wallet offer
 *   POST /issuer/api/revoke        { credentialId, token } (the candidate) or Bearer ISSUER_ADMIN_TOKEN (a coach's admin)
 *   GET  /issuer/api/info          issuer DID, name, URL (the /verify page trusts this issuer)
 * Public documents (any origin may read them):
 *   GET  /.well-known/openid-credential-issuer, /.well-known/oauth-authorization-server, /.well-known/openid-configuration
 *   GET  /.well-known/jwks.json, /.well-known/did.json (did:web)
 *   GET  /issuer/status/1          IETF Token Status List (application/statuslist+jwt)
 *   GET  /issuer/vct/cognitive-profile/v1   SD-JWT VC type metadata
 * Wallet endpoints (OpenID4VCI): see oid4vci.ts.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import QRCode from 'qrcode';
import { randomToken } from '../credential/encoding.ts';
import type { ProfileSource } from '../credential/profile-source.ts';
import { STATUS_INVALID, STATUS_LIST_TYP, statusListClaim } from '../credential/status-list.ts';
import type { IssuerConfig } from './config.ts';
import { API_HEADERS, frameworkError, HttpError, PUBLIC_HEADERS } from './http.ts';
import { IssuanceService, STATUS_LIST_PATH, VCT_PATH } from './issuance.ts';
import { loadIssuerIdentity, type IssuerIdentity } from './keys.ts';
import { Oid4vci } from './oid4vci.ts';
import { FileStore, type IssuerStore } from './store.ts';

export const ISSUE_PATH = '/issuer/api/credentials';
export const REVOKE_PATH = '/issuer/api/revoke';
export const INFO_PATH = '/issuer/api/info';

interface RecordEntry {
  idx: number;
  tokenHash: string;
}

const sha256hex = (s: string) => createHash('sha256').update(s).digest('hex');

export interface Issuer {
  identity: IssuerIdentity;
  store: IssuerStore;
  issuance: IssuanceService;
  oid4vci: Oid4vci;
  /** The issuer's routes (API, public documents, wallet endpoints) as a Fastify plugin; app.ts registers it. */
  routes: FastifyPluginAsync;
  close(): Promise<void>;
}

export async function createIssuer(config: IssuerConfig, deps: { profileSource: ProfileSource; store?: IssuerStore }): Promise<Issuer> {
  const identity = await loadIssuerIdentity(config);
  const store = deps.store ?? new FileStore(config.dataDir);
  const issuance = new IssuanceService(config, identity, deps.profileSource);
  const oid4vci = new Oid4vci(config, identity, store, issuance);
  let inFlight = 0;
  let statusCache: { revision: number; jwt: string; until: number } | undefined;

  async function statusListJwt(): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    if (statusCache && statusCache.revision === store.statusRevision() && statusCache.until > now) return statusCache.jwt;
    const revision = store.statusRevision();
    const jwt = await identity.signJwt(
      { typ: STATUS_LIST_TYP },
      { iss: identity.did, sub: issuance.statusListUri, iat: now, exp: now + 86_400, ttl: 300, status_list: statusListClaim(config.statusListSize, await store.revoked()) },
    );
    statusCache = { revision, jwt, until: now + 300 };
    return jwt;
  }

  function checkOrigin(req: FastifyRequest): void {
    const origin = req.headers.origin;
    if (origin !== undefined && !config.allowedOrigins.includes(origin)) throw new HttpError(403, 'origin-not-allowed', 'Requests from this origin are not accepted.');
    if (req.headers['sec-fetch-site'] === 'cross-site') throw new HttpError(403, 'origin-not-allowed', 'Cross-site requests are not accepted.');
  }

  async function issue(req: FastifyRequest, res: FastifyReply): Promise<FastifyReply> {
    checkOrigin(req);
    const request = issuance.parseRequest(req.body);
    if (inFlight >= config.maxConcurrentIssuance) throw new HttpError(429, 'busy', 'The issuer is busy; try again in a few seconds.', undefined, { 'Retry-After': '2' });
    inFlight++;
    try {
      const prepared = await issuance.prepare(request);
      // Everything checked: now (and only now) the credential gets a status entry and a signature.
      const idx = await store.allocateStatusIndex(config.statusListSize);
      const status = { idx, uri: issuance.statusListUri };
      const vc = issuance.build(prepared);
      const token = randomToken(32);
      const tokenHash = sha256hex(token);
      const [vcSdJwt, dcSdJwt] = await Promise.all([issuance.secure(vc, status, 'vc+sd-jwt'), issuance.secure(vc, status, 'dc+sd-jwt')]);
      await store.put('record', vc.id, { idx, tokenHash } satisfies RecordEntry, Date.parse(vc.validUntil) + 86_400_000);
      const offer = await oid4vci.createOffer({ credentialId: vc.id, vc, statusIdx: idx, tokenHash }, request.txCode === true);
      const qrSvg = await QRCode.toString(offer.uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      return res.code(201).send({
        credentialId: vc.id,
        credential: vc,
        vcSdJwt,
        dcSdJwt,
        offer: { uri: offer.uri, qrSvg, expiresAt: new Date(offer.expiresAt).toISOString(), ...(offer.txCode ? { txCode: offer.txCode } : {}) },
        revocation: { credentialId: vc.id, token },
        status,
        recompute: { logDigest: prepared.logDigest, algorithmVersion: prepared.profile.algorithmVersion, norm: { id: prepared.profile.norm.id, version: prepared.profile.norm.version } },
      });
    } finally {
      inFlight--;
    }
  }

  async function revoke(req: FastifyRequest, res: FastifyReply): Promise<FastifyReply> {
    const auth = req.headers.authorization;
    const admin = config.adminToken !== undefined && typeof auth === 'string' && safeEqual(auth, `Bearer ${config.adminToken}`);
    if (!admin) checkOrigin(req);
    const body = req.body as { credentialId?: unknown; token?: unknown } | null;
    const id = body?.credentialId;
    if (typeof id !== 'string' || id.length > 200) throw new HttpError(400, 'bad-request', 'Name the credential to revoke (credentialId).');
    const rec = await store.get<RecordEntry>('record', id);
    if (!rec) throw new HttpError(404, 'unknown-credential', 'This issuer knows no credential with that id (or it has expired).');
    if (!admin) {
      const token = body?.token;
      if (typeof token !== 'string' || token.length > 200 || !safeEqual(sha256hex(token), rec.tokenHash)) {
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
      display: [
        { locale: 'nl', name: 'Talentscan cognitief profiel' },
        { locale: 'en', name: 'Talentscan cognitive profile' },
      ],
      claims: [
        { path: ['credentialSubject', 'result', null], sd: 'always', display: [{ locale: 'en', label: 'Result' }, { locale: 'nl', label: 'Resultaat' }] },
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
      reply.code(204).headers({ 'Access-Control-Allow-Methods': 'GET, POST, OPTIONS', 'Access-Control-Allow-Headers': 'Authorization, Content-Type, DPoP', 'Access-Control-Max-Age': '600' });
      return reply.send();
    };
    for (const prefix of ['/.well-known/*', '/issuer/oid4vci/*', '/issuer/status/*', '/issuer/vct/*']) app.options(prefix, preflight);
    app.get('/.well-known/openid-credential-issuer', async () => oid4vci.credentialIssuerMetadata);
    app.get('/.well-known/oauth-authorization-server', async () => oid4vci.authorizationServerMetadata);
    app.get('/.well-known/openid-configuration', async () => oid4vci.authorizationServerMetadata);
    app.get('/.well-known/jwks.json', async () => identity.jwks);
    if (identity.did.startsWith('did:web:')) app.get('/.well-known/did.json', async () => identity.didDocument);
    app.get(STATUS_LIST_PATH, async (_req, reply) => {
      const jwt = await statusListJwt();
      return reply.type('application/statuslist+jwt').header('Cache-Control', 'public, max-age=60').send(jwt);
    });
    app.get(VCT_PATH, async () => typeMetadata());
    await app.register(oid4vci.routes);
  };

  /** The browser API: same origin only, JSON, no caching. */
  const apiRoutes: FastifyPluginAsync = async (app) => {
    app.addHook('onSend', async (_req, reply) => {
      reply.headers(API_HEADERS);
    });
    app.setErrorHandler(apiErrorHandler);
    app.get(INFO_PATH, async () => ({ issuer: identity.did, kid: identity.kid, name: config.name, url: config.publicUrl, statusList: issuance.statusListUri, vct: issuance.vct }));
    app.post(ISSUE_PATH, issue);
    app.post(REVOKE_PATH, { bodyLimit: 4096 }, revoke);
  };

  return {
    identity,
    store,
    issuance,
    oid4vci,
    routes: async (app) => {
      await app.register(publicRoutes);
      await app.register(apiRoutes);
    },
    close: () => store.close(),
  };
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

/** Paths of the issuer: a wrong method on one of them is 405, anything else under its prefixes 404 (see app.ts). */
export const ISSUER_PATHS = new Set([ISSUE_PATH, REVOKE_PATH, INFO_PATH, STATUS_LIST_PATH, VCT_PATH, '/issuer/oid4vci/token', '/issuer/oid4vci/nonce', '/issuer/oid4vci/credential']);

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
