/**
 * OpenID4VCI pre-authorized code flow, on @openid4vc/openid4vci and @openid4vc/oauth2 (request parsing and
 * validation, proof-JWT checks, metadata, offers and responses); crypto through jose callbacks; state in the store.
 *
 *   browser  POST /issuer/api/credentials            → offer (openid-credential-offer://…, pre-authorized code)
 *   wallet   GET  /.well-known/openid-credential-issuer, /.well-known/oauth-authorization-server
 *   wallet   POST /issuer/oid4vci/token              pre-authorized code (+ tx_code) → access token (+ c_nonce)
 *   wallet   POST /issuer/oid4vci/nonce              → c_nonce
 *   wallet   POST /issuer/oid4vci/credential         access token + proof JWT (nonce, aud, holder key) → credential with cnf
 *
 * Codes and nonces are single-use (`take`) and short-lived (config TTLs). A replayed code or a stale nonce is refused
 * with `invalid_grant` / `invalid_nonce`.
 */
import { createHash } from 'node:crypto';
import {
  clientAuthenticationAnonymous,
  Oauth2AuthorizationServer,
  Oauth2ErrorCodes,
  Oauth2ResourceServer,
  Oauth2ResourceUnauthorizedError,
  Oauth2ServerErrorResponseError,
  preAuthorizedCodeGrantIdentifier,
  authorizationCodeGrantIdentifier,
  PkceCodeChallengeMethod,
  type AuthorizationServerMetadata,
  type CallbackContext,
  type Jwk,
} from '@openid4vc/oauth2';
import { Openid4vciIssuer, Openid4vciVersion, setGlobalConfig, type CredentialIssuerMetadata, type IssuerMetadataResult } from '@openid4vc/openid4vci';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { compactVerify, decodeJwt, importJWK, type JWK } from 'jose';
import { didJwk, jwkFromDidJwk, resolveHolderKey, type FetchLike } from '../credential/did.ts';
import { randomToken } from '../credential/encoding.ts';
import { DC_SD_JWT, VC_SD_JWT, type SdJwtFormat } from '../credential/formats.ts';
import { OB_CONTEXT, VCDM_CONTEXT, type OpenBadgeCredential } from '../credential/ob-credential.ts';
import type { HolderBinding } from '../credential/sd-jwt.ts';
import type { IssuerConfig } from './config.ts';
import { frameworkError, HttpError, requestLike, sameSecret } from './http.ts';
import type { IssuanceService } from './issuance.ts';
import { PAR_URI_PREFIX, parsePushedRequest, redirectBack, type PushedRequest } from './oid4vci-authorization.ts';
import type { IssuerIdentity } from './keys.ts';
import type { IssuerStore } from './store.ts';

export const VC_CONFIG_ID = 'TalentscanCognitiveProfile_vc+sd-jwt';
export const DC_CONFIG_ID = 'TalentscanCognitiveProfile_dc+sd-jwt';
const FORMAT_OF: Record<string, SdJwtFormat> = { [VC_CONFIG_ID]: VC_SD_JWT, [DC_CONFIG_ID]: DC_SD_JWT };
const VCDM_CONTEXTS = [VCDM_CONTEXT, OB_CONTEXT] as const;

/** Clock difference tolerated between a wallet and the issuer when judging a proof's iat (seconds). */
const PROOF_CLOCK_SKEW_SEC = 60;

export const TOKEN_PATH = '/issuer/oid4vci/token';
export const NONCE_PATH = '/issuer/oid4vci/nonce';
export const CREDENTIAL_PATH = '/issuer/oid4vci/credential';
export const PAR_PATH = '/issuer/oid4vci/par';
export const AUTHORIZE_PATH = '/issuer/oid4vci/authorize';
const SCOPE = 'talentscan_cognitive_profile';

/** A pushed authorization request waiting for the wallet's redirect to the authorization endpoint (RFC 9126). */
interface PendingAuthorization extends PushedRequest {
  offerCode: string;
}

/** An authorization code waiting for the token request: PKCE challenge, client and redirect it was issued to. */
interface IssuedCode {
  offerCode: string;
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  configurationIds: string[];
  viaAuthorizationDetails: boolean;
}

