import { expect, test } from '@playwright/test';
import type { GameScore } from '../../src/runtime/game-contract.ts';
import { phase, play, startScan } from '../support/driver.ts';
import { EVERY_GAME, RESPONDERS } from '../support/responders.ts';

/**
 * Every registered game, played end to end from the scan route through the automation hook with its manifest's test
 * responder. To keep the suite short the game clock runs at TIME_SCALE× (automation only); such a session carries
 * the 'time-scaled' flag, which the test checks. Reaction is also played at real speed in reaction.spec.ts.
 */
const TIME_SCALE = 4;

for (const game of EVERY_GAME) {
  test(`${game}: played to the results screen`, async ({ page }) => {
    test.setTimeout(300_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setViewportSize({ width: 1024, height: 768 });
    await startScan(page, { battery: game, seed: 11, timeScale: TIME_SCALE });
    const respond = RESPONDERS[game];
    if (!respond) throw new Error(game);
    await play(page, respond, { rtMs: 200 });
    await expect.poll(() => phase(page), { timeout: 30_000 }).toBe('done');
    const scores = (await page.evaluate(async () => {
      const id = window.__talentscan?.sessionId();
      return id ? (await window.__talentscan?.events())?.length : 0;
    })) as number;
    expect(scores).toBeGreaterThan(10);
    await expect(page.locator('ts-results').getByRole('heading', { name: 'Your results' })).toBeVisible();
    const results = (await page.locator('ts-results').evaluate((el) => (el as unknown as { scores: GameScore[] }).scores)) as GameScore[];
    const score = results.find((s) => s.game === game);
    expect(score?.trials).toBeGreaterThan(0);
    expect(Object.values(score?.metrics ?? {}).filter((m) => m.value !== null).length).toBeGreaterThan(0);
    expect(score?.flags.map((f) => f.code)).toContain('time-scaled');
    expect(errors).toEqual([]);
  });
}
