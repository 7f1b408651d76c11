import AxeBuilder from '@axe-core/playwright';
import { expect, type Frame, type Page, test } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { DEMO_HOST_PORT, TEST_PORT } from '../../playwright.config.ts';
import { freePort } from '../../src/server/testing/free-port.ts';
import { xapiWarnings } from '../../src/server/xapi-rules.ts';
import { humanRts, passDeviceCheck, phase, play, playBattery } from '../support/driver.ts';
import { anyGame } from '../support/responders.ts';

/**
 * Embedding across three origins: Talentscan (TEST_PORT), the demo pilot's host page (DEMO_HOST_PORT), and a stranger
 * this test serves on a port of its own. The demo host mounts the scan with the SDK, talks to it (setLocale, start,
 * pause), and a certified session of the demo pilot's battery — the short battery (Reaction, Flanker, Corsi), about ten
 * minutes at real speed: a witnessed session is checked against the server's clock, so it cannot be played faster —
 * is played through the automation hook in the frame. The host gets every event in order and a result with only what
 * the pilot's `share: "domains"` allows; the candidate makes a credential, which the server issues from ITS copy of the
 * log, and /verify accepts. The stranger cannot frame the scan (CSP frame-ancestors), its forged commands are
 * ignored, and it never hears a word. Its own Playwright project starts it first, beside the other tests.
 */
const TALENTSCAN = `http://127.0.0.1:${TEST_PORT}`;
const HOST = `http://127.0.0.1:${DEMO_HOST_PORT}`;
const SHOTS = 'tests/.artifacts/screens';

interface Received {
  type: string;
  payload: Record<string, unknown>;
}

/** The stranger's origin: a blank page that records every message it receives, and a page that tries to frame the scan. */
async function strangerServer(): Promise<{ url: string; close(): Promise<void> }> {
  const port = await freePort();
  const record = 'window.received = []; addEventListener("message", (e) => window.received.push({ origin: e.origin, data: e.data }));';
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname === '/frame') {
      const hostOrigin = url.searchParams.get('as') ?? '';
      const src = `${TALENTSCAN}/embed?pilot=demo&embedId=stranger-1&hostOrigin=${encodeURIComponent(hostOrigin)}`;
      res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><title>stranger</title><script>${record}</script><iframe src="${src}"></iframe>`);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><title>stranger</title><script>${record}</script>`);
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(() => ok())) };
}

const received = (host: Page) => host.evaluate(() => (window as unknown as { receivedEvents: Received[] }).receivedEvents);

async function expectAccessible(page: Page, label: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(result.violations.map((v) => `${label}: ${v.id} ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`)).toEqual([]);
}

async function scanFrame(host: Page): Promise<Frame> {
  await expect.poll(() => host.frames().some((f) => f.url().startsWith(`${TALENTSCAN}/embed`))).toBe(true);
  const frame = host.frames().find((f) => f.url().startsWith(`${TALENTSCAN}/embed`));
  if (!frame) throw new Error('no scan frame');
  return frame;
}

