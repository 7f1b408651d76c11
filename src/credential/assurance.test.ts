import { ES256 } from '@sd-jwt/crypto-nodejs';
import { exportJWK, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { assessWitnessed, type IntegrityVerdict } from '../integrity/index.ts';
import { simulatedWitnessedRecord } from '../integrity/simulated-record.ts';
import type { Profile } from '../scoring/profile-types.ts';
import { fixtureProfileSource } from '../server/fixtures/profile.ts';
import { didJwk } from './did.ts';
import { assuranceOf, buildOpenBadgeCredential, type OpenBadgeCredential } from './ob-credential.ts';
import { obSchemaValidator } from './ob-schema.ts';
import { issueDcSdJwt, issueVcSdJwt, presentOnly, type IssuerSigner } from './sd-jwt.ts';
import { structuralCheck, verifyCredential } from './verify.ts';

let verdict: IntegrityVerdict;
let profile: Profile;
let signer: IssuerSigner;
let did: string;

beforeAll(async () => {
  const record = await simulatedWitnessedRecord({ seed: 11, offline: { fromBatch: 120, batches: 10, durationMs: 90_000 } });
  verdict = await assessWitnessed(record, { now: record.serverStart + 86_400_000 });
  profile = await fixtureProfileSource(record.events, {});
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  did = didJwk(jwk);
  const sign = await ES256.getSigner(jwk);
  signer = { alg: 'ES256', kid: `${did}#0`, sign: async (d) => sign(d) };
});

function credential(withAssurance: boolean): OpenBadgeCredential {
  return buildOpenBadgeCredential(profile, { ...ctx(), ...(withAssurance ? { assurance: verdict.assurance } : {}) });
}

function ctx() {
  return {
    id: 'urn:uuid:0c6f1f0e-5a3b-4c1d-9e2f-1a2b3c4d5e6f',
    issuer: { id: did, name: 'Talentscan (test)' },
    baseUrl: 'https://issuer.example',
    subjectId: 'urn:uuid:5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a',
    issuedAt: new Date(),
    validForDays: 30,
    logDigest: `sha-256:${'1'.repeat(64)}`,
    logEvents: 10,
  };
}

describe('assurance in the credential', () => {
  it('is an OB 3.0 Evidence entry that keeps the credential valid against the official schema', () => {
    expect(verdict.ok).toBe(true);
    const vc = credential(true);
    expect(obSchemaValidator()(vc)).toEqual([]);
    expect(structuralCheck(vc)).toEqual([]);
    const entry = vc.evidence[1];
    expect(entry).toMatchObject({ type: ['Evidence'], genre: 'Assurance' });
    expect(entry?.narrative).toContain('Unproctored, online');
    expect(entry?.narrative).toContain('offline 1 time(s)');
    expect(assuranceOf(vc)).toEqual(verdict.assurance);
  });

  it('is read back by verification from both SD-JWT forms, and a presentation cannot withhold it', async () => {
    const vc = credential(true);
    const opts = { signer, status: { idx: 1, uri: 'https://issuer.example/issuer/status/1' }, vct: 'https://issuer.example/vct' };
    for (const compact of [await issueVcSdJwt(vc, opts), await issueDcSdJwt(vc, opts)]) {
      const result = await verifyCredential(await presentOnly(compact, [0]), { checkStatus: false });
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.assurance).toEqual(verdict.assurance);
    }
  });

  it("states a pilot's embedding, keeps the credential schema-valid, and drops an embedding that does not read as one", () => {
    const embedding = { pilot: 'acme', pilotName: 'Acme Careers', binding: 'start-token' as const };
    const vc = buildOpenBadgeCredential(profile, { ...ctx(), assurance: { ...verdict.assurance, embedding }, pilot: 'acme' });
    expect(obSchemaValidator()(vc)).toEqual([]);
    expect(assuranceOf(vc)?.embedding).toEqual(embedding);
    expect(vc.evidence[1]?.narrative).toContain('Embedded by the pilot "Acme Careers" (acme)');
    const settings = buildOpenBadgeCredential(profile, { ...ctx(), assurance: { ...verdict.assurance, embedding: { ...embedding, binding: 'settings' } } });
    expect(settings.evidence[1]?.narrative).toContain('did not vouch for the session with a start token');
    const forged = structuredClone(vc) as unknown as { evidence: { assurance: { embedding: unknown } }[] };
    forged.evidence[1]!.assurance.embedding = { pilot: 'acme', binding: 'trust-me' };
    const read = assuranceOf(forged as unknown as OpenBadgeCredential);
    expect(read?.embedding).toBeUndefined();
    expect(read?.battery).toBe(verdict.assurance.battery);
  });

  it('is absent for a credential that was not witnessed', async () => {
    const vc = credential(false);
    expect(vc.evidence).toHaveLength(1);
    expect(assuranceOf(vc)).toBeUndefined();
    const result = await verifyCredential(await issueVcSdJwt(vc, { signer, status: { idx: 1, uri: 'https://issuer.example/s' }, vct: 'x' }), {
      checkStatus: false,
    });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.assurance).toBeUndefined();
  });
});
