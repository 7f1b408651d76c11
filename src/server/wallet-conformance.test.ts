/**
 * Wallet conformance: a client written from the specification texts talks to the running issuer over HTTP only.
 * It uses fetch, jose (JWS/JWK mechanics) and node:crypto / node:zlib (hashes, inflate) — none of the OpenID4VCI or
 * SD-JWT libraries the issuer itself is built on — and checks every wallet-facing endpoint's success and error
 * answers: status codes, content types, headers and bodies. Each case names the section it follows.
 *
 *   OpenID4VCI draft 15 (pinned by DIIP v4; "D15") and 1.0 ("V1"); RFC 6749 (OAuth 2.0), RFC 6750 (Bearer),
 *   RFC 9110 (HTTP); SD-JWT VC draft 08 ("SDJWTVC"); RFC 9901 (SD-JWT); VC-JOSE-COSE; IETF Token Status List draft 10
 *   ("TSL"); W3C Bitstring Status List v1.0 ("BSL"); DIIP v4.
 * docs/credential-formats.md lists the same points in a table.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { gunzipSync, inflateSync } from 'node:zlib';
import { compactVerify, decodeProtectedHeader, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type JWTPayload } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestServer, type TestServer } from './testing/test-server.ts';

const PRE_AUTH = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';
// Each offer comes from a witnessed session played through the API (about a second; more on a busy machine).
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let server: TestServer;
let base: string;

beforeAll(async () => {
  server = await startTestServer({ name: 'Talentscan (conformance)', play: { rngSeed: 7 } });
  base = server.url;
});

afterAll(() => server.close());

// ——— the client, from the spec texts ———

const b64urlJson = (s: string) => JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Record<string, unknown>;
const sha256b64url = (s: string) => createHash('sha256').update(s, 'ascii').digest('base64url');

interface Offer {
  credential_issuer: string;
  credential_configuration_ids: string[];
  grants: Record<string, { 'pre-authorized_code': string; tx_code?: { input_mode?: string; length?: number; description?: string } }>;
}

/**
 * The candidate's side (browser API): a witnessed session and its credential with an offer; returns the offer, tx
 * code and revocation token. A session yields one credential and one offer, so each call plays a new one.
 */
async function newOffer(txCode: boolean) {
  const body = await server.credential<{
    credentialId: string;
    vcSdJwt: string;
    dcSdJwt: string;
    offer: { uri: string; authorizationCodeUri: string; txCode?: string };
    revocation: { token: string };
  }>({ txCode });
  const parse = (link: string) => {
    const uri = new URL(link);
    expect(uri.protocol).toBe('openid-credential-offer:');
    return JSON.parse(uri.searchParams.get('credential_offer')!) as Offer;
  };
  const offer = parse(body.offer.uri);
  const authorizationCodeOffer = parse(body.offer.authorizationCodeUri) as unknown as { grants: Record<string, { issuer_state?: string }> };
  const issuerState = authorizationCodeOffer.grants.authorization_code!.issuer_state!;
  return { body, offer, issuerState, code: offer.grants[PRE_AUTH]!['pre-authorized_code'], txCode: body.offer.txCode };
}

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});
const postJson = (path: string, body: unknown) =>
  fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const tokenRequest = (fields: Record<string, string>) => fetch(`${base}/issuer/oid4vci/token`, form(fields));
const authorizeAt = (requestUri: string) =>
  fetch(`${base}/issuer/oid4vci/authorize?client_id=conformance-wallet&request_uri=${encodeURIComponent(requestUri)}`, { redirect: 'manual' });

async function metadata() {
  const ci = (await (await fetch(`${base}/.well-known/openid-credential-issuer`)).json()) as {
    credential_issuer: string;
    credential_endpoint: string;
    nonce_endpoint: string;
    credential_configurations_supported: Record<string, Record<string, unknown>>;
  };
  const as = (await (await fetch(`${base}/.well-known/oauth-authorization-server`)).json()) as { token_endpoint: string };
  return { ci, tokenEndpoint: as.token_endpoint };
}

