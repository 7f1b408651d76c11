/**
 * `npm run bench:battery [-- --play standard|short|none]` — how long do the games and batteries take, and does
 * swapping scenes leak memory?
 *
 * 1. Estimate: each game's `expectedDurationSec` (computed by the game from its design at typical RTs, intros and
 *    practice included), summed per battery with a break allowance between games.
 * 2. Measurement: plays a battery in real time (scene clock 1×) in headless Chromium through the automation hook,
 *    answering each trial ~450 ms after its onset. Per game it reports the time from game start to game end on the
 *    page clock, plus the reading time of the instructions the bot skipped (words at 120 words/min, a slow pace for
 *    second-language readers, plus 4 s to watch each demo), and the JS heap after garbage collection at each break.
 */
import { chromium, type Page } from '@playwright/test';
import { resolve } from 'node:path';
import { GAMES } from '../../games/registry.ts';
import { GAME_MESSAGES } from '../../games/messages.ts';
import type { LogEvent } from '../../src/log/events.ts';
import { BATTERIES, BREAK_ALLOWANCE_SEC, batteryDurationSec } from '../../src/runtime/batteries.ts';
import { buildApp } from '../../src/server/app.ts';
import { chromiumLaunchOptions } from '../support/chromium.ts';
import { phase, play } from '../support/driver.ts';
import { RESPONDERS } from '../support/responders.ts';

const WORDS_PER_MIN = 120;
const DEMO_WATCH_SEC = 4;
const RESPONSE_MS = 450;
const HEAP_TARGET_MB = 20;

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const toPlay = arg('play') ?? 'short';

function readingSec(game: string): number {
  const design = GAMES[game]?.design(1);
  if (!design) return 0;
  let words = 0;
  for (const block of design.blocks) {
    const text = GAME_MESSAGES.map((m) => m.nl[block.instruction]).find((x) => x !== undefined) ?? '';
    words += text.split(/\s+/).filter(Boolean).length + 6; // + the panel's heading and eyebrow
  }
  return (words / WORDS_PER_MIN) * 60 + design.blocks.length * DEMO_WATCH_SEC;
}

function printEstimates(): void {
  console.log('Estimated duration per game (from the design, typical RTs, intros and practice included)\n');
  console.log('| game | blocks (kind:trials) | estimate (s) |');
  console.log('|---|---|---|');
  for (const g of Object.values(GAMES)) {
    const blocks = g.design(1).blocks.map((b) => `${b.kind[0]}:${b.trials.length}`).join(' ');
    console.log(`| ${g.id} | ${blocks} | ${g.expectedDurationSec} |`);
  }
  console.log('\n| battery | games | estimate incl. breaks (min) |');
  console.log('|---|---|---|');
  for (const id of ['standard', 'short']) {
    const b = BATTERIES[id];
    if (b) console.log(`| ${id} | ${b.games.join(', ')} | ${(batteryDurationSec(b) / 60).toFixed(1)} |`);
  }
  console.log(`(break allowance ${BREAK_ALLOWANCE_SEC} s between games)\n`);
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize / 2 ** 20;
}

async function playBattery(url: string, batteryId: string): Promise<void> {
  const battery = BATTERIES[batteryId];
  if (!battery) throw new Error(`Unknown battery ${batteryId}`);
  const browser = await chromium.launch(await chromiumLaunchOptions());
  const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
  const started = Date.now();
  await page.goto(`${url}/?automation=1&lang=nl&battery=${batteryId}&seed=77`);
  await page.getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Begin', exact: true }).click();
  await page.waitForFunction(() => window.__talentscan?.phase() === 'intro');
  const heaps: number[] = [];
  for (const game of battery.games) {
    const respond = RESPONDERS[game];
    if (!respond) throw new Error(`No responder for ${game}`);
    await play(page, respond, { rtMs: RESPONSE_MS });
    heaps.push(await heapMb(page));
    const p = await phase(page);
    if (p === 'break') await page.getByRole('button', { name: 'Volgend spel' }).click();
  }
  await page.waitForFunction(() => window.__talentscan?.phase() === 'done', null, { timeout: 60_000 });
  const wall = (Date.now() - started) / 1000;
  const events = (await page.evaluate(() => window.__talentscan?.events())) as LogEvent[];
  await browser.close();

  console.log(`Played "${batteryId}" in real time in headless Chromium (answers ${RESPONSE_MS} ms after onset)\n`);
  console.log('| game | played (s) | + reading & demos (s) | = candidate time (s) | estimate (s) | heap after (MB) |');
  console.log('|---|---|---|---|---|---|');
  let total = 0;
  battery.games.forEach((game, i) => {
    const start = events.find((e) => e.type === 'game-start' && e.game === game);
    const end = events.find((e) => e.type === 'game-end' && e.game === game);
    const playedSec = start && end ? (end.t - start.t) / 1000 : NaN;
    const reading = readingSec(game);
    total += playedSec + reading;
    console.log(`| ${game} | ${playedSec.toFixed(0)} | ${reading.toFixed(0)} | ${(playedSec + reading).toFixed(0)} | ${GAMES[game]?.expectedDurationSec} | ${heaps[i]?.toFixed(1)} |`);
  });
  const breaks = (battery.games.length - 1) * BREAK_ALLOWANCE_SEC;
  console.log(`\nBattery "${batteryId}": ${(total / 60).toFixed(1)} min of games + ${(breaks / 60).toFixed(1)} min of breaks = ${((total + breaks) / 60).toFixed(1)} min for a candidate (bot wall time ${(wall / 60).toFixed(1)} min).`);
  const first = heaps[0] ?? 0;
  const last = heaps.at(-1) ?? 0;
  console.log(`JS heap after GC: first game ${first.toFixed(1)} MB, last game ${last.toFixed(1)} MB, difference ${(last - first).toFixed(1)} MB (target within ${HEAP_TARGET_MB} MB): ${Math.abs(last - first) <= HEAP_TARGET_MB ? 'met' : 'NOT met'}.`);
}

async function main(): Promise<void> {
  printEstimates();
  if (toPlay === 'none') return;
  const app = await buildApp({ appDir: resolve('dist-bench') });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    await playBattery(url, toPlay);
  } finally {
    await app.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