test('a pilot page embeds a certified scan; events arrive in order with only what the pilot may see; strangers get nothing', async ({ page }) => {
  test.setTimeout(1_200_000);
  mkdirSync(SHOTS, { recursive: true });
  const stranger = await strangerServer();
  try {
    // The stranger opens the pilot's page, so it holds a reference to the window and its scan frame.
    await page.goto(`${stranger.url}/`);
    const popup = page.waitForEvent('popup');
    await page.evaluate((url) => {
      (window as unknown as { hostWindow: Window | null }).hostWindow = window.open(url);
    }, `${HOST}/?automation=1`);
    const host = await popup;
    await host.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(async () => (await received(host))?.some((e) => e.type === 'ready') ?? false, { timeout: 30_000 }).toBe(true);
    const frame = await scanFrame(host);
    const embedId = await host.evaluate(() => (window as unknown as { talentscanHandle: { embedId: string } }).talentscanHandle.embedId);
    const intro = frame.getByRole('heading', { name: /invites you|nodigt je uit/ });
    await expect(intro).toBeVisible();
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe('nl');

    // Forgeries: the right shape and embedId from the wrong origin (the stranger), the right origin with a wrong embedId.
    await page.evaluate((id) => {
      const frameWindow = (window as unknown as { hostWindow: Window }).hostWindow.frames[0];
      for (const [type, payload] of [
        ['setLocale', { locale: 'ar' }],
        ['start', {}],
      ] as const) {
        frameWindow?.postMessage({ source: 'talentscan', version: '1.0', embedId: id, type, payload }, '*');
      }
    }, embedId);
    await host.evaluate((origin) => {
      const iframe = document.querySelector('#scan iframe') as HTMLIFrameElement;
      for (const [type, payload] of [
        ['setLocale', { locale: 'ar' }],
        ['start', {}],
      ] as const) {
        iframe.contentWindow?.postMessage({ source: 'talentscan', version: '1.0', embedId: 'forged-embed-id', type, payload }, origin);
      }
    }, TALENTSCAN);
    // The real host hears that they were ignored (counts only); nothing changed in the scan.
    await expect
      .poll(
        async () => {
          const debug = (await received(host)).filter((e) => e.type === 'debug').at(-1)?.payload['ignored'] as Record<string, number> | undefined;
          return (debug?.['wrong-origin'] ?? 0) >= 2 && (debug?.['wrong-embed-id'] ?? 0) >= 2;
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe('nl');
    await expect(intro).toBeVisible();

    // The host's own commands are obeyed.
    await host.locator('select[data-cmd="setLocale"]').selectOption('en');
    await expect(frame.getByRole('heading', { name: 'Demo pilot (Talentscan) invites you to do the Talentscan' })).toBeVisible();
    await expectAccessible(host, 'embed intro');
    await host.screenshot({ path: `${SHOTS}/embed-intro-1280.png` });
    await host.getByRole('button', { name: 'start' }).click();
    const consent = frame.locator('ts-scan');
    await expect(consent.getByText('Demo pilot (Talentscan) receives:')).toBeVisible();
    await expect(consent.locator('input[name="mode"]')).toHaveCount(0);
    // This context's quota is an incognito one's, but in another site's frame the warning may not blame a private window.
    await expect(consent.locator('p.framed-storage')).toBeVisible();
    await expect(consent.getByText('This looks like a private window')).toHaveCount(0);
    await expectAccessible(host, 'embed consent');
    await host.screenshot({ path: `${SHOTS}/embed-consent-1280.png` });
    await host.setViewportSize({ width: 360, height: 640 });
    await host.screenshot({ path: `${SHOTS}/embed-consent-360.png`, fullPage: true });
    await expectAccessible(host, 'embed consent 360');
    await host.setViewportSize({ width: 1280, height: 800 });

    await frame.getByRole('checkbox').check();
    await frame.getByRole('button', { name: 'Start', exact: true }).click();
    await passDeviceCheck(frame);
    await expect.poll(() => phase(frame), { timeout: 20_000 }).toBe('intro');
    // The demo host's backend vouched for the session with one start token, which cannot start another session (asked
    // now, while the token lives: after the battery it would be refused as expired first).
    const tokens = await host.evaluate(() => (window as unknown as { startTokens: string[] }).startTokens);
    expect(tokens).toHaveLength(1);
    const replay = await fetch(`${TALENTSCAN}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: TALENTSCAN },
      body: JSON.stringify({
        battery: 'short',
        normGroup: 'sro-provisional-all',
        lang: 'en',
        consent: { textVersion: 'x', mode: 'certified', acceptedAt: 0 },
        pilot: 'demo',
        embedId,
        startToken: tokens[0],
      }),
    });
    expect(await replay.json()).toMatchObject({ error: 'start-token-replayed' });
    const rts = humanRts(11);
    await play(frame, anyGame, { rtMs: rts, stop: (answered, p) => (answered >= 2 && p === 'running') || p === 'break' || p === 'done' });
    await host.screenshot({ path: `${SHOTS}/embed-game-1280.png` });
    // pause, sent as a pilot's script would (a click on the host page would blur the frame first).
    await host.evaluate(() => (window as unknown as { talentscanHandle: { pause(): void } }).talentscanHandle.pause());
    await expect.poll(() => phase(frame)).toBe('paused');
    await frame.locator('ts-scan section.panel button').click();
    const started = Date.now();
    await playBattery(frame, anyGame, { rtMs: rts });
    console.log(`embed: the short battery played in ${((Date.now() - started) / 1000).toFixed(0)} s after the pause`);
    await expect.poll(() => phase(frame), { timeout: 30_000 }).toBe('done');
    // The server accepted every batch of the pilot's session (its consent version included).
    await expect.poll(async () => (await frame.evaluate(() => window.__talentscan?.upload()))?.state, { timeout: 30_000 }).toBe('synced');
    const log = (await frame.evaluate(() => window.__talentscan?.events())) ?? [];
    expect(log.filter((e) => e.type === 'interruption').map((e) => (e as { reason: string }).reason)).toContain('host-pause');
    expect(log.find((e) => e.type === 'consent')).toMatchObject({ mode: 'certified', textVersion: expect.stringMatching(/^certified-.+\+embed-v2$/) });

    await expect.poll(async () => (await received(host)).some((e) => e.type === 'scan.completed'), { timeout: 60_000 }).toBe(true);
    await expect.poll(async () => (await received(host)).filter((e) => e.type === 'xapi.statement').length, { timeout: 20_000 }).toBe(4);
    const events = await received(host);
    const flow = events.map((e) => e.type).filter((t) => t !== 'resize' && t !== 'debug');
    expect(flow.filter((t, i) => t !== 'ready' || flow[i - 1] !== 'ready')).toEqual([
      'ready',
      'scan.started',
      ...['reaction', 'flanker', 'corsi'].flatMap(() => ['game.started', 'game.completed', 'xapi.statement']),
      'scan.completed',
      'xapi.statement',
    ]);
    const sessionId = events.find((e) => e.type === 'scan.started')?.payload['sessionId'];
    const games = ['reaction', 'flanker', 'corsi'];
    expect(events.find((e) => e.type === 'scan.started')?.payload).toEqual({ sessionId, battery: 'short', games });
    expect(events.filter((e) => e.type === 'game.completed').map((e) => e.payload)).toEqual(
      games.map((game, index) => ({ game, index, of: 3, progress: expect.closeTo((index + 1) / 3, 5) })),
    );
    expect(events.filter((e) => e.type === 'resize').every((e) => (e.payload['height'] as number) > 0)).toBe(true);
    for (const s of events.filter((e) => e.type === 'xapi.statement')) {
      expect(xapiWarnings(s.payload)).toEqual([]);
      expect((s.payload['context'] as { registration: string }).registration).toBe(sessionId);
    }
    // share "domains": the summary and the domains with their norm; no role fits, no credential offer.
    const completed = events.find((e) => e.type === 'scan.completed')?.payload as { sessionId: string; result: Record<string, unknown> };
    expect(completed.sessionId).toBe(sessionId);
    expect(Object.keys(completed.result).sort()).toEqual(['completed', 'domains', 'durationSec', 'games', 'norm']);
    // The domains are the profile's measured ones against the pilot's norm group, as the worker computes them: the
    // short battery's three. Software rendering beside the other tests loses frames, but onsets measured at
    // presentation keep the times (display-stutter, not frame-drops), so speed and attention stay measured.
    const profile = await frame.evaluate(() => window.__talentscan?.profile('sro-provisional-all'));
    const measured = (profile?.domains ?? []).filter((d) => d.status === 'measured' && d.sten !== undefined);
    const why = (profile?.domains ?? []).filter((d) => d.status !== 'measured').map((d) => `${d.domain}: ${d.metrics.map((m) => m.excludedReason).join('; ')}`);
    expect(measured.map((d) => d.domain).sort(), why.join(' | ')).toEqual(['processing-speed', 'selective-attention', 'working-memory']);
    const domains = completed.result['domains'] as { domain: string; sten: number; low: number; high: number }[];
    expect(domains).toEqual(measured.map((d) => ({ domain: d.domain, sten: d.sten, low: expect.any(Number), high: expect.any(Number) })));
    expect(completed.result['norm']).toMatchObject({ id: 'sro-provisional-all', provisional: true });
    await expect(frame.locator('ts-results').getByRole('heading', { name: 'Your results' })).toBeVisible();
    await expectAccessible(host, 'embed results');
    await host.screenshot({ path: `${SHOTS}/embed-results-1280.png` });
    await host.setViewportSize({ width: 360, height: 640 });
    await host.screenshot({ path: `${SHOTS}/embed-results-360.png` });
    await host.setViewportSize({ width: 1280, height: 800 });

    // The candidate's credential: issued by the server from its own witnessed copy of the short battery, and valid.
    const results = frame.locator('ts-results');
    await results.getByRole('button', { name: 'Make my credential' }).click();
    await expect(results.getByText('Your credential is ready.')).toBeVisible({ timeout: 30_000 });
    const [download] = await Promise.all([host.waitForEvent('download'), results.getByRole('button', { name: 'Download credential (.jwt)' }).click()]);
    const credential = await readFile((await download.path()) ?? '', 'utf8');
    const verifier = await host.context().newPage();
    await verifier.goto(`${TALENTSCAN}/verify?lang=en`);
    await verifier.getByRole('textbox', { name: 'Credential (text)' }).fill(credential);
    await verifier.getByRole('button', { name: 'Check' }).click();
    await expect(verifier.getByText(/^Valid: signed by/)).toBeVisible({ timeout: 20_000 });
    const assurance = verifier.locator('ts-verify ul.assurance');
    await expect(assurance).toContainText('Certified: the issuer witnessed the session');
    await expect(assurance).toContainText('Reaction');
    await expect(assurance).toContainText('Block sequence');
    // The demo host's backend vouched for the session with its start token, and the credential says so.
    await expect(assurance).toContainText('Embedded by the pilot Demo pilot (Talentscan): its own server signed a single-use start token');
    await verifier.close();

    // The stranger heard nothing, from first to last.
    expect(await page.evaluate(() => (window as unknown as { received: unknown[] }).received)).toEqual([]);

    // A stranger that frames the scan — as itself, or pretending to be the demo host — is refused by the browser.
    const refused: string[] = [];
    page.on('console', (m) => {
      if (/frame-ancestors/.test(m.text())) refused.push(m.text());
    });
    for (const as of [stranger.url, HOST]) {
      await page.goto(`${stranger.url}/frame?as=${encodeURIComponent(as)}`);
      await expect.poll(() => refused.length, { timeout: 10_000 }).toBeGreaterThan(0);
      refused.length = 0;
      const framed = page.frames().filter((f) => f !== page.mainFrame());
      expect(framed).toHaveLength(1);
      expect(await framed[0]!.evaluate(() => document.querySelector('ts-app') !== null).catch(() => false)).toBe(false);
      await page.waitForTimeout(1000);
      expect(await page.evaluate(() => (window as unknown as { received: unknown[] }).received)).toEqual([]);
    }
  } finally {
    await stranger.close();
  }
});
