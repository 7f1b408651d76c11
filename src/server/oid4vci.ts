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
import { createHash, timingSafeEqual } from 'node:crypto';
import {
  clientAuthenticationAnonymous,
  Oauth2AuthorizationServer,
  Oauth2ErrorCodes,
  Oauth2ResourceServer,
  Oauth2ResourceUnauthorizedError,
  Oauth2ServerErrorResponseError,
  preAuthorizedCodeGrantIdentifier,
  type AuthorizationServerMetadata,
  type CallbackContext,
  type Jwk,
} from '@openid4vc/oauth2';
import { Openid4vciIssuer, Openid4vciVersion, setGlobalConfig, type CredentialIssuerMetadata, type IssuerMetadataResult } from '@openid4vc/openid4vci';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { compactVerify, decodeJwt, importJWK, type JWK } from 'jose';
import { jwkFromDidJwk } from '../credential/did.ts';
import { randomToken } from '../credential/encoding.ts';
import type { OpenBadgeCredential } from '../credential/ob-credential.ts';
import type { IssuerConfig } from './config.ts';
import { API_HEADERS, frameworkError, HttpError, requestLike } from './http.ts';
import type { IssuanceService } from './issuance.ts';
import type { IssuerIdentity } from './keys.ts';
import type { IssuerStore } from './store.ts';

export const VC_CONFIG_ID = 'TalentscanCognitiveProfile_vc+sd-jwt';
export const DC_CONFIG_ID = 'TalentscanCognitiveProfile_dc+sd-jwt';
const FORMAT_OF: Record<string, 'vc+sd-jwt' | 'dc+sd-jwt'> = { [VC_CONFIG_ID]: 'vc+sd-jwt', [DC_CONFIG_ID]: 'dc+sd-jwt' };

export const TOKEN_PATH = '/issuer/oid4vci/token';
export const NONCE_PATH = '/issuer/oid4vci/nonce';
export const CREDENTIAL_PATH = '/issuer/oid4vci/credential';

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

interface Grant {
  offer: PendingOffer;
  issued: string[];
}

