import AxeBuilder from '@axe-core/playwright';
import { chromium, expect, test, type Page } from '@playwright/test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumLaunchOptions } from '../support/chromium.ts';
import { keyboardCorrect, phase, play, pressStart, startScan } from '../support/driver.ts';

/**
 * Storage faults (a full disk, a private window) as the candidate meets them. A full disk is the shim at the
 * IndexedDB boundary of automation builds (the worker's `simulateFullStorage`): every write fails with
 * `QuotaExceededError` as on a full device. (CDP's `Storage.overrideQuotaForOrigin` did not make IndexedDB writes
 * fail in the test's off-the-record context.)
 */
async function setFull(page: Page, full: boolean): Promise<void> {
  // The hook is there once the shell is ready (its welcome screen set).
  await page.waitForFunction(() => window.__talentscan !== undefined);
  await page.evaluate((f) => window.__talentscan?.simulateFullStorage(f), full);
}

const persisted = (page: Page) => page.evaluate(() => window.__talentscan?.persisted() ?? -1);
const logged = (page: Page) => page.evaluate(async () => (await window.__talentscan?.events())?.length ?? -1);

test('a private window is named before Start; a normal profile is not', async ({ page }) => {
  await page.goto('/?lang=en');
  await expect(page.getByText('This looks like a private window')).toBeVisible();
  expect((await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze()).violations).toEqual([]);
  // The certified mode's consent text, in the right-to-left language too, at a phone's and a laptop's size.
  for (const lang of ['en', 'ar']) {
    await page.goto(`/?lang=${lang}`);
    await page.locator('input[name="mode"][value="certified"]').check();
    expect((await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze()).violations).toEqual([]);
    for (const [w, h] of [
      [360, 640],
      [1280, 800],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.screenshot({ path: test.info().outputPath(`welcome-certified-${lang}-${w}.png`), fullPage: true });
    }
  }

  const dir = await mkdtemp(join(tmpdir(), 'ts-profile-'));
  const ctx = await chromium.launchPersistentContext(dir, { ...(await chromiumLaunchOptions()), baseURL: test.info().project.use.baseURL ?? '' });
  try {
    const p = await ctx.newPage();
    await p.goto('/?lang=en');
    await expect(p.getByRole('heading', { name: 'Discover how you think and work' })).toBeVisible();
    await expect(p.getByText('This looks like a private window')).toHaveCount(0);
  } finally {
    await ctx.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('storage full before Start: the candidate is told nothing was saved, and Start works once there is space (fault 1)', async ({ page }) => {
  await page.goto('/?automation=1&lang=en&battery=reaction&seed=42');
  await setFull(page, true);
  await page.getByRole('checkbox').check();
  await pressStart(page);
  await expect(page.getByText('The storage of your device is full, so the scan cannot start. Nothing has been saved.')).toBeVisible();
  await setFull(page, false);
  await pressStart(page);
  await expect.poll(() => phase(page)).toBe('intro');
});

test('storage fills mid-game: the truth, a backup, the backlog written when space returns; the backup re-imports and resumes (faults 2, 3, 6)', async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  await startScan(page, { battery: 'reaction', seed: 42, timeScale: 4 });
  await play(page, keyboardCorrect, { rtMs: 200, stop: (n) => n >= 4 });
  const before = await persisted(page);
  await setFull(page, true);
  // The block goes on; its writes fail. The candidate sees what is not saved.
  await play(page, keyboardCorrect, { rtMs: 200, stop: (n, p) => n >= 4 || p !== 'running' });
  await expect(page.locator('ts-scan .storage-fault')).toContainText('not saved on this device yet');
  const inLog = await logged(page);
  expect(await persisted(page)).toBeLessThan(inLog); // read back: the hook does not overstate
  expect(await persisted(page)).toBeGreaterThanOrEqual(before);
  await page.screenshot({ path: test.info().outputPath('storage-fault-1280.png') });

  const download = page.waitForEvent('download');
  await page.locator('ts-scan .storage-fault button').click();
  const file = await (await download).path();
  const backup = JSON.parse(await readFile(file, 'utf8')) as { events: unknown[] };
  expect(backup.events.length).toBeGreaterThanOrEqual(inLog); // the game went on logging meanwhile

  // Space returns: the worker writes the backlog by itself, no new event needed.
  await setFull(page, false);
  await expect(page.locator('ts-scan .storage-fault')).toHaveCount(0, { timeout: 20_000 });
  // The game may still be logging (an onset waits up to a second for its presentation time): compare until they meet.
  await expect.poll(async () => (await logged(page)) - (await persisted(page)), { timeout: 10_000 }).toBe(0);

  // The backup, on a device that never saw the session, resumes at the right trial.
  const other = await browser.newPage();
  await other.goto('/?automation=1&lang=en&battery=reaction&timescale=4');
  await other.locator('#restore-file').setInputFiles(file);
  await expect.poll(() => phase(other)).toBe('intro');
  await expect(other.getByText('Welcome back. We continue where you were.')).toBeVisible();
  expect(await logged(other)).toBe(backup.events.length + 1); // + the new page-start
  await other.close();

  // A certified session's backup (here the same log, its row marked certified and carrying a token as files made
  // before tokens were left out did): imported as a practice-only copy, said so, and nothing uploads.
  const certified = JSON.parse(await readFile(file, 'utf8')) as { row: Record<string, unknown> };
  certified.row = { ...certified.row, mode: 'certified', witness: { token: 'capability-from-a-file', ackSeq: -1, hash: 'x' } };
  const third = await browser.newPage();
  await third.goto('/?automation=1&lang=en&battery=reaction&timescale=4');
  await third.locator('#restore-file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(certified)) });
  await expect.poll(() => phase(third)).toBe('intro');
  await expect(third.locator('ts-scan .restore-notice')).toContainText('This backup is of a certified scan. Here you continue it as practice');
  expect(await third.evaluate(() => window.__talentscan?.upload())).toBeNull();
  await third.close();
});