async function token(code: string, txCode?: string): Promise<string> {
  const { tokenEndpoint } = await metadata();
  const res = await fetch(tokenEndpoint, form({ grant_type: PRE_AUTH, 'pre-authorized_code': code, ...(txCode ? { tx_code: txCode } : {}) }));
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

async function nonce(): Promise<string> {
  return ((await (await fetch(`${base}/issuer/oid4vci/nonce`, { method: 'POST' })).json()) as { c_nonce: string }).c_nonce;
}

class Holder {
  jwk!: JWK;
  key!: CryptoKey;
  async init(): Promise<this> {
    const { publicKey, privateKey } = await generateKeyPair('ES256');
    this.jwk = await exportJWK(publicKey);
    this.key = privateKey;
    return this;
  }
  /** D15 §8.2.1.1 (`jwt` proof type): typ openid4vci-proof+jwt, aud = the Credential Issuer Identifier, nonce = c_nonce. */
  proof(c_nonce: string, header: { kid?: string } = {}): Promise<string> {
    const h = header.kid ? { alg: 'ES256', typ: 'openid4vci-proof+jwt', kid: header.kid } : { alg: 'ES256', typ: 'openid4vci-proof+jwt', jwk: this.jwk };
    return new SignJWT({ nonce: c_nonce }).setProtectedHeader(h).setAudience(base).setIssuedAt().sign(this.key);
  }
  didJwk(): string {
    return `did:jwk:${Buffer.from(JSON.stringify({ kty: this.jwk.kty, crv: this.jwk.crv, x: this.jwk.x, y: this.jwk.y })).toString('base64url')}`;
  }
}

function credentialRequest(accessToken: string | undefined, body: unknown, contentType = 'application/json') {
  return fetch(`${base}/issuer/oid4vci/credential`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** RFC 9901 §4, §7.1: issuer-signed JWT ~ disclosures ~; every disclosure's digest is referenced in the payload. */
async function checkSdJwt(compact: string): Promise<{ header: Record<string, unknown>; payload: Record<string, unknown>; disclosures: unknown[][] }> {
  const parts = compact.split('~');
  expect(parts.at(-1)).toBe('');
  const jws = parts[0]!;
  const header = decodeProtectedHeader(jws) as Record<string, unknown>;
  expect(header.alg).toBe('ES256');
  const jwks = (await (await fetch(`${base}/.well-known/jwks.json`)).json()) as { keys: JWK[] };
  const key = jwks.keys.find((k) => k.kid === header.kid)!;
  expect(key).toBeDefined();
  const { payload } = await compactVerify(jws, await importJWK(key, 'ES256'));
  const claims = JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>;
  expect(claims._sd_alg).toBe('sha-256');
  const referenced = new Set<string>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === '_sd' && Array.isArray(x)) x.forEach((d) => referenced.add(String(d)));
        else if (k === '...') referenced.add(String(x));
        else walk(x);
      }
    }
  };
  walk(claims);
  const disclosures = parts.slice(1, -1).map((d) => {
    expect(referenced.has(sha256b64url(d))).toBe(true);
    return JSON.parse(Buffer.from(d, 'base64url').toString('utf8')) as unknown[];
  });
  return { header, payload: claims, disclosures };
}

/** TSL §4.1 (bits counted from the least significant bit, ZLIB) and §5.1: the status at `idx`. */
async function tokenStatus(uri: string, idx: number): Promise<number> {
  const res = await fetch(uri, { headers: { accept: 'application/statuslist+jwt', 'accept-encoding': 'gzip' } });
  expect(res.headers.get('content-type')).toBe('application/statuslist+jwt');
  const jwt = await res.text();
  const header = decodeProtectedHeader(jwt);
  expect(header.typ).toBe('statuslist+jwt');
  const claims = b64urlJson(jwt.split('.')[1]!) as { sub: string; status_list: { bits: number; lst: string } };
  expect(claims.sub).toBe(uri);
  expect(claims.status_list.bits).toBe(1);
  const bytes = inflateSync(Buffer.from(claims.status_list.lst, 'base64url'));
  return (bytes[idx >> 3]! >> (idx & 7)) & 1;
}