const sha256hex = (s: string) => createHash('sha256').update(s).digest('hex');

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

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
    const common = {
      scope: 'talentscan_cognitive_profile',
      cryptographic_binding_methods_supported: ['jwk', 'did:jwk'],
      credential_signing_alg_values_supported: ['ES256'],
      proof_types_supported: { jwt: { proof_signing_alg_values_supported: ['ES256'] } },
      credential_metadata: {
        display: [
          { name: 'Talentscan cognitief profiel', locale: 'nl', description: 'Cognitief profiel uit de Talentscan-games' },
          { name: 'Talentscan cognitive profile', locale: 'en', description: 'Cognitive profile from the Talentscan games' },
        ],
      },
    };
    this.credentialIssuerMetadata = this.issuer.createCredentialIssuerMetadata({
      credential_issuer: base,
      credential_endpoint: base + CREDENTIAL_PATH,
      nonce_endpoint: base + NONCE_PATH,
      display,
      credential_configurations_supported: {
        [VC_CONFIG_ID]: { format: 'vc+sd-jwt', credential_definition: { type: ['VerifiableCredential', 'OpenBadgeCredential'] }, ...common },
        [DC_CONFIG_ID]: { format: 'dc+sd-jwt', vct: issuance.vct, ...common },
      },
    } as CredentialIssuerMetadata);
    this.authorizationServerMetadata = this.as.createAuthorizationServerMetadata({
      issuer: base,
      token_endpoint: base + TOKEN_PATH,
      jwks_uri: this.jwksUri,
      grant_types_supported: [preAuthorizedCodeGrantIdentifier],
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

  /** Creates a pending offer for a prepared credential; returns the offer link. */
  async createOffer(pending: Omit<PendingOffer, 'attempts' | 'expiresAt' | 'txCodeHash'>, withTxCode: boolean): Promise<{ uri: string; expiresAt: number; txCode?: string }> {
    const code = randomToken(32);
    const txCode = withTxCode ? String(crypto.getRandomValues(new Uint32Array(1))[0]! % 1_000_000).padStart(6, '0') : undefined;
    const expiresAt = Date.now() + this.config.offerTtlSec * 1000;
    const offer: PendingOffer = { ...pending, attempts: 0, expiresAt, ...(txCode ? { txCodeHash: sha256hex(txCode) } : {}) };
    await this.store.put('offer', code, offer, expiresAt);
    const { credentialOffer } = await this.issuer.createCredentialOffer({
      issuerMetadata: this.issuerMetadata,
      credentialConfigurationIds: [VC_CONFIG_ID, DC_CONFIG_ID],
      grants: {
        [preAuthorizedCodeGrantIdentifier]: {
          'pre-authorized_code': code,
          ...(txCode ? { tx_code: { input_mode: 'numeric', length: 6, description: 'The 6-digit code shown next to the QR code' } } : {}),
        },
      },
    });
    return { uri: credentialOffer, expiresAt, ...(txCode ? { txCode } : {}) };
  }

  async newNonce(): Promise<{ nonce: string; expiresIn: number }> {
    const nonce = randomToken(24);
    await this.store.put('nonce', nonce, {}, Date.now() + this.config.nonceTtlSec * 1000);
    return { nonce, expiresIn: this.config.nonceTtlSec };
  }

  /** The wallet endpoints; errors answered in the OAuth form `{ error, error_description }` (RFC 6749 §5.2). */
  readonly routes: FastifyPluginAsync = async (app) => {
    app.setErrorHandler((err, req, reply) => {
      if (err instanceof Oauth2ServerErrorResponseError) return reply.code(err.status || 400).send(err.errorResponse);
      if (err instanceof Oauth2ResourceUnauthorizedError) {
        return reply.code(401).header('WWW-Authenticate', err.toHeaderValue()).send({ error: 'invalid_token', error_description: err.message });
      }
      const known = frameworkError(err);
      if (known) {
        const code = known.code === 'unsupported-media-type' || known.code === 'malformed-json' || known.code === 'too-large' || known.code === 'bad-request' ? 'invalid_request' : known.code;
        return reply.code(known.status).send({ error: code, error_description: known.message });
      }
      req.log.error({ err }, 'wallet endpoint error');
      return reply.code(500).send({ error: 'server_error', error_description: 'The issuer failed; nothing was issued.' });
    });
    app.post(TOKEN_PATH, { bodyLimit: 16 * 1024 }, (req, reply) => this.token(req, reply));
    app.post(NONCE_PATH, async () => {
      const { nonce, expiresIn } = await this.newNonce();
      return this.issuer.createNonceResponse({ cNonce: nonce, cNonceExpiresIn: expiresIn });
    });
    app.post(CREDENTIAL_PATH, { bodyLimit: 64 * 1024 }, (req, reply) => this.credential(req, reply));
  };

  private async token(req: FastifyRequest, res: FastifyReply): Promise<FastifyReply> {
    const type = String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/x-www-form-urlencoded') throw new HttpError(415, 'invalid_request', 'Send the token request as application/x-www-form-urlencoded.');
    const form = req.body as Record<string, string>;
    const request = requestLike(req, this.config.publicUrl);
    const parsed = this.as.parseAccessTokenRequest({ request, accessTokenRequest: form });
    if (parsed.grant.grantType !== preAuthorizedCodeGrantIdentifier) {
      throw new HttpError(400, Oauth2ErrorCodes.UnsupportedGrantType, 'Only the pre-authorized code grant is supported.');
    }
    const grant = parsed.grant;
    const offer = await this.store.take<PendingOffer>('offer', grant.preAuthorizedCode);
    if (!offer) throw new HttpError(400, Oauth2ErrorCodes.InvalidGrant, 'The pre-authorized code is unknown, already used or expired.');
    if (offer.txCodeHash) {
      const given = grant.txCode;
      if (!given || !sameSecret(sha256hex(given), offer.txCodeHash)) {
        // A mistyped code may be retried twice; the offer is gone after the third miss.
        if (offer.attempts < 2) await this.store.put('offer', grant.preAuthorizedCode, { ...offer, attempts: offer.attempts + 1 }, offer.expiresAt);
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
    const grantId = randomToken(24);
    const ttl = this.config.accessTokenTtlSec;
    await this.store.put('grant', grantId, { offer, issued: [] } satisfies Grant, Date.now() + ttl * 1000);
    const { nonce, expiresIn } = await this.newNonce();
    const response = await this.as.createAccessTokenResponse({
      authorizationServer: this.config.publicUrl,
      audience: this.config.publicUrl,
      expiresInSeconds: ttl,
      signer: { method: 'jwk', publicJwk: this.identity.jwks.keys[0] as Jwk, alg: 'ES256', kid: this.identity.kid },
      subject: grantId,
      cNonce: nonce,
      cNonceExpiresIn: expiresIn,
    });
    return res.send(response);
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
    const body = (req.body ?? {}) as Record<string, unknown>;
    const parsed = this.issuer.parseCredentialRequest({ issuerMetadata: this.issuerMetadata, credentialRequest: body });
    const requested = parsed.format as { format?: string; vct?: unknown } | undefined;
    const configId =
      parsed.credentialConfigurationId ??
      (requested?.format === 'dc+sd-jwt' || (requested?.format === 'vc+sd-jwt' && requested.vct !== undefined) ? DC_CONFIG_ID : requested?.format === 'vc+sd-jwt' ? VC_CONFIG_ID : undefined);
    const format = configId ? FORMAT_OF[configId] : undefined;
    if (!configId || !format) throw new HttpError(400, 'unsupported_credential_configuration', 'Ask for one of the credential configurations in the issuer metadata.');
    if (grant.issued.includes(configId)) throw new HttpError(400, 'invalid_credential_request', 'This credential was already issued for this access token.');
    const proofs = parsed.proofs?.jwt;
    if (!proofs || proofs.length !== 1) throw new HttpError(400, 'invalid_proof', 'Send exactly one proof JWT of the holder key (proof_type jwt).');
    const proofJwt = proofs[0]!;
    let nonce: unknown;
    try {
      nonce = decodeJwt(proofJwt).nonce;
    } catch {
      throw new HttpError(400, 'invalid_proof', 'The proof is not a JWT.');
    }
    const nonceEntry = typeof nonce === 'string' ? await this.store.take<Record<string, never>>('nonce', nonce) : undefined;
    if (!nonceEntry) {
      throw new HttpError(400, 'invalid_nonce', 'The proof carries no valid nonce (unknown, already used or expired); fetch a fresh one from the nonce endpoint.');
    }
    const { signer } = await this.issuer.verifyCredentialRequestJwtProof({
      issuerMetadata: this.issuerMetadata,
      jwt: proofJwt,
      expectedNonce: nonce as string,
    });
    const holderJwk = signer.publicJwk as JWK;
    if (holderJwk.kty !== 'EC' || holderJwk.crv !== 'P-256' || 'd' in holderJwk) throw new HttpError(400, 'invalid_proof', 'The holder key must be a public P-256 key.');
    grant.issued.push(configId);
    await this.store.put('grant', grantId, grant, grant.offer.expiresAt + this.config.accessTokenTtlSec * 1000);
    const credential = await this.issueToWallet(grant.offer, format, holderJwk);
    return res.send(this.issuer.createCredentialResponse({ credentialRequest: parsed, credentials: [{ credential }] }));
  }

  /** The wallet's copy: a new credential id, the holder's did:jwk as subject, the holder key in `cnf`, same status entry. */
  private async issueToWallet(offer: PendingOffer, format: 'vc+sd-jwt' | 'dc+sd-jwt', holderJwk: JWK): Promise<string> {
    const { didJwk } = await import('../credential/did.ts');
    const id = `urn:uuid:${crypto.randomUUID()}`;
    const vc: OpenBadgeCredential = { ...offer.vc, id, credentialSubject: { ...offer.vc.credentialSubject, id: didJwk(holderJwk) } };
    await this.store.put('record', id, { idx: offer.statusIdx, tokenHash: offer.tokenHash }, Date.parse(vc.validUntil) + 86_400_000);
    return this.issuance.secure(vc, { idx: offer.statusIdx, uri: this.issuance.statusListUri }, format, holderJwk);
  }
}

export { API_HEADERS };
