import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

/** The device check, step 2 of the start: measures, explains, takes one practice answer, then starts the scan. */
for (const [lang, viewport] of [
  ['nl', { width: 360, height: 640 }],
  ['ar', { width: 1280, height: 800 }],
] as const) {
  test(`device check (${lang}, ${viewport.width}×${viewport.height}): readable, accessible, answerable by keyboard`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto(`/?lang=${lang}`);
    // Step 2 of the start: after the mode and the consent.
    await page.locator('ts-welcome').getByRole('checkbox').check();
    await page.locator('ts-welcome button[data-start]').click();
    const check = page.locator('ts-device-check');
    await expect(check.locator('li').first()).toBeVisible();
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    expect(result.violations.map((v) => `${v.id} ${v.help}`)).toEqual([]);
    await page.screenshot({ path: `tests/.artifacts/screens/device-check-${lang}.png`, fullPage: true });
    const practice = check.locator('.practice button');
    const proceed = check.locator('.actions button[data-autofocus]');
    await expect(proceed).toBeDisabled();
    await practice.focus();
    await page.keyboard.press('Enter');
    await expect(check.locator('.practice [role="status"]')).not.toBeEmpty();
    await expect(proceed).toBeEnabled();
    await proceed.click();
    // The way on starts the scan: the first game's intro.
    await expect(page.locator('ts-scan section.panel button[data-autofocus]')).toBeVisible();
  });
}
