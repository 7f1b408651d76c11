import { chromium, expect, test, type BrowserContext, type Page } from '@playwright/test';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LogEvent } from '../../src/log/events.ts';
import { chromiumLaunchOptions } from '../support/chromium.ts';
import { keyboardCorrect, phase, play, pressStart } from '../support/driver.ts';

/**
 * SIGKILL of the whole browser, with a persistent profile on disk, at random moments of a play: every trial that had
 * completed in the worker's log before the kill is in the stored log after the restart, unchanged, and the session
 * resumes. KILLS kill points; the totals are printed (completed trials before the kills / found after).
 */
const KILLS = Number(process.env['TALENTSCAN_KILLS'] ?? 20);

/** The browser's main process: the one started with our profile folder and no `--type=` (not a renderer or helper). */
async function browserPid(profile: string): Promise<number> {
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmd = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    const args = cmd.split('\0');
    if (args.some((a) => a.includes(profile)) && !args.some((a) => a.startsWith('--type='))) return Number(entry);
  }
  throw new Error('browser process not found');
}

const completedTrialEnds = (events: LogEvent[]) => events.filter((e) => e.type === 'trial-end' && e.reason !== 'interrupted');

test('SIGKILL of the browser at random moments loses no completed trial', async () => {
  test.skip(process.platform !== 'linux', 'reads /proc to find the browser process');
  test.setTimeout(60_000 + KILLS * 30_000);
  const profile = await mkdtemp(join(tmpdir(), 'ts-kill-'));
  const baseURL = test.info().project.use.baseURL ?? '';
  const url = `${baseURL}/?automation=1&lang=en&battery=reaction&timescale=4`;
  let before = 0;
  let after = 0;
  let lost = 0;
  /** The completed trial-ends (seq → event) of the session's log just before the last kill. */
  let lastKnown = new Map<number, string>();
  try {
    // One more launch than kills: the last one only checks what the last kill left.
    for (let k = 0; k <= KILLS; k++) {
      const ctx: BrowserContext = await chromium.launchPersistentContext(profile, await chromiumLaunchOptions());
      const page: Page = ctx.pages()[0] ?? (await ctx.newPage());
      await page.goto(url);
      const resume = page.getByRole('button', { name: 'Continue', exact: true });
      await expect(resume.or(page.getByRole('button', { name: 'Start', exact: true }))).toBeVisible();
      if (await resume.isVisible()) {
        await resume.click();
        await expect.poll(() => phase(page)).toMatch(/intro|done/);
        const stored = (await page.evaluate(() => window.__talentscan?.events())) ?? [];
        const seen = new Map(completedTrialEnds(stored).map((e) => [e.seq, JSON.stringify(e)]));
        for (const [seq, text] of lastKnown) {
          if (seen.get(seq) === text) after++;
          else lost++;
        }
      } else {
        lost += lastKnown.size; // a session with completed trials that is not offered for resuming lost them all
        await page.getByRole('checkbox').check();
        await pressStart(page);
      }
      await expect.poll(() => phase(page)).toMatch(/intro|running|done/);
      if (k === KILLS) {
        await ctx.close();
        break;
      }
      if ((await phase(page)) === 'done') {
        lastKnown = new Map();
        await ctx.close();
        await rm(profile, { recursive: true, force: true });
        continue;
      }
      const stopAfter = 1 + Math.floor(Math.random() * 6);
      await play(page, keyboardCorrect, { rtMs: 150 + Math.floor(Math.random() * 200), stop: (n, p) => n >= stopAfter || p === 'done' || p === 'break' });
      await page.waitForTimeout(Math.floor(Math.random() * 400));
      const events = (await page.evaluate(() => window.__talentscan?.events())) ?? [];
      lastKnown = new Map(completedTrialEnds(events).map((e) => [e.seq, JSON.stringify(e)]));
      before += lastKnown.size;
      process.kill(await browserPid(profile), 'SIGKILL');
      await ctx.close().catch(() => undefined);
      if (events.at(-1)?.type === 'session-end') {
        // Finished: nothing to resume (a finished session is never offered); the next launch starts afresh.
        before -= lastKnown.size;
        await rm(profile, { recursive: true, force: true });
        lastKnown = new Map();
      }
    }
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
  console.log(
    `hard kills: ${KILLS}; completed trials in the log just before each kill ${before} (summed over kills), found unchanged after restart ${after}; lost ${lost}`,
  );
  expect(lost).toBe(0);
  expect(after).toBe(before);
});
