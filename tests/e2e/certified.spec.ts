import { expect, test, type Route } from '@playwright/test';
import type { LogEvent } from '../../src/log/events.ts';
import { chainHash, genesisHash, type CreateSessionRequest, type UploadBatchRequest } from '../../src/log/witness.ts';
import { keyboardCorrect, phase, play } from '../support/driver.ts';

/**
 * The browser half of a certified session, against a witness double that lives in this test (routes of the browser
 * context, never part of the product): the page creates the session on the server, takes each game's seed from it,
 * and the recorder worker uploads every batch with the hash chain. The server's copy must equal the local log.
 */
test('certified: the session is created on the server, seeds come from it, and the whole log is uploaded with its chain', async ({ page }) => {
  test.setTimeout(240_000);
  const sessionId = 'srv-session-1';
  const token = 'capability-token-1';
  const server = { created: null as CreateSessionRequest | null, events: [] as LogEvent[], hash: await genesisHash(sessionId), seeds: [] as string[], credentialAsked: 0 };
  const json = (route: Route, status: number, body: unknown) => route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });

  await page.context().route('**/api/sessions**', async (route) => {
    const req = route.request();
    const path = new URL(req.url()).pathname;
    if (req.method() === 'POST' && path === '/api/sessions') {
      server.created = req.postDataJSON() as CreateSessionRequest;
      return json(route, 201, { sessionId, token, serverStart: Date.now(), battery: server.created.battery, normGroup: server.created.normGroup, protocol: 1 });
    }
    if (req.headers()['authorization'] !== `Bearer ${token}`) return json(route, 401, { error: 'token', message: 'no token' });
    const game = path.match(/^\/api\/sessions\/[^/]+\/games\/([^/]+)\/start$/)?.[1];
    if (req.method() === 'POST' && game) {
      server.seeds.push(game);
      return json(route, 200, { game, version: '1', seed: 777 });
    }
    if (req.method() === 'POST' && path === `/api/sessions/${sessionId}/batches`) {
      const body = req.postDataJSON() as UploadBatchRequest;
      if (body.fromSeq !== server.events.length || body.prevHash !== server.hash) return json(route, 409, { error: 'sequence', message: 'not the next batch' });
      if ((await chainHash(server.hash, body.events)) !== body.hash) return json(route, 422, { error: 'chain', message: 'hash' });
      server.events.push(...body.events);
      server.hash = body.hash;
      return json(route, 200, { ackSeq: server.events.length - 1, hash: server.hash });
    }
    if (req.method() === 'GET' && path === `/api/sessions/${sessionId}`) {
      return json(route, 200, { sessionId, ackSeq: server.events.length - 1, hash: server.hash, finished: false, games: server.seeds, credentialIssued: false });
    }
    if (req.method() === 'POST' && path === `/api/sessions/${sessionId}/credential`) {
      server.credentialAsked++;
      return json(route, 503, { error: 'test-double', message: 'This test stops before issuance.' });
    }
    return json(route, 404, { error: 'not-found', message: path });
  });

  await page.goto('/?automation=1&lang=en&battery=reaction&timescale=4');
  await page.locator('input[name="mode"][value="certified"]').check();
  await page.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect.poll(() => phase(page)).toBe('intro');
  expect(server.created).toMatchObject({ battery: 'reaction', lang: 'en', consent: { mode: 'certified', textVersion: 'certified-2026-12-v1' } });

  await play(page, keyboardCorrect, { rtMs: 200 });
  await expect.poll(() => phase(page), { timeout: 30_000 }).toBe('done');
  await expect.poll(async () => (await page.evaluate(() => window.__talentscan?.upload()))?.state, { timeout: 30_000 }).toBe('synced');

  const local = (await page.evaluate(() => window.__talentscan?.events())) ?? [];
  expect(local[0]).toMatchObject({ type: 'session-start', sessionId });
  expect(local[2]).toMatchObject({ type: 'consent', mode: 'certified', textVersion: 'certified-2026-12-v1' });
  expect(local.find((e) => e.type === 'game-start')).toMatchObject({ game: 'reaction', seed: 777 });
  expect(server.seeds).toEqual(['reaction']);
  expect(local.at(-1)?.type).toBe('session-end');
  expect(server.events).toEqual(local);

  // The credential is asked of the server for ITS copy; the double stops there and the page says so.
  const credential = page.locator('ts-credential');
  await credential.getByRole('button', { name: /credential/i }).click();
  await expect(credential.getByRole('alert')).toBeVisible();
  expect(server.credentialAsked).toBe(1);
});

test('practice: no credential, said plainly, with the certified mode offered for next time', async ({ page }) => {
  await page.goto('/?automation=1&lang=en');
  const events: LogEvent[] = [
    { type: 'session-start', seq: 0, page: 0, t: 0, sessionId: 'p1', schema: 1, appVersion: '0.1.0', battery: 'reaction', lang: 'en' },
    { type: 'session-end', seq: 1, page: 0, t: 1 },
  ];
  await page.evaluate((e) => window.__talentscan?.showSession(e), events);
  await expect(page.locator('ts-credential')).toContainText('This was a practice scan');
  await expect(page.locator('ts-credential')).toContainText('Choose "Certified" next time');
  await expect(page.locator('ts-credential').getByRole('button')).toHaveCount(0);
});
