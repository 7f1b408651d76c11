/**
 * The DCQL query of the OpenID4VP 1.0 request the coach shows as a QR code / same-device link (the request itself is
 * made by @openid4vc/openid4vp in verifier.ts): our SD-JWT VC type, asking only for the chosen domains' results
 * (selective disclosure).
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
          ...domains.map((d) => ({
            id: `domain-${d}`,
            path: ['credentialSubject', 'result', null, 'resultDescription'],
            values: [domainResultId(issuerBaseUrl, d)],
          })),
        ],
      },
    ],
  };
}
