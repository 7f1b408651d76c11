import { createPublicKey, createHash, verify as nodeVerify } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ES256 } from '@sd-jwt/crypto-nodejs';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureProfileSource } from '../server/fixtures/profile.ts';
import { simulatedSession } from '../server/fixtures/session-log.ts';
import type { Profile } from '../scoring/profile-types.ts';
import { didJwk, type FetchLike } from './did.ts';
import { fromBase64url } from './encoding.ts';
import { ESCO_SKILLS, ESCO_SKILL_BASE } from './esco.ts';
import { logHash } from './log-hash.ts';
import { buildOpenBadgeCredential, type OpenBadgeCredential } from './ob-credential.ts';
import { obSchemaValidator } from './ob-schema.ts';
import { issueDcSdJwt, issueVcSdJwt, presentOnly, type IssuerSigner } from './sd-jwt.ts';
import { STATUS_LIST_TYP, statusListClaim } from './status-list.ts';
import { structuralCheck, verifyCredential } from './verify.ts';

const REFERENCE = resolve(import.meta.dirname, '../../../shared/reference/openbadges');
const officialSchema = existsSync(`${REFERENCE}/ob_v3p0_achievementcredential_schema.json`)
  ? (JSON.parse(readFileSync(`${REFERENCE}/ob_v3p0_achievementcredential_schema.json`, 'utf8')) as object)
  : undefined;

const STATUS_URI = 'https://issuer.example/issuer/status/1';

interface TestIssuer {
  did: string;
  signer: IssuerSigner;
  privateJwk: JWK;
}

async function makeIssuer(): Promise<TestIssuer> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const privateJwk = await exportJWK(privateKey);
  const did = didJwk(privateJwk);
  const sign = await ES256.getSigner(privateJwk);
  return { did, privateJwk, signer: { alg: 'ES256', kid: `${did}#0`, sign: async (d) => sign(d) } };
}

function credentialFor(profile: Profile, issuerDid: string, opts: { issuedAt?: Date; validForDays?: number } = {}): OpenBadgeCredential {
  return buildOpenBadgeCredential(profile, {
    id: 'urn:uuid:6e1d4a8e-6c0b-4c55-9d1e-7f0c2f1f0a11',
    issuer: { id: issuerDid, name: 'Talentscan (test)', url: 'https://issuer.example' },
    baseUrl: 'https://issuer.example',
    subjectId: 'urn:uuid:0b5d2c47-2a0e-4b8e-8b8f-3a2c1d4e5f60',
    issuedAt: opts.issuedAt ?? new Date(),
    validForDays: opts.validForDays ?? 365,
    logDigest: `sha-256:${'0'.repeat(64)}`,
    logEvents: 100,
    battery: 'standard',
  });
}

/** A status list server in memory: index → revoked. */
async function statusFetch(issuer: TestIssuer, revoked: number[]): Promise<FetchLike> {
  const key = await importJWK(issuer.privateJwk, 'ES256');
  const now = Math.floor(Date.now() / 1000);
  const jwt = await new SignJWT({ sub: STATUS_URI, iat: now, exp: now + 3600, status_list: statusListClaim(1024, revoked) })
    .setProtectedHeader({ alg: 'ES256', typ: STATUS_LIST_TYP, kid: issuer.signer.kid })
    .setIssuer(issuer.did)
    .sign(key);
  return async (url) => {
    if (url !== STATUS_URI) return { ok: false, status: 404, json: async () => ({}), text: async () => '' };
    return { ok: true, status: 200, json: async () => ({}), text: async () => jwt };
  };
}

let profile: Profile;
let issuer: TestIssuer;
beforeAll(async () => {
  profile = await fixtureProfileSource(simulatedSession({ battery: 'standard', seed: 3 }), {});
  issuer = await makeIssuer();
});

