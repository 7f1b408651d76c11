/**
 * Verification of a Talentscan credential (vc+sd-jwt or dc+sd-jwt, optionally a presentation with some results
 * left undisclosed). Runs in the browser (coach workspace, /verify page) and in Node; uses jose for signatures and
 * @sd-jwt/core for disclosures.
 *
 * Order of checks (the first that fails is the reason given):
 *  1. form: compact SD-JWT, header typ vc+sd-jwt / dc+sd-jwt, alg ES256;
 *  2. issuer key: from the header `kid` (did:jwk, did:web) or the `iss` (did, or https + jwt-vc-issuer metadata);
 *     the key must belong to the issuer the credential names (iss = issuer.id = the DID of kid);
 *  3. trust: when `trustedIssuers` is given, the issuer must be one of them;
 *  4. signature (jose);
 *  5. disclosures: every disclosure's digest must be referenced by the signed payload, none twice;
 *  6. validity period: nbf/validFrom ≤ now ≤ exp/validUntil (with skew);
 *  7. status: the IETF Token Status List named in `status.status_list`, signed by the same issuer, says VALID;
 *  8. key binding, when a KB-JWT is present and the verifier supplied the nonce and audience it asked for;
 *  9. schema: the Open Badges 3.0 credential schema (the caller passes the official-schema validator where it
 *     can compile it — Node — and the browser falls back to a structural check, because the page's CSP forbids
 *     the code generation a JSON-Schema compiler needs).
 * The result lists exactly which claims were disclosed, and how the result was obtained (`assurance`: present only
 * for a certified session the issuer witnessed; absent, the scores rest on a log the candidate's browser sent).
 */
import type { Assurance } from '../integrity/record.ts';
import { SDJwt } from '@sd-jwt/core';
import { compactVerify, decodeJwt, decodeProtectedHeader, importJWK, jwtVerify, type JWK } from 'jose';
import { resolveIssuerKey, type FetchLike } from './did.ts';
import { base64url, sdHasher, sha256 } from './encoding.ts';
import { assuranceOf, summarise, type CredentialSummary, type OpenBadgeCredential } from './ob-credential.ts';
import { DC_SD_JWT, VC_SD_JWT, vcFromDcClaims, type SdJwtFormat } from './formats.ts';
import { STATUS_LIST_TYP, STATUS_VALID, statusAt } from './status-list.ts';

/** Every reason a verification can fail, once: the type follows from it, and the tests of every reader's words use it. */
export const VERIFY_FAILURE_REASONS = [
  'malformed',
  'unsupported',
  'unknown-key',
  'issuer-mismatch',
  'untrusted-issuer',
  'signature',
  'disclosure',
  'not-yet-valid',
  'expired',
  'revoked',
  'status-unavailable',
  'key-binding',
  'schema',
] as const;

export type VerifyFailureReason = (typeof VERIFY_FAILURE_REASONS)[number];

export interface VerifyOptions {
  fetch?: FetchLike;
  now?: Date;
  /** Accept only these issuer identifiers (DIDs or https URLs). */
  trustedIssuers?: readonly string[];
  /** Returns the schema errors of the (disclosed) credential, [] when valid. Default: a structural check. */
  schemaValidator?: (credential: unknown) => string[];
  /** Check the status list (default true). */
  checkStatus?: boolean;
  /** Seconds of clock skew allowed for validity checks (default 60). */
  skewSeconds?: number;
  /** For presentations: the nonce and audience the verifier asked for; a KB-JWT is then required. */
  keyBinding?: { nonce: string; audience: string };
}

export interface DisclosedClaim {
  /** Path of the disclosed claim, e.g. `credentialSubject.result.2`. */
  path: string;
  value: unknown;
}

export interface VerifySuccess {
  ok: true;
  format: SdJwtFormat;
  issuer: { id: string; name?: string };
  kid: string | undefined;
  credential: OpenBadgeCredential;
  summary: CredentialSummary;
  disclosed: DisclosedClaim[];
  /** Digests in the credential with no disclosure presented (claims the holder kept back). */
  undisclosed: number;
  validFrom?: string;
  validUntil?: string;
  status: { checked: boolean; idx?: number; uri?: string; value?: number };
  holderKey?: JWK;
  keyBinding: 'verified' | 'absent' | 'not-checked';
  /** How the result was obtained (certified sessions); undefined: not witnessed by the issuer. */
  assurance?: Assurance;
}

export interface VerifyFailure {
  ok: false;
  reason: VerifyFailureReason;
  detail: string;
}

export type VerifyResult = VerifySuccess | VerifyFailure;

const fail = (reason: VerifyFailureReason, detail: string): VerifyFailure => ({ ok: false, reason, detail });

