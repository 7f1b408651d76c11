/**
 * Pilot start tokens: how a pilot's own backend vouches that a certified session really starts inside its frame.
 *
 * The browser names a pilot when it creates a session; without more, the server knows only that the scan was played
 * with the pilot's settings. A start token is a short-lived JWT the pilot's backend signs with its private key (ES256
 * or EdDSA; we hold only the public keys, inline or at a JWKS URL in the pilot's file): `iss` = pilot id, `aud` = our
 * issuer URL, `embedId` = the mount it was made for, `iat`/`exp` at most START_TOKEN_MAX_LIFETIME_S apart, `jti`
 * used once (the store records it with the session it started, so a replay is refused). Every refusal has its own
 * code (docs/embed-protocol.md lists them).
 */
import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { type PilotConfig, START_TOKEN_ALGORITHMS } from '../embed/pilot.ts';
import { HttpError } from './http.ts';

/** A token may live at most this long (exp − iat): minutes, so a leaked one is soon worthless. */
export const START_TOKEN_MAX_LIFETIME_S = 15 * 60;
/** Clock difference between the pilot's backend and ours that we forgive (s). */
export const START_TOKEN_CLOCK_TOLERANCE_S = 30;

export const START_TOKEN_CODES = [
  'start-token-missing',
  'start-token-malformed',
  'start-token-pilot',
  'start-token-algorithm',
  'start-token-unknown-key',
  'start-token-signature',
  'start-token-audience',
  'start-token-expired',
  'start-token-not-yet-valid',
  'start-token-lifetime',
  'start-token-claims',
  'start-token-embed-id',
  'start-token-replayed',
  'start-token-keys-unavailable',
  'start-token-without-pilot',
] as const;
export type StartTokenCode = (typeof START_TOKEN_CODES)[number];

export class StartTokenError extends HttpError {
  constructor(code: StartTokenCode, message: string) {
    // The pilot's key server being away is ours to retry; every other refusal is about the token itself.
    super(code === 'start-token-keys-unavailable' ? 503 : 403, code, message);
  }
}

/** What the server records with a session its pilot vouched for (never the token itself). */
export interface VerifiedStartToken {
  jti: string;
  kid: string | null;
  alg: string;
  embedId: string;
  /** Seconds since the epoch, as the token states them. */
  iat: number;
  exp: number;
  /** Server epoch ms the token was verified. */
  verifiedAt: number;
}

const JTI = /^[A-Za-z0-9._~-]{16,128}$/;
const EMBED_ID = /^[A-Za-z0-9_-]{6,64}$/;

export interface StartTokenVerifierOptions {
  /** Our issuer URL: the audience a pilot signs for. */
  audience: string;
  now: () => number;
}

export class StartTokenVerifier {
  /** One key set per pilot (a remote one caches the pilot's JWKS and refetches on an unknown kid, with a cooldown). */
  private readonly keySets = new Map<string, JWTVerifyGetKey | null>();

  constructor(private readonly opts: StartTokenVerifierOptions) {}

  private keySet(pilot: PilotConfig): JWTVerifyGetKey | null {
    if (this.keySets.has(pilot.id)) return this.keySets.get(pilot.id) ?? null;
    const st = pilot.startToken;
    const set = st?.jwks
      ? createLocalJWKSet(st.jwks)
      : st?.jwksUri
        ? createRemoteJWKSet(new URL(st.jwksUri), { timeoutDuration: 5000, cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000 })
        : null;
    this.keySets.set(pilot.id, set);
    return set;
  }

