import { expect, type Locator, type Page, test } from '@playwright/test';
import { PROD_PORT } from '../../playwright.config.ts';
import { simulatedSession } from '../../src/server/fixtures/session-log.ts';
import { isFocused, tabTo } from '../support/a11y.ts';

/**
 * Where the candidate's first screens open and where the keyboard focus shows. The landing used to put the focus on
 * Start, at the end of a long page, so a phone opened scrolled to the bottom (360×640: scrollY 1180 in Dutch, 832 in
 * Arabic) with the title, what the scan is and the choice of mode out of sight. Now it, the resume screen and the
 * welcome with a finished scan open at their top; Tab still reaches the controls in reading order; a control shows
 * the 3 px ring on keyboard focus (the backup button's hidden file input lends it to its label, a summary has it
 * too); a heading focused by script shows none.
 */

const PHONE = { width: 360, height: 640 };
/** Screenshots to look at (kept out of the repository). */
const SHOTS = process.env['SHOTS_DIR'] ?? 'tests/.artifacts/screens';

const scrollY = (page: Page) => page.evaluate(() => window.scrollY);

/** The outline an element shows now, e.g. "solid 3px" or "none 0px". */
const outline = (el: Locator) =>
  el.evaluate((e) => {
    const s = getComputedStyle(e);
    return `${s.outlineStyle} ${s.outlineWidth}`;
  });

async function expectFocused(target: Locator): Promise<void> {
  await expect.poll(() => isFocused(target)).toBe(true);
}

/** Stores a log on this device through the automation hook, as a candidate's earlier visit would have. */
async function store(page: Page, events: ReturnType<typeof simulatedSession>): Promise<void> {
  await page.waitForFunction(() => window.__talentscan !== undefined);
  await page.evaluate((e) => window.__talentscan?.showSession(e), events);
  await expect(page.locator('ts-results')).toBeVisible();
}

/** Scrolls to the bottom, then reloads: the next screen must not keep that place. */
async function reloadFromTheBottom(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  expect(await scrollY(page)).toBeGreaterThan(0);
  await page.reload();
}

for (const [lang, viewport] of [
  ['nl', PHONE],
  ['ar', PHONE],
  ['nl', { width: 1280, height: 800 }],
] as const) {
  const size = `${viewport.width}×${viewport.height}`;
  test(`landing (${lang}, ${size}, production build): opens at the top with its title in view, and Tab goes mode, consent, Start, backup`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto(`http://127.0.0.1:${PROD_PORT}/?lang=${lang}`);
    const welcome = page.locator('ts-welcome');
    const title = welcome.locator('h1');
    // The title takes the focus (a screen reader starts there): the last focus move of the load, so the scroll it
    // leaves is the one the candidate sees.
    await expectFocused(title);
    expect(await scrollY(page)).toBe(0);
    await expect(title).toBeInViewport();
    expect(await outline(title), 'a heading focused by script shows no ring').toMatch(/^none /);
    await page.screenshot({ path: `${SHOTS}/landing-${lang}-${size}.png` });

    const restore = welcome.locator('label[for="restore-file"]');
    expect(await outline(restore)).toMatch(/^none /);
    for (const next of [
      welcome.getByRole('radio', { checked: true }),
      welcome.getByRole('checkbox'),
      welcome.locator('button[data-start]'),
      welcome.locator('#restore-file'),
    ]) {
      await page.keyboard.press('Tab');
      await expectFocused(next);
    }
    // The file input itself is out of sight; its label shows the ring the other controls show, and is in view.
    expect(await outline(restore)).toBe('solid 3px');
    await expect(restore).toBeInViewport();
    await page.screenshot({ path: `${SHOTS}/landing-${lang}-${size}-backup-focused.png` });
  });
}

test('nl, 360×640: the resume screen and the welcome with a finished scan open at their top; the results title shows no ring after a click, a summary the 3 px ring', async ({
  page,
}) => {
  await page.setViewportSize(PHONE);
  await page.goto('/?automation=1&lang=nl&battery=short');
  const scan = page.locator('ts-scan');

  // A finished scan on the device: the welcome opens at its title, the focus on "open my results" under it.
  await store(page, simulatedSession({ battery: 'short', seed: 5, sessionId: 'landing-finished', timeOrigin: Date.UTC(2026, 10, 28, 12) }));
  await reloadFromTheBottom(page);
  const open = scan.locator('section.past [data-past-open]');
  await expectFocused(open);
  expect(await scrollY(page)).toBe(0);
  await expect(page.locator('ts-welcome h1')).toBeInViewport();
  await expect(open).toBeInViewport();
  await page.screenshot({ path: `${SHOTS}/landing-finished-nl-phone.png` });

  // Opened by mouse: the focus goes to the results' title (for screen readers), which shows no ring.
  await open.click();
  const resultsTitle = page.locator('ts-results h1');
  await expectFocused(resultsTitle);
  expect(await outline(resultsTitle)).toMatch(/^none /);
  // A disclosure ("Wat betekent dit?") reached by Tab shows the same ring as a button.
  for (const summary of [page.locator('ts-candidate-profile summary').first(), page.locator('ts-results summary').first()]) {
    await tabTo(page, summary, 120);
    expect(await outline(summary)).toBe('solid 3px');
  }
  await page.screenshot({ path: `${SHOTS}/results-summary-focused-nl-phone.png` });

  // An unfinished scan: the resume screen opens at its title; its way on holds the focus without scrolling to it.
  const events = simulatedSession({ battery: 'short', seed: 5, sessionId: 'landing-unfinished' });
  const firstGame = events.find((e) => e.type === 'game-start');
  const cut = events.slice(0, events.findLastIndex((e) => e.type === 'block-end' && firstGame?.type === 'game-start' && e.game === firstGame.game) + 1);
  await page.goto('/?automation=1&lang=nl&battery=short');
  await store(page, cut);
  await reloadFromTheBottom(page);
  const resume = scan.locator('.resume button[data-autofocus]');
  await expectFocused(resume);
  expect(await scrollY(page)).toBe(0);
  await expect(scan.locator('.resume h1')).toBeInViewport();
  await page.screenshot({ path: `${SHOTS}/resume-nl-phone.png` });
  // Its backup button shows the ring when Tab reaches its hidden input.
  const restore = scan.locator('.resume label[for="restore-file"]');
  await tabTo(page, scan.locator('.resume #restore-file'));
  expect(await outline(restore)).toBe('solid 3px');
  await page.screenshot({ path: `${SHOTS}/resume-nl-phone-backup-focused.png` });
});