const defaultFetch: FetchLike = (url, init) => globalThis.fetch(url, init);

export async function verifyCredential(input: string, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const fetchFn = opts.fetch ?? defaultFetch;
  const now = Math.floor((opts.now ?? new Date()).getTime() / 1000);
  const skew = opts.skewSeconds ?? 60;
  const compact = input.trim();

  // 1. Form.
  if (compact.length > 200_000 || !/^[A-Za-z0-9_\-.~]+$/.test(compact) || !compact.includes('~')) {
    return fail('malformed', 'This is not an SD-JWT credential (expected header.payload.signature~disclosures~).');
  }
  const parts = compact.split('~');
  const jwt = parts[0] ?? '';
  const kbJwt = compact.endsWith('~') ? undefined : parts[parts.length - 1];
  const disclosureParts = parts.slice(1, -1).filter(Boolean);
  let header: ReturnType<typeof decodeProtectedHeader>;
  let payload: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(jwt);
    payload = decodeJwt(jwt) as Record<string, unknown>;
  } catch {
    return fail('malformed', 'The credential could not be decoded.');
  }
  const format = header.typ;
  if (format !== VC_SD_JWT && format !== DC_SD_JWT) return fail('unsupported', `Unsupported credential type "${String(format)}".`);
  if (header.alg !== 'ES256') return fail('unsupported', `Unsupported signature algorithm "${String(header.alg)}".`);

  // 2. Issuer key, bound to the issuer the credential names.
  const iss = typeof payload.iss === 'string' ? payload.iss : undefined;
  const vcIssuer = format === VC_SD_JWT ? issuerIdOf(payload.issuer) : iss;
  if (!iss || !vcIssuer) return fail('malformed', 'The credential names no issuer.');
  if (iss !== vcIssuer) return fail('issuer-mismatch', `The JWT issuer ${iss} differs from the credential issuer ${vcIssuer}.`);
  let key: { jwk: JWK; controller: string };
  try {
    key = await resolveIssuerKey(header.kid, iss, fetchFn);
  } catch (err) {
    return fail('unknown-key', `The issuer's key could not be resolved: ${(err as Error).message}`);
  }
  if (key.controller !== iss) return fail('issuer-mismatch', `The signing key belongs to ${key.controller}, not to the issuer ${iss}.`);

  // 3. Trust.
  if (opts.trustedIssuers && !opts.trustedIssuers.includes(iss)) return fail('untrusted-issuer', `The issuer ${iss} is not on the list of trusted issuers.`);

  // 4. Signature.
  try {
    await compactVerify(jwt, await importJWK(key.jwk, 'ES256'), { algorithms: ['ES256'] });
  } catch {
    return fail('signature', 'The signature does not match the content: the credential was changed or signed with another key.');
  }

  // 5. Disclosures.
  let claims: Record<string, unknown>;
  let disclosed: DisclosedClaim[];
  let undisclosed: number;
  try {
    const presentedWithoutKb = `${[jwt, ...disclosureParts].join('~')}~`;
    if ((payload._sd_alg ?? 'sha-256') !== 'sha-256') return fail('unsupported', `Unsupported _sd_alg ${String(payload._sd_alg)}.`);
    const decoded = await SDJwt.decodeSDJwt(presentedWithoutKb, sdHasher);
    const byDigest = new Map<string, { key?: string; value: unknown }>();
    for (const d of decoded.disclosures) {
      const digest = d._digest ?? (await d.digest({ hasher: sdHasher, alg: 'sha-256' }));
      if (byDigest.has(digest)) return fail('disclosure', 'A disclosure was presented twice.');
      byDigest.set(digest, { ...(d.key !== undefined ? { key: d.key } : {}), value: d.value });
    }
    const walk = walkDisclosures(payload, byDigest);
    const stray = [...byDigest.keys()].filter((d) => !walk.used.has(d));
    if (stray.length)
      return fail('disclosure', 'A disclosure does not belong to this credential (its digest is not in the signed content): it was changed or added.');
    claims = (await new SDJwt({ jwt: decoded.jwt, disclosures: decoded.disclosures }).getClaims(sdHasher)) as Record<string, unknown>;
    disclosed = walk.disclosed;
    undisclosed = walk.digests - walk.used.size;
  } catch (err) {
    return fail('disclosure', `The disclosures could not be read: ${(err as Error).message}`);
  }

  // 6. Validity period.
  const credential = (format === VC_SD_JWT ? stripJwtClaims(claims) : vcFromDcClaims(claims)) as unknown as OpenBadgeCredential;
  const nbf = num(payload.nbf) ?? isoSeconds(credential.validFrom);
  const exp = num(payload.exp) ?? isoSeconds(credential.validUntil);
  const vFrom = isoSeconds(credential.validFrom);
  const vUntil = isoSeconds(credential.validUntil);
  if ((nbf !== undefined && now + skew < nbf) || (vFrom !== undefined && now + skew < vFrom))
    return fail('not-yet-valid', `The credential is valid only from ${credential.validFrom}.`);
  if ((exp !== undefined && now - skew > exp) || (vUntil !== undefined && now - skew > vUntil))
    return fail('expired', `The credential expired on ${credential.validUntil ?? new Date((exp ?? 0) * 1000).toISOString()}.`);

  // 7. Status.
  const status: VerifySuccess['status'] = { checked: false };
  const ref = (payload.status as { status_list?: { idx?: unknown; uri?: unknown } } | undefined)?.status_list;
  if (ref) {
    if (typeof ref.idx !== 'number' || typeof ref.uri !== 'string') return fail('malformed', 'The status reference is malformed.');
    status.idx = ref.idx;
    status.uri = ref.uri;
    if (opts.checkStatus !== false) {
      let value: number;
      try {
        value = await readStatus(ref.uri, ref.idx, iss, fetchFn, now, skew);
      } catch (err) {
        return fail('status-unavailable', `The revocation status could not be checked: ${(err as Error).message}`);
      }
      status.checked = true;
      status.value = value;
      if (value !== STATUS_VALID) return fail('revoked', 'The issuer has revoked this credential.');
    }
  }

  // 8. Key binding.
  const holderKey = (payload.cnf as { jwk?: JWK } | undefined)?.jwk;
  let keyBinding: VerifySuccess['keyBinding'] = kbJwt ? 'not-checked' : 'absent';
  if (opts.keyBinding) {
    if (!kbJwt || !holderKey) return fail('key-binding', 'The presentation carries no key-binding proof of the holder.');
    try {
      const { payload: kb, protectedHeader } = await jwtVerify(kbJwt, await importJWK(holderKey, String(decodeProtectedHeader(kbJwt).alg ?? 'ES256')), {
        typ: 'kb+jwt',
        audience: opts.keyBinding.audience,
        maxTokenAge: 600,
        clockTolerance: skew,
      });
      void protectedHeader;
      const sdHash = base64url(await sha256(`${[jwt, ...disclosureParts].join('~')}~`));
      if (kb.nonce !== opts.keyBinding.nonce) return fail('key-binding', 'The holder proof answers another request (nonce).');
      if (kb.sd_hash !== sdHash) return fail('key-binding', 'The holder proof does not cover these disclosures.');
    } catch (err) {
      return fail('key-binding', `The holder proof is not valid: ${(err as Error).message}`);
    }
    keyBinding = 'verified';
  }

  // 9. Schema.
  const errors = (opts.schemaValidator ?? structuralCheck)(credential);
  if (errors.length) return fail('schema', `The credential does not follow the Open Badges 3.0 schema: ${errors.slice(0, 3).join('; ')}`);

  const assurance = assuranceOf(credential);
  return {
    ok: true,
    format,
    ...(assurance ? { assurance } : {}),
    issuer: { id: iss, ...(typeof credential.issuer?.name === 'string' ? { name: credential.issuer.name } : {}) },
    kid: header.kid,
    credential,
    summary: summarise(credential),
    disclosed,
    undisclosed,
    ...(credential.validFrom ? { validFrom: credential.validFrom } : {}),
    ...(credential.validUntil ? { validUntil: credential.validUntil } : {}),
    status,
    ...(holderKey ? { holderKey } : {}),
    keyBinding,
  };
}

