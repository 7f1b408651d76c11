/**
 * The authorization code flow's own rules (DIIP v4 Issuance: both flows, PKCE `S256`, PAR required,
 * `authorization_details`), kept apart from the endpoints in oid4vci.ts: checking a pushed authorization request and
 * building the redirect back to the wallet.
 *
 *   RFC 9126 §2.1 (PAR request, form-encoded, same parameters as an authorization request), §2.2 (201, request_uri,
 *   expires_in), §2.3 (errors); RFC 7636 §4.2-4.3 (code_challenge 43-128 unreserved characters, method S256);
 *   RFC 6749 §4.1.1-4.1.2 (response_type code, redirect_uri, state); OpenID4VCI draft 15 §5.1.1 (authorization_details
 *   of type openid_credential with credential_configuration_id), §5.1.2 (scope), §5.1.3 (issuer_state); RFC 9207 (iss).
 */
import { HttpError } from './http.ts';

export const PAR_URI_PREFIX = 'urn:ietf:params:oauth:request_uri:';

export interface PushedRequest {
  clientId: string;
  redirectUri: string;
  codeChallenge: string;
  state?: string;
  issuerState: string;
  /** Configurations the wallet asked for (authorization_details), or every offered one (scope). */
  configurationIds: string[];
  /** True when asked with authorization_details: the token response must echo them (draft 15 §6.2). */
  viaAuthorizationDetails: boolean;
}

const bad = (message: string) => new HttpError(400, 'invalid_request', message);

/** A redirect URI a public client may name: https, a loopback http address, or a private-use scheme (RFC 8252 §7). */
function acceptableRedirect(uri: string): boolean {
  let u: URL;
  try {
    u = new URL(uri);
  } catch {
    return false;
  }
  if (u.hash) return false;
  if (u.protocol === 'https:') return true;
  if (u.protocol === 'http:') return u.hostname === '127.0.0.1' || u.hostname === 'localhost' || u.hostname === '[::1]';
  return /^[a-z][a-z0-9+.-]*:$/.test(u.protocol) && !['javascript:', 'data:', 'file:', 'blob:', 'ftp:', 'ws:', 'wss:'].includes(u.protocol);
}

/** Checks a pushed authorization request's form; throws 400 `invalid_request` (or `invalid_scope`) naming what is wrong. */
export function parsePushedRequest(form: Record<string, string>, knownConfigurations: readonly string[], scope: string): PushedRequest {
  if (form.request !== undefined || form.request_uri !== undefined) {
    throw bad('Send the authorization request parameters themselves (no request or request_uri).');
  }
  if (form.response_type !== 'code') throw new HttpError(400, 'unsupported_response_type', 'Only response_type=code is supported.');
  const clientId = form.client_id;
  if (!clientId || clientId.length > 200) throw bad('client_id is required.');
  const redirectUri = form.redirect_uri;
  if (!redirectUri || redirectUri.length > 1000 || !acceptableRedirect(redirectUri)) {
    throw bad('redirect_uri must be an https, loopback or private-use URI without a fragment.');
  }
  if (form.code_challenge_method !== 'S256') throw bad('PKCE with code_challenge_method=S256 is required.');
  const codeChallenge = form.code_challenge;
  if (!codeChallenge || !/^[A-Za-z0-9._~-]{43,128}$/.test(codeChallenge)) throw bad('code_challenge must be 43 to 128 unreserved characters.');
  const issuerState = form.issuer_state;
  if (!issuerState) throw bad('issuer_state from the credential offer is required: this issuer issues only what a candidate offered.');
  let configurationIds: string[];
  let viaAuthorizationDetails = false;
  if (form.authorization_details !== undefined) {
    let details: unknown;
    try {
      details = JSON.parse(form.authorization_details);
    } catch {
      throw bad('authorization_details is not JSON.');
    }
    if (!Array.isArray(details) || details.length === 0) throw bad('authorization_details must be a non-empty array.');
    configurationIds = details.map((d: unknown) => {
      const entry = d as { type?: unknown; credential_configuration_id?: unknown };
      if (entry?.type !== 'openid_credential') {
        throw new HttpError(400, 'invalid_authorization_details', 'Each authorization_details entry must be of type openid_credential.');
      }
      const id = entry.credential_configuration_id;
      if (typeof id !== 'string' || !knownConfigurations.includes(id)) {
        throw new HttpError(400, 'invalid_authorization_details', 'Name a credential_configuration_id from the issuer metadata.');
      }
      return id;
    });
    viaAuthorizationDetails = true;
  } else if (form.scope !== undefined) {
    if (!form.scope.split(' ').includes(scope)) throw new HttpError(400, 'invalid_scope', `The scope must include ${scope}.`);
    configurationIds = [...knownConfigurations];
  } else {
    throw bad('Ask with authorization_details (credential_configuration_id) or scope.');
  }
  const unique = [...new Set(configurationIds)];
  return { clientId, redirectUri, codeChallenge, issuerState, configurationIds: unique, viaAuthorizationDetails, ...(form.state ? { state: form.state } : {}) };
}

/** RFC 6749 §4.1.2 and RFC 9207: the redirect back to the wallet with the code (or an error), `state` and `iss`. */
export function redirectBack(redirectUri: string, issuer: string, params: Record<string, string | undefined>): string {
  const u = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) u.searchParams.set(k, v);
  u.searchParams.set('iss', issuer);
  return u.toString();
}
