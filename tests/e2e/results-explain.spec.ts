import { expect, type Locator, type Page, test } from '@playwright/test';
import type { LogEvent } from '../../src/log/events.ts';
import { simulatedSession } from '../../src/server/fixtures/session-log.ts';
import { expectAccessible } from '../support/a11y.ts';

/**
 * The results explain their gaps (no play: simulated logs stored through the automation hook). A short-battery scan
 * names the three areas it does not cover once, as "not part of this scan", and its role fits say on how many areas
 * they rest; a scan whose answers failed the quality checks (most answers before the target) says what could not be
 * measured, in which game and why, without "no area stands out". In Dutch on a phone and in Arabic (RTL) on a desktop.
 */

const PHONE = { width: 360, height: 640 };
const DESKTOP = { width: 1280, height: 800 };
/** Screenshots to look at (kept out of the repository). */
const SHOTS = process.env['SHOTS_DIR'] ?? 'tests/.artifacts/screens';

const shortScan = (sessionId: string): LogEvent[] => simulatedSession({ battery: 'short', seed: 5, sessionId });
/** A one-game scan in which 60 % of the answers came before the target: the quality checks leave every speed metric out. */
const earlyScan = (sessionId: string): LogEvent[] =>
  simulatedSession({ battery: 'reaction', seed: 3, sessionId, participants: { reaction: { pPremature: 0.6 } } });

async function show(page: Page, events: LogEvent[]): Promise<Locator> {
  await page.waitForFunction(() => window.__talentscan !== undefined);
  await page.evaluate((e) => window.__talentscan?.showSession(e), events);
  const profile = page.locator('ts-results ts-candidate-profile');
  await expect(profile).toBeVisible();
  return profile;
}