/** What a pre-authorized code stands for until a wallet redeems it. */
export interface PendingOffer {
  credentialId: string;
  vc: OpenBadgeCredential;
  statusIdx: number;
  tokenHash: string;
  txCodeHash?: string;
  attempts: number;
  expiresAt: number;
}

/** What an access token may fetch: one credential per configuration of the offer (claimed as `grant-use`, see credential()). */
interface Grant {
  offer: PendingOffer;
}

const sha256hex = (s: string) => createHash('sha256').update(s).digest('hex');

export class Oid4vci {
  readonly credentialIssuerMetadata: CredentialIssuerMetadata;
  readonly authorizationServerMetadata: AuthorizationServerMetadata;
  private readonly issuer: Openid4vciIssuer;
  private readonly as: Oauth2AuthorizationServer;
  private readonly rs: Oauth2ResourceServer;
  private readonly issuerMetadata: IssuerMetadataResult;
  private readonly jwksUri: string;

  constructor(
    private readonly config: IssuerConfig,
    private readonly identity: IssuerIdentity,
    private readonly store: IssuerStore,
    private readonly issuance: IssuanceService,
  ) {
    // Local development runs on http://127.0.0.1; the library refuses http URLs unless told otherwise.
    if (config.publicUrl.startsWith('http://')) setGlobalConfig({ allowInsecureUrls: true });
    const base = config.publicUrl;
    this.jwksUri = `${base}/.well-known/jwks.json`;
    const callbacks = this.callbacks();
    this.issuer = new Openid4vciIssuer({ callbacks });
    this.as = new Oauth2AuthorizationServer({ callbacks });
    this.rs = new Oauth2ResourceServer({ callbacks });
    const display = [
      { name: config.name, locale: 'nl' },
      { name: config.name, locale: 'en' },
    ];
    const credentialDisplay = [
      { name: 'Talentscan cognitief profiel', locale: 'nl', description: 'Cognitief profiel uit de Talentscan-games' },
      { name: 'Talentscan cognitive profile', locale: 'en', description: 'Cognitive profile from the Talentscan games' },
    ];
    const common = {
      scope: SCOPE,
      cryptographic_binding_methods_supported: ['jwk', 'did:jwk', 'did:web'],
      credential_signing_alg_values_supported: ['ES256'],
      proof_types_supported: { jwt: { proof_signing_alg_values_supported: ['ES256'] } },
      // Draft 15 (pinned by DIIP v4) reads `display` on the configuration, 1.0 under `credential_metadata`: both are served.
      display: credentialDisplay,
      credential_metadata: { display: credentialDisplay },
    };
    this.credentialIssuerMetadata = this.issuer.createCredentialIssuerMetadata({
      credential_issuer: base,
      credential_endpoint: base + CREDENTIAL_PATH,
      nonce_endpoint: base + NONCE_PATH,
      display,
      credential_configurations_supported: {
        // VCDM 2.0 secured with SD-JWT (VC-JOSE-COSE): neither OpenID4VCI draft 15 nor 1.0 defines a format for it; the
        // identifier is the media subtype VC-JOSE-COSE registers, with the W3C profiles' `credential_definition`.
        [VC_CONFIG_ID]: {
          format: VC_SD_JWT,
          credential_definition: { '@context': [...VCDM_CONTEXTS], type: ['VerifiableCredential', 'OpenBadgeCredential'] },
          ...common,
        },
        [DC_CONFIG_ID]: { format: DC_SD_JWT, vct: issuance.vct, ...common },
      },
    } as CredentialIssuerMetadata);
    this.authorizationServerMetadata = this.as.createAuthorizationServerMetadata({
      issuer: base,
      token_endpoint: base + TOKEN_PATH,
      jwks_uri: this.jwksUri,
      // DIIP v4 (Issuance): both flows; the authorization code flow with PKCE S256 and PAR required.
      grant_types_supported: [preAuthorizedCodeGrantIdentifier, authorizationCodeGrantIdentifier],
      authorization_endpoint: base + AUTHORIZE_PATH,
      pushed_authorization_request_endpoint: base + PAR_PATH,
      require_pushed_authorization_requests: true,
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
      authorization_response_iss_parameter_supported: true,
      scopes_supported: [SCOPE],
      token_endpoint_auth_methods_supported: ['none'],
      'pre-authorized_grant_anonymous_access_supported': true,
    });
    this.issuerMetadata = {
      originalDraftVersion: Openid4vciVersion.V1,
      credentialIssuer: this.credentialIssuerMetadata,
      authorizationServers: [this.authorizationServerMetadata],
      knownCredentialConfigurations: this.issuer.getKnownCredentialConfigurationsSupported(this.credentialIssuerMetadata),
    };
  }

