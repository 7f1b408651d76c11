import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { PROD_PORT } from '../../playwright.config.ts';
import { keyboardCorrect, phase, play, pressStart, startScan } from '../support/driver.ts';

const SIZES = { phone: { width: 360, height: 640 }, desktop: { width: 1280, height: 800 } } as const;

async function expectAccessible(page: Page, label: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(result.violations.map((v) => `${label}: ${v.id} ${v.help} (${v.nodes.length})`)).toEqual([]);
}

for (const [name, viewport] of Object.entries(SIZES)) {
  test(`welcome, intro and placeholder routes meet WCAG 2.2 AA (${name})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await expect(page.getByRole('heading', { name: 'Ontdek hoe jij denkt en werkt' })).toBeVisible();
    await expectAccessible(page, 'welcome nl');
    await page.screenshot({ path: `tests/.artifacts/screens/welcome-${name}.png` });

    await page.goto('/?lang=ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expectAccessible(page, 'welcome ar');
    await page.screenshot({ path: `tests/.artifacts/screens/welcome-ar-${name}.png` });

    await startScan(page, { lang: 'en' });
    await expectAccessible(page, 'intro');
    await page.screenshot({ path: `tests/.artifacts/screens/intro-${name}.png` });

    for (const route of ['/coach', '/embed']) {
      await page.goto(route);
      await expectAccessible(page, route);
    }
  });
}

test('the results screen meets WCAG 2.2 AA', async ({ page }) => {
  await page.setViewportSize(SIZES.phone);
  await startScan(page, { seed: 7, timeScale: 4 });
  await play(page, keyboardCorrect, { rtMs: 150 });
  await expect.poll(() => phase(page), { timeout: 20_000 }).toBe('done');
  await expectAccessible(page, 'results');
  await page.screenshot({ path: 'tests/.artifacts/screens/results-phone.png', fullPage: true });

  // The quality notes under the raw measurements speak the page's language, with their numbers (a test play at 4×);
  // the scorers' English details are one click further, for researchers (src/shell/flag-messages.ts).
  const results = page.locator('ts-results');
  await results.getByText('Raw measurements per game').click();
  const notes = results.locator('ul.flags').first();
  await expect(notes).toContainText('This was an automatic test run at 4× speed, not a real play. It is not a measurement.');
  await expect(notes).not.toHaveAttribute('lang', /.+/);
  const technical = results.getByText('Technical notes (in English, for researchers)').first();
  await expect(results.getByText(/Automated test play with the game clock at 4× speed/).first()).toBeHidden();
  await technical.click();
  await expect(results.getByText(/time-scaled: Automated test play with the game clock at 4× speed/).first()).toBeVisible();
  await expectAccessible(page, 'results, raw measurements and notes open');

  await page.getByRole('combobox', { name: 'Language' }).selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(notes).toContainText('كانت هذه جولة اختبار آلية بسرعة');
  await expectAccessible(page, 'results in Arabic, notes open');
});

test('the language menu switches every string and the direction', async ({ page }) => {
  await page.goto('/?lang=en');
  await expect(page.getByRole('heading', { name: 'Discover how you think and work' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('uk');
  await expect(page.getByRole('heading', { name: 'Дізнайтеся, як ви думаєте і працюєте' })).toBeVisible();
  await page.getByRole('combobox').selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { name: 'اكتشف كيف تفكّر وتعمل' })).toBeVisible();
});

test('consent is asked before anything is stored', async ({ page }) => {
  await page.goto('/?lang=en&automation=1');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Please tick the box');
  expect(await page.evaluate(() => window.__talentscan?.sessionId() ?? null)).toBeNull();
});

test('the production build has no automation hook, even when asked for', async ({ page }) => {
  await page.goto(`http://127.0.0.1:${PROD_PORT}/?automation=1&lang=en`);
  await page.getByRole('checkbox').check();
  await pressStart(page);
  await expect(page.getByRole('button', { name: 'Start', exact: true })).toBeVisible();
  expect(await page.evaluate(() => typeof window.__talentscan)).toBe('undefined');
});