async function expectNoSideScroll(page: Page): Promise<void> {
  const width = page.viewportSize()?.width ?? 0;
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

/** The inline-start x of the scale's two end labels: low before high in reading order (mirrored in RTL). */
async function endsX(profile: Locator): Promise<[number, number]> {
  const ends = profile.locator('.scale-ends').first().locator('span');
  const low = (await ends.nth(0).boundingBox())?.x ?? Number.NaN;
  const high = (await ends.nth(1).boundingBox())?.x ?? Number.NaN;
  return [low, high];
}

test('nl, 360×640: a short scan names the areas it does not cover once and the fits their coverage; a failed scan says why', async ({ page }) => {
  const started = Date.now();
  await page.setViewportSize(PHONE);
  await page.goto('/?automation=1&lang=nl');

  const profile = await show(page, shortScan('explain-nl-short'));
  await expect(profile.locator('[data-not-in-scan]')).toHaveCount(1);
  await expect(profile.locator('[data-not-in-scan]')).toHaveText(
    'Niet onderdeel van deze scan: Op tijd stoppen, Schakelen en Leren van feedback. De standaardscan meet deze gebieden ook.',
  );
  // No "niet gemeten" rows and no could-not-measure card: only the three measured areas are listed.
  await expect(profile.locator('[data-unmeasured]')).toHaveCount(0);
  await expect(profile.locator('li.domain')).toHaveCount(3);
  await expect(profile.getByText('niet gemeten', { exact: true })).toHaveCount(0);
  // Fits: the partial ones say so; the fully measured one does not; a 0 % is worded, not shown as a verdict.
  await expect(profile.locator('li.fit[data-role="teacher"] [data-fit-coverage]')).toContainText('op basis van 1 van 2 gebieden. Een ruwe schatting');
  await expect(profile.locator('li.fit[data-role="clear-out-worker"] [data-fit-coverage]')).toHaveCount(0);
  await expect(profile.locator('li.fit[data-role="painter"] .head')).toContainText('Weinig overeenkomst');
  await expect(profile.locator('li.fit[data-role="painter"] .head')).not.toHaveText(/Schilder\s+0%/);
  // The scale's ends, low at the start.
  await expect(profile.locator('.scale-ends').first()).toHaveText(/1 · laag\s*10 · hoog/);
  const [low, high] = await endsX(profile);
  expect(low).toBeLessThan(high);
  await expectAccessible(page, 'short scan results nl phone');
  await expectNoSideScroll(page);
  await page.screenshot({ path: `${SHOTS}/explain-short-nl-phone.png`, fullPage: true });

  const failed = await show(page, earlyScan('explain-nl-early'));
  const card = failed.locator('[data-unmeasured]');
  await expect(card.getByRole('heading', { name: 'Wat we deze keer niet konden meten' })).toBeVisible();
  await expect(card).toContainText('Deze keer konden we geen enkel gebied meten.');
  await expect(card).toContainText('Dit is geen oordeel over jou.');
  await expect(card.locator('[data-unmeasured-domain][data-domain="processing-speed"]')).toContainText('Spel: Reactie');
  await expect(card.locator('[data-kind="early"]')).toHaveText(
    'Veel antwoorden kwamen al voordat het plaatje verscheen. Wacht de volgende keer tot je het ziet, en antwoord dan.',
  );
  await expect(card.getByRole('link', { name: 'Doe de scan opnieuw' })).toBeVisible();
  await expect(failed.getByText(/springt geen gebied/)).toHaveCount(0);
  await expect(failed.getByRole('heading', { name: 'Je sterke punten' })).toHaveCount(0);
  await expect(failed.locator('[data-not-in-scan]')).toHaveCount(1);
  // No fit could be computed: one calm line instead of six "too little data" rows.
  await expect(failed.locator('[data-no-fits]')).toHaveText(/Deze keer is te weinig gemeten om te vergelijken met de voorbeeldrollen\./);
  await expect(failed.locator('li.fit')).toHaveCount(0);
  await expectAccessible(page, 'failed scan results nl phone');
  await expectNoSideScroll(page);
  await page.screenshot({ path: `${SHOTS}/explain-failed-nl-phone.png`, fullPage: true });
  console.log(`results-explain nl phone: ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

test('ar, 1280×800 (RTL): the same explanations, mirrored', async ({ page }) => {
  const started = Date.now();
  await page.setViewportSize(DESKTOP);
  await page.goto('/?automation=1&lang=ar');

  const profile = await show(page, shortScan('explain-ar-short'));
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(profile.locator('[data-not-in-scan]')).toHaveCount(1);
  await expect(profile.locator('[data-not-in-scan]')).toContainText('ليست جزءًا من هذا الفحص');
  await expect(profile.locator('[data-not-in-scan]')).toContainText('التوقف في الوقت المناسب');
  await expect(profile.locator('[data-unmeasured]')).toHaveCount(0);
  await expect(profile.locator('li.fit[data-role="teacher"] [data-fit-coverage]')).toContainText('تقدير تقريبي');
  // RTL: the low end is on the right, the high end on the left.
  const [low, high] = await endsX(profile);
  expect(low).toBeGreaterThan(high);
  await expectAccessible(page, 'short scan results ar desktop');
  await page.screenshot({ path: `${SHOTS}/explain-short-ar-desktop.png`, fullPage: true });

  const failed = await show(page, earlyScan('explain-ar-early'));
  const card = failed.locator('[data-unmeasured]');
  await expect(card.getByRole('heading', { name: 'ما لم نتمكن من قياسه هذه المرة' })).toBeVisible();
  await expect(card.locator('[data-kind="early"]')).toHaveText('جاءت إجابات كثيرة قبل ظهور الصورة. في المرة القادمة انتظر حتى تراها، ثم أجب.');
  await expect(failed.getByText(/لا يبرز أي مجال/)).toHaveCount(0);
  await expectAccessible(page, 'failed scan results ar desktop');
  await page.screenshot({ path: `${SHOTS}/explain-failed-ar-desktop.png`, fullPage: true });
  console.log(`results-explain ar desktop: ${((Date.now() - started) / 1000).toFixed(1)} s`);
});
