/**
 * Issuer configuration from the environment. Development needs none of it: a key is generated in the data folder
 * and reused, the issuer is did:jwk, and the URL is the local server's.
 *
 * | variable                 | meaning                                                                 | default                         |
 * |--------------------------|-------------------------------------------------------------------------|---------------------------------|
 * | ISSUER_URL               | public origin of this server (credential issuer identifier)             | http://HOST:PORT                |
 * | ISSUER_DID               | issuer DID (did:web:… or did:jwk:…)                                     | did:web of ISSUER_URL if https, else did:jwk of the key |
 * | ISSUER_KEY_FILE          | private ES256 key: a JWK (.json) or PKCS#8 PEM file                     | DATA_DIR/issuer-key.json (generated) |
 * | ISSUER_KEY               | private ES256 JWK as JSON text (instead of a file; e.g. from a secret)  |                                 |
 * | ISSUER_KID               | key id fragment in the DID document                                     | `0` (did:jwk), `key-1` (did:web) |
 * | ISSUER_NAME              | issuer name in credentials and wallet metadata                          | Talentscan                      |
 * | ISSUER_ADMIN_TOKEN       | bearer token that lets a coach's admin revoke any credential            | (admin revocation off)          |
 * | ISSUER_ALLOWED_ORIGINS   | extra origins (comma-separated) allowed to call the browser API        |                                 |
 * | ISSUER_VALID_DAYS        | validity of a credential                                                | 365                             |
 * | TALENTSCAN_DATA_DIR      | local data folder (key; the embedded database in db/)                   | .data                           |
 * | DATABASE_URL             | PostgreSQL (postgres://…) instead of the embedded PGlite database       | (PGlite in DATA_DIR/db)         |
 * | RETENTION_DAYS           | days after issuance a certified session's raw events are kept (a pilot's own: retentionDays) | 30 |
 */
import { resolve } from 'node:path';

export interface IssuerConfig {
  /** Origin (no trailing slash); the credential issuer identifier and authorization server issuer. */
  publicUrl: string;
  /** Explicit issuer DID, or undefined for the default (see above). */
  did?: string;
  kid?: string;
  name: string;
  dataDir: string;
  /** PostgreSQL connection string; without it the embedded PGlite database in dataDir/db. */
  databaseUrl?: string;
  /** Raw events of a certified session are deleted this long after its credential was issued (unless kept on request). */
  retentionDays: number;
  keyFile?: string;
  keyJson?: string;
  adminToken?: string;
  allowedOrigins: string[];
  validForDays: number;
  offerTtlSec: number;
  nonceTtlSec: number;
  accessTokenTtlSec: number;
  statusListSize: number;
  /** Largest request body of the browser API (bytes). */
  maxBodyBytes: number;
  /** Most events a session log may hold. */
  maxEvents: number;
  /** Issuances computed at the same time; more get 503 with Retry-After. */
  maxConcurrentIssuance: number;
}

export function configFromEnv(env: NodeJS.ProcessEnv, listen: { host: string; port: number }): IssuerConfig {
  const host = listen.host === '0.0.0.0' || listen.host === '::' ? 'localhost' : listen.host;
  const publicUrl = (env.ISSUER_URL ?? `http://${host}:${listen.port}`).replace(/\/+$/, '');
  const url = new URL(publicUrl);
  if (url.pathname !== '/' || url.search || url.hash) throw new Error('ISSUER_URL must be an origin (scheme, host, port) without a path');
  const extra = (env.ISSUER_ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return {
    publicUrl,
    ...(env.ISSUER_DID ? { did: env.ISSUER_DID } : {}),
    ...(env.ISSUER_KID ? { kid: env.ISSUER_KID } : {}),
    name: env.ISSUER_NAME ?? 'Talentscan',
    dataDir: resolve(env.TALENTSCAN_DATA_DIR ?? '.data'),
    ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}),
    ...(env.ISSUER_KEY_FILE ? { keyFile: resolve(env.ISSUER_KEY_FILE) } : {}),
    ...(env.ISSUER_KEY ? { keyJson: env.ISSUER_KEY } : {}),
    ...(env.ISSUER_ADMIN_TOKEN ? { adminToken: env.ISSUER_ADMIN_TOKEN } : {}),
    allowedOrigins: [...new Set([url.origin, `http://${host}:${listen.port}`, ...extra])],
    validForDays: Number(env.ISSUER_VALID_DAYS ?? 365),
    ...DEFAULT_LIMITS,
    retentionDays: Number(env.RETENTION_DAYS ?? DEFAULT_LIMITS.retentionDays),
  };
}

export const DEFAULT_LIMITS = {
  offerTtlSec: 600,
  nonceTtlSec: 300,
  accessTokenTtlSec: 300,
  statusListSize: 131_072,
  maxBodyBytes: 4 * 1024 * 1024,
  maxEvents: 20_000,
  maxConcurrentIssuance: 8,
  retentionDays: 30,
} as const;
