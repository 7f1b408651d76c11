import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { humanRts, keyboardCorrect, phase, play, pressStart } from '../support/driver.ts';

async function expectAccessible(page: Page, label: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(result.violations.map((v) => `${label}: ${v.id} ${v.help} (${v.nodes.length})`)).toEqual([]);
}

/**
 * A certified session of the one-game reaction battery, played in the browser at real speed through the automation
 * hook against the real server: the page creates the session on the server, takes the seed from it and uploads the
 * hash-chained log as it is written. The results screen shows the profile; the credential — issued by the server
 * from ITS copy, after the integrity checks — is downloaded, verified on /verify, given again after a reload (the
 * finished scan reopened from the welcome screen), and withdrawn when the candidate deletes the data. Answer times are drawn per trial (humanRts): the server refuses times too regular to be human.
 */
test("certified session: profile, credential from the server's copy, verification and withdrawal", async ({ page }, info) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/?automation=1&lang=en&battery=reaction');
  await page.locator('input[name="mode"][value="certified"]').check();
  await page.getByRole('checkbox').check();
  await pressStart(page);
  await expect.poll(() => phase(page)).toBe('intro');
  await play(page, keyboardCorrect, { rtMs: humanRts(5) });
  await expect.poll(() => phase(page), { timeout: 30_000 }).toBe('done');
  await expect.poll(async () => (await page.evaluate(() => window.__talentscan?.upload()))?.state, { timeout: 30_000 }).toBe('synced');
  const local = (await page.evaluate(() => window.__talentscan?.events())) ?? [];
  expect(local.find((e) => e.type === 'consent')).toMatchObject({ mode: 'certified' });
  expect(local.at(-1)?.type).toBe('session-end');

  const results = page.locator('ts-results');
  await expect(results.getByRole('heading', { name: 'Your strong points' })).toBeVisible();
  await expect(results.getByRole('img', { name: /^Speed: \d+ of 10 \(90%: [\d.]+–[\d.]+\)/ })).toBeVisible();
  await expectAccessible(page, 'results');
  await page.screenshot({ path: `tests/.artifacts/screens/results-certified-${info.project.name || 'chromium'}.png`, fullPage: true });

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

  // The page reloads (or the browser crashed): the welcome screen offers the finished scan, its results open again,
  // and with the token still on this device the credential panel gives the same credential again (same revocation
  // code, kept on the device), so deleting the data still withdraws it.
  const reopening = Date.now();
  await page.reload();
  const entry = page.locator('ts-scan section.past');
  await expect(entry.getByRole('heading', { name: /^Your results from / })).toBeVisible();
  await entry.getByRole('button', { name: 'Open my results' }).click();
  await expect(results.getByText('Your credential was already made.', { exact: false })).toBeVisible();
  await results.getByRole('button', { name: 'Get my credential again' }).click();
  await expect(results.getByText('Your credential is ready.')).toBeVisible({ timeout: 30_000 });
  const [again] = await Promise.all([page.waitForEvent('download'), results.getByRole('button', { name: 'Download credential (.jwt)' }).click()]);
  expect((await readFile((await again.path()) ?? '', 'utf8')).split('~')[0]).toBe(credential.split('~')[0]);
  await expectAccessible(page, 'reopened certified results');
  console.log(`credential: reload, reopen and the credential again took ${((Date.now() - reopening) / 1000).toFixed(1)} s`);

  // Deleting the data withdraws the credential: the verifier now sees it revoked.
  await results.getByRole('button', { name: 'Delete everything' }).click();
  await results.getByRole('button', { name: 'Delete everything' }).click(); // the second press confirms
  await expect(results.getByText('Your data has been deleted from this device.')).toBeVisible();
  await verifier.getByRole('button', { name: 'Check' }).click();
  await expect(verifier.getByText(/^Not valid: .*(revoked|withdrawn)/i)).toBeVisible({ timeout: 20_000 });
  // And the finished scan is no longer offered.
  await page.reload();
  await expect(page.locator('ts-welcome')).toBeVisible();
  await expect(page.locator('ts-scan section.past')).toHaveCount(0);
});
