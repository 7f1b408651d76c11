import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

/** The optional device check on the welcome screen: measures, explains, takes one practice answer, goes back. */
for (const [lang, viewport] of [
  ['nl', { width: 360, height: 640 }],
  ['ar', { width: 1280, height: 800 }],
] as const) {
  test(`device check (${lang}, ${viewport.width}×${viewport.height}): readable, accessible, answerable by keyboard`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto(`/?lang=${lang}`);
    const open = lang === 'nl' ? 'Eerst mijn apparaat controleren' : 'افحص جهازي أولًا';
    await page.getByRole('button', { name: open }).click();
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
    await expect(page.locator('ts-scan fieldset.mode')).toBeVisible();
  });
}
