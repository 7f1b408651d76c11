/**
 * The coach's OpenID4VP verifier (framework-neutral; plugin.ts mounts it). The coach's page asks for a request naming
 * the domains it needs; the wallet answers with `direct_post`; this checks the presentation — the holder's key-binding
 * JWT (nonce of this exchange, audience = our client id, made after the request and recently) and then the whole
 * credential with the shared verifier (signature, issuer key and trust, disclosures, validity, status list, schema) —
 * and keeps the outcome until the coach's page reads it once. Nothing else is stored.
 */
import { randomBytes } from 'node:crypto';
import { createOpenid4vpAuthorizationRequest, parseOpenid4vpAuthorizationResponse, type Openid4vpAuthorizationRequest } from '@openid4vc/openid4vp';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import QRCode from 'qrcode';
import type { FetchLike } from '../../credential/did.ts';
import { verifyCredential, type VerifyFailureReason } from '../../credential/verify.ts';
import type { Domain } from '../../runtime/game-contract.ts';
import { ExchangeStore, type Exchange, type ExchangeOutcome } from './exchanges.ts';
import { CREDENTIAL_QUERY_ID, dcqlFor, isDomain, type PRESENTATION_REFUSALS } from './request.ts';

export const PRESENTATIONS_PATH = '/coach/api/presentations';
export const RESPONSE_PATH = '/coach/oid4vp/response';

export interface VerifierOptions {
  /** Public origin of this server (no trailing slash). */
  publicUrl: string;
  /** SD-JWT VC type asked for, and the base URL its result descriptions are named under. */
  vct: string;
  issuerBaseUrl: string;
  /** Issuers whose credentials are accepted (the deployment's own issuer and any the operator adds). */
  trustedIssuers: () => readonly string[];
  schemaValidator?: (credential: unknown) => string[];
  fetch?: FetchLike;
  /** Lifetime of a request (seconds, default 300). */
  ttlSec?: number;
  /** Oldest key-binding JWT accepted (seconds, default 120) and clock skew (default 30). */
  kbMaxAgeSec?: number;
  skewSec?: number;
  now?: () => number;
}

export type RefusalReason = (typeof PRESENTATION_REFUSALS)[number] | VerifyFailureReason;

export class PresentationError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const token = () => randomBytes(24).toString('base64url');

/** We neither sign requests (no JAR) nor accept encrypted responses (no JARM): these callbacks must never run. */
const NO_JWT_CALLBACKS = {
  signJwt: () => Promise.reject(new Error('signed requests are not used')),
  encryptJwe: () => Promise.reject(new Error('encrypted requests are not used')),
  decryptJwe: () => Promise.reject(new Error('encrypted responses are not accepted')),
  verifyJwt: () => Promise.reject(new Error('signed responses are not accepted')),
};

export class Openid4vpVerifier {
  readonly store: ExchangeStore;
  readonly clientId: string;
  readonly responseUri: string;
  private readonly now: () => number;

  constructor(private readonly opts: VerifierOptions) {
    this.now = opts.now ?? Date.now;
    this.store = new ExchangeStore(1000, this.now);
    this.responseUri = `${opts.publicUrl}${RESPONSE_PATH}`;
    this.clientId = `redirect_uri:${this.responseUri}`;
  }

