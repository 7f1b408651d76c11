/**
 * `npm run bench:web` — what the candidate's browser pays: bytes, time until usable, game load, frames.
 *
 * 1. Landing page, production build, served compressed by our own server: JS and CSS transferred (encoded bytes, as
 *    on the wire) and everything transferred; budget 150 KB of JS + CSS.
 * 2. Time until the landing page is usable (its start button present and enabled, ms from navigation start), and
 *    each game's load time (start button → its Phaser scene started, which needs the Phaser chunk, the game's boot
 *    and the scene's chunk: the `talentscan:scene-started:<id>` mark), both with 4× CPU throttling, on a fresh browser
 *    context (cold cache) each time.
 * 3. Frames while a game runs (Reaction, desktop 1280×800, unthrottled and 4× throttled): rAF intervals sampled in the
 *    page during the running blocks; the share within 1.5× the median interval (budget ≥ 95% unthrottled).
 *    The page chooses its renderer (src/runtime/renderer-choice.ts); the same measure with WebGL and with the 2D canvas
 *    forced shows what the choice is worth on this machine.
 * 4. What the theme's effects cost while a stimulus is up, from the frame telemetry the log itself carries: Reaction
 *    played twice in one browser, with the effects (flying tokens, badges) and with reduced motion (no effects), and
 *    the test blocks' `block-end` frames compared (frames lost while a target was shown, trials that lost any).
 * 5. The host SDK for pilots: /embed.js and /embed.mjs gzipped (budget 3 KB).
 * Numbers are printed, never asserted. Headless Chromium renders in software here: frame numbers are a floor.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { GAMES } from '../../games/registry.ts';
import { buildApp } from '../../src/server/app.ts';
import { chromiumLaunchOptions, resolveChromium } from '../support/chromium.ts';
import { play, pressStart } from '../support/driver.ts';
import { RESPONDERS } from '../support/responders.ts';

const LANDING_BUDGET_KB = 150;
const SDK_BUDGET_KB = 3;

async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const app = await buildApp({ appDir: resolve(dir) });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return { url, close: () => app.close() };
}

async function throttled(page: Page, rate: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

async function landingBytes(browser: Browser, url: string): Promise<{ js: number; css: number; all: number; requests: number }> {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const kind = new Map<string, string>();
  const sizes = new Map<string, number>();
  cdp.on('Network.responseReceived', (e: { requestId: string; type: string }) => kind.set(e.requestId, e.type));
  cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => sizes.set(e.requestId, e.encodedDataLength));
  await page.goto(`${url}/?lang=nl`, { waitUntil: 'networkidle' });
  await context.close();
  let js = 0;
  let css = 0;
  let all = 0;
  for (const [id, bytes] of sizes) {
    all += bytes;
    if (kind.get(id) === 'Script') js += bytes;
    if (kind.get(id) === 'Stylesheet') css += bytes;
  }
  return { js, css, all, requests: sizes.size };
}

/** ms from navigation start until the welcome screen's main button can be pressed. */
async function timeToUsable(browser: Browser, url: string, rate: number): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
  const page = await context.newPage();
  await throttled(page, rate);
  await page.goto(`${url}/?lang=nl`, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    () => {
      const scan = document.querySelector('ts-app')?.shadowRoot?.querySelector('ts-scan')?.shadowRoot;
      // The welcome step is its own element (<ts-welcome>); a resumable session's screen is ts-scan's own.
      const step = scan?.querySelector('ts-welcome')?.shadowRoot ?? scan;
      const button = step?.querySelector<HTMLButtonElement>('button[data-autofocus], .actions button');
      return button && !button.disabled && button.getBoundingClientRect().width > 0 ? performance.now() : null;
    },
    null,
    { polling: 'raf', timeout: 60_000 },
  );
  const ms = (await handle.jsonValue()) as number;
  await context.close();
  return ms;
}

