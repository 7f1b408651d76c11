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
 * 3. Allocation: how the standard (20 min) and short (10 min) budgets would best be spent on scored trials, from each
 *    game's domain reliability (default norm table; Spearman–Brown in the trial count) and its time per trial and fixed
 *    time (from the estimate above, reading and the break included). Provisional: the reliabilities are those of the
 *    reference tasks at their own lengths, taken as ours at our current lengths.
 */
import { chromium, type Page } from '@playwright/test';
import { resolve } from 'node:path';
import { GAMES } from '../../games/registry.ts';
import type { LogEvent } from '../../src/log/events.ts';
import { INTRO_SEC } from '../../games/kit/pacing.ts';
import { BATTERIES, BREAK_ALLOWANCE_SEC, batteryDurationSec, READING_WORDS_PER_MIN, readingSec } from '../../src/runtime/batteries.ts';
import { allocate, type GameCost } from '../../src/scoring/battery-allocation.ts';
import { spearmanBrownLength } from '../../src/scoring/reliability.ts';
import { buildProfile } from '../../src/scoring/build-profile.ts';
import { DEFAULT_NORM_GROUP, normTable } from '../../src/scoring/norm-registry.ts';
import { typicalNormParticipant } from '../../src/scoring/testing/norm-population.ts';
import { buildApp } from '../../src/server/app.ts';
import { chromiumLaunchOptions } from '../support/chromium.ts';
import { phase, play, pressStart } from '../support/driver.ts';
import { RESPONDERS } from '../support/responders.ts';

const RESPONSE_MS = 450;
const HEAP_TARGET_MB = 20;

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const toPlay = arg('play') ?? 'short';

