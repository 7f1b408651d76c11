/**
 * The OpenID4VP 1.0 authorization request the coach shows as a QR code / same-device link: unsigned, passed by value,
 * client identifier prefix `redirect_uri:` (the response URI itself, which needs no signed request), `direct_post`,
 * and a DCQL query for our SD-JWT VC type that asks only for the chosen domains' results (selective disclosure).
 *
 * DCQL cannot address an array element by its content, so each domain is asked for as the `resultDescription` of an
 * element of `credentialSubject.result` with `values` naming that domain's result description (the wallet discloses
 * the elements whose description matches).
 */
import { domainResultId } from '../../credential/ob-credential.ts';
import type { Domain } from '../../runtime/game-contract.ts';
import { DOMAINS } from '../../scoring/profile-types.ts';

export const CREDENTIAL_QUERY_ID = 'talentscan';

/** Why the verifier refuses a presentation before (or besides) the credential verifier's own reasons. */
export const PRESENTATION_REFUSALS = ['malformed', 'wrong-type', 'wrong-nonce', 'wrong-audience', 'stale-proof', 'key-binding'] as const;

export interface DcqlQuery {
  credentials: {
    id: string;
    format: 'dc+sd-jwt';
    meta: { vct_values: string[] };
    claims: { id: string; path: (string | number | null)[]; values?: string[] }[];
  }[];
}

export function isDomain(v: unknown): v is Domain {
  return typeof v === 'string' && (DOMAINS as readonly string[]).includes(v);
}

export function dcqlFor(domains: readonly Domain[], vct: string, issuerBaseUrl: string): DcqlQuery {
  return {
    credentials: [
      {
        id: CREDENTIAL_QUERY_ID,
        format: 'dc+sd-jwt',
        meta: { vct_values: [vct] },
        claims: [
          { id: 'norm', path: ['evidence', 0, 'norm'] },
          ...domains.map((d) => ({ id: `domain-${d}`, path: ['credentialSubject', 'result', null, 'resultDescription'], values: [domainResultId(issuerBaseUrl, d)] })),
        ],
      },
    ],
  };
}

export interface AuthorizationRequest {
  client_id: string;
  response_type: 'vp_token';
  response_mode: 'direct_post';
  response_uri: string;
  nonce: string;
  state: string;
  dcql_query: DcqlQuery;
}

/** `openid4vp://?…` with every parameter by value (JSON parameters as JSON text). */
export function requestUri(req: AuthorizationRequest): string {
  const q = new URLSearchParams({
    client_id: req.client_id,
    response_type: req.response_type,
    response_mode: req.response_mode,
    response_uri: req.response_uri,
    nonce: req.nonce,
    state: req.state,
    dcql_query: JSON.stringify(req.dcql_query),
  });
  return `openid4vp://?${q.toString()}`;
}
