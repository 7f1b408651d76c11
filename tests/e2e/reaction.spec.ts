import { expect, test } from '@playwright/test';
import type { LogEvent } from '../../src/log/events.ts';
import type { TrialRecord } from '../../src/log/trials.ts';
import { profileFromLog } from '../../src/scoring/build-profile.ts';
import { REACTION_COUNTS } from '../../games/reaction/design.ts';
import { keyboardCorrect, phase, play, startScan, tapCorrect } from '../support/driver.ts';

test.describe('Reaction, played through the automation hook', () => {
  test('desktop, keyboard: the whole game to the results screen', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await startScan(page, { seed: 101 });
    await play(page, keyboardCorrect, { rtMs: 300 });
    await expect.poll(() => phase(page), { timeout: 20_000 }).toBe('done');

    const trials = (await page.evaluate(async () => {
      // The session is finished: read the log from the worker through the hook.
      return window.__talentscan?.trials('reaction');
    })) as TrialRecord[];
    const test = trials.filter((t) => t.kind === 'test');
    expect(test).toHaveLength(REACTION_COUNTS.simpleTest + REACTION_COUNTS.choiceTest);
    for (const t of test) {
      // We answered 300 ms after the onset was reported, so an RT is at least that; a driver slowed by a loaded
      // machine may miss the window, and then the trial timed out (how exact RTs are is bench:timing's business).
      const rt = t.responses[0]?.rt;
      if (rt === undefined) expect(t.endReason).toBe('timeout');
      else {
        expect(t.responses[0]?.device).toBe('keyboard');
        expect(rt).toBeGreaterThan(295);
        expect(rt).toBeLessThan(1500 + 1000 / 30); // the window, plus at most a frame before the timeout ran
      }
    }
    const events = (await page.evaluate(() => window.__talentscan?.events())) as LogEvent[];
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i));
    const pageStart = events.find((e) => e.type === 'page-start');
    expect(pageStart && pageStart.type === 'page-start' && pageStart.crossOriginIsolated).toBe(true);
    const blockEnds = events.filter((e) => e.type === 'block-end');
    expect(blockEnds).toHaveLength(4);
    // Telemetry is recorded for every block (how good the frame timing was is the benchmark's business, not a test's).
    for (const b of blockEnds) {
      if (b.type !== 'block-end') continue;
      expect(b.frames.frames).toBeGreaterThan(10);
      expect(b.frames.refreshHz).toBeGreaterThan(0);
      expect(b.frames.intervalSdMs).not.toBeNull();
    }

    // The profile the browser worker computed is byte-identical to the one Node computes from the same log.
    const browserProfile = await page.evaluate(() => window.__talentscan?.profile());
    expect(JSON.stringify(browserProfile)).toBe(JSON.stringify(profileFromLog(events)));
    // Speed is measured, unless this (headless, software-rendered) machine dropped frames in too many trials: then
    // the profile must say so rather than show a number.
    const speed = browserProfile?.domains.find((d) => d.domain === 'processing-speed');
    const speedMeasured = speed?.status === 'measured';
    if (!speedMeasured) expect(JSON.stringify(browserProfile?.metrics)).toMatch(/lost frames/);

    const results = page.locator('ts-results');
    await expect(results.getByRole('heading', { name: 'Your results' })).toBeVisible();
    // A one-game scan with nothing scored has no strengths to show: it says what could not be measured and why.
    if (speedMeasured) {
      await expect(results.getByRole('heading', { name: 'Your strong points' })).toBeVisible();
      await expect(results.getByRole('img', { name: /^Speed: \d+ of 10/ })).toBeVisible();
    } else {
      await expect(results.getByRole('heading', { name: 'What we could not measure this time' })).toBeVisible();
      await expect(results.locator('ts-candidate-profile [data-kind="technical"]')).toBeVisible();
    }
    await results.getByText('Raw measurements per game').click();
    await expect(results.getByRole('cell').first()).toBeVisible();
    const answered = test.filter((t) => t.responses.length > 0).length;
    if (answered === test.length) {
      await expect(results.getByRole('row', { name: /Simple reaction: accuracy/ })).toContainText('100%');
      await expect(results.getByRole('row', { name: /Left or right: accuracy/ })).toContainText('100%');
    } else {
      await expect(results.getByRole('row', { name: /Simple reaction: accuracy/ })).toContainText(/\d+%/);
    }
  });

  test('phone, touch: taps on the target side are recorded as touch responses', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 640 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await startScan(page, { seed: 202 });
    await play(page, tapCorrect, { rtMs: 300, pointer: 'touch', stop: (answered) => answered >= 5 });
    await expect.poll(async () => ((await page.evaluate(() => window.__talentscan?.trials('reaction'))) as TrialRecord[]).length).toBeGreaterThanOrEqual(4);
    const trials = (await page.evaluate(() => window.__talentscan?.trials('reaction'))) as TrialRecord[];
    for (const t of trials) {
      expect(t.responses[0]?.device).toBe('touch');
      expect(t.responses[0]?.value).toBe('any');
    }
    await context.close();
  });
});