  private callbacks(): Omit<CallbackContext, 'decryptJwe' | 'encryptJwe'> {
    const identity = this.identity;
    const jwks = identity.jwks;
    const jwksUri = () => this.jwksUri;
    return {
      hash: (data, alg) => new Uint8Array(createHash(alg.replace('-', '')).update(data).digest()),
      generateRandom: (n) => crypto.getRandomValues(new Uint8Array(n)),
      clientAuthentication: clientAuthenticationAnonymous(),
      // Our own JWKS is answered from memory: the resource server never makes a network request.
      fetch: async (input) => {
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : (input as Request).url;
        if (url !== jwksUri()) throw new Error(`No outbound requests from the issuer (${url})`);
        return new Response(JSON.stringify(jwks), { headers: { 'content-type': 'application/json' } });
      },
      signJwt: async (_signer, { header, payload }) => {
        const { alg: _alg, kid: _kid, ...rest } = header;
        const jwt = await identity.signJwt({ typ: String(header.typ ?? 'JWT'), ...rest }, payload);
        return { jwt, signerJwk: identity.publicJwk as Jwk };
      },
      verifyJwt: async (signer, { compact }) => {
        let jwk: JWK | undefined;
        if (signer.method === 'jwk') jwk = signer.publicJwk as JWK;
        else if (signer.method === 'did' && signer.didUrl.startsWith('did:jwk:')) jwk = jwkFromDidJwk(signer.didUrl);
        // DIIP v4 (Identifiers, OID4VCI): holders are named by did:jwk or did:web; a did:web key comes from its DID document.
        else if (signer.method === 'did' && signer.didUrl.startsWith('did:web:')) {
          jwk = await resolveHolderKey(signer.didUrl, holderDidFetch).catch(() => undefined);
        }
        if (!jwk || 'd' in jwk || signer.alg !== 'ES256') return { verified: false };
        try {
          await compactVerify(compact, await importJWK(jwk, 'ES256'), { algorithms: ['ES256'] });
          return { verified: true, signerJwk: jwk as Jwk };
        } catch {
          return { verified: false, signerJwk: jwk as Jwk };
        }
      },
    };
  }

  /**
   * Creates a pending offer for a prepared credential. Returns two links to the same offer (whichever is redeemed first
   * takes it): `uri` with the pre-authorized grant only, and `authorizationCodeUri` with the authorization code grant
   * only (`issuer_state`). Both grants in one offer are allowed (draft 15 §4.1.1), but a wallet library that prefers the
   * authorization code flow whenever it is offered (Sphereon's client 0.20.1) then never takes the pre-authorized path.
   */
  async createOffer(
    pending: Omit<PendingOffer, 'attempts' | 'expiresAt' | 'txCodeHash'>,
    withTxCode: boolean,
  ): Promise<{ uri: string; authorizationCodeUri: string; expiresAt: number; txCode?: string }> {
    const code = randomToken(32);
    const txCode = withTxCode ? String(crypto.getRandomValues(new Uint32Array(1))[0]! % 1_000_000).padStart(6, '0') : undefined;
    const expiresAt = Date.now() + this.config.offerTtlSec * 1000;
    const offer: PendingOffer = { ...pending, attempts: 0, expiresAt, ...(txCode ? { txCodeHash: sha256hex(txCode) } : {}) };
    await this.store.put('offer', code, offer, expiresAt);
    const issuerState = randomToken(32);
    await this.store.put('issuer-state', issuerState, { offerCode: code }, expiresAt);
    const credentialConfigurationIds = [VC_CONFIG_ID, DC_CONFIG_ID];
    const { credentialOffer } = await this.issuer.createCredentialOffer({
      issuerMetadata: this.issuerMetadata,
      credentialConfigurationIds,
      grants: {
        [preAuthorizedCodeGrantIdentifier]: {
          'pre-authorized_code': code,
          ...(txCode ? { tx_code: { input_mode: 'numeric', length: 6, description: 'The 6-digit code shown next to the QR code' } } : {}),
        },
      },
    });
    const { credentialOffer: authorizationCodeUri } = await this.issuer.createCredentialOffer({
      issuerMetadata: this.issuerMetadata,
      credentialConfigurationIds,
      grants: { [authorizationCodeGrantIdentifier]: { issuer_state: issuerState } },
    });
    return { uri: credentialOffer, authorizationCodeUri, expiresAt, ...(txCode ? { txCode } : {}) };
  }

