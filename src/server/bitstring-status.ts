/**
 * The issuer's status list as a W3C Bitstring Status List v1.0 credential, for VCDM verifiers that follow the
 * `credentialStatus` (`BitstringStatusListEntry`) of the VC-JOSE-COSE form. It mirrors the IETF Token Status List
 * index for index (one revocation list, two encodings), so revoking once revokes in both.
 *
 * §2.2 BitstringStatusListCredential; §3.1 bitstring: index 0 is the left-most bit, at least 131,072 entries, GZIP,
 * base64url without padding, multibase prefix `u`. Secured as VC-JOSE-COSE `vc+jwt` (typ `vc+jwt`, cty `vc`).
 */
import { gzipSync } from 'node:zlib';
import { VCDM_CONTEXT } from '../credential/ob-credential.ts';
import type { IssuerIdentity } from './keys.ts';

export const BITSTRING_MIN_ENTRIES = 131_072;

/** The multibase (`u`, base64url) GZIP-compressed bitstring with the given revoked indexes set. */
export function encodedBitstring(size: number, revoked: Iterable<number>): string {
  const length = Math.max(size, BITSTRING_MIN_ENTRIES);
  const bytes = new Uint8Array(Math.ceil(length / 8));
  for (const i of revoked) if (Number.isInteger(i) && i >= 0 && i < length) bytes[i >> 3]! |= 0x80 >> (i & 7);
  return `u${gzipSync(bytes, { level: 9 }).toString('base64url')}`;
}

export async function bitstringStatusListCredential(
  identity: IssuerIdentity,
  url: string,
  size: number,
  revoked: Iterable<number>,
  now: Date,
  validForSec: number,
): Promise<string> {
  const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const credential = {
    '@context': [VCDM_CONTEXT],
    id: url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: identity.did,
    validFrom: iso(now),
    validUntil: iso(new Date(now.getTime() + validForSec * 1000)),
    credentialSubject: { id: `${url}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: encodedBitstring(size, revoked) },
  };
  return identity.signJwt({ typ: 'vc+jwt', cty: 'vc' }, credential);
}