  /**
   * Checks a session's start token for `pilot`. Null when there is none and the pilot does not require one; throws a
   * StartTokenError with the refusal's code otherwise. Single use (the `jti`) is the store's job, with the session.
   */
  async verify(pilot: PilotConfig, token: string | undefined, embedId: string | undefined): Promise<VerifiedStartToken | null> {
    if (token === undefined) {
      if (pilot.startToken?.required) throw new StartTokenError('start-token-missing', `The pilot "${pilot.id}" starts a session only with its start token.`);
      return null;
    }
    let header: ReturnType<typeof decodeProtectedHeader>;
    let claims: ReturnType<typeof decodeJwt>;
    try {
      header = decodeProtectedHeader(token);
      claims = decodeJwt(token);
    } catch {
      throw new StartTokenError('start-token-malformed', 'The start token is not a signed JWT.');
    }
    // Asked before the signature: another pilot's token is checked against the wrong keys and would only look unknown.
    if (claims.iss !== pilot.id)
      throw new StartTokenError('start-token-pilot', `The start token was issued by "${String(claims.iss)}", not by the pilot "${pilot.id}".`);
    if (!START_TOKEN_ALGORITHMS.includes(header.alg as (typeof START_TOKEN_ALGORITHMS)[number])) {
      throw new StartTokenError('start-token-algorithm', `A start token is signed with ${START_TOKEN_ALGORITHMS.join(' or ')}, not ${String(header.alg)}.`);
    }
    const keys = this.keySet(pilot);
    if (!keys) throw new StartTokenError('start-token-unknown-key', `The pilot "${pilot.id}" has no start-token keys configured here.`);
    const now = this.opts.now();
    let verified: Awaited<ReturnType<typeof jwtVerify>>;
    try {
      verified = await jwtVerify(token, keys, {
        issuer: pilot.id,
        audience: this.opts.audience,
        algorithms: [...START_TOKEN_ALGORITHMS],
        currentDate: new Date(now),
        clockTolerance: START_TOKEN_CLOCK_TOLERANCE_S,
        requiredClaims: ['exp', 'iat', 'jti'],
      });
    } catch (err) {
      throw refusal(err);
    }
    const p = verified.payload;
    const iat = p.iat as number;
    const exp = p.exp as number;
    if (iat > now / 1000 + START_TOKEN_CLOCK_TOLERANCE_S) throw new StartTokenError('start-token-not-yet-valid', 'The start token was issued in the future.');
    if (exp - iat > START_TOKEN_MAX_LIFETIME_S) {
      throw new StartTokenError(
        'start-token-lifetime',
        `A start token lives at most ${START_TOKEN_MAX_LIFETIME_S / 60} minutes (exp − iat); this one ${Math.round((exp - iat) / 60)}.`,
      );
    }
    if (typeof p.jti !== 'string' || !JTI.test(p.jti))
      throw new StartTokenError('start-token-claims', 'The start token needs a jti of 16–128 URL-safe characters.');
    if (typeof p['embedId'] !== 'string' || !EMBED_ID.test(p['embedId']))
      throw new StartTokenError('start-token-claims', 'The start token needs the embedId it was made for.');
    if (p['embedId'] !== embedId) throw new StartTokenError('start-token-embed-id', 'The start token was made for another embedded scan (embedId).');
    return { jti: p.jti, kid: verified.protectedHeader.kid ?? null, alg: verified.protectedHeader.alg, embedId: p['embedId'], iat, exp, verifiedAt: now };
  }
}

/** A jose failure as our refusal. */
function refusal(err: unknown): StartTokenError {
  if (err instanceof errors.JWTExpired) return new StartTokenError('start-token-expired', 'The start token has expired: ask the pilot page for a new one.');
  if (err instanceof errors.JWTClaimValidationFailed) {
    switch (err.claim) {
      case 'aud':
        return new StartTokenError('start-token-audience', 'The start token was not made for this Talentscan server (aud).');
      case 'iss':
        return new StartTokenError('start-token-pilot', 'The start token was issued by another pilot (iss).');
      case 'nbf':
      case 'iat':
        return new StartTokenError(
          err.reason === 'missing' ? 'start-token-claims' : 'start-token-not-yet-valid',
          `The start token's ${err.claim} ${err.reason === 'missing' ? 'is missing' : 'lies in the future'}.`,
        );
      default:
        return new StartTokenError('start-token-claims', `The start token's ${err.claim} claim ${err.reason === 'missing' ? 'is missing' : 'is invalid'}.`);
    }
  }
  if (err instanceof errors.JWKSNoMatchingKey)
    return new StartTokenError('start-token-unknown-key', "No key of the pilot's JWKS matches the start token's key id.");
  if (err instanceof errors.JWKSMultipleMatchingKeys)
    return new StartTokenError('start-token-unknown-key', "Several keys of the pilot's JWKS match: the token must name its kid.");
  if (err instanceof errors.JWSSignatureVerificationFailed) return new StartTokenError('start-token-signature', "The start token's signature does not verify.");
  if (err instanceof errors.JOSEAlgNotAllowed)
    return new StartTokenError('start-token-algorithm', 'The start token is signed with an algorithm we do not accept.');
  if (err instanceof errors.JWKSTimeout || err instanceof errors.JWKSInvalid || isFetchFailure(err)) {
    return new StartTokenError('start-token-keys-unavailable', "The pilot's public keys could not be fetched; try again in a moment.");
  }
  return new StartTokenError('start-token-malformed', `The start token could not be read (${err instanceof Error ? err.message : String(err)}).`);
}

function isFetchFailure(err: unknown): boolean {
  return err instanceof TypeError || (err instanceof errors.JOSEError && /response|fetch/i.test(err.message));
}