test('reload mid-game: the session resumes where it stopped, every completed trial intact', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await startScan(page, { seed: 303 });
  // Practice (3) and 5 test trials of the simple block.
  await play(page, keyboardCorrect, { rtMs: 250, stop: (answered) => answered >= 8 });
  await expect.poll(async () => ((await page.evaluate(() => window.__talentscan?.trials('reaction'))) as TrialRecord[]).length).toBe(8);
  const before = (await page.evaluate(() => window.__talentscan?.trials('reaction'))) as TrialRecord[];
  const sessionId = await page.evaluate(() => window.__talentscan?.sessionId());
  await page.evaluate(() => window.__talentscan?.persisted());

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Welcome back!' })).toBeVisible();
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await expect.poll(() => phase(page)).toBe('intro');
  expect(await page.evaluate(() => window.__talentscan?.sessionId())).toBe(sessionId);
  await expect(page.getByRole('heading', { name: 'Welcome back. We continue where you were.' })).toBeVisible();

  await play(page, keyboardCorrect, { rtMs: 250, stop: (answered) => answered >= 2 });
  await expect.poll(async () => ((await page.evaluate(() => window.__talentscan?.trials('reaction'))) as TrialRecord[]).length).toBe(10);
  const after = (await page.evaluate(() => window.__talentscan?.trials('reaction'))) as TrialRecord[];
  // The eight trials from before the reload are untouched; the block went on at the next trial on a new page clock.
  expect(after.slice(0, 8)).toEqual(before);
  expect(after.slice(8).map((t) => [t.block, t.trial, t.page])).toEqual([
    [1, 5, 1],
    [1, 6, 1],
  ]);
  const events = (await page.evaluate(() => window.__talentscan?.events())) as LogEvent[];
  expect(events.filter((e) => e.type === 'page-start')).toHaveLength(2);
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i));
});

test('a hidden tab interrupts the running trial, which runs again after "Continue"', async ({ page }) => {
  await startScan(page, { seed: 404 });
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect.poll(() => phase(page)).toBe('running');
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect.poll(() => phase(page)).toBe('paused');
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
  });
  await page.getByRole('button', { name: 'Continue', exact: true }).click();
  await play(page, keyboardCorrect, { rtMs: 250, stop: (answered) => answered >= 3 });
  await expect.poll(async () => ((await page.evaluate(() => window.__talentscan?.trials('reaction'))) as TrialRecord[]).length).toBe(3);
  const events = (await page.evaluate(() => window.__talentscan?.events())) as LogEvent[];
  expect(events.some((e) => e.type === 'interruption' && e.reason === 'hidden')).toBe(true);
  const trials = (await page.evaluate(() => window.__talentscan?.trials('reaction'))) as TrialRecord[];
  expect(trials.map((t) => t.trial)).toEqual([0, 1, 2]);
});