  async newNonce(): Promise<{ nonce: string; expiresIn: number }> {
    const nonce = randomToken(24);
    await this.store.put('nonce', nonce, {}, Date.now() + this.config.nonceTtlSec * 1000);
    return { nonce, expiresIn: this.config.nonceTtlSec };
  }

  /** The wallet endpoints; errors answered in the OAuth form `{ error, error_description }` (RFC 6749 §5.2). */
  readonly routes: FastifyPluginAsync = async (app) => {
    app.setErrorHandler((err, req, reply) => {
      if (err instanceof Oauth2ServerErrorResponseError) {
        return oauthError(reply, err.status || 400, err.errorResponse.error, err.errorResponse.error_description);
      }
      if (err instanceof Oauth2ResourceUnauthorizedError || (err instanceof HttpError && err.status === 401)) {
        return this.unauthorized(req, reply, err instanceof HttpError ? err.message : 'The access token is invalid or has expired.');
      }
      const known = frameworkError(err);
      if (known) {
        if (known.code === 'unsupported-media-type' || known.code === 'malformed-json' || known.code === 'bad-request') {
          // RFC 6749 §5.2: a malformed token request is 400 `invalid_request`; OpenID4VCI draft 15 §8.3.1.2: a malformed
          // credential request is 400 `invalid_credential_request` — never the framework's 415.
          const credentialRequest = req.url.split('?')[0] === CREDENTIAL_PATH;
          return oauthError(reply, 400, credentialRequest ? 'invalid_credential_request' : 'invalid_request', known.message);
        }
        return oauthError(reply, known.status, known.code === 'too-large' ? 'invalid_request' : known.code, known.message);
      }
      req.log.error({ err }, 'wallet endpoint error');
      return oauthError(reply, 500, 'server_error', 'The issuer failed; nothing was issued.');
    });
    app.post(TOKEN_PATH, { bodyLimit: 16 * 1024 }, (req, reply) => this.token(req, reply));
    // Draft 15 §7.2 and 1.0 §7.2: the nonce response holds `c_nonce` only (draft 15 removed `c_nonce_expires_in`).
    app.post(NONCE_PATH, async () => ({ c_nonce: (await this.newNonce()).nonce }));
    app.post(CREDENTIAL_PATH, { bodyLimit: 64 * 1024 }, (req, reply) => this.credential(req, reply));
    app.post(PAR_PATH, { bodyLimit: 16 * 1024 }, (req, reply) => this.pushAuthorization(req, reply));
    // No automatic HEAD route: answering a HEAD would spend the pushed request.
    app.get(AUTHORIZE_PATH, { exposeHeadRoute: false }, (req, reply) => this.authorize(req, reply));
  };

