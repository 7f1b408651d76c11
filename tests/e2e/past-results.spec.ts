import { expect, type Page, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import type { LogEvent } from '../../src/log/events.ts';
import { simulatedSession } from '../../src/server/fixtures/session-log.ts';
import { expectAccessible, isFocused, tabTo } from '../support/a11y.ts';
import { wordsIn } from '../support/words.ts';

/**
 * A finished scan can be found again (issue: a reload, a closed tab or a crash after the last game must not look like
 * a lost scan). Sessions are stored through the automation hook (simulated logs: no play), then the page is reloaded as
 * a candidate would come back: the welcome screen offers "Your results from <date>", opens the same results screen,
 * downloads the CSV, deletes everything, and the entry is gone. In Dutch on a phone by keyboard only, and in Arabic
 * (RTL) on a desktop with an unfinished scan beside it (the resume comes first, the results stay reachable) and a
 * certified scan whose key is no longer on the device.
 */

const PHONE = { width: 360, height: 640 };
const DESKTOP = { width: 1280, height: 800 };
/** Screenshots to look at (kept out of the repository). */
const SHOTS = process.env['SHOTS_DIR'] ?? 'tests/.artifacts/screens';
const DAY = 86_400_000;

function shot(page: Page, name: string): Promise<Buffer> {
  return page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** A finished short-battery session whose page started at `timeOrigin` (noon UTC, so the date is the same everywhere). */
function finished(sessionId: string, timeOrigin: number, seed = 5): LogEvent[] {
  return simulatedSession({ battery: 'short', seed, sessionId, timeOrigin });
}

/** The same session with a `consent` (certified) after its page-start, as a certified play logs it. */
function certified(events: LogEvent[]): LogEvent[] {
  const at = events.findIndex((e) => e.type === 'page-start') + 1;
  const moved = events.map((e) => {
    if (e.seq < at) return e;
    return (e.type === 'response' ? { ...e, seq: e.seq + 1, input: e.input + 1 } : { ...e, seq: e.seq + 1 }) as LogEvent;
  });
  const consent: LogEvent = { type: 'consent', seq: at, page: 0, t: 960, mode: 'certified', textVersion: 'certified-2026-12-v1' };
  return [...moved.slice(0, at), consent, ...moved.slice(at)];
}

/** Stores a log on this device through the automation hook (it shows its results; the test then reloads). */
async function store(page: Page, events: LogEvent[]): Promise<void> {
  await page.waitForFunction(() => window.__talentscan !== undefined);
  await page.evaluate((e) => window.__talentscan?.showSession(e), events);
  await expect(page.locator('ts-results')).toBeVisible();
}

async function expectFocused(page: Page, selector: string): Promise<void> {
  await expect.poll(() => isFocused(page.locator(selector))).toBe(true);
}

async function downloadText(page: Page, press: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), press()]);
  return { name: download.suggestedFilename(), text: await readFile((await download.path()) ?? '', 'utf8') };
}