/** ms from pressing start (with consent given) until the game's scene is started for its first demo, cold cache. */
async function gameLoad(browser: Browser, url: string, game: string, rate: number): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
  const page = await context.newPage();
  await page.goto(`${url}/?automation=1&lang=en&battery=${game}&seed=5`);
  await throttled(page, rate);
  await page.getByRole('checkbox').first().check();
  await page.locator('ts-welcome button[data-start]').click();
  // The device check comes between Start and the game: its way on is what starts the session and loads the game.
  await page.locator('ts-device-check .practice button').click();
  const t0 = await page.evaluate(() => performance.now());
  await page.locator('ts-device-check .actions button[data-autofocus]').click();
  const handle = await page.waitForFunction((id) => performance.getEntriesByName(`talentscan:scene-started:${id}`)[0]?.startTime ?? null, game, {
    polling: 100,
    timeout: 120_000,
  });
  const t1 = (await handle.jsonValue()) as number;
  await context.close();
  return t1 - t0;
}

/**
 * Share of rAF intervals within 1.5× the median while Reaction's blocks run, with the renderer the page chose (or the
 * one forced: src/runtime/renderer-choice.ts).
 */
async function framesWhileRunning(
  browser: Browser,
  url: string,
  rate: number,
  renderer?: 'webgl' | 'canvas',
): Promise<{ share: number; medianMs: number; frames: number; renderer: string }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${url}/?automation=1&lang=en&battery=reaction&seed=9${renderer ? `&renderer=${renderer}` : ''}`);
  if (rate > 1) await throttled(page, rate);
  // A string, not a function: the TypeScript loader would wrap a named inner function in a helper the page lacks.
  await page.evaluate(`(() => {
    window.__frameIntervals = [];
    let last = 0;
    const tick = (ts) => {
      if (window.__talentscan?.phase() === 'running' && last) window.__frameIntervals.push(ts - last);
      last = ts;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  await page.getByRole('checkbox').first().check();
  await pressStart(page);
  const respond = RESPONDERS.reaction;
  if (!respond) throw new Error('No Reaction responder');
  await play(page, respond, { rtMs: 300, stop: (answered, p) => answered >= 24 || p === 'break' || p === 'done' });
  const intervals = (await page.evaluate(() => (window as unknown as { __frameIntervals: number[] }).__frameIntervals)).filter((x) => x < 100);
  const used = await page.evaluate(
    () =>
      performance
        .getEntriesByType('mark')
        .find((m) => m.name.startsWith('talentscan:renderer:'))
        ?.name.split(':')[2] ?? '?',
  );
  await context.close();
  const sorted = [...intervals].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
  const within = intervals.filter((x) => x <= 1.5 * median).length;
  return { share: intervals.length ? within / intervals.length : NaN, medianMs: median, frames: intervals.length, renderer: used };
}

/** Reaction's test blocks as the log records them: frames, frames lost while a target was up, trials that lost any. */
async function effectsTelemetry(
  browser: Browser,
  url: string,
  reducedMotion: 'reduce' | 'no-preference',
): Promise<{ frames: number; dropped: number; trialsWithDrops: number; trials: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, reducedMotion });
  const page = await context.newPage();
  await page.goto(`${url}/?automation=1&lang=en&battery=reaction&seed=9`);
  await page.getByRole('checkbox').first().check();
  await pressStart(page);
  const respond = RESPONDERS.reaction;
  if (!respond) throw new Error('No Reaction responder');
  await play(page, respond, { rtMs: 300 });
  const events = (await page.evaluate(() => window.__talentscan?.events())) ?? [];
  await context.close();
  const testBlocks = new Set(events.flatMap((e) => (e.type === 'block-start' && e.kind === 'test' ? [e.block] : [])));
  const ends = events.flatMap((e) => (e.type === 'block-end' && testBlocks.has(e.block) ? [e.frames] : []));
  const trials = events.filter((e) => e.type === 'trial-end' && testBlocks.has(e.block)).length;
  return {
    frames: ends.reduce((a, f) => a + f.frames, 0),
    dropped: ends.reduce((a, f) => a + f.droppedInStimulus, 0),
    trialsWithDrops: ends.reduce((a, f) => a + f.trialsWithDrops, 0),
    trials,
  };
}