/** BSL §2.2, §3.1: the credential's `encodedList` is multibase base64url of the GZIP bitstring; index 0 is the left-most bit. */
async function bitstringStatus(url: string, idx: number): Promise<number> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/vc+jwt');
  const jwt = await res.text();
  expect(decodeProtectedHeader(jwt)).toMatchObject({ typ: 'vc+jwt', cty: 'vc', alg: 'ES256' });
  const vc = b64urlJson(jwt.split('.')[1]!) as { type: string[]; id: string; credentialSubject: { type: string; statusPurpose: string; encodedList: string } };
  expect(vc.type).toEqual(['VerifiableCredential', 'BitstringStatusListCredential']);
  expect(vc.id).toBe(url);
  expect(vc.credentialSubject).toMatchObject({ type: 'BitstringStatusList', statusPurpose: 'revocation' });
  expect(vc.credentialSubject.encodedList.startsWith('u')).toBe(true);
  const bits = gunzipSync(Buffer.from(vc.credentialSubject.encodedList.slice(1), 'base64url'));
  expect(bits.length * 8).toBeGreaterThanOrEqual(131_072);
  return (bits[idx >> 3]! >> (7 - (idx & 7))) & 1;
}

/** RFC 6749 §5.2 / D15 §8.3.1.2: a JSON error object whose `error_description` stays within %x20-21 / %x23-5B / %x5D-7E. */
async function oauthError(res: Response, status: number, error: string): Promise<void> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(res.headers.get('cache-control')).toBe('no-store');
  const body = (await res.json()) as { error: string; error_description?: string };
  expect(body.error).toBe(error);
  if (body.error_description !== undefined) expect(body.error_description).toMatch(/^[\x20-\x21\x23-\x5B\x5D-\x7E]*$/);
}

// ——— the cases ———