  /** A new request for these domains: its id (the coach's page polls with it; the wallet never sees it) and the link. */
  async create(body: unknown): Promise<{ id: string; uri: string; qrSvg: string; expiresAt: string; domains: Domain[] }> {
    const asked = (body as { domains?: unknown } | null)?.domains;
    if (!Array.isArray(asked) || asked.length === 0 || asked.length > 6 || !asked.every(isDomain)) {
      throw new PresentationError(400, 'bad-request', 'Name one to six domains to ask for.');
    }
    const domains = [...new Set(asked)];
    const created = this.now();
    const x: Exchange = {
      id: token(),
      state: token(),
      nonce: token(),
      clientId: this.clientId,
      domains,
      createdAt: created,
      expiresAt: created + (this.opts.ttlSec ?? 300) * 1000,
    };
    if (!this.store.add(x)) throw new PresentationError(429, 'busy', 'Too many open requests; try again in a minute.');
    // Unsigned and by value: the `redirect_uri:` client identifier prefix needs no request object (no JAR).
    const { authorizationRequest: uri, authorizationRequestPayload } = await createOpenid4vpAuthorizationRequest({
      authorizationRequestPayload: {
        client_id: this.clientId,
        response_type: 'vp_token',
        response_mode: 'direct_post',
        response_uri: this.responseUri,
        nonce: x.nonce,
        state: x.state,
        dcql_query: dcqlFor(domains, this.opts.vct, this.opts.issuerBaseUrl),
      },
      callbacks: NO_JWT_CALLBACKS,
    });
    x.request = authorizationRequestPayload as Openid4vpAuthorizationRequest;
    const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'L', margin: 2 });
    return { id: x.id, uri, qrSvg, expiresAt: new Date(x.expiresAt).toISOString(), domains };
  }

  /** The wallet's `direct_post`: form fields `vp_token` and `state`. Returns the outcome; refusals also reach the coach. */
  async respond(form: Record<string, string>): Promise<ExchangeOutcome> {
    const x = typeof form.state === 'string' ? this.store.byState(form.state) : undefined;
    if (!x) throw new PresentationError(400, 'invalid_request', 'Unknown or expired state.');
    if (x.outcome) throw new PresentationError(400, 'invalid_request', 'This request was already answered.');
    const outcome = await this.check(x, form);
    x.outcome = outcome;
    return outcome;
  }

  /** What the coach's page sees; a finished exchange is deleted once read. */
  poll(id: string): { status: 'pending'; expiresAt: string } | ExchangeOutcome {
    const x = this.store.get(id);
    if (!x) throw new PresentationError(404, 'not-found', 'No such request (it expired or was read).');
    if (!x.outcome) return { status: 'pending', expiresAt: new Date(x.expiresAt).toISOString() };
    this.store.delete(id);
    return x.outcome;
  }

  private async check(x: Exchange, form: Record<string, string>): Promise<ExchangeOutcome> {
    const receivedAt = new Date(this.now()).toISOString();
    const refuse = (reason: RefusalReason, detail: string): ExchangeOutcome => ({ status: 'refused', reason, detail, receivedAt });
    if (!x.request) return refuse('malformed', 'This request was never sent.');
    let presentation: string | undefined;
    try {
      // The library checks the response against our request (state, the DCQL query ids) and parses vp_token.
      const parsed = await parseOpenid4vpAuthorizationResponse({
        authorizationResponse: form,
        authorizationRequestPayload: x.request,
        callbacks: NO_JWT_CALLBACKS,
      });
      const entry = parsed.type === 'dcql' ? parsed.dcql.presentations[CREDENTIAL_QUERY_ID]?.[0] : undefined;
      presentation = typeof entry === 'string' && entry.length <= 200_000 ? entry : undefined;
    } catch (err) {
      return refuse('malformed', `The answer is not a valid OpenID4VP response: ${(err as Error).message.slice(0, 300)}`);
    }
    if (!presentation) return refuse('malformed', 'The wallet sent no presentation for our query.');
    const parts = presentation.split('~');
    const kb = presentation.endsWith('~') ? undefined : parts[parts.length - 1];
    if (!kb) return refuse('key-binding', 'The presentation carries no key-binding proof of the holder.');
    let kbPayload: ReturnType<typeof decodeJwt>;
    let vct: unknown;
    try {
      kbPayload = decodeJwt(kb);
      vct = decodeJwt(parts[0] ?? '').vct;
      if (decodeProtectedHeader(parts[0] ?? '').typ !== 'dc+sd-jwt') return refuse('wrong-type', 'The presentation is not an SD-JWT VC (dc+sd-jwt).');
    } catch {
      return refuse('malformed', 'The presentation could not be decoded.');
    }
    if (vct !== this.opts.vct) return refuse('wrong-type', `The credential is of another type (${String(vct)}).`);
    if (kbPayload.nonce !== x.nonce) return refuse('wrong-nonce', "The holder proof answers another request (its nonce is not this request's).");
    if (kbPayload.aud !== x.clientId) return refuse('wrong-audience', 'The holder proof was made for another verifier (audience).');
    const skew = this.opts.skewSec ?? 30;
    const iat = typeof kbPayload.iat === 'number' ? kbPayload.iat * 1000 : NaN;
    const now = this.now();
    if (!Number.isFinite(iat) || iat < x.createdAt - skew * 1000 || now - iat > (this.opts.kbMaxAgeSec ?? 120) * 1000 || iat > now + skew * 1000) {
      return refuse('stale-proof', 'The holder proof was not made just now for this request (its time is too old or in the future).');
    }
    const result = await verifyCredential(presentation, {
      trustedIssuers: this.opts.trustedIssuers(),
      keyBinding: { nonce: x.nonce, audience: x.clientId },
      now: new Date(now),
      skewSeconds: skew,
      ...(this.opts.schemaValidator ? { schemaValidator: this.opts.schemaValidator } : {}),
      ...(this.opts.fetch ? { fetch: this.opts.fetch } : {}),
    });
    if (!result.ok) return refuse(result.reason, result.detail);
    return { status: 'received', presentation, receivedAt };
  }
}