const kb = (bytes: number) => (bytes / 1024).toFixed(1);

async function main(): Promise<void> {
  const used = await resolveChromium();
  console.log(`Web benchmark — Chromium ${used.executablePath} (${used.source}); machine ${process.platform} ${process.arch}\n`);
  const browser = await chromium.launch(await chromiumLaunchOptions());
  const prod = await serve('dist-bench-web');
  const test = await serve('dist-bench');
  try {
    const landing = await landingBytes(browser, prod.url);
    console.log('| landing page (production build, compressed) | KB |');
    console.log('|---|---|');
    console.log(`| JS transferred | ${kb(landing.js)} |`);
    console.log(`| CSS transferred | ${kb(landing.css)} |`);
    console.log(
      `| JS + CSS (budget ${LANDING_BUDGET_KB} KB) | ${kb(landing.js + landing.css)} ${landing.js + landing.css <= LANDING_BUDGET_KB * 1024 ? '(met)' : '(NOT met)'} |`,
    );
    console.log(`| everything transferred (${landing.requests} requests) | ${kb(landing.all)} |\n`);

    const usable = [];
    for (let i = 0; i < 3; i++) usable.push(await timeToUsable(browser, prod.url, 4));
    console.log(`Landing page usable at 4× CPU throttling (3 cold loads): ${usable.map((x) => x.toFixed(0)).join(', ')} ms\n`);

    console.log('| game | load at 4× throttling, cold cache (ms) |');
    console.log('|---|---|');
    for (const game of Object.keys(GAMES)) console.log(`| ${game} | ${(await gameLoad(browser, test.url, game, 4)).toFixed(0)} |`);

    console.log('\n| frames while Reaction runs (1280×800) | renderer | frames | median interval (ms) | within 1.5× median |');
    console.log('|---|---|---|---|---|');
    // The page's own choice first (the budget), then each renderer forced, to show what the choice is worth here.
    for (const renderer of [undefined, 'webgl', 'canvas'] as const) {
      for (const rate of [1, 4]) {
        const f = await framesWhileRunning(browser, test.url, rate, renderer);
        const condition = `${rate === 1 ? 'unthrottled' : '4× CPU throttling'}${renderer ? ` (${renderer} forced)` : rate === 1 ? ' (budget ≥ 95%)' : ''}`;
        console.log(`| ${condition} | ${f.renderer} | ${f.frames} | ${f.medianMs.toFixed(2)} | ${(f.share * 100).toFixed(1)}% |`);
      }
    }

    console.log('\n| Reaction test blocks (1280×800), from the log | frames | lost while a target was up | trials that lost any |');
    console.log('|---|---|---|---|');
    for (const motion of ['no-preference', 'reduce'] as const) {
      const t = await effectsTelemetry(browser, test.url, motion);
      console.log(
        `| ${motion === 'reduce' ? 'reduced motion (no effects)' : 'with effects'} | ${t.frames} | ${t.dropped} | ${t.trialsWithDrops} of ${t.trials} |`,
      );
    }

    console.log('\n| host SDK | bytes | gzipped (budget 3 KB) |');
    console.log('|---|---|---|');
    for (const f of ['embed.js', 'embed.mjs']) {
      const body = readFileSync(resolve('dist-bench-web', f));
      const gz = gzipSync(body, { level: 9 }).length;
      console.log(`| /${f} | ${body.length} | ${gz} ${gz <= SDK_BUDGET_KB * 1024 ? '(met)' : '(NOT met)'} |`);
    }
  } finally {
    await browser.close();
    await prod.close();
    await test.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
