/** The two SD-JWT forms of the credential, and how the SD-JWT VC claims map back to the VCDM credential (browser-light). */
export const VC_SD_JWT = 'vc+sd-jwt';
export const DC_SD_JWT = 'dc+sd-jwt';
export type SdJwtFormat = typeof VC_SD_JWT | typeof DC_SD_JWT;

/** Rebuilds the VCDM credential from SD-JWT VC claims, so both formats are read (and schema-checked) the same way. */
export function vcFromDcClaims(claims: Record<string, unknown>): Record<string, unknown> {
  const { vct: _v, iss, jti, sub: _sub, iat: _iat, nbf, exp, issuer_name, issuer_url, status: _st, cnf: _cnf, ...rest } = claims;
  const iso = (s: unknown) => (typeof s === 'number' ? new Date(s * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z') : undefined);
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: jti,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: iss, type: ['Profile'], name: issuer_name, ...(issuer_url ? { url: issuer_url } : {}) },
    validFrom: iso(nbf),
    ...(exp !== undefined ? { validUntil: iso(exp) } : {}),
    ...rest,
  };
}
