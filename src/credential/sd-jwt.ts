/**
 * Securing the credential as SD-JWT, with @sd-jwt/* (issuance) — never hand-rolled crypto.
 *
 * (a) VC-JOSE-COSE: the JWT claims set IS the VCDM 2.0 credential; header `typ: vc+sd-jwt`, `cty: vc`, ES256, `kid`
 *     a DID URL of the issuer. Registered claims mirror the credential (iss = issuer.id, nbf/exp = validFrom/validUntil).
 * (b) IETF SD-JWT VC: header `typ: dc+sd-jwt`, `vct`, the same claims minus the JSON-LD envelope
 *     (`@context`, `type`, `issuer`, `validFrom`, `validUntil` become `iss`, `nbf`, `exp`).
 * In both, every entry of `credentialSubject.result` (one per domain and per role fit) is a separate array-element
 * disclosure, so a holder can show one domain only. `cnf.jwk` binds the holder's key when issued to a wallet (with the
 * holder's DID URL as `cnf.kid` when the wallet proved the key under a DID, DIIP v4 OID4VCI); the copies handed to the
 * browser have no holder key, so they carry no `cnf` (SD-JWT VC draft 08 §3.2.2.2: `cnf` only with key binding).
 * Revocation: `status.status_list` (IETF Token Status List, §6.1 for any JWT) in both; the VCDM form also carries
 * `credentialStatus` of type `BitstringStatusListEntry` (W3C Bitstring Status List v1.0 §2.1), where VCDM verifiers look.
 */
import { SDJwtInstance } from '@sd-jwt/core';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import type { JWK } from 'jose';
import { sdHasher, sdSaltGenerator } from './encoding.ts';
import type { OpenBadgeCredential } from './ob-credential.ts';

import { DC_SD_JWT, VC_SD_JWT } from './formats.ts';

export { DC_SD_JWT, VC_SD_JWT, vcFromDcClaims, type SdJwtFormat } from './formats.ts';

export interface IssuerSigner {
  alg: 'ES256';
  /** DID URL of the signing key, e.g. `did:jwk:…#0` or `did:web:example.org#key-1`. */
  kid: string;
  /** Signs the JWS signing input, returns the base64url signature. */
  sign(data: string): Promise<string>;
}

export interface StatusReference {
  idx: number;
  uri: string;
}

/** The holder key a wallet proved (OpenID4VCI proof JWT): the key, and its DID URL when the proof named one. */
export interface HolderBinding {
  jwk: JWK;
  kid?: string;
}

export interface SecureOptions {
  signer: IssuerSigner;
  status: StatusReference;
  /** The VCDM form's W3C Bitstring Status List credential, for the same index (`credentialStatus`). */
  bitstringStatusListCredential?: string;
  holder?: HolderBinding;
  vct: string;
}

function cnf(holder: HolderBinding | undefined): { cnf?: { jwk: JWK; kid?: string } } {
  return holder ? { cnf: { jwk: holder.jwk, ...(holder.kid ? { kid: holder.kid } : {}) } } : {};
}

const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000);

function resultFrame(vc: OpenBadgeCredential) {
  return { credentialSubject: { result: { _sd: vc.credentialSubject.result.map((_, i) => i) } } };
}

export async function issueVcSdJwt(vc: OpenBadgeCredential, opts: SecureOptions): Promise<string> {
  const sd = new SDJwtInstance<Record<string, unknown>>({
    signer: (data) => opts.signer.sign(data),
    signAlg: opts.signer.alg,
    hasher: sdHasher,
    hashAlg: 'sha-256',
    saltGenerator: sdSaltGenerator,
  });
  const listCredential = opts.bitstringStatusListCredential;
  const payload: Record<string, unknown> = {
    ...vc,
    ...(listCredential
      ? {
          credentialStatus: {
            id: `${listCredential}#${opts.status.idx}`,
            type: 'BitstringStatusListEntry',
            statusPurpose: 'revocation',
            statusListIndex: String(opts.status.idx),
            statusListCredential: listCredential,
          },
        }
      : {}),
    iss: vc.issuer.id,
    jti: vc.id,
    sub: vc.credentialSubject.id,
    iat: seconds(vc.validFrom),
    nbf: seconds(vc.validFrom),
    exp: seconds(vc.validUntil),
    status: { status_list: { idx: opts.status.idx, uri: opts.status.uri } },
    ...cnf(opts.holder),
  };
  return sd.issue(payload, resultFrame(vc) as never, {
    header: { typ: VC_SD_JWT, cty: 'vc', kid: opts.signer.kid },
  });
}

/** The SD-JWT VC claims for a credential (the same content, without the JSON-LD envelope). */
export function dcClaims(vc: OpenBadgeCredential, opts: Pick<SecureOptions, 'status' | 'holder' | 'vct'>): Record<string, unknown> & { vct: string } {
  const { '@context': _c, type: _t, issuer, validFrom, validUntil, id, credentialSchema: _s, ...rest } = vc;
  return {
    vct: opts.vct,
    iss: issuer.id,
    jti: id,
    sub: vc.credentialSubject.id,
    iat: seconds(validFrom),
    nbf: seconds(validFrom),
    exp: seconds(validUntil),
    issuer_name: issuer.name,
    ...(issuer.url ? { issuer_url: issuer.url } : {}),
    ...rest,
    status: { status_list: { idx: opts.status.idx, uri: opts.status.uri } },
    ...cnf(opts.holder),
  };
}

export async function issueDcSdJwt(vc: OpenBadgeCredential, opts: SecureOptions): Promise<string> {
  const sd = new SDJwtVcInstance({
    signer: (data) => opts.signer.sign(data),
    signAlg: opts.signer.alg,
    hasher: sdHasher,
    hashAlg: 'sha-256',
    saltGenerator: sdSaltGenerator,
  });
  const claims = dcClaims(vc, opts);
  return sd.issue(claims, resultFrame(vc) as never, { header: { typ: DC_SD_JWT, kid: opts.signer.kid } });
}

/**
 * A presentation that discloses only the chosen result entries (by index in `credentialSubject.result`).
 * Works on both formats; the holder needs no issuer key for it.
 */
export async function presentOnly(compact: string, resultIndexes: number[]): Promise<string> {
  const sd = new SDJwtInstance<Record<string, unknown>>({ hasher: sdHasher, hashAlg: 'sha-256' });
  const frame: Record<number, boolean> = {};
  for (const i of resultIndexes) frame[i] = true;
  const presented = await sd.present(compact, { credentialSubject: { result: frame } } as never);
  return presented;
}