async function readStatus(uri: string, idx: number, issuer: string, fetchFn: FetchLike, now: number, skew: number): Promise<number> {
  // Revalidate: a verifier must see a withdrawal now, not when an HTTP cache lets the list expire.
  const res = await fetchFn(uri, { headers: { accept: 'application/statuslist+jwt' }, cache: 'no-cache' });
  if (!res.ok) throw new Error(`HTTP ${res.status} from ${uri}`);
  const token = (await res.text()).trim();
  const header = decodeProtectedHeader(token);
  if (header.typ !== STATUS_LIST_TYP) throw new Error('The status list is not a statuslist+jwt');
  const body = decodeJwt(token);
  const key = await resolveIssuerKey(header.kid, typeof body.iss === 'string' ? body.iss : issuer, fetchFn);
  if (key.controller !== issuer) throw new Error('The status list is signed by another issuer');
  const { payload } = await jwtVerify(token, await importJWK(key.jwk, 'ES256'), {
    algorithms: ['ES256'],
    typ: STATUS_LIST_TYP,
    clockTolerance: skew,
    currentDate: new Date(now * 1000),
  });
  if (payload.sub !== uri) throw new Error('The status list answers for another URI');
  return statusAt(token, idx);
}

function issuerIdOf(issuer: unknown): string | undefined {
  if (typeof issuer === 'string') return issuer;
  if (issuer && typeof issuer === 'object' && typeof (issuer as { id?: unknown }).id === 'string') return (issuer as { id: string }).id;
  return undefined;
}

