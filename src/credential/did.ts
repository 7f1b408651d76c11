/**
 * Issuer identifiers and key resolution, shared by issuer and verifier.
 *
 * - did:jwk (development): the DID is the public key itself, `did:jwk:<base64url(JSON JWK)>`, key id `<did>#0`.
 * - did:web (production): `did:web:<host>[%3A<port>][:<path>]`, the DID document at
 *   `https://<host>/.well-known/did.json` (or `https://<host>/<path>/did.json`), key id `<did>#<kid>`.
 * - An https issuer of an SD-JWT VC: `<iss>/.well-known/jwt-vc-issuer` with `jwks` or `jwks_uri`.
 */
import type { JWK } from 'jose';
import { base64url, fromBase64url, utf8 } from './encoding.ts';

export type FetchLike = (
  url: string,
  init?: { headers?: Record<string, string>; cache?: RequestCache },
) => Promise<{ ok: boolean; status: number; json(): Promise<unknown>; text(): Promise<string> }>;

/** Only the public members of an EC / OKP key: a private `d` never goes into a DID or a JWKS. */
export function publicJwk(jwk: JWK): JWK {
  const { kty, crv, x, y, n, e } = jwk;
  const out: JWK = { kty };
  if (crv !== undefined) out.crv = crv;
  if (x !== undefined) out.x = x;
  if (y !== undefined) out.y = y;
  if (n !== undefined) out.n = n;
  if (e !== undefined) out.e = e;
  return out;
}

export function didJwk(jwk: JWK): string {
  return `did:jwk:${base64url(utf8(JSON.stringify(publicJwk(jwk))))}`;
}