  /** RFC 9126 §2: a pushed authorization request naming the offer's `issuer_state`; 201 with a one-minute request_uri. */
  private async pushAuthorization(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const type = String(req.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim()
      .toLowerCase();
    if (type !== 'application/x-www-form-urlencoded') {
      throw new HttpError(400, Oauth2ErrorCodes.InvalidRequest, 'Send the pushed authorization request as application/x-www-form-urlencoded.');
    }
    const pushed = parsePushedRequest(req.body as Record<string, string>, [VC_CONFIG_ID, DC_CONFIG_ID], SCOPE);
    const state = await this.store.get<{ offerCode: string }>('issuer-state', pushed.issuerState);
    if (!state) throw new HttpError(400, Oauth2ErrorCodes.InvalidRequest, 'The issuer_state is unknown, used or expired; scan a new offer.');
    const requestUri = PAR_URI_PREFIX + randomToken(24);
    await this.store.put('par', requestUri, { ...pushed, offerCode: state.offerCode } satisfies PendingAuthorization, Date.now() + 60_000);
    return reply.code(201).send({ request_uri: requestUri, expires_in: 60 });
  }

  /**
   * The authorization endpoint (RFC 9126 §4): only pushed requests. The End-User's authorization is the offer itself —
   * the issuer_state it carries was shown only to the candidate who earned the credential, as the pre-authorized code
   * is — so a valid pushed request is answered with a code at once; PKCE binds that code to the wallet that pushed it.
   */
  private async authorize(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const query = req.query as Record<string, string | undefined>;
    const pending = query.request_uri ? await this.store.take<PendingAuthorization>('par', query.request_uri) : undefined;
    // Without a valid pushed request there is no checked redirect_uri to send an error to (RFC 6749 §4.1.2.1): answer here.
    if (!pending || pending.clientId !== query.client_id) {
      throw new HttpError(400, Oauth2ErrorCodes.InvalidRequest, 'Push the authorization request first (PAR) and pass its request_uri with the same client_id.');
    }
    const offerStillThere = await this.store.take<{ offerCode: string }>('issuer-state', pending.issuerState);
    if (!offerStillThere) {
      const denied = { error: 'access_denied', error_description: 'The offer was used or has expired.', state: pending.state };
      return reply.redirect(redirectBack(pending.redirectUri, this.config.publicUrl, denied), 302);
    }
    const code = randomToken(32);
    const { offerCode, clientId, redirectUri, codeChallenge, configurationIds, viaAuthorizationDetails } = pending;
    const issued: IssuedCode = { offerCode, clientId, redirectUri, codeChallenge, configurationIds, viaAuthorizationDetails };
    await this.store.put('authorization-code', code, issued, Date.now() + 60_000);
    return reply.redirect(redirectBack(pending.redirectUri, this.config.publicUrl, { code, state: pending.state }), 302);
  }

  /** RFC 6749 §4.1.3 + RFC 7636 §4.6: the code once, from the client and redirect it was issued to, with the PKCE verifier. */
  private async redeemAuthorizationCode(
    form: Record<string, string>,
    parsed: ReturnType<Oauth2AuthorizationServer['parseAccessTokenRequest']>,
    request: ReturnType<typeof requestLike>,
  ) {
    if (parsed.grant.grantType !== authorizationCodeGrantIdentifier) throw new HttpError(400, Oauth2ErrorCodes.UnsupportedGrantType, 'Unsupported grant type.');
    const issued = await this.store.take<IssuedCode>('authorization-code', parsed.grant.code);
    if (!issued) throw new HttpError(400, Oauth2ErrorCodes.InvalidGrant, 'The authorization code is unknown, already used or expired.');
    if (form.client_id !== issued.clientId || form.redirect_uri !== issued.redirectUri) {
      throw new HttpError(400, Oauth2ErrorCodes.InvalidGrant, 'client_id and redirect_uri must be those of the authorization request.');
    }
    if (!form.code_verifier) throw new HttpError(400, Oauth2ErrorCodes.InvalidRequest, 'code_verifier is required (PKCE).');
    await this.as.verifyAuthorizationCodeAccessTokenRequest({
      authorizationServerMetadata: this.authorizationServerMetadata,
      grant: parsed.grant,
      accessTokenRequest: parsed.accessTokenRequest,
      request,
      expectedCode: parsed.grant.code,
      pkce: { codeVerifier: form.code_verifier, codeChallenge: issued.codeChallenge, codeChallengeMethod: PkceCodeChallengeMethod.S256 },
    });
    const offer = await this.store.take<PendingOffer>('offer', issued.offerCode);
    if (!offer) throw new HttpError(400, Oauth2ErrorCodes.InvalidGrant, 'The offer was used or has expired.');
    return { offer, issued };
  }

  /**
   * RFC 6750 §3: one `Bearer` challenge with quoted parameters. Without any token in the request the challenge carries no
   * error code (§3.1); with a bad token it says `invalid_token`, with a description limited to the characters §3 allows.
   */
  private unauthorized(req: FastifyRequest, reply: FastifyReply, description: string): FastifyReply {
    const sent = typeof req.headers.authorization === 'string' && req.headers.authorization.trim() !== '';
    const text = rfc6750Text(description);
    const realm = `Bearer realm="${this.config.publicUrl}"`;
    const challenge = sent ? `${realm}, error="invalid_token", error_description="${text}"` : realm;
    reply.code(401).headers({ 'WWW-Authenticate': challenge, 'Access-Control-Expose-Headers': 'WWW-Authenticate' });
    return sent ? reply.send({ error: 'invalid_token', error_description: text }) : reply.send();
  }

  private async token(req: FastifyRequest, res: FastifyReply): Promise<FastifyReply> {
    const type = String(req.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim()
      .toLowerCase();
    // RFC 6749 §3.2 and §5.2: the token request is form-encoded; anything else is a 400 `invalid_request`.
    if (type !== 'application/x-www-form-urlencoded') {
      throw new HttpError(400, Oauth2ErrorCodes.InvalidRequest, 'Send the token request as application/x-www-form-urlencoded.');
    }
    const form = req.body as Record<string, string>;
    const request = requestLike(req, this.config.publicUrl);
    const parsed = this.as.parseAccessTokenRequest({ request, accessTokenRequest: form });
    if (parsed.grant.grantType === authorizationCodeGrantIdentifier) {
      const { offer, issued } = await this.redeemAuthorizationCode(form, parsed, request);
      // Draft 15 §6.2: asked with authorization_details, the response names them with their credential_identifiers.
      const details = issued.viaAuthorizationDetails
        ? {
            authorization_details: issued.configurationIds.map((id) => ({
              type: 'openid_credential',
              credential_configuration_id: id,
              credential_identifiers: [id],
            })),
          }
        : {};
      return res.send({ ...(await this.grantAccess(offer)), ...details });
    }
    if (parsed.grant.grantType !== preAuthorizedCodeGrantIdentifier) {
      throw new HttpError(400, Oauth2ErrorCodes.UnsupportedGrantType, 'Only the pre-authorized code and authorization code grants are supported.');
    }
    const grant = parsed.grant;
    const offer = await this.store.take<PendingOffer>('offer', grant.preAuthorizedCode);
    if (!offer) throw new HttpError(400, Oauth2ErrorCodes.InvalidGrant, 'The pre-authorized code is unknown, already used or expired.');
    // Draft 15 §6.3 / 1.0 §6.3: a missing or unexpected tx_code is `invalid_request`, a wrong one `invalid_grant`.
    if (!offer.txCodeHash && grant.txCode !== undefined) {
      await this.store.put('offer', grant.preAuthorizedCode, offer, offer.expiresAt);
      throw new HttpError(400, Oauth2ErrorCodes.InvalidRequest, 'This offer has no transaction code; send none.');
    }
    if (offer.txCodeHash) {
      const given = grant.txCode;
      if (!given || !sameSecret(sha256hex(given), offer.txCodeHash)) {
        // A mistyped or missing code may be retried twice; the offer is gone after the third miss.
        if (offer.attempts < 2) await this.store.put('offer', grant.preAuthorizedCode, { ...offer, attempts: offer.attempts + 1 }, offer.expiresAt);
        if (!given) throw new HttpError(400, Oauth2ErrorCodes.InvalidRequest, 'This offer needs the transaction code (tx_code).');
        throw new HttpError(400, Oauth2ErrorCodes.InvalidGrant, 'The transaction code is wrong.');
      }
    }
    await this.as.verifyPreAuthorizedCodeAccessTokenRequest({
      authorizationServerMetadata: this.authorizationServerMetadata,
      grant,
      accessTokenRequest: parsed.accessTokenRequest,
      request,
      expectedPreAuthorizedCode: grant.preAuthorizedCode,
      ...(offer.txCodeHash ? { expectedTxCode: grant.txCode } : {}),
      preAuthorizedCodeExpiresAt: new Date(offer.expiresAt),
    });
    return res.send(await this.grantAccess(offer));
  }

  /** An access token for a redeemed offer. Draft 15 removed `c_nonce` from the token response (§6.2): wallets ask the nonce endpoint. */
  private async grantAccess(offer: PendingOffer) {
    const grantId = randomToken(24);
    const ttl = this.config.accessTokenTtlSec;
    await this.store.put('grant', grantId, { offer } satisfies Grant, Date.now() + ttl * 1000);
    return this.as.createAccessTokenResponse({
      authorizationServer: this.config.publicUrl,
      audience: this.config.publicUrl,
      expiresInSeconds: ttl,
      signer: { method: 'jwk', publicJwk: this.identity.jwks.keys[0] as Jwk, alg: 'ES256', kid: this.identity.kid },
      subject: grantId,
    });
  }

  private async credential(req: FastifyRequest, res: FastifyReply): Promise<FastifyReply> {
    const request = requestLike(req, this.config.publicUrl);
    const { tokenPayload } = await this.rs.verifyResourceRequest({
      request,
      resourceServer: this.config.publicUrl,
      authorizationServers: [this.authorizationServerMetadata],
    });
    const grantId = String(tokenPayload.sub ?? '');
    const grant = await this.store.get<Grant>('grant', grantId);
    if (!grant) throw new HttpError(401, 'invalid_token', 'The access token has been used up or has expired.');
    const type = String(req.headers['content-type'] ?? '')
      .split(';')[0]!
      .trim()
      .toLowerCase();
    if (type !== 'application/json' || typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) {
      throw new HttpError(400, 'invalid_credential_request', 'Send the credential request as a JSON object (application/json).');
    }
    const body = req.body as Record<string, unknown>;
    const askedFor = body.credential_configuration_id;
    // Draft 15 §8.3.1.2 (pinned by DIIP v4) names this `unsupported_credential_type`; 1.0 renamed it `unknown_credential_configuration`.
    if (typeof askedFor === 'string' && !(askedFor in FORMAT_OF)) {
      throw new HttpError(400, 'unsupported_credential_type', 'Ask for one of the credential configurations in the issuer metadata.');
    }
    const parsed = this.issuer.parseCredentialRequest({ issuerMetadata: this.issuerMetadata, credentialRequest: body });
    const requested = parsed.format as { format?: string; vct?: unknown } | undefined;
    // A credential_identifier (draft 15 §8.2) is the configuration id it was issued for (see the token response).
    const byIdentifier = parsed.credentialIdentifier !== undefined && parsed.credentialIdentifier in FORMAT_OF ? parsed.credentialIdentifier : undefined;
    const configId =
      parsed.credentialConfigurationId ??
      byIdentifier ??
      (requested?.format === 'dc+sd-jwt' || (requested?.format === 'vc+sd-jwt' && requested.vct !== undefined)
        ? DC_CONFIG_ID
        : requested?.format === 'vc+sd-jwt'
          ? VC_CONFIG_ID
          : undefined);
    const format = configId ? FORMAT_OF[configId] : undefined;
    if (!configId || !format) throw new HttpError(400, 'unsupported_credential_type', 'Ask for one of the credential configurations in the issuer metadata.');
    const use = `${grantId} ${configId}`;
    const alreadyIssued = () => new HttpError(400, 'invalid_credential_request', 'This credential was already issued for this access token.');
    if (await this.store.get('grant-use', use)) throw alreadyIssued();
    const proofs = parsed.proofs?.jwt;
    if (proofs?.length !== 1) throw new HttpError(400, 'invalid_proof', 'Send exactly one proof JWT of the holder key (proof_type jwt).');
    const proofJwt = proofs[0]!;
    let nonce: unknown;
    let iat: unknown;
    try {
      ({ nonce, iat } = decodeJwt(proofJwt));
    } catch {
      throw new HttpError(400, 'invalid_proof', 'The proof is not a JWT.');
    }
    // OpenID4VCI §8.2.1.1: iat is required. A proof older than a nonce can live, or from the future beyond clock skew, is refused.
    const nowSec = Math.floor(Date.now() / 1000);
    if (typeof iat !== 'number' || !Number.isFinite(iat)) throw new HttpError(400, 'invalid_proof', 'The proof has no issued-at time (iat).');
    if (iat > nowSec + PROOF_CLOCK_SKEW_SEC) throw new HttpError(400, 'invalid_proof', 'The proof is dated in the future (iat).');
    if (iat < nowSec - this.config.nonceTtlSec - PROOF_CLOCK_SKEW_SEC)
      throw new HttpError(400, 'invalid_proof', 'The proof is stale (iat older than a nonce can be).');
    const nonceEntry = typeof nonce === 'string' ? await this.store.take<Record<string, never>>('nonce', nonce) : undefined;
    if (!nonceEntry) {
      throw new HttpError(
        400,
        'invalid_nonce',
        'The proof carries no valid nonce (unknown, already used or expired); fetch a fresh one from the nonce endpoint.',
      );
    }
    const { signer } = await this.issuer.verifyCredentialRequestJwtProof({
      issuerMetadata: this.issuerMetadata,
      jwt: proofJwt,
      expectedNonce: nonce as string,
    });
    const holderJwk = signer.publicJwk as JWK;
    if (holderJwk.kty !== 'EC' || holderJwk.crv !== 'P-256' || 'd' in holderJwk)
      throw new HttpError(400, 'invalid_proof', 'The holder key must be a public P-256 key.');
    const holder: HolderBinding = signer.method === 'did' ? { jwk: holderJwk, kid: signer.didUrl } : { jwk: holderJwk };
    // Claimed atomically, after the proof: of two requests racing with one token (to one instance or two), one gets it.
    if (!(await this.store.claim('grant-use', use, {}, grant.offer.expiresAt + this.config.accessTokenTtlSec * 1000))) throw alreadyIssued();
    const credential = await this.issueToWallet(grant.offer, format, holder);
    return res.send(this.issuer.createCredentialResponse({ credentialRequest: parsed, credentials: [{ credential }] }));
  }

  /**
   * The wallet's copy: a new credential id, the holder's DID as subject (the DID of the proof's `kid`, else the did:jwk of
   * its key), the holder key in `cnf` (with the DID URL as `kid`, DIIP v4 OID4VCI), the same status entry.
   */
  private async issueToWallet(offer: PendingOffer, format: SdJwtFormat, holder: HolderBinding): Promise<string> {
    const id = `urn:uuid:${crypto.randomUUID()}`;
    const subject = holder.kid ? holder.kid.replace(/#.*$/, '') : didJwk(holder.jwk);
    const vc: OpenBadgeCredential = { ...offer.vc, id, credentialSubject: { ...offer.vc.credentialSubject, id: subject } };
    await this.store.putRecord(id, { idx: offer.statusIdx, tokenHash: offer.tokenHash }, Date.parse(vc.validUntil) + 86_400_000);
    return this.issuance.secure(vc, { idx: offer.statusIdx, uri: this.issuance.statusListUri }, format, holder);
  }
}

/** RFC 6750 §3 / OpenID4VCI §8.3.1.2: error descriptions are printable ASCII without `"` and `\`, on one line. */
export function rfc6750Text(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[^\x20-\x21\x23-\x5B\x5D-\x7E]/g, '')
    .slice(0, 300)
    .trim();
}

function oauthError(reply: FastifyReply, status: number, error: string, description?: string): FastifyReply {
  return reply.code(status).send({ error, ...(description ? { error_description: rfc6750Text(description) } : {}) });
}

/** Fetches a holder's did:web document: no redirects, a short timeout, a small body. */
const holderDidFetch: FetchLike = async (url, init) => {
  const res = await fetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(5000) });
  const text = await res.text();
  if (text.length > 64 * 1024) throw new Error('The DID document is too large');
  return { ok: res.ok, status: res.status, json: async () => JSON.parse(text) as unknown, text: async () => text };
};
