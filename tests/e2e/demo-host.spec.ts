import { expect, test } from '@playwright/test';
import { DEMO_HOST_PORT } from '../../playwright.config.ts';
import '../../src/runtime/device-check-messages.ts';
import { wordsIn } from '../support/words.ts';

/**
 * The demo pilot's page on a 360×640 phone: the scan's frame gets the whole width (it was 296 px inside the page's
 * and the card's padding, under the games' 300 px, so the device check told the candidate the screen was too small),
 * and the device check in the frame says nothing about the frame's coarser timer (no cross-origin isolation in a
 * pilot's page: a 100 µs grain, far under what the scan measures, so nothing for the candidate to act on).
 */
test('demo host, nl, 360×640: the frame is the full width and the device check finds the screen fit, without a timer note', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto(`http://127.0.0.1:${DEMO_HOST_PORT}/`);
  const iframe = page.locator('#scan iframe');
  await expect(iframe).toBeVisible();
  expect((await iframe.boundingBox())?.width).toBe(360);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  const frame = page.frameLocator('#scan iframe');
  // The pilot's invitation first (its one button), then the welcome with the consent.
  await expect(frame.getByRole('heading', { name: /nodigt je uit/ })).toBeVisible();
  await frame.getByRole('main').getByRole('button').click();
  await frame.locator('ts-welcome').getByRole('checkbox').check();
  await frame.locator('ts-welcome button[data-start]').click();
  const check = frame.locator('ts-device-check');
  await expect(check.locator('li').first()).toBeVisible();
  const say = wordsIn('nl');
  await expect(check.getByText(say('device.screen.ok'))).toBeVisible();
  await expect(check.getByText(say('device.screen.small'))).toHaveCount(0);
  await expect(check.getByText(say('device.timer.coarse'))).toHaveCount(0);
  await page.screenshot({ path: `${process.env['SHOTS_DIR'] ?? 'tests/.artifacts/screens'}/demo-host-device-check-nl-phone.png`, fullPage: true });
});