describe('Open Badges 3.0 credential', () => {
  it('validates against the official OB 3.0 AchievementCredential JSON Schema', () => {
    const vc = credentialFor(profile, issuer.did);
    if (!officialSchema) console.warn(`Reference schema not found in ${REFERENCE}; using the copy in src/credential/schema/`);
    expect(obSchemaValidator(officialSchema)(vc)).toEqual([]);
    expect(obSchemaValidator()(vc)).toEqual([]);
    expect(structuralCheck(vc)).toEqual([]);
  });

  it('keeps an unchanged copy of the official schema', () => {
    if (!officialSchema) return;
    expect(JSON.parse(readFileSync(resolve(import.meta.dirname, 'schema/ob_v3p0_achievementcredential_schema.json'), 'utf8'))).toEqual(officialSchema);
  });

  it('the schema check catches a broken credential', () => {
    const vc = credentialFor(profile, issuer.did) as unknown as Record<string, unknown>;
    const broken = { ...vc, validFrom: 'yesterday', type: ['VerifiableCredential'] };
    expect(obSchemaValidator(officialSchema)(broken).length).toBeGreaterThan(0);
    expect(structuralCheck(broken).length).toBeGreaterThan(0);
  });

  it('describes each domain as a ScaledScore 1–10 aligned to listed ESCO skills, role fits as Percent, values with intervals', () => {
    const vc = credentialFor(profile, issuer.did);
    const descs = vc.credentialSubject.achievement.resultDescription;
    const domainDescs = descs.filter((d) => d.resultType === 'ScaledScore');
    expect(domainDescs).toHaveLength(6);
    for (const d of domainDescs) {
      expect([d.valueMin, d.valueMax]).toEqual(['1', '10']);
      expect(d.alignment?.length).toBeGreaterThan(0);
      for (const a of d.alignment ?? []) {
        expect(a.targetFramework).toBe('ESCO');
        expect(Object.values(ESCO_SKILLS).map((s) => ESCO_SKILL_BASE + s.id)).toContain(a.targetUrl);
      }
    }
    expect(descs.filter((d) => d.resultType === 'Percent')).toHaveLength(profile.roleFits.length);
    const measured = profile.domains.filter((d) => d.status === 'measured').length;
    expect(vc.credentialSubject.result).toHaveLength(measured + profile.roleFits.length);
    for (const r of vc.credentialSubject.result) {
      expect(typeof r.value).toBe('string');
      expect(descs.map((d) => d.id)).toContain(r.resultDescription);
    }
    expect(vc.credentialSubject.result[0]?.interval).toMatchObject({ level: '0.90' });
    const ev = vc.evidence[0];
    expect(ev.algorithmVersion).toBe(profile.algorithmVersion);
    expect(ev.norm.id).toBe(profile.norm.id);
    expect(ev.rawLog.digest).toMatch(/^sha-256:[0-9a-f]{64}$/);
    expect(Date.parse(vc.validUntil)).toBeGreaterThan(Date.parse(vc.validFrom));
  });

  it('hashes the raw log canonically (key order does not matter)', async () => {
    const a = await logHash([{ b: 1, a: [1, 'x', { d: true, c: null }] }]);
    const b = await logHash([{ a: [1, 'x', { c: null, d: true }], b: 1 }]);
    expect(a).toBe(b);
    expect(a).toBe(`sha-256:${createHash('sha256').update('[{"a":[1,"x",{"c":null,"d":true}],"b":1}]').digest('hex')}`);
  });
});

