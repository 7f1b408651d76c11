import { expect, type Page, test } from '@playwright/test';
import { simulatedSession } from '../../src/server/fixtures/session-log.ts';
import { phase } from '../support/driver.ts';

/**
 * A game's intro on a 360 px phone: Start and the demo's pause/play toggle share one row in every shell language
 * (the toggle's label wraps inside it where the row is narrow), nothing scrolls sideways, and pressing the toggle
 * never changes its size (a resize would move the stage under the demo). Reached from a stored session cut after its
 * first game (resume → break → intro), so nothing is played.
 */

/** Screenshots to look at (kept out of the repository). */
const SHOTS = process.env['SHOTS_DIR'] ?? 'tests/.artifacts/screens';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function boxes(page: Page): Promise<{ start: Box; toggle: Box; panel: Box }> {
  const scan = page.locator('ts-scan');
  const box = async (selector: string) => {
    const b = await scan.locator(selector).boundingBox();
    if (!b) throw new Error(`${selector} is not shown`);
    return b;
  };
  return { start: await box('.panel .actions button[data-autofocus]'), toggle: await box('.panel .demo-toggle'), panel: await box('.panel') };
}

test('the intro buttons share one row at 360×640 in nl, en, uk and ar, and the toggle keeps its size when pressed', async ({ page }) => {
  const started = Date.now();
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto('/?automation=1&lang=nl&battery=short');
  await page.waitForFunction(() => window.__talentscan !== undefined);
  const events = simulatedSession({ battery: 'short', seed: 5, sessionId: 'intro-layout' });
  const firstGame = events.find((e) => e.type === 'game-start');
  const cut = events.slice(0, events.findLastIndex((e) => e.type === 'block-end' && firstGame?.type === 'game-start' && e.game === firstGame.game) + 1);
  await page.evaluate((e) => window.__talentscan?.showSession(e), cut);
  await page.reload();
  const scan = page.locator('ts-scan');
  await scan.locator('.resume button[data-autofocus]').click();
  await expect.poll(() => phase(page)).toBe('break');
  await scan.locator('.break button').click();
  await expect.poll(() => phase(page)).toBe('intro');
  await expect(scan.locator('.panel .demo-toggle')).toBeVisible();

  for (const lang of ['nl', 'en', 'uk', 'ar'] as const) {
    await page.locator('ts-app select').selectOption(lang);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    const { start, toggle, panel } = await boxes(page);
    // One row: the two buttons' middles at one height; both inside the panel; no sideways scroll.
    expect(Math.abs(start.y + start.height / 2 - (toggle.y + toggle.height / 2)), lang).toBeLessThan(2);
    for (const b of [start, toggle]) {
      expect(b.x, lang).toBeGreaterThanOrEqual(panel.x);
      expect(b.x + b.width, lang).toBeLessThanOrEqual(panel.x + panel.width);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth), lang).toBeLessThanOrEqual(360);
    await page.screenshot({ path: `${SHOTS}/intro-${lang}-phone.png` });
    // Pause, then play again: the toggle's box never changes.
    await scan.locator('.panel .demo-toggle').click();
    expect((await boxes(page)).toggle, `${lang} paused`).toEqual(toggle);
    await scan.locator('.panel .demo-toggle').click();
    expect((await boxes(page)).toggle, `${lang} playing`).toEqual(toggle);
  }
  console.log(`intro layout: ${((Date.now() - started) / 1000).toFixed(1)} s`);
});