function stripJwtClaims(claims: Record<string, unknown>): Record<string, unknown> {
  const { iss: _i, jti: _j, sub: _s, iat: _a, nbf: _n, exp: _e, status: _st, cnf: _c, _sd_alg: _alg, ...vc } = claims;
  return vc;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function isoSeconds(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : Math.floor(t / 1000);
}

/**
 * Walks the signed payload and the disclosed values: which digests are referenced (`_sd` entries, `{"...": digest}`
 * array elements), which of them were disclosed, and at which path.
 */
function walkDisclosures(
  payload: unknown,
  byDigest: Map<string, { key?: string; value: unknown }>,
): { digests: number; used: Set<string>; disclosed: DisclosedClaim[] } {
  const used = new Set<string>();
  const disclosed: DisclosedClaim[] = [];
  let digests = 0;
  const visit = (value: unknown, path: string, depth: number): void => {
    if (depth > 32 || !value || typeof value !== 'object') return;
    const join = (k: string | number) => (path ? `${path}.${k}` : String(k));
    if (Array.isArray(value)) {
      value.forEach((item, i) => {
        const ref = item && typeof item === 'object' && !Array.isArray(item) ? (item as Record<string, unknown>)['...'] : undefined;
        if (typeof ref === 'string') {
          digests++;
          const d = byDigest.get(ref);
          if (d && !used.has(ref)) {
            used.add(ref);
            disclosed.push({ path: join(i), value: d.value });
            visit(d.value, join(i), depth + 1);
          }
        } else visit(item, join(i), depth + 1);
      });
      return;
    }
    for (const [k, v] of Object.entries(value)) {
      if (k === '_sd' && Array.isArray(v)) {
        for (const ref of v) {
          digests++;
          const d = typeof ref === 'string' ? byDigest.get(ref) : undefined;
          if (d?.key !== undefined && !used.has(ref as string)) {
            used.add(ref as string);
            disclosed.push({ path: join(d.key), value: d.value });
            visit(d.value, join(d.key), depth + 1);
          }
        }
      } else visit(v, join(k), depth + 1);
    }
  };
  visit(payload, '', 0);
  return { digests, used, disclosed };
}

/** The browser's check: the required members of an OB 3.0 AchievementCredential (the official schema's `required`). */
export function structuralCheck(c: unknown): string[] {
  const errors: string[] = [];
  const vc = c as Partial<OpenBadgeCredential> & Record<string, unknown>;
  if (!vc || typeof vc !== 'object') return ['not an object'];
  const ctx = vc['@context'];
  if (
    !Array.isArray(ctx) ||
    ctx[0] !== 'https://www.w3.org/ns/credentials/v2' ||
    !/^https:\/\/purl\.imsglobal\.org\/spec\/ob\/v3p0\/context(-3\.\d\.\d)*\.json$/.test(String(ctx[1]))
  )
    errors.push('@context');
  if (typeof vc.id !== 'string') errors.push('id');
  if (
    !Array.isArray(vc.type) ||
    !vc.type.includes('VerifiableCredential') ||
    !(vc.type.includes('OpenBadgeCredential') || (vc.type as string[]).includes('AchievementCredential'))
  )
    errors.push('type');
  if (!vc.issuer || (typeof vc.issuer !== 'string' && typeof vc.issuer.id !== 'string')) errors.push('issuer');
  if (typeof vc.validFrom !== 'string' || Number.isNaN(Date.parse(vc.validFrom))) errors.push('validFrom');
  const s = vc.credentialSubject;
  if (!s || !Array.isArray(s.type) || !s.type.includes('AchievementSubject')) errors.push('credentialSubject.type');
  const a = s?.achievement;
  if (!a || typeof a.id !== 'string' || !Array.isArray(a.type) || typeof a.name !== 'string' || typeof a.description !== 'string' || !a.criteria)
    errors.push('credentialSubject.achievement');
  for (const r of s?.result ?? [])
    if (!Array.isArray(r.type) || !r.type.includes('Result') || (r.value !== undefined && typeof r.value !== 'string')) errors.push('credentialSubject.result');
  return errors;
}
