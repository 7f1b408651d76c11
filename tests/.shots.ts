import { chromium } from '@playwright/test';
import { chromiumLaunchOptions } from './support/chromium.ts';
const games = process.argv.slice(2);
const browser = await chromium.launch(chromiumLaunchOptions());
for (const [label, vp] of [['phone', { width: 360, height: 640 }], ['desktop', { width: 1280, height: 800 }]] as const) {
  for (const g of games) {
    const page = await browser.newPage({ viewport: vp });
    page.on('pageerror', (e) => console.log(g, 'pageerror:', e.message));
    page.on('console', (m) => { if (m.type() === 'error') console.log(g, 'console:', m.text()); });
    await page.goto(`http://127.0.0.1:4319/?automation=1&lang=en&battery=${g}&seed=5`);
    await page.getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await page.waitForTimeout(1800);
    await page.screenshot({ path: `/tmp/shots/${g}-${label}-intro.png` });
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    try {
      await page.waitForFunction(() => (window.__talentscan?.onsets.length ?? 0) > 0, null, { timeout: 15000 });
      await page.waitForTimeout(60);
      await page.screenshot({ path: `/tmp/shots/${g}-${label}-run.png` });
    } catch (e) { console.log(g, 'no onset', String(e).slice(0, 200)); await page.screenshot({ path: `/tmp/shots/${g}-${label}-run.png` }); }
    await page.close();
  }
}
await browser.close();
