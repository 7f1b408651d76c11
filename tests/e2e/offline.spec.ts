import { expect, test } from '@playwright/test';
import { phase, play, startScan } from '../support/driver.ts';
import { RESPONDERS } from '../support/responders.ts';

/**
 * Offline after load: once the app has loaded, the service worker has precached the app and every game, so a scan
 * opened and played without a connection still works — the Phaser chunk and the game's scene come from the cache.
 */
test('after one load, the scan opens and a game plays with the connection gone', async ({ page, context }) => {
  test.setTimeout(180_000);
  await page.goto('/?lang=en');
  const precached = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    const keys = await caches.keys();
    const entries = (await Promise.all(keys.map(async (k) => (await caches.open(k)).keys()))).flat().map((r) => new URL(r.url).pathname);
    return { active: !!reg.active, entries };
  });
  expect(precached.active).toBe(true);
  expect(precached.entries).toContain('/index.html');
  expect(precached.entries.some((p) => p.startsWith('/assets/') && p.endsWith('.js'))).toBe(true);

  await context.setOffline(true);
  await startScan(page, { battery: 'flanker', seed: 3, timeScale: 4 });
  const respond = RESPONDERS.flanker;
  if (!respond) throw new Error('no flanker responder');
  const answered = await play(page, respond, { rtMs: 150, stop: (n) => n >= 6 });
  expect(answered).toBeGreaterThanOrEqual(6);
  expect(await phase(page)).toBe('running');
  expect(await page.evaluate(() => performance.getEntriesByName('talentscan:scene-started:flanker').length)).toBeGreaterThan(0);
  await context.setOffline(false);
});