describe('SD-JWT securing and verification', () => {
  it('signs a vc+sd-jwt (@sd-jwt + node crypto) that a different implementation verifies (node:crypto JWS check + own digest check)', async () => {
    const vc = credentialFor(profile, issuer.did);
    const compact = await issueVcSdJwt(vc, { signer: issuer.signer, status: { idx: 5, uri: STATUS_URI }, vct: 'x' });
    const [jwt, ...disclosures] = compact.split('~');
    const [h, p, s] = jwt!.split('.');
    const header = JSON.parse(Buffer.from(h!, 'base64url').toString()) as Record<string, unknown>;
    expect(header).toMatchObject({ typ: 'vc+sd-jwt', alg: 'ES256', kid: `${issuer.did}#0` });
    // Independent signature check: the public key from the did:jwk, node:crypto, IEEE P1363 signature.
    const pub = createPublicKey({
      key: JSON.parse(Buffer.from(issuer.did.slice(8), 'base64url').toString()) as import('node:crypto').JsonWebKey,
      format: 'jwk',
    });
    expect(nodeVerify('sha256', Buffer.from(`${h}.${p}`), { key: pub, dsaEncoding: 'ieee-p1363' }, Buffer.from(s!, 'base64url'))).toBe(true);
    // Independent disclosure check: every disclosure's SHA-256 is an array-element digest in credentialSubject.result.
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString()) as {
      credentialSubject: { result: { '...': string }[] };
      '@context': string[];
      _sd_alg: string;
    };
    expect(payload['@context'][0]).toBe('https://www.w3.org/ns/credentials/v2');
    expect(payload._sd_alg).toBe('sha-256');
    const refs = payload.credentialSubject.result.map((r) => r['...']);
    const present = disclosures.filter(Boolean);
    expect(present).toHaveLength(vc.credentialSubject.result.length);
    for (const d of present) expect(refs).toContain(createHash('sha256').update(d).digest('base64url'));
    // And our verifier (jose) agrees.
    const result = await verifyCredential(compact, { fetch: await statusFetch(issuer, []), schemaValidator: obSchemaValidator(officialSchema) });
    expect(result.ok).toBe(true);
  });

  it('signs a dc+sd-jwt with vct that @sd-jwt/sd-jwt-vc verifies with a jose-based verifier', async () => {
    const vc = credentialFor(profile, issuer.did);
    const compact = await issueDcSdJwt(vc, {
      signer: issuer.signer,
      status: { idx: 7, uri: STATUS_URI },
      vct: 'https://issuer.example/issuer/vct/cognitive-profile/v1',
    });
    const pubJwk = JSON.parse(Buffer.from(issuer.did.slice(8), 'base64url').toString()) as JWK;
    const key = await importJWK(pubJwk, 'ES256');
    const { compactVerify } = await import('jose');
    const verifier = new SDJwtVcInstance({
      hasher: async (data, alg) =>
        new Uint8Array(
          createHash(alg.replace('-', ''))
            .update(typeof data === 'string' ? data : Buffer.from(data))
            .digest(),
        ),
      verifier: async (data, sig) => {
        try {
          await compactVerify(`${data}.${sig}`, key);
          return true;
        } catch {
          return false;
        }
      },
      statusListFetcher: async () => (await (await statusFetch(issuer, []))(STATUS_URI)).text(),
    });
    const out = await verifier.verify(compact);
    expect(out.header?.typ).toBe('dc+sd-jwt');
    expect(out.payload.vct).toBe('https://issuer.example/issuer/vct/cognitive-profile/v1');
    expect((out.payload as unknown as { credentialSubject: { result: unknown[] } }).credentialSubject.result).toHaveLength(vc.credentialSubject.result.length);
    const ours = await verifyCredential(compact, { fetch: await statusFetch(issuer, []), schemaValidator: obSchemaValidator(officialSchema) });
    expect(ours.ok && ours.format).toBe('dc+sd-jwt');
  });

  it('discloses one domain only and shows exactly which claims were disclosed', async () => {
    const vc = credentialFor(profile, issuer.did);
    for (const issue of [issueVcSdJwt, issueDcSdJwt]) {
      const compact = await issue(vc, { signer: issuer.signer, status: { idx: 9, uri: STATUS_URI }, vct: 'urn:x' });
      const shown = await presentOnly(compact, [1]);
      const result = await verifyCredential(shown, { fetch: await statusFetch(issuer, []), schemaValidator: obSchemaValidator(officialSchema) });
      if (!result.ok) throw new Error(result.detail);
      expect(result.disclosed).toHaveLength(1);
      expect(result.disclosed[0]!.path).toBe('credentialSubject.result.1');
      expect(result.undisclosed).toBe(vc.credentialSubject.result.length - 1);
      expect(result.credential.credentialSubject.result).toEqual([vc.credentialSubject.result[1]]);
      expect(result.summary.domains).toHaveLength(1);
      expect(result.summary.domains[0]!.sten).toBe(Number(vc.credentialSubject.result[1]!.value));
    }
  });

  it('rejects a tampered payload, a tampered disclosure, a wrong key, an expired and a revoked credential — each with its reason', async () => {
    const fetchOk = await statusFetch(issuer, []);
    const vc = credentialFor(profile, issuer.did);
    const compact = await issueVcSdJwt(vc, { signer: issuer.signer, status: { idx: 11, uri: STATUS_URI }, vct: 'x' });
    expect((await verifyCredential(compact, { fetch: fetchOk })).ok).toBe(true);

    // Tampered payload: the validity moved forward by a year, signature kept.
    const [jwt, ...rest] = compact.split('~');
    const [h, p, s] = jwt!.split('.');
    const body = JSON.parse(Buffer.from(p!, 'base64url').toString()) as Record<string, unknown>;
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...body, name: 'Forged' })).toString('base64url')}.${s}`;
    expect(await verifyCredential([forged, ...rest].join('~'), { fetch: fetchOk })).toMatchObject({ ok: false, reason: 'signature' });

    // Tampered disclosure: a sten raised to 10.
    const d0 = rest[0]!;
    const decoded = JSON.parse(Buffer.from(fromBase64url(d0)).toString()) as [string, { value: string }];
    decoded[1].value = '10';
    const d0forged = Buffer.from(JSON.stringify(decoded)).toString('base64url');
    expect(await verifyCredential([jwt, d0forged, ...rest.slice(1)].join('~'), { fetch: fetchOk })).toMatchObject({ ok: false, reason: 'disclosure' });

    // Wrong key: someone else signs, claiming to be our issuer.
    const other = await makeIssuer();
    const impostor = await issueVcSdJwt(vc, { signer: { ...other.signer, kid: issuer.signer.kid }, status: { idx: 11, uri: STATUS_URI }, vct: 'x' });
    expect(await verifyCredential(impostor, { fetch: fetchOk })).toMatchObject({ ok: false, reason: 'signature' });
    // …or with its own (valid) did:jwk while the credential names our issuer.
    const ownKid = await issueVcSdJwt(vc, { signer: other.signer, status: { idx: 11, uri: STATUS_URI }, vct: 'x' });
    expect(await verifyCredential(ownKid, { fetch: fetchOk })).toMatchObject({ ok: false, reason: 'issuer-mismatch' });
    // …and a verifier with a trust list refuses an unknown issuer even when its signature is fine.
    const otherVc = await issueVcSdJwt(credentialFor(profile, other.did), { signer: other.signer, status: { idx: 1, uri: STATUS_URI }, vct: 'x' });
    expect(await verifyCredential(otherVc, { fetch: fetchOk, checkStatus: false, trustedIssuers: [issuer.did] })).toMatchObject({
      ok: false,
      reason: 'untrusted-issuer',
    });

    // Expired.
    const old = credentialFor(profile, issuer.did, { issuedAt: new Date(Date.now() - 400 * 86_400_000), validForDays: 365 });
    const expired = await issueVcSdJwt(old, { signer: issuer.signer, status: { idx: 11, uri: STATUS_URI }, vct: 'x' });
    expect(await verifyCredential(expired, { fetch: fetchOk })).toMatchObject({ ok: false, reason: 'expired' });

    // Revoked.
    expect(await verifyCredential(compact, { fetch: await statusFetch(issuer, [11]) })).toMatchObject({ ok: false, reason: 'revoked' });
    // A status list signed by someone else does not count.
    expect(await verifyCredential(compact, { fetch: await statusFetch(other, []) })).toMatchObject({ ok: false, reason: 'status-unavailable' });
    // Not a credential at all.
    expect(await verifyCredential('hello')).toMatchObject({ ok: false, reason: 'malformed' });
  });
});
