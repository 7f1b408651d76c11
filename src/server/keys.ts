/**
 * The issuer's ES256 key and identity. The private key stays in this process: it is read from ISSUER_KEY /
 * ISSUER_KEY_FILE, or generated once into the data folder (file mode 0600) and reused across restarts.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ES256 } from '@sd-jwt/crypto-nodejs';
import { exportJWK, generateKeyPair, importJWK, importPKCS8, SignJWT, type JWK, type JWTPayload } from 'jose';
import { didDocument, didJwk, didWebFromUrl, publicJwk } from '../credential/did.ts';
import type { IssuerSigner } from '../credential/sd-jwt.ts';
import type { IssuerConfig } from './config.ts';

export interface IssuerIdentity {
  did: string;
  /** Full DID URL of the key (the JWS `kid`). */
  kid: string;
  publicJwk: JWK;
  /** JWKS form: the public key with `kid`, `alg`, `use`. */
  jwks: { keys: JWK[] };
  didDocument: ReturnType<typeof didDocument>;
  signer: IssuerSigner;
  /** Signs a JWT with the issuer key (status list, access tokens). */
  signJwt(header: { typ: string; [k: string]: unknown }, payload: JWTPayload): Promise<string>;
  source: 'generated' | 'data-folder' | 'file' | 'environment';
}

async function loadPrivateJwk(config: IssuerConfig): Promise<{ jwk: JWK; source: IssuerIdentity['source'] }> {
  if (config.keyJson) return { jwk: JSON.parse(config.keyJson) as JWK, source: 'environment' };
  if (config.keyFile) {
    const text = readFileSync(config.keyFile, 'utf8');
    if (text.includes('BEGIN PRIVATE KEY')) return { jwk: await exportJWK(await importPKCS8(text, 'ES256', { extractable: true })), source: 'file' };
    return { jwk: JSON.parse(text) as JWK, source: 'file' };
  }
  const file = join(config.dataDir, 'issuer-key.json');
  if (existsSync(file)) return { jwk: JSON.parse(readFileSync(file, 'utf8')) as JWK, source: 'data-folder' };
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(jwk), { mode: 0o600 });
  chmodSync(file, 0o600);
  return { jwk, source: 'generated' };
}

export async function loadIssuerIdentity(config: IssuerConfig): Promise<IssuerIdentity> {
  const { jwk, source } = await loadPrivateJwk(config);
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.d) throw new Error('The issuer key must be a private EC P-256 (ES256) key');
  const pub = publicJwk(jwk);
  const web = config.publicUrl.startsWith('https://');
  const did = config.did ?? (web ? didWebFromUrl(config.publicUrl) : didJwk(pub));
  const fragment = config.kid ?? (did.startsWith('did:jwk:') ? '0' : 'key-1');
  const kid = `${did}#${fragment}`;
  const signFn = await ES256.getSigner(jwk);
  const privateKey = await importJWK(jwk, 'ES256');
  return {
    did,
    kid,
    publicJwk: pub,
    jwks: { keys: [{ ...pub, kid, alg: 'ES256', use: 'sig' }] },
    didDocument: didDocument(did, kid, pub),
    signer: { alg: 'ES256', kid, sign: (data) => Promise.resolve(signFn(data)) },
    signJwt: (header, payload) => new SignJWT(payload).setProtectedHeader({ ...header, alg: 'ES256', kid }).sign(privateKey),
    source,
  };
}