export function jwkFromDidJwk(did: string): JWK {
  const id = did.replace(/#.*$/, '');
  if (!id.startsWith('did:jwk:')) throw new Error(`Not a did:jwk: ${did}`);
  const json = new TextDecoder().decode(fromBase64url(id.slice('did:jwk:'.length)));
  const jwk = JSON.parse(json) as JWK;
  if (typeof jwk !== 'object' || jwk === null || typeof jwk.kty !== 'string' || 'd' in jwk) throw new Error('did:jwk holds no public JWK');
  return jwk;
}

/** did:web for an https origin (+ optional path): `https://example.org:8443/a/b` → `did:web:example.org%3A8443:a:b`. */
export function didWebFromUrl(url: string): string {
  const u = new URL(url);
  const host = u.port ? `${u.hostname}%3A${u.port}` : u.hostname;
  const path = u.pathname.split('/').filter(Boolean).map(encodeURIComponent);
  return ['did:web', host, ...path].join(':');
}

/** Where a did:web's document lives. http is accepted only for localhost (tests and local runs). */
export function didWebDocumentUrl(did: string): string {
  const id = did.replace(/#.*$/, '');
  if (!id.startsWith('did:web:')) throw new Error(`Not a did:web: ${did}`);
  const [hostPart, ...path] = id.slice('did:web:'.length).split(':');
  if (!hostPart) throw new Error(`Malformed did:web: ${did}`);
  const host = decodeURIComponent(hostPart);
  const local = /^(localhost|127\.0\.0\.1)(:\d+)?$/.test(host);
  const base = `${local ? 'http' : 'https'}://${host}`;
  return path.length ? `${base}/${path.map(decodeURIComponent).join('/')}/did.json` : `${base}/.well-known/did.json`;
}

export interface DidDocument {
  '@context': string[];
  id: string;
  verificationMethod: { id: string; type: 'JsonWebKey2020' | 'JsonWebKey'; controller: string; publicKeyJwk: JWK }[];
  assertionMethod: string[];
  authentication?: string[];
}

export function didDocument(did: string, kid: string, jwk: JWK): DidDocument {
  const vmId = kid.startsWith('did:') ? kid : `${did}#${kid}`;
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/jws-2020/v1'],
    id: did,
    verificationMethod: [{ id: vmId, type: 'JsonWebKey2020', controller: did, publicKeyJwk: publicJwk(jwk) }],
    assertionMethod: [vmId],
  };
}

/**
 * A holder's key from a DID URL (did:jwk, or did:web whose document lists the method under `authentication` or
 * `assertionMethod`). The issuer binds a wallet's copy to it (OpenID4VCI proof `kid`; DIIP v4 names both methods).
 */
export async function resolveHolderKey(didUrl: string, fetchFn: FetchLike): Promise<JWK> {
  if (didUrl.startsWith('did:jwk:')) return jwkFromDidJwk(didUrl);
  if (!didUrl.startsWith('did:web:') || !didUrl.includes('#')) throw new Error(`Not a did:web key reference: ${didUrl}`);
  const did = didUrl.replace(/#.*$/, '');
  const res = await fetchFn(didWebDocumentUrl(did), { headers: { accept: 'application/did+json, application/json' } });
  if (!res.ok) throw new Error(`The DID document of ${did} could not be fetched (HTTP ${res.status})`);
  const doc = (await res.json()) as Omit<Partial<DidDocument>, 'authentication'> & { authentication?: (string | { id: string })[] };
  if (doc.id !== did) throw new Error(`The DID document of ${did} names another DID`);
  const same = (id: string) => id === didUrl || `${did}${id}` === didUrl;
  const vm = (doc.verificationMethod ?? []).find((m) => same(m.id));
  const related = [...(doc.authentication ?? []), ...(doc.assertionMethod ?? [])].some((r) => same(typeof r === 'string' ? r : r.id));
  if (!vm?.publicKeyJwk || !related) throw new Error(`No authentication key ${didUrl} in the DID document of ${did}`);
  if ('d' in vm.publicKeyJwk) throw new Error('The DID document holds a private key');
  return vm.publicKeyJwk;
}

/**
 * Resolves the public key that signed a JWT from its `kid` header (a DID URL) or, failing that, its issuer.
 * Returns the key and the issuer identifier it belongs to; the caller checks that identifier against `iss`.
 */
export async function resolveIssuerKey(kid: string | undefined, iss: string | undefined, fetchFn: FetchLike): Promise<{ jwk: JWK; controller: string }> {
  const ref = kid?.startsWith('did:') ? kid : iss?.startsWith('did:') ? (kid?.startsWith('#') ? iss + kid : iss) : undefined;
  if (ref?.startsWith('did:jwk:')) return { jwk: jwkFromDidJwk(ref), controller: ref.replace(/#.*$/, '') };
  if (ref?.startsWith('did:web:')) {
    const did = ref.replace(/#.*$/, '');
    const res = await fetchFn(didWebDocumentUrl(did), { headers: { accept: 'application/did+json, application/json' } });
    if (!res.ok) throw new Error(`The DID document of ${did} could not be fetched (HTTP ${res.status})`);
    const doc = (await res.json()) as Partial<DidDocument>;
    if (doc.id !== did) throw new Error(`The DID document of ${did} names another DID`);
    const methods = doc.verificationMethod ?? [];
    const wanted = ref.includes('#') ? ref : undefined;
    const vm = wanted ? methods.find((m) => m.id === wanted || `${did}${m.id}` === wanted) : methods.length === 1 ? methods[0] : undefined;
    if (!vm?.publicKeyJwk) throw new Error(`No key ${ref} in the DID document of ${did}`);
    if (doc.assertionMethod && !doc.assertionMethod.some((a) => a === vm.id || `${did}${a}` === vm.id)) {
      throw new Error(`Key ${vm.id} is not an assertion method of ${did}`);
    }
    return { jwk: vm.publicKeyJwk, controller: did };
  }
  if (ref?.startsWith('did:')) throw new Error(`Unsupported DID method in ${ref}`);
  if (iss && /^https?:\/\//.test(iss)) {
    const u = new URL(iss);
    const res = await fetchFn(`${u.origin}/.well-known/jwt-vc-issuer${u.pathname === '/' ? '' : u.pathname}`);
    if (!res.ok) throw new Error(`Issuer metadata of ${iss} could not be fetched (HTTP ${res.status})`);
    const meta = (await res.json()) as { issuer?: string; jwks?: { keys?: JWK[] }; jwks_uri?: string };
    if (meta.issuer !== iss) throw new Error(`Issuer metadata of ${iss} names another issuer`);
    let keys = meta.jwks?.keys;
    if (!keys && meta.jwks_uri) keys = ((await (await fetchFn(meta.jwks_uri)).json()) as { keys?: JWK[] }).keys;
    const jwk = keys?.find((k) => (kid ? k.kid === kid : true));
    if (!jwk) throw new Error(`No key ${kid ?? ''} in the issuer metadata of ${iss}`);
    return { jwk, controller: iss };
  }
  throw new Error('The credential names no resolvable issuer key');
}
