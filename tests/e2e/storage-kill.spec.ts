import AxeBuilder from '@axe-core/playwright';
import { chromium, expect, test } from '@playwright/test';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LogEvent } from '../../src/log/events.ts';
import { chromiumLaunchOptions } from '../support/chromium.ts';
import { keyboardCorrect, phase, play, pressStart } from '../support/driver.ts';
import { browserPid, completedTrialEnds, storedLog } from '../support/kill-harness.ts';

/**
 * Fault 3: the storage fills in the middle of a game, then the browser dies (SIGKILL of a persistent-profile
 * Chromium). Nothing may be lost silently: before the kill the candidate is offered the emergency backup of what
 * could not be saved; after the restart the resume screen says how much the device holds (read back from the store),
 * that the latest answers were not saved, and never that everything is saved; the backup then brings them back.
 * The full disk is the automation build's shim at the IndexedDB boundary (see storage.spec.ts); the restarted browser
 * has space again.
 */
test('storage fills mid-game, then the browser is killed: the backup was offered, the resume screen tells the truth (fault 3)', async () => {
  test.skip(process.platform !== 'linux', 'reads /proc to find the browser process');
  test.setTimeout(180_000);
  const profile = await mkdtemp(join(tmpdir(), 'ts-fault3-'));
  const baseURL = test.info().project.use.baseURL ?? '';
  const url = `${baseURL}/?automation=1&lang=en&battery=reaction&seed=42&timescale=4`;
  try {
    let ctx = await chromium.launchPersistentContext(profile, { ...(await chromiumLaunchOptions()), acceptDownloads: true });
    let page = ctx.pages()[0] ?? (await ctx.newPage());
    await page.goto(url);
    await page.getByRole('checkbox').check();
    await pressStart(page);
    await expect.poll(() => phase(page)).toBe('intro');
    await play(page, keyboardCorrect, { rtMs: 200, stop: (n) => n >= 4 });
    const sessionId = (await page.evaluate(() => window.__talentscan?.sessionId())) ?? '';

    await page.evaluate(() => window.__talentscan?.simulateFullStorage(true));
    // The block goes on, its writes failing, to its end, where the runner waits ('saving') until the block is written:
    // from there on nothing changes until space returns, so the counts below are stable.
    await play(page, keyboardCorrect, { rtMs: 200, stop: (_n, p) => p !== 'running' });
    expect(await phase(page)).toBe('saving');
    // Before the kill: the candidate is told, and offered the backup.
    const banner = page.locator('ts-scan .storage-fault');
    await expect(banner).toContainText('not saved on this device yet');
    const download = page.waitForEvent('download');
    await banner.getByRole('button', { name: 'Download a backup' }).click();
    const backupText = await readFile(await (await download).path(), 'utf8');
    const backup = JSON.parse(backupText) as { events: LogEvent[] };

    const inMemory = completedTrialEnds((await page.evaluate(() => window.__talentscan?.events())) ?? []).length;
    const storedBefore = completedTrialEnds(await storedLog(page, sessionId)).length;
    expect(storedBefore).toBeLessThan(inMemory); // the fault did cost answers on the device
    expect(completedTrialEnds(backup.events).length).toBeGreaterThanOrEqual(inMemory); // and the backup has them
    // The note the resume screen reads lives in localStorage, which Chromium writes to disk lazily (seconds): give
    // it that time, as any candidate reading the banner does.
    await page.waitForTimeout(6000);
    process.kill(await browserPid(profile), 'SIGKILL');
    await ctx.close().catch(() => undefined);

    ctx = await chromium.launchPersistentContext(profile, await chromiumLaunchOptions());
    page = ctx.pages()[0] ?? (await ctx.newPage());
    await page.goto(url);
    await expect(page.getByRole('button', { name: 'Continue', exact: true })).toBeVisible();
    const stored = completedTrialEnds(await storedLog(page, sessionId)).length;
    expect(stored).toBe(storedBefore); // what was confirmed survived; what was not is not claimed
    await expect(page.locator('ts-scan .saved-summary')).toHaveText(
      `Saved on this device: ${stored} completed answers. You continue right after them; a round you had not finished is played again.`,
    );
    const note = page.locator('ts-scan .unsaved-at-close');
    await expect(note).toContainText('When the page closed, this device had not saved at least');
    const atLeast = Number(/at least (\d+)/.exec((await note.textContent()) ?? '')?.[1]);
    expect(atLeast).toBeGreaterThan(0);
    expect(atLeast).toBeLessThanOrEqual(inMemory - stored);
    await expect(page.getByText(/Everything you have done so far is saved/)).toHaveCount(0);
    expect((await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze()).violations).toEqual([]);
    await page.screenshot({ path: test.info().outputPath('resume-after-fault3.png'), fullPage: true });

    // The backup, chosen on the resume screen, brings back what the device lost, and the session goes on from there.
    await page.locator('#restore-file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(backupText) });
    await expect.poll(() => phase(page)).toBe('intro');
    const resumed = (await page.evaluate(() => window.__talentscan?.events())) ?? [];
    expect(resumed.length).toBe(backup.events.length + 1); // + the new page-start
    expect(completedTrialEnds(resumed).length).toBe(completedTrialEnds(backup.events).length);
    await ctx.close();
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
});
