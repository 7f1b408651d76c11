import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import type { LogEvent, StimulusEvent } from '../../src/log/events.ts';
import type { TrialRecord } from '../../src/log/trials.ts';
import { onsetRuleFlag } from '../../src/scoring/onset-quality.ts';
import { keyboardCorrect, phase, play, startScan } from '../support/driver.ts';

/** Plays the practice block and a few test trials of Reaction; returns the log and the paired trials. */
async function playSome(page: Page, seed: number): Promise<{ events: LogEvent[]; trials: TrialRecord[] }> {
  await startScan(page, { seed });
  await play(page, keyboardCorrect, { rtMs: 300, stop: (answered) => answered >= 6 });
  await expect.poll(async () => ((await page.evaluate(() => window.__talentscan?.trials('reaction'))) as TrialRecord[]).length).toBeGreaterThanOrEqual(6);
  await page.evaluate(() => window.__talentscan?.persisted());
  const events = (await page.evaluate(() => window.__talentscan?.events())) as LogEvent[];
  const trials = (await page.evaluate(() => window.__talentscan?.trials('reaction'))) as TrialRecord[];
  return { events, trials };
}

const stimuli = (events: LogEvent[]) => events.filter((e): e is StimulusEvent => e.type === 'stimulus');
/** The target a paired trial was timed from (a practice block may have run twice: match the run by its time span). */
const targetOf = (shown: StimulusEvent[], t: TrialRecord) =>
  shown.find((x) => x.name === 'target' && x.block === t.block && x.trial === t.trial && x.page === t.page && x.drawnAt >= t.start && x.drawnAt <= t.end);

test('a session in a browser with Element Timing: trials carry presented onsets, the marker is hidden and axe is clean', async ({ page }, info) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/?automation=1&lang=en');
  const supported = await page.evaluate(() => PerformanceObserver.supportedEntryTypes.includes('element'));
  test.skip(!supported, 'This browser has no Element Timing: only the fallback can be tested here.');

  const { events, trials } = await playSome(page, 111);
  const pageStart = events.find((e) => e.type === 'page-start');
  expect(pageStart?.type === 'page-start' && pageStart.presentation).toBe('element-timing');
  const shown = stimuli(events);
  expect(shown.length).toBeGreaterThanOrEqual(6);
  // A presentation may miss its deadline on an overloaded machine (then that stimulus falls back); most do not.
  const measured = shown.filter((s) => s.presentedAt !== undefined);
  expect(measured.length).toBeGreaterThanOrEqual(Math.ceil(shown.length * 0.8));
  for (const s of measured) {
    // Three times per stimulus: drawn, rAF onset, presented; presentation comes after the drawing frame began.
    expect(s.presentedAt).toBeGreaterThan(s.drawnAt);
    expect(s.t).toBeGreaterThan(s.drawnAt);
    expect((s.presentedAt ?? 0) - s.drawnAt).toBeLessThan(1000);
  }
  const inputs = new Map(events.flatMap((e) => (e.type === 'input' ? [[e.seq, e.t] as const] : [])));
  for (const t of trials) {
    const s = targetOf(shown, t);
    if (!s) continue;
    expect(t.onsetRules['target']).toBe(s.presentedAt === undefined ? 'raf' : 'presented');
    expect(t.onsets['target']).toBe(s.presentedAt ?? s.t);
    const r = t.responses[0];
    if (r) expect(r.rt).toBeCloseTo((inputs.get(r.inputSeq) ?? NaN) - (s.presentedAt ?? s.t), 6);
  }

  // The marker: exactly one, hidden from assistive technology, not noticeable. Screenshots for a person to look at.
  await expect.poll(() => phase(page)).toBe('running');
  await page.evaluate(() => window.__talentscan?.nextOnset('target'));
  const marker = page.locator('[data-presentation-marker]');
  await expect(marker).toHaveCount(1);
  await expect(marker).toHaveAttribute('aria-hidden', 'true');
  const box = await marker.boundingBox();
  expect(box && box.width <= 2 && box.height <= 2).toBe(true);
  await page.screenshot({ path: info.outputPath('marker-page.png') });
  await page.screenshot({ path: info.outputPath('marker-corner.png'), clip: { x: 1280 - 40, y: 800 - 40, width: 40, height: 40 } });
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('a browser without Element Timing falls back to the rAF onset, and the session says so', async ({ page }) => {
  // Simulates Safari/Firefox: the browser does not list 'element' among the entry types it reports.
  await page.addInitScript(() => {
    const types = PerformanceObserver.supportedEntryTypes.filter((t) => t !== 'element');
    Object.defineProperty(PerformanceObserver, 'supportedEntryTypes', { get: () => types, configurable: true });
  });
  const { events, trials } = await playSome(page, 222);
  const pageStart = events.find((e) => e.type === 'page-start');
  expect(pageStart?.type === 'page-start' && pageStart.presentation).toBe('none');
  await expect(page.locator('[data-presentation-marker]')).toHaveCount(0);
  const shown = stimuli(events);
  expect(shown.length).toBeGreaterThanOrEqual(6);
  for (const s of shown) expect(s.presentedAt).toBeUndefined();
  for (const t of trials) {
    expect(t.onsetRules['target']).toBe('raf');
    expect(t.onsets['target']).toBe(targetOf(shown, t)?.t);
  }
  expect(onsetRuleFlag(events, 'reaction')?.code).toBe('onsets-raf-rule');
});
