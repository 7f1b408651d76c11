/**
 * A test wallet written against the specs (fetch + jose + @sd-jwt/core), independent of the server's code paths:
 * receives a credential over OpenID4VCI (pre-authorized code, proof JWT with its holder key) and answers an OpenID4VP
 * request (DCQL, selective disclosure, key-binding JWT, direct_post). Options let a test send a broken presentation.
 *
 * `issueToWallet` takes the answer of `POST /api/sessions/:id/credential` (a witnessed session's credential, the only
 * way the issuer makes one) and receives its wallet copy through the offer in it.
 */
import { SDJwtInstance } from '@sd-jwt/core';
import { decodeJwt, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { base64url, sdHasher, sha256 } from '../../src/credential/encoding.ts';

const PRE_AUTH = 'urn:ietf:params:oauth:grant-type:pre-authorized_code';

export interface PresentOptions {
  /** Answer with this nonce instead of the request's. */
  nonce?: string;
  /** Seconds to shift the KB-JWT's iat (negative: made earlier). */
  iatShiftSec?: number;
  /** Change one disclosed value after disclosure (the digest then no longer matches). */
  tamper?: boolean;
}

export interface ParsedRequest {
  client_id: string;
  response_uri: string;
  nonce: string;
  state: string;
  dcql_query: {
    credentials: { id: string; format: string; meta: { vct_values: string[] }; claims: { path: (string | number | null)[]; values?: string[] }[] }[];
  };
}

export class TestWallet {
  holderJwk!: JWK;
  private privateKey!: CryptoKey;
  credentials: string[] = [];

  async init(): Promise<this> {
    const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
    this.holderJwk = await exportJWK(publicKey);
    this.privateKey = privateKey;
    return this;
  }

  /** OpenID4VCI pre-authorized code flow from an `openid-credential-offer://` URI; keeps the dc+sd-jwt credential. */
  async receive(offerUri: string, txCode?: string): Promise<string> {
    const offer = JSON.parse(new URL(offerUri).searchParams.get('credential_offer') ?? '{}') as {
      credential_issuer: string;
      credential_configuration_ids: string[];
      grants: Record<string, { 'pre-authorized_code': string }>;
    };
    const issuer = offer.credential_issuer;
    const ci = (await (await fetch(`${issuer}/.well-known/openid-credential-issuer`)).json()) as {
      credential_endpoint: string;
      nonce_endpoint: string;
      credential_configurations_supported: Record<string, { format: string }>;
    };
    const as = (await (await fetch(`${issuer}/.well-known/oauth-authorization-server`)).json()) as { token_endpoint: string };
    const form = new URLSearchParams({
      grant_type: PRE_AUTH,
      'pre-authorized_code': offer.grants[PRE_AUTH]!['pre-authorized_code'],
      ...(txCode ? { tx_code: txCode } : {}),
    });
    const tok = (await (
      await fetch(as.token_endpoint, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form })
    ).json()) as { access_token: string };
    const nonce = ((await (await fetch(ci.nonce_endpoint, { method: 'POST' })).json()) as { c_nonce: string }).c_nonce;
    const configId = offer.credential_configuration_ids.find((id) => ci.credential_configurations_supported[id]?.format === 'dc+sd-jwt');
    if (!configId) throw new Error('The offer has no dc+sd-jwt configuration');
    const proof = await new SignJWT({ nonce })
      .setProtectedHeader({ alg: 'ES256', typ: 'openid4vci-proof+jwt', jwk: this.holderJwk })
      .setAudience(issuer)
      .setIssuedAt()
      .sign(this.privateKey);
    const res = await fetch(ci.credential_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tok.access_token}` },
      body: JSON.stringify({ credential_configuration_id: configId, proofs: { jwt: [proof] } }),
    });
    if (!res.ok) throw new Error(`Credential request failed: ${res.status} ${await res.text()}`);
    const credential = ((await res.json()) as { credentials: { credential: string }[] }).credentials[0]!.credential;
    this.credentials.push(credential);
    return credential;
  }

  static parseRequest(uri: string): ParsedRequest {
    const q = new URL(uri).searchParams;
    return {
      client_id: q.get('client_id') ?? '',
      response_uri: q.get('response_uri') ?? '',
      nonce: q.get('nonce') ?? '',
      state: q.get('state') ?? '',
      dcql_query: JSON.parse(q.get('dcql_query') ?? '{}') as ParsedRequest['dcql_query'],
    };
  }

  /** Builds the presentation the request asks for: the result entries whose resultDescription the DCQL names. */
  async presentation(uri: string, opts: PresentOptions = {}): Promise<{ request: ParsedRequest; vpToken: string }> {
    const request = TestWallet.parseRequest(uri);
    const query = request.dcql_query.credentials[0]!;
    const credential = this.credentials.find((c) => query.meta.vct_values.includes(String(decodeJwt(c.split('~')[0]!).vct)));
    if (!credential) throw new Error('No credential of the requested type');
    const wanted = new Set(query.claims.filter((c) => c.path.join('/') === 'credentialSubject/result//resultDescription').flatMap((c) => c.values ?? []));
    const sd = new SDJwtInstance<Record<string, unknown>>({ hasher: sdHasher, hashAlg: 'sha-256' });
    const claims = (await sd.getClaims(credential)) as { credentialSubject: { result: { resultDescription: string }[] } };
    const indexes = claims.credentialSubject.result.flatMap((r, i) => (wanted.has(r.resultDescription) ? [i] : []));
    const frame: Record<number, boolean> = Object.fromEntries(indexes.map((i) => [i, true]));
    let presented = await sd.present(credential, { credentialSubject: { result: frame } } as never);
    if (opts.tamper) presented = tamperOne(presented);
    const sdHash = base64url(await sha256(presented));
    const iat = Math.floor(Date.now() / 1000) + (opts.iatShiftSec ?? 0);
    const kb = await new SignJWT({ nonce: opts.nonce ?? request.nonce, sd_hash: sdHash })
      .setProtectedHeader({ alg: 'ES256', typ: 'kb+jwt' })
      .setAudience(request.client_id)
      .setIssuedAt(iat)
      .sign(this.privateKey);
    return { request, vpToken: JSON.stringify({ [query.id]: [presented + kb] }) };
  }

  /** direct_post of the answer; returns the verifier's HTTP status and body. */
  async present(uri: string, opts: PresentOptions = {}): Promise<{ status: number; body: unknown }> {
    const { request, vpToken } = await this.presentation(uri, opts);
    const res = await fetch(request.response_uri, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ vp_token: vpToken, state: request.state }),
    });
    return { status: res.status, body: await res.json() };
  }
}

/** Replaces the value inside the first disclosure with another, keeping it well-formed. */
function tamperOne(presented: string): string {
  const [jwt, first, ...rest] = presented.split('~');
  const arr = JSON.parse(new TextDecoder().decode(Buffer.from(first!, 'base64url'))) as unknown[];
  const value = arr[arr.length - 1] as { value?: string };
  // Another value than the signed one (a no-op edit would not be tampering).
  arr[arr.length - 1] = { ...value, value: value.value === '10' ? '1' : '10' };
  return [jwt, Buffer.from(JSON.stringify(arr)).toString('base64url'), ...rest].join('~');
}

/** The parts of a session's credential answer (`POST /api/sessions/:id/credential`) a wallet test needs. */
export interface IssuedCredential {
  credentialId: string;
  vcSdJwt: string;
  offer: { uri: string; txCode?: string };
  revocation: { token: string };
}

/** Hands a witnessed session's credential to the wallet through its offer (one offer per session: use it once). */
export async function issueToWallet(
  issued: IssuedCredential,
  wallet: TestWallet,
): Promise<{ credential: string; credentialId: string; revocationToken: string; vcSdJwt: string }> {
  const credential = await wallet.receive(issued.offer.uri, issued.offer.txCode);
  return { credential, credentialId: issued.credentialId, revocationToken: issued.revocation.token, vcSdJwt: issued.vcSdJwt };
}

export async function revoke(baseUrl: string, credentialId: string, token: string): Promise<void> {
  const res = await fetch(`${baseUrl}/issuer/api/revoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ credentialId, token }),
  });
  if (!res.ok) throw new Error(`Revocation failed: ${res.status}`);
}