/** No horizontal scrolling at this width (WCAG 1.4.10). */
async function expectNoSideScroll(page: Page): Promise<void> {
  const width = page.viewportSize()?.width ?? 0;
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

test('nl, 360×640, keyboard only: the latest finished scan is offered after a reload, opens, downloads, deletes, and is gone', async ({ page }) => {
  const started = Date.now();
  await page.setViewportSize(PHONE);
  await page.goto('/?automation=1&lang=nl&battery=short');
  const latest = Date.UTC(2026, 10, 28, 12);
  const older = Date.UTC(2026, 10, 21, 12);
  const latestEvents = finished('past-nl-latest', latest);
  await store(page, finished('past-nl-older', older, 6));
  await store(page, latestEvents);
  await page.reload();

  // The welcome screen, with the entry under its title and the focus on it (a phone shows it first).
  const scan = page.locator('ts-scan');
  const entry = scan.locator('section.past');
  await expect(entry.getByRole('heading', { name: 'Je resultaten van 28 november 2026' })).toBeVisible();
  await expect(page.locator('ts-welcome').getByRole('button', { name: 'Begin', exact: true })).toBeVisible();
  await expectFocused(page, 'ts-scan section.past [data-past-open]');
  await expect(entry.locator('details summary')).toHaveText('Eerdere resultaten op dit apparaat (1)');
  await expectAccessible(page, 'welcome with results nl phone');
  await expectNoSideScroll(page);
  await shot(page, 'past-welcome-nl-phone');
  // The earlier one is behind the disclosure, reached by Tab, opened by Enter.
  await tabTo(page, entry.locator('details summary'));
  await page.keyboard.press('Enter');
  await expect(entry.getByRole('button', { name: /^Resultaten van 21 november 2026/ })).toBeVisible();
  await expectAccessible(page, 'welcome with earlier results open nl phone');

  // Open the latest: the same results screen as after the scan, with its date and a way back; the focus on its title.
  await tabTo(page, entry.locator('[data-past-open]'));
  await page.keyboard.press('Enter');
  const results = page.locator('ts-results');
  await expect(results.getByText('Van je scan op 28 november 2026.')).toBeVisible();
  await expectFocused(page, 'ts-results h1');
  await expect(results.locator('ts-candidate-profile')).toBeVisible();
  await expect(results.locator('ts-feedback')).toBeVisible();
  await expect(results.locator('ts-credential .practice-none')).toBeVisible();
  await expect(results.getByRole('button', { name: 'Terug naar het begin' })).toBeVisible();
  expect(await page.evaluate(() => window.__talentscan?.sessionId())).toBe('past-nl-latest');
  await expectAccessible(page, 'reopened results nl phone');
  await expectNoSideScroll(page);
  await shot(page, 'past-results-nl-phone');

  // "What does this mean", by keyboard.
  const profile = results.locator('ts-candidate-profile');
  await tabTo(page, profile.locator('details.explain summary').first());
  await page.keyboard.press('Enter');
  await expect(profile.locator('details.explain[open]').first().getByText('Wat we maten')).toBeVisible();

  // The log as CSV, by keyboard: every event of the stored session, one line each.
  await tabTo(page, results.getByRole('button', { name: 'Download mijn gegevens (CSV, voor een spreadsheet)' }));
  const csv = await downloadText(page, () => page.keyboard.press('Enter'));
  expect(csv.name).toBe('talentscan-past-nl-latest.csv');
  const lines = csv.text.trim().split('\r\n');
  expect(lines[0]).toBe('seq,page,t,type,game,block,trial,kind,name,device,key,x,y,value,reason,details');
  expect(lines).toHaveLength(latestEvents.length + 1);

  // Delete everything: asked once more, then gone; the focus goes on to the way back.
  await tabTo(page, results.getByRole('button', { name: 'Alles wissen' }));
  await page.keyboard.press('Enter');
  await expectFocused(page, 'ts-results [data-confirm-delete]');
  await page.keyboard.press('Enter');
  await expect(results.getByText('Je gegevens zijn van dit apparaat gewist.')).toBeVisible();
  await expectFocused(page, 'ts-results [data-deleted-back]');
  await page.keyboard.press('Enter');

  // Back on the welcome screen: only the older scan is left, now the latest.
  await expect(entry.getByRole('heading', { name: 'Je resultaten van 21 november 2026' })).toBeVisible();
  await expect(entry.locator('details')).toHaveCount(0);
  await expect(scan.getByText(/28 november 2026/)).toHaveCount(0);
  await page.reload();
  await expect(entry.getByRole('heading', { name: 'Je resultaten van 21 november 2026' })).toBeVisible();
  await expect(scan.getByText(/28 november 2026/)).toHaveCount(0);
  console.log(`past-results nl phone: ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

test('ar, 1280×800: an unfinished scan resumes first and the finished one stays reachable; a certified scan without its key says so; delete, and the entry is gone', async ({
  page,
}) => {
  const started = Date.now();
  await page.setViewportSize(DESKTOP);
  await page.goto('/?automation=1&lang=ar&battery=short');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const when = Date.UTC(2026, 10, 28, 12);
  const events = certified(finished('past-ar-done', when));
  // An unfinished scan too: the end of its first game, a day later.
  const later = finished('past-ar-cut', when + DAY, 7);
  const firstGame = later.find((e) => e.type === 'game-start');
  const cut = later.slice(0, later.findLastIndex((e) => e.type === 'block-end' && firstGame?.type === 'game-start' && e.game === firstGame.game) + 1);
  await store(page, events);
  await store(page, cut);
  await page.reload();

  // The resume screen comes first, with its own focus; the finished results follow it.
  const scan = page.locator('ts-scan');
  const date = await page.evaluate((t) => new Intl.DateTimeFormat('ar', { dateStyle: 'long' }).format(t), when);
  await expect(scan.getByRole('heading', { name: 'مرحبًا بعودتك!' })).toBeVisible();
  await expectFocused(page, 'ts-scan .resume button[data-autofocus]');
  const entry = scan.locator('.resume section.past');
  await expect(entry.getByRole('heading', { name: wordsIn('ar')('past.title', { date }) })).toBeVisible();
  await expectAccessible(page, 'resume with results ar desktop');
  await shot(page, 'past-resume-ar-desktop');

  // Open the finished one from there.
  await entry.getByRole('button', { name: 'افتح نتائجي' }).click();
  const results = page.locator('ts-results');
  await expect(results.getByText(wordsIn('ar')('past.from', { date }))).toBeVisible();
  await expect(results.locator('ts-candidate-profile')).toBeVisible();
  // Certified, but this device holds no token for it: said plainly, and the delete says what it can and cannot reach.
  await expect(results.locator('ts-credential .key-lost')).toContainText('لا يمكن إنشاء الشهادة هنا');
  await expect(results.locator('ts-credential').getByRole('button')).toHaveCount(0);
  await expect(results.getByText(/لا يمكن حذف النسخة الموجودة على خادمنا من هنا/)).toBeVisible();
  await expectAccessible(page, 'reopened results ar desktop');
  await shot(page, 'past-results-ar-desktop');

  const csv = await downloadText(page, () => results.getByRole('button', { name: /CSV/ }).click());
  expect(csv.name).toBe('talentscan-past-ar-done.csv');
  expect(csv.text.trim().split('\r\n')).toHaveLength(events.length + 1);

  await results.getByRole('button', { name: 'احذف كل شيء' }).click();
  await results.locator('[data-confirm-delete]').click();
  await expect(results.locator('[data-deleted-back]')).toBeVisible();
  await results.locator('[data-deleted-back]').click();

  // Back: the resume screen without the entry; after a reload still none, and the unfinished scan is untouched.
  await expect(scan.getByRole('heading', { name: 'مرحبًا بعودتك!' })).toBeVisible();
  await expect(scan.locator('section.past')).toHaveCount(0);
  await page.reload();
  await expect(scan.getByRole('heading', { name: 'مرحبًا بعودتك!' })).toBeVisible();
  await expect(scan.locator('section.past')).toHaveCount(0);
  console.log(`past-results ar desktop: ${((Date.now() - started) / 1000).toFixed(1)} s`);
});
