import { expect, test } from '@playwright/test';
import { BATTERIES } from '../../src/runtime/batteries.ts';
import { phase, play, startScan } from '../support/driver.ts';
import { RESPONDERS } from '../support/responders.ts';

/**
 * The short battery from the scan route to the results: a break screen between games, a progress bar over the whole
 * battery. Game clocks run at 4× (automation only; see games.spec.ts); the standard battery is played in real time
 * by `npm run bench:battery -- --play standard`.
 */
test('short battery: every game, breaks between them, progress over the whole battery, results for all', async ({ page }) => {
  test.setTimeout(420_000);
  const games = BATTERIES['short']?.games ?? [];
  expect(games.length).toBeGreaterThan(1);
  await startScan(page, { battery: 'short', seed: 21, timeScale: 4 });
  const progressBar = page.locator('ts-scan').getByRole('progressbar');
  const progress: number[] = [];
  for (const [i, game] of games.entries()) {
    await expect(page.locator('ts-scan').getByText(`Game ${i + 1} of ${games.length}`)).toBeVisible();
    progress.push(Number(await progressBar.getAttribute('aria-valuenow')));
    const respond = RESPONDERS[game];
    if (!respond) throw new Error(game);
    await play(page, respond, { rtMs: 200 });
    if (i < games.length - 1) {
      await expect.poll(() => phase(page)).toBe('break');
      await expect(page.getByRole('heading', { name: 'Well done!' })).toBeVisible();
      progress.push(Number(await progressBar.getAttribute('aria-valuenow')));
      await page.getByRole('button', { name: 'Next game' }).click();
    }
  }
  await expect.poll(() => phase(page), { timeout: 30_000 }).toBe('done');
  for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1] ?? 0);
  expect(progress[0]).toBe(0);
  expect(progress.at(-1)).toBeLessThan(100);
  const results = page.locator('ts-results');
  await results.getByText('Raw measurements per game').click();
  for (const name of ['Reaction', 'Arrows', 'Block sequence']) await expect(results.getByRole('table', { name })).toBeVisible();
});