describe('metadata (D15 §11.2, §11.3; V1 §12.2; RFC 8414 §3)', () => {
  it('credential issuer metadata: endpoints, both configurations, display where draft 15 and 1.0 wallets read it', async () => {
    const res = await fetch(`${base}/.well-known/openid-credential-issuer`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const { ci } = await metadata();
    expect(ci.credential_issuer).toBe(base);
    expect(ci.credential_endpoint).toBe(`${base}/issuer/oid4vci/credential`);
    expect(ci.nonce_endpoint).toBe(`${base}/issuer/oid4vci/nonce`);
    const configs = Object.values(ci.credential_configurations_supported);
    // D15 Appendix A.3.1 / V1 A.3.1: the SD-JWT VC format is `dc+sd-jwt`, with `vct` (A.3.2).
    const dc = configs.find((c) => c.format === 'dc+sd-jwt')!;
    expect(typeof dc.vct).toBe('string');
    // VCDM 2.0 + SD-JWT (VC-JOSE-COSE `vc+sd-jwt`), with the W3C profiles' credential_definition and no `vct`.
    const vc = configs.find((c) => c.format === 'vc+sd-jwt')!;
    expect(vc.vct).toBeUndefined();
    expect(vc.credential_definition).toMatchObject({ type: ['VerifiableCredential', 'OpenBadgeCredential'] });
    for (const c of [dc, vc]) {
      // D15 §11.2.3: `display` on the configuration (name required per entry); V1 §12.2.4: under `credential_metadata`.
      const d15 = c.display as { name: string; locale: string }[];
      expect(d15.map((x) => x.locale).sort()).toEqual(['en', 'nl']);
      expect(d15.every((x) => x.name.length > 0)).toBe(true);
      expect((c.credential_metadata as { display: unknown }).display).toEqual(d15);
      expect(c.proof_types_supported).toMatchObject({ jwt: { proof_signing_alg_values_supported: ['ES256'] } });
      // DIIP v4 (Identifiers): did:jwk and did:web holders.
      expect(c.cryptographic_binding_methods_supported).toEqual(expect.arrayContaining(['jwk', 'did:jwk', 'did:web']));
    }
  });

  it('authorization server metadata names the token endpoint and the pre-authorized grant', async () => {
    const res = await fetch(`${base}/.well-known/oauth-authorization-server`);
    expect(res.status).toBe(200);
    const as = (await res.json()) as Record<string, unknown>;
    expect(as.issuer).toBe(base);
    expect(as.token_endpoint).toBe(`${base}/issuer/oid4vci/token`);
    expect(as.grant_types_supported).toContain(PRE_AUTH);
    expect(as['pre-authorized_grant_anonymous_access_supported']).toBe(true);
  });

  it('a wrong method on a metadata document or wallet endpoint is 405 with Allow (RFC 9110 §15.5.6) and an OAuth error body', async () => {
    const post = await fetch(`${base}/.well-known/openid-credential-issuer`, { method: 'POST' });
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    await oauthError(post, 405, 'invalid_request');
    for (const path of ['/issuer/oid4vci/token', '/issuer/oid4vci/nonce', '/issuer/oid4vci/credential']) {
      const get = await fetch(base + path);
      expect(get.headers.get('allow')).toBe('POST');
      await oauthError(get, 405, 'invalid_request');
    }
    expect((await fetch(`${base}/issuer/oid4vci/nowhere`)).status).toBe(404);
    // The authorization endpoint has no HEAD (RFC 9110 §9.3.2 asks HEAD to be free of side effects; GET spends the request_uri).
    const head = await fetch(`${base}/issuer/oid4vci/authorize`, { method: 'HEAD' });
    expect(head.status).toBe(405);
    expect(head.headers.get('allow')).toBe('GET');
  });

  it('SD-JWT VC type metadata tags display entries with `lang` (SDJWTVC §8, §9.2)', async () => {
    const { ci } = await metadata();
    const vct = Object.values(ci.credential_configurations_supported).find((c) => c.format === 'dc+sd-jwt')!.vct as string;
    const res = await fetch(vct);
    expect(res.status).toBe(200);
    const tm = (await res.json()) as { vct: string; display: Record<string, unknown>[]; claims: { display?: Record<string, unknown>[] }[] };
    expect(tm.vct).toBe(vct);
    const displays = [...tm.display, ...tm.claims.flatMap((c) => c.display ?? [])];
    expect(displays.length).toBeGreaterThan(0);
    for (const d of displays) {
      expect(typeof d.lang).toBe('string');
      expect(d.locale).toBeUndefined();
    }
  });
});

describe('credential offer (D15 §4.1.1)', () => {
  it('names the issuer, both configurations and a pre-authorized grant with a numeric tx_code; a second link the authorization code grant', async () => {
    const { offer, body, issuerState } = await newOffer(true);
    expect(offer.credential_issuer).toBe(base);
    expect(offer.credential_configuration_ids).toHaveLength(2);
    expect(Object.keys(offer.grants)).toEqual([PRE_AUTH]);
    expect(offer.grants[PRE_AUTH]!.tx_code).toMatchObject({ input_mode: 'numeric', length: 6 });
    const secondLink = new URL(body.offer.authorizationCodeUri).searchParams.get('credential_offer')!;
    const second = JSON.parse(secondLink) as { credential_issuer: string; grants: Record<string, unknown> };
    expect(second.credential_issuer).toBe(base);
    expect(Object.keys(second.grants)).toEqual(['authorization_code']);
    expect(issuerState.length).toBeGreaterThanOrEqual(32);
  });
});

describe('token endpoint (D15 §6; RFC 6749 §5)', () => {
  it('success: 200 JSON, no-store, Bearer token; no c_nonce (D15 §6.2 removed it)', async () => {
    const { code, txCode } = await newOffer(true);
    const { tokenEndpoint } = await metadata();
    const res = await fetch(tokenEndpoint, form({ grant_type: PRE_AUTH, 'pre-authorized_code': code, tx_code: txCode! }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.token_type).toBe('Bearer');
    expect(typeof body.access_token).toBe('string');
    expect(typeof body.expires_in).toBe('number');
    expect(body.c_nonce).toBeUndefined();
    expect(body.c_nonce_expires_in).toBeUndefined();
  });

  it('errors: JSON instead of a form → 400 invalid_request (RFC 6749 §3.2, §5.2)', async () => {
    const { code } = await newOffer(false);
    const res = await postJson('/issuer/oid4vci/token', { grant_type: PRE_AUTH, 'pre-authorized_code': code });
    await oauthError(res, 400, 'invalid_request');
    const text = await fetch(`${base}/issuer/oid4vci/token`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    await oauthError(text, 400, 'invalid_request');
  });

  it('errors: tx_code missing → invalid_request, wrong → invalid_grant, sent where none is expected → invalid_request (D15 §6.3)', async () => {
    const a = await newOffer(true);
    await oauthError(await fetch(`${base}/issuer/oid4vci/token`, form({ grant_type: PRE_AUTH, 'pre-authorized_code': a.code })), 400, 'invalid_request');
    const wrong = a.txCode === '000000' ? '111111' : '000000';
    await oauthError(await tokenRequest({ grant_type: PRE_AUTH, 'pre-authorized_code': a.code, tx_code: wrong }), 400, 'invalid_grant');
    const b = await newOffer(false);
    await oauthError(await tokenRequest({ grant_type: PRE_AUTH, 'pre-authorized_code': b.code, tx_code: '123456' }), 400, 'invalid_request');
    // The offer survives a client mistake: the right request still works.
    expect(await token(b.code)).toBeTruthy();
  });

  it('errors: an unknown or replayed code → invalid_grant; another grant type → unsupported_grant_type (RFC 6749 §5.2)', async () => {
    await oauthError(await fetch(`${base}/issuer/oid4vci/token`, form({ grant_type: PRE_AUTH, 'pre-authorized_code': 'nope' })), 400, 'invalid_grant');
    const { code } = await newOffer(false);
    await token(code);
    await oauthError(await fetch(`${base}/issuer/oid4vci/token`, form({ grant_type: PRE_AUTH, 'pre-authorized_code': code })), 400, 'invalid_grant');
    await oauthError(await fetch(`${base}/issuer/oid4vci/token`, form({ grant_type: 'client_credentials' })), 400, 'unsupported_grant_type');
  });
});

describe('nonce endpoint (D15 §7)', () => {
  it('200 JSON with c_nonce only, not cacheable', async () => {
    const res = await fetch(`${base}/issuer/oid4vci/nonce`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['c_nonce']);
    expect(String(body.c_nonce).length).toBeGreaterThanOrEqual(16);
  });
});

describe('credential endpoint (D15 §8)', () => {
  it('no access token → 401 with a bare Bearer challenge and no error code (RFC 6750 §3, §3.1)', async () => {
    const res = await credentialRequest(undefined, { credential_configuration_id: 'x' });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe(`Bearer realm="${base}"`);
  });

  it('a bad access token → 401 invalid_token in one well-formed Bearer challenge (RFC 6750 §3)', async () => {
    const res = await credentialRequest('not-a-token', { credential_configuration_id: 'x' });
    expect(res.status).toBe(401);
    const challenge = res.headers.get('www-authenticate')!;
    // auth-scheme 1*SP auth-param *( OWS "," OWS auth-param ), every value quoted (RFC 9110 §11.6.1, RFC 6750 §3).
    expect(challenge).toMatch(/^Bearer realm="[^"]*", error="invalid_token", error_description="[\x20-\x21\x23-\x5B\x5D-\x7E]*"$/);
    expect(((await res.json()) as { error: string }).error).toBe('invalid_token');
  });

  it('errors (D15 §8.3.1.2): non-JSON, unknown configuration, no proof, made-up nonce', async () => {
    const { code } = await newOffer(false);
    const at = await token(code);
    const holder = await new Holder().init();
    await oauthError(await credentialRequest(at, 'credential_configuration_id=x', 'application/x-www-form-urlencoded'), 400, 'invalid_credential_request');
    await oauthError(await credentialRequest(at, 'hello', 'text/plain'), 400, 'invalid_credential_request');
    const unknown = await credentialRequest(at, { credential_configuration_id: 'NoSuchCredential', proofs: { jwt: [await holder.proof(await nonce())] } });
    await oauthError(unknown, 400, 'unsupported_credential_type');
    const { ci } = await metadata();
    const configId = Object.keys(ci.credential_configurations_supported)[0]!;
    await oauthError(await credentialRequest(at, { credential_configuration_id: configId }), 400, 'invalid_proof');
    const madeUp = await credentialRequest(at, { credential_configuration_id: configId, proofs: { jwt: [await holder.proof('made-up')] } });
    await oauthError(madeUp, 400, 'invalid_nonce');
  });

  it('issues the VCDM form (VC-JOSE-COSE §3.2.1) bound to a jwk holder key, with credentialStatus (BSL §2.1)', async () => {
    const { code } = await newOffer(false);
    const at = await token(code);
    const holder = await new Holder().init();
    const { ci } = await metadata();
    const configId = Object.entries(ci.credential_configurations_supported).find(([, c]) => c.format === 'vc+sd-jwt')![0];
    const res = await credentialRequest(at, { credential_configuration_id: configId, proofs: { jwt: [await holder.proof(await nonce())] } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    // D15 §8.3: `credentials`, an array of objects each holding one `credential`.
    const body = (await res.json()) as { credentials: { credential: string }[] };
    expect(body.credentials).toHaveLength(1);
    const { header, payload } = await checkSdJwt(body.credentials[0]!.credential);
    expect(header).toMatchObject({ typ: 'vc+sd-jwt', cty: 'vc' });
    expect(payload['@context']).toEqual(expect.arrayContaining(['https://www.w3.org/ns/credentials/v2']));
    expect(payload.type).toEqual(expect.arrayContaining(['VerifiableCredential', 'OpenBadgeCredential']));
    expect(payload.cnf).toEqual({ jwk: { kty: 'EC', crv: 'P-256', x: holder.jwk.x, y: holder.jwk.y } });
    expect((payload.credentialSubject as { id: string }).id).toBe(holder.didJwk());
    const status = payload.credentialStatus as { type: string; statusPurpose: string; statusListIndex: string; statusListCredential: string };
    expect(status).toMatchObject({ type: 'BitstringStatusListEntry', statusPurpose: 'revocation' });
    expect(String(Number(status.statusListIndex))).toBe(status.statusListIndex);
    expect(await bitstringStatus(status.statusListCredential, Number(status.statusListIndex))).toBe(0);
  });

  it('issues the SD-JWT VC (SDJWTVC §3.2) to a did:jwk holder: cnf with the key and the DID URL as kid (DIIP v4 OID4VCI)', async () => {
    const { code } = await newOffer(false);
    const at = await token(code);
    const holder = await new Holder().init();
    const { ci } = await metadata();
    const [configId, config] = Object.entries(ci.credential_configurations_supported).find(([, c]) => c.format === 'dc+sd-jwt')!;
    const kid = `${holder.didJwk()}#0`;
    const res = await credentialRequest(at, { credential_configuration_id: configId, proofs: { jwt: [await holder.proof(await nonce(), { kid })] } });
    expect(res.status).toBe(200);
    const { header, payload } = await checkSdJwt(((await res.json()) as { credentials: { credential: string }[] }).credentials[0]!.credential);
    expect(header.typ).toBe('dc+sd-jwt');
    expect(payload.vct).toBe(config.vct);
    expect(String(payload.iss)).toMatch(/^did:(jwk|web):/);
    expect(payload.cnf).toEqual({ jwk: { kty: 'EC', crv: 'P-256', x: holder.jwk.x, y: holder.jwk.y }, kid });
    // TSL §6.1, §6.2: `status.status_list` with `idx` and `uri`.
    const ref = (payload.status as { status_list: { idx: number; uri: string } }).status_list;
    expect(await tokenStatus(ref.uri, ref.idx)).toBe(0);
  });

  it('accepts a did:web holder (DIIP v4 Identifiers): the key comes from its DID document', async () => {
    const holder = await new Holder().init();
    const didServer: Server = createServer();
    await new Promise<void>((r) => didServer.listen(0, '127.0.0.1', r));
    const port = (didServer.address() as { port: number }).port;
    const did = `did:web:localhost%3A${port}`;
    const kid = `${did}#key-1`;
    didServer.on('request', (req, res) => {
      if (req.url !== '/.well-known/did.json') return res.writeHead(404).end();
      const doc = {
        '@context': ['https://www.w3.org/ns/did/v1'],
        id: did,
        verificationMethod: [{ id: kid, type: 'JsonWebKey', controller: did, publicKeyJwk: holder.jwk }],
        authentication: [kid],
      };
      res.writeHead(200, { 'content-type': 'application/did+json' }).end(JSON.stringify(doc));
    });
    try {
      const { code } = await newOffer(false);
      const at = await token(code);
      const { ci } = await metadata();
      const configId = Object.entries(ci.credential_configurations_supported).find(([, c]) => c.format === 'dc+sd-jwt')![0];
      const res = await credentialRequest(at, { credential_configuration_id: configId, proofs: { jwt: [await holder.proof(await nonce(), { kid })] } });
      expect(res.status).toBe(200);
      const { payload } = await checkSdJwt(((await res.json()) as { credentials: { credential: string }[] }).credentials[0]!.credential);
      expect(payload.cnf).toMatchObject({ kid, jwk: { x: holder.jwk.x, y: holder.jwk.y } });
      expect((payload.credentialSubject as { id: string }).id).toBe(did);
      // A did:web key the document does not list is refused.
      const other = await new Holder().init();
      const otherConfig = Object.keys(ci.credential_configurations_supported).find((k) => k !== configId)!;
      const bad = await credentialRequest(at, { credential_configuration_id: otherConfig, proofs: { jwt: [await other.proof(await nonce(), { kid })] } });
      await oauthError(bad, 400, 'invalid_proof');
    } finally {
      await new Promise<void>((r) => didServer.close(() => r()));
    }
  });
});

describe('status documents (TSL §8.2; BSL §2.2, §3.1)', () => {
  it('the Token Status List is served gzip-encoded to clients that accept it, and both lists show a revocation', async () => {
    const { body } = await newOffer(false);
    const { payload } = await checkSdJwt(body.dcSdJwt);
    const ref = (payload.status as { status_list: { idx: number; uri: string } }).status_list;
    const zipped = await fetch(ref.uri, { headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.status).toBe(200);
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toMatch(/accept-encoding/i);
    const plain = await fetch(ref.uri, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    const vcForm = (await checkSdJwt(body.vcSdJwt)).payload.credentialStatus as { statusListIndex: string; statusListCredential: string };
    expect(Number(vcForm.statusListIndex)).toBe(ref.idx);
    expect(await tokenStatus(ref.uri, ref.idx)).toBe(0);
    const revoke = await postJson('/issuer/api/revoke', { credentialId: body.credentialId, token: body.revocation.token });
    expect(revoke.status).toBe(200);
    expect(await tokenStatus(ref.uri, ref.idx)).toBe(1);
    expect(await bitstringStatus(vcForm.statusListCredential, ref.idx)).toBe(1);
  });
});

describe('copies handed to the browser (SDJWTVC §3.2.2.2)', () => {
  it('carry no cnf: the page holds no holder key, and cnf is only for key binding', async () => {
    const { body } = await newOffer(false);
    for (const compact of [body.vcSdJwt, body.dcSdJwt]) {
      const { payload } = await checkSdJwt(compact);
      expect(payload.cnf).toBeUndefined();
      expect((payload as JWTPayload).iss).toBeTruthy();
    }
  });
});

describe('authorization code flow (DIIP v4 Issuance; D15 §5, §6; RFC 9126 PAR; RFC 7636 PKCE)', () => {
  const redirectUri = 'https://wallet.example/cb';
  const pkce = () => {
    const verifier = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
    return { verifier, challenge: sha256b64url(verifier) };
  };
  const push = (fields: Record<string, string>) => fetch(`${base}/issuer/oid4vci/par`, form(fields));

  it('metadata announces the authorization endpoint, PAR (required) and S256 (RFC 8414 §2, RFC 9126 §5)', async () => {
    const as = (await (await fetch(`${base}/.well-known/oauth-authorization-server`)).json()) as Record<string, unknown>;
    expect(as.authorization_endpoint).toBe(`${base}/issuer/oid4vci/authorize`);
    expect(as.pushed_authorization_request_endpoint).toBe(`${base}/issuer/oid4vci/par`);
    expect(as.require_pushed_authorization_requests).toBe(true);
    expect(as.code_challenge_methods_supported).toEqual(['S256']);
    expect(as.grant_types_supported).toEqual(expect.arrayContaining(['authorization_code', PRE_AUTH]));
  });

  it('offer → PAR → authorize → token with PKCE → credential by credential_identifier; the code and the offer are single-use', async () => {
    const { issuerState, code: preAuthCode } = await newOffer(false);
    const { ci } = await metadata();
    const configId = Object.entries(ci.credential_configurations_supported).find(([, c]) => c.format === 'dc+sd-jwt')![0];
    const { verifier, challenge } = pkce();
    const fields = {
      response_type: 'code',
      client_id: 'conformance-wallet',
      redirect_uri: redirectUri,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state: 'st-1',
      issuer_state: issuerState,
      authorization_details: JSON.stringify([{ type: 'openid_credential', credential_configuration_id: configId }]),
    };
    // RFC 9126 §2.3 / RFC 7636 §4.4.1: errors of the pushed request.
    await oauthError(await push({ ...fields, code_challenge_method: 'plain' }), 400, 'invalid_request');
    const { code_challenge: _c, ...noChallenge } = fields;
    await oauthError(await push(noChallenge), 400, 'invalid_request');
    await oauthError(await push({ ...fields, issuer_state: 'unknown' }), 400, 'invalid_request');
    // RFC 9126 §2.2: 201 with request_uri and expires_in.
    const par = await push(fields);
    expect(par.status).toBe(201);
    const { request_uri, expires_in } = (await par.json()) as { request_uri: string; expires_in: number };
    expect(request_uri.startsWith('urn:ietf:params:oauth:request_uri:')).toBe(true);
    expect(expires_in).toBeGreaterThan(0);
    // RFC 9126 §4: only pushed requests; RFC 6749 §4.1.2 + RFC 9207: 302 to the redirect_uri with code, state, iss.
    expect((await fetch(`${base}/issuer/oid4vci/authorize?client_id=conformance-wallet&response_type=code`, { redirect: 'manual' })).status).toBe(400);
    const auth = await authorizeAt(request_uri);
    expect(auth.status).toBe(302);
    const back = new URL(auth.headers.get('location')!);
    expect(back.origin + back.pathname).toBe(redirectUri);
    expect(back.searchParams.get('state')).toBe('st-1');
    expect(back.searchParams.get('iss')).toBe(base);
    const code = back.searchParams.get('code')!;
    const tokenFields = { grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: 'conformance-wallet' };
    // RFC 7636 §4.6: a wrong verifier fails (and spends the code, RFC 6749 §4.1.2 single use).
    await oauthError(await fetch(`${base}/issuer/oid4vci/token`, form({ ...tokenFields, code_verifier: pkce().verifier })), 400, 'invalid_grant');
    await oauthError(await fetch(`${base}/issuer/oid4vci/token`, form({ ...tokenFields, code_verifier: verifier })), 400, 'invalid_grant');

    // A second round with the right verifier (a new PAR; the issuer_state is spent only when a code is issued).
    const again = await newOffer(false);
    const state2 = again.issuerState;
    const p2 = pkce();
    const par2 = (await (await push({ ...fields, issuer_state: state2, code_challenge: p2.challenge })).json()) as { request_uri: string };
    const auth2 = await authorizeAt(par2.request_uri);
    const code2 = new URL(auth2.headers.get('location')!).searchParams.get('code')!;
    const tok = await fetch(`${base}/issuer/oid4vci/token`, form({ ...tokenFields, code: code2, code_verifier: p2.verifier }));
    expect(tok.status).toBe(200);
    const tokenBody = (await tok.json()) as {
      access_token: string;
      authorization_details: { type: string; credential_configuration_id: string; credential_identifiers: string[] }[];
    };
    // D15 §6.2: authorization_details echoed with credential_identifiers.
    const expected = { type: 'openid_credential', credential_configuration_id: configId, credential_identifiers: [expect.any(String)] };
    expect(tokenBody.authorization_details).toEqual([expected]);
    const holder = await new Holder().init();
    const identifier = tokenBody.authorization_details[0]!.credential_identifiers[0];
    const cred = await credentialRequest(tokenBody.access_token, { credential_identifier: identifier, proofs: { jwt: [await holder.proof(await nonce())] } });
    expect(cred.status).toBe(200);
    const { header } = await checkSdJwt(((await cred.json()) as { credentials: { credential: string }[] }).credentials[0]!.credential);
    expect(header.typ).toBe('dc+sd-jwt');
    // One offer, one redemption: its pre-authorized code is gone too.
    await oauthError(await fetch(`${base}/issuer/oid4vci/token`, form({ grant_type: PRE_AUTH, 'pre-authorized_code': again.code })), 400, 'invalid_grant');
    expect(preAuthCode).toBeTruthy();
  });
});
