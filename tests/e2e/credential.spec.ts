import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { simulatedSession } from '../../src/server/fixtures/session-log.ts';

async function expectAccessible(page: Page, label: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(result.violations.map((v) => `${label}: ${v.id} ${v.help} (${v.nodes.length})`)).toEqual([]);
}

/**
 * A whole standard-battery session (simulated participant, same events a real play writes) shown on the results
 * screen: the profile with intervals and norm provenance, then the credential — issued by the server after it
 * re-scored the raw log — downloaded, verified on /verify, and withdrawn when the candidate deletes the data.
 */
test('profile, credential, verification and withdrawal of a whole session', async ({ page }, info) => {
  test.setTimeout(120_000);
  const events = simulatedSession({ battery: 'standard', seed: 5, sessionId: crypto.randomUUID(), timeOrigin: Date.now() - 30 * 60_000 });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/?automation=1&lang=en');
  await page.evaluate((ev) => window.__talentscan?.showSession(ev), events);

  const results = page.locator('ts-results');
  await expect(results.getByRole('heading', { name: 'Your cognitive profile' })).toBeVisible();
  await expect(results.getByText('provisional — other population and task version', { exact: true })).toBeVisible();
  await expect(results.getByText(/Compared with: .*N = 522/)).toBeVisible();
  for (const domain of ['Speed', 'Stopping in time', 'Focus', 'Keeping things in mind']) {
    await expect(results.getByRole('img', { name: new RegExp(`^${domain}: \\d+ of 10 \\(90%: [\\d.]+–[\\d.]+\\)`) })).toBeVisible();
  }
  await expect(results.getByRole('heading', { name: 'Fit with example roles' })).toBeVisible();
  await expectAccessible(page, 'results');
  await page.screenshot({ path: `tests/.artifacts/screens/results-full-${info.project.name || 'chromium'}.png`, fullPage: true });

  await results.getByRole('button', { name: 'Make my credential' }).click();
  await expect(results.getByText('Your credential is ready.')).toBeVisible({ timeout: 30_000 });
  await expect(results.getByRole('img', { name: 'QR code to add the credential to your wallet' })).toBeVisible();
  await expectAccessible(page, 'credential');
  const [download] = await Promise.all([page.waitForEvent('download'), results.getByRole('button', { name: 'Download credential (.jwt)' }).click()]);
  const credential = await readFile((await download.path()) ?? '', 'utf8');
  expect(credential.split('~')[0]?.split('.')).toHaveLength(3);

  const verifier = await page.context().newPage();
  await verifier.goto('/verify?lang=en');
  await verifier.getByRole('textbox', { name: 'Credential (text)' }).fill(credential);
  await verifier.getByRole('button', { name: 'Check' }).click();
  await expect(verifier.getByText(/^Valid: signed by/)).toBeVisible({ timeout: 20_000 });
  await expectAccessible(verifier, 'verify');

  // Deleting the data withdraws the credential: the verifier now sees it revoked.
  await results.getByRole('button', { name: 'Delete my data from this device' }).click();
  await expect(results.getByText('Your data has been deleted from this device.')).toBeVisible();
  await verifier.getByRole('button', { name: 'Check' }).click();
  await expect(verifier.getByText(/^Not valid: .*(revoked|withdrawn)/i)).toBeVisible({ timeout: 20_000 });
});