function printEstimates(): void {
  console.log('Estimated duration per game (from the design, typical RTs, intros and practice included)\n');
  console.log('| game | blocks (kind:trials) | estimate (s) |');
  console.log('|---|---|---|');
  for (const g of Object.values(GAMES)) {
    const blocks = g
      .design(1)
      .blocks.map((b) => `${b.kind[0]}:${b.trials.length}`)
      .join(' ');
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

/**
 * What the allocation may change, per game: test trials between `min` and `max` in steps of the design's balance
 * unit. A floor or a fixed count has a reason: the norm is for one length, the count sets a ceiling, or fewer trials
 * would leave a metric resting on too few events.
 */
const LIMITS: Readonly<Record<string, { min: number; max: number; step: number; why: string }>> = {
  reaction: { min: 24, max: 44, step: 4, why: 'simple block fixed at 12; choice trials in pairs of sides, at least 12' },
  stop: { min: 72, max: 96, step: 8, why: 'two blocks, 1 stop trial in 4; at least 18 stop trials for the SSRT quantile (Verbruggen et al. 2019 advise 50)' },
  flanker: { min: 32, max: 64, step: 8, why: 'two blocks balanced over congruence and side' },
  switch: { min: 51, max: 67, step: 8, why: 'pure blocks fixed; mixed block in units of 8 (repeat/switch × congruence × side), at least 32' },
  corsi: { min: 32, max: 32, step: 1, why: 'fixed: adaptive with a stop rule, the trial count sets the longest sequence (span ceiling 9)' },
  reversal: { min: 60, max: 60, step: 1, why: 'fixed: its norm is built from exactly the first 60 sciops trials (4 phases of 15)' },
};

/**
 * The test-trial count at which the default table's domain reliability holds. Where the table's figure is computed
 * for our own count (SSRT, the Switch composite, Coin hunt: norms:reference steps them), that is today's count; where it
 * is a published figure of the reference task (reaction, flanker, Corsi), it was taken as ours at the counts of the
 * games' 1.0.0 designs, so a shorter design is stepped down from there.
 */
const RELIABILITY_AT: Readonly<Record<string, number>> = { reaction: 32, flanker: 64, corsi: 32 };

/** Each game's cost model: per-trial and fixed seconds from its estimate, domain reliability from the default norms. */
function gameCost(game: string, domainReliability: ReadonlyMap<string, number>): GameCost {
  const g = GAMES[game];
  if (!g) throw new Error(`Unknown game ${game}`);
  const blocks = g.design(1).blocks;
  const all = blocks.reduce((s, b) => s + b.trials.length, 0);
  const test = blocks.filter((b) => b.kind === 'test').reduce((s, b) => s + b.trials.length, 0);
  const secPerTrial = (g.expectedDurationSec - blocks.length * INTRO_SEC) / all;
  const head = [...g.domainMetrics].sort((a, b) => b.weight - a.weight)[0];
  const domain = head?.domain ?? '?';
  return {
    game,
    domain,
    reliability: spearmanBrownLength(domainReliability.get(domain) ?? head?.reliability.value ?? 0.5, test / (RELIABILITY_AT[game] ?? test)),
    trials: test,
    secPerTrial,
    // The estimate's per-block intro allowance is replaced by the modelled reading and demo time (readingSec).
    fixedSec: (all - test) * secPerTrial + readingSec(game) + BREAK_ALLOWANCE_SEC,
    minTrials: LIMITS[game]?.min ?? Math.ceil(test / 2),
    maxTrials: LIMITS[game]?.max ?? test * 2,
    step: LIMITS[game]?.step ?? 4,
  };
}

function printAllocation(): void {
  const table = normTable(DEFAULT_NORM_GROUP);
  const typical = buildProfile(typicalNormParticipant(table).scores, { normGroup: table, deviceClass: 'keyboard' });
  const rel = new Map(typical.domains.filter((d) => d.reliability !== undefined).map((d) => [d.domain as string, d.reliability as number]));
  for (const [id, minutes] of [
    ['standard', 20],
    ['short', 10],
  ] as const) {
    const battery = BATTERIES[id];
    if (!battery) continue;
    const costs = battery.games.map((g) => gameCost(g, rel));
    const budget = minutes * 60 + BREAK_ALLOWANCE_SEC; // no break after the last game
    const fixed = costs.reduce((s, c) => s + c.fixedSec, 0);
    const least = costs.reduce((s, c) => s + c.fixedSec + c.minTrials * c.secPerTrial, 0);
    console.log(
      `Cost model of the ${id} battery: fixed time (reading at ${READING_WORDS_PER_MIN} words/min and demos, practice, break) and time per scored trial\n`,
    );
    console.log('| game | fixed (s) | reading (s) | per trial (s) | trials now |');
    console.log('|---|---|---|---|---|');
    for (const c of costs)
      console.log(`| ${c.game} | ${c.fixedSec.toFixed(0)} | ${readingSec(c.game).toFixed(0)} | ${c.secPerTrial.toFixed(2)} | ${c.trials} |`);
    console.log('');
    if (least > budget) {
      console.log(
        `\nNo allocation fits ${minutes} min: the fixed time alone is ${(fixed / 60).toFixed(1)} min and with half the scored trials ${(least / 60).toFixed(1)} min. The fixed time must shrink first (shorter instructions, demos before words, shorter practice).\n`,
      );
      continue;
    }
    const out = allocate(costs, budget);
    console.log(`Allocation of the ${id} battery's ${minutes}-minute budget (reading, demos, practice and breaks included; provisional)\n`);
    console.log('| game | domain | reliability now (trials) | time now (s) | allocated trials | reliability | time (s) |');
    console.log('|---|---|---|---|---|---|---|');
    costs.forEach((c, i) => {
      const a = out[i];
      if (!a) return;
      const now = c.fixedSec + c.trials * c.secPerTrial;
      console.log(
        `| ${c.game} | ${c.domain} | ${c.reliability.toFixed(2)} (${c.trials}) | ${now.toFixed(0)} | ${a.trials} | ${a.reliability.toFixed(2)} | ${a.sec.toFixed(0)} |`,
      );
    });
    const nowSec = costs.reduce((s, c) => s + c.fixedSec + c.trials * c.secPerTrial, 0) - BREAK_ALLOWANCE_SEC;
    const newSec = out.reduce((s, a) => s + a.sec, 0) - BREAK_ALLOWANCE_SEC;
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    console.log(
      `\nNow: ${(nowSec / 60).toFixed(1)} min, mean domain reliability ${mean(costs.map((c) => c.reliability)).toFixed(3)}. Allocated: ${(newSec / 60).toFixed(1)} min, mean ${mean(out.map((a) => a.reliability)).toFixed(3)}.\n`,
    );
  }
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
  await pressStart(page);
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
    console.log(
      `| ${game} | ${playedSec.toFixed(0)} | ${reading.toFixed(0)} | ${(playedSec + reading).toFixed(0)} | ${GAMES[game]?.expectedDurationSec} | ${heaps[i]?.toFixed(1)} |`,
    );
  });
  const breaks = (battery.games.length - 1) * BREAK_ALLOWANCE_SEC;
  console.log(
    `\nBattery "${batteryId}": ${(total / 60).toFixed(1)} min of games + ${(breaks / 60).toFixed(1)} min of breaks = ${((total + breaks) / 60).toFixed(1)} min for a candidate (bot wall time ${(wall / 60).toFixed(1)} min).`,
  );
  const first = heaps[0] ?? 0;
  const last = heaps.at(-1) ?? 0;
  console.log(
    `JS heap after GC: first game ${first.toFixed(1)} MB, last game ${last.toFixed(1)} MB, difference ${(last - first).toFixed(1)} MB (target within ${HEAP_TARGET_MB} MB): ${Math.abs(last - first) <= HEAP_TARGET_MB ? 'met' : 'NOT met'}.`,
  );
}

async function main(): Promise<void> {
  printEstimates();
  printAllocation();
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
