import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { buildOpenBadgeCredential, summarise } from '../../src/credential/ob-credential.ts';
import type { VerifySuccess } from '../../src/credential/verify.ts';
import { assessWitnessed } from '../../src/integrity/index.ts';
import { simulatedWitnessedRecord } from '../../src/integrity/simulated-record.ts';
import { fixtureProfileSource } from '../../src/server/fixtures/profile.ts';

/**
 * How /verify shows a certified credential's assurance. The issuer does not sign witnessed sessions in this test
 * (that is the server's end-to-end test), so the verification result — of a credential built from a witnessed
 * simulated session that passed `assessWitnessed` — is handed to the page's <ts-verify> as if it had just checked it.
 */
async function certifiedResult(): Promise<VerifySuccess> {
  const record = await simulatedWitnessedRecord({ seed: 21, offline: { fromBatch: 100, batches: 20, durationMs: 180_000 } });
  const verdict = await assessWitnessed(record, { now: record.serverStart + 86_400_000 });
  expect(verdict.ok).toBe(true);
  const profile = await fixtureProfileSource(record.events, {});
  const credential = buildOpenBadgeCredential(profile, {
    id: 'urn:uuid:7f3c1a52-0d4e-4b7a-9c1e-2a5b6c7d8e9f',
    issuer: { id: 'did:web:issuer.example', name: 'Talentscan' },
    baseUrl: 'https://issuer.example',
    subjectId: 'urn:uuid:1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
    issuedAt: new Date(),
    validForDays: 365,
    logDigest: `sha-256:${'2'.repeat(64)}`,
    logEvents: record.events.length,
    battery: record.battery,
    assurance: verdict.assurance,
  });
  return {
    ok: true,
    format: 'vc+sd-jwt',
    issuer: { id: 'did:web:issuer.example', name: 'Talentscan' },
    kid: 'did:web:issuer.example#key-1',
    credential,
    summary: summarise(credential),
    disclosed: credential.credentialSubject.result.map((value, i) => ({ path: `credentialSubject.result.${i}`, value })),
    undisclosed: 0,
    validFrom: credential.validFrom,
    validUntil: credential.validUntil,
    status: { checked: true, idx: 3, uri: 'https://issuer.example/issuer/status/1', value: 0 },
    keyBinding: 'absent',
    assurance: verdict.assurance,
  };
}

for (const lang of ['en', 'ar'] as const) {
  test(`/verify shows how a certified result was obtained (${lang})`, async ({ page }) => {
    const result = await certifiedResult();
    await page.goto(`/verify?lang=${lang}`);
    await page.locator('ts-verify').waitFor();
    await page.evaluate((r) => {
      const el = document.querySelector('ts-app')?.shadowRoot?.querySelector('ts-verify') as (HTMLElement & { result?: unknown }) | null;
      if (el) el.result = r;
    }, result);
    const list = page.locator('ts-verify ul.assurance');
    await expect(list).toBeVisible();
    if (lang === 'en') {
      await expect(page.getByRole('heading', { name: 'How this result was obtained' })).toBeVisible();
      await expect(list).toContainText('Certified: the issuer witnessed the session');
      await expect(list).toContainText('Games covered: all of the scan — Reaction');
      await expect(list).toContainText('Unproctored, online');
      await expect(list).toContainText('Integrity checks (version 1) passed: the right session');
      // The gap the issuer measured from receive times: the simulated 3-minute stretch plus the batches around it.
      const offlineMin = Math.max(1, Math.round((result.assurance?.offline.totalMs ?? 0) / 60_000));
      expect(offlineMin).toBeGreaterThanOrEqual(3);
      await expect(list).toContainText(`Offline 1 time(s), ${offlineMin} min in all`);
    } else {
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
      await expect(list).toContainText('معتمد');
    }
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(axe.violations.map((v) => `${v.id} ${v.help} (${v.nodes.length})`)).toEqual([]);
  });
}
