import { expect, type Page, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import type { LogEvent } from '../../src/log/events.ts';
import type { TrialRecord } from '../../src/log/trials.ts';
import { simulatedSession } from '../../src/server/fixtures/session-log.ts';
import { expectAccessible, isFocused, tabTo } from '../support/a11y.ts';
import { humanRts, phase, play } from '../support/driver.ts';
import { RESPONDERS } from '../support/responders.ts';

/**
 * The candidate's journey (issue: candidate experience), at 360×640 and 1280×800, in Dutch and in Arabic (RTL).
 *
 * One real play covers the whole path, by keyboard, on a phone, in Dutch: landing → the certified mode + consent →
 * device check → the short battery (at real speed: a certified session is checked against the server's clock;
 * answers through the automation hook) with the map between games, a pause (Esc) and a reload in the middle of a game
 * that lands back on the map at the same station with every trial kept → results → "what does this mean" → the
 * closing questions → the credential, issued from the server's copy and downloaded → my data as JSON and CSV → the
 * report for a coach → delete everything. It runs in the Playwright project `realtime` (tag @realtime), started
 * first beside the rest. It also checks what the short battery's own test checked when it played the same battery (breaks
 * between games, one progress bar over the whole battery, results for every game), so the battery is played once.
 * The other three size × language variants check every shell screen from stored sessions (a simulated
 * session cut at the end of its first game, and a finished one) instead of playing again: the screens are the same
 * code, and a second real play would double the time for no new path. axe-core checks every shell screen.
 */

const PHONE = { width: 360, height: 640 };
const DESKTOP = { width: 1280, height: 800 };
/** Screenshots to look at (kept out of the repository). */
const SHOTS = process.env['SHOTS_DIR'] ?? 'tests/.artifacts/screens';

function shot(page: Page, name: string): Promise<Buffer> {
  return page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function trials(page: Page, game?: string): Promise<TrialRecord[]> {
  return (await page.evaluate((g) => window.__talentscan?.trials(g), game)) ?? [];
}

async function expectFocused(page: Page, selector: string): Promise<void> {
  await expect.poll(() => isFocused(page.locator(selector))).toBe(true);
}

async function downloadText(page: Page, press: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), press()]);
  return { name: download.suggestedFilename(), text: await readFile((await download.path()) ?? '', 'utf8') };
}

test('the whole journey by keyboard on a phone, in Dutch: map between games, pause, reload mid-game, results, credential, data, delete', {
  tag: '@realtime',
}, async ({ page }) => {
  test.setTimeout(900_000);
  const started = Date.now();
  await page.setViewportSize(PHONE);
  await page.goto('/?automation=1&lang=nl&battery=short');
  const rts = humanRts(21);

  // Step 1: landing, mode and consent.
  const welcome = page.locator('ts-welcome');
  await expect(welcome.getByRole('heading', { name: 'Hoe lang' })).toBeVisible();
  await expect(welcome.getByText(/Ongeveer \d+ minuten/)).toBeVisible();
  await expectAccessible(page, 'landing nl phone');
  await shot(page, 'landing-nl-phone');
  // The certified mode, by keyboard: Tab reaches the checked radio (practice), an arrow key moves the choice.
  await tabTo(page, welcome.getByRole('radio', { checked: true }));
  await page.keyboard.press('ArrowDown');
  await expect(welcome.getByRole('radio', { name: /Gecertificeerd/ })).toBeChecked();
  await expect(welcome.locator('[data-consent-version^="certified"]')).toBeVisible();
  await tabTo(page, welcome.getByRole('checkbox'));
  await page.keyboard.press('Space');
  await expect(welcome.getByRole('checkbox')).toBeChecked();
  await tabTo(page, welcome.getByRole('button', { name: 'Begin', exact: true }));
  await page.keyboard.press('Enter');

  // Step 2: the device check; the focus is on the practice answer, then on the way on.
  const check = page.locator('ts-device-check');
  await expect(check.getByText('Stap 2 van 3')).toBeVisible();
  await expect(check.locator('li').first()).toBeVisible();
  await expectAccessible(page, 'device check nl phone');
  await shot(page, 'device-check-nl-phone');
  await expectFocused(page, 'ts-device-check .practice button');
  await page.keyboard.press('Enter');
  await expectFocused(page, 'ts-device-check .actions button[data-autofocus]');
  await page.keyboard.press('Enter');
  await expect.poll(() => phase(page)).toBe('intro');
  // The progress bar runs over the whole battery: recorded at each intro and break, it never goes back.
  const progressBar = page.locator('ts-scan').getByRole('progressbar');
  const progress: number[] = [];
  const recordProgress = async () => progress.push(Number(await progressBar.getAttribute('aria-valuenow')));
  await recordProgress();
  await expect(page.locator('ts-scan').getByText('Spel 1 van 3')).toBeVisible();
  await expectAccessible(page, 'intro nl phone');
  await shot(page, 'intro-nl-phone');

  // Game 1, then the map between games.
  const [first, second, third] = ['reaction', 'flanker', 'corsi'].map((g) => {
    const r = RESPONDERS[g];
    if (!r) throw new Error(g);
    return r;
  }) as [NonNullable<(typeof RESPONDERS)[string]>, NonNullable<(typeof RESPONDERS)[string]>, NonNullable<(typeof RESPONDERS)[string]>];
  const gameStarted = Date.now();
  await play(page, first, { rtMs: rts, keyboard: true });
  console.log(`journey: game 1 played in ${((Date.now() - gameStarted) / 1000).toFixed(0)} s`);
  await expect.poll(() => phase(page)).toBe('break');
  const map = page.locator('ts-scan ts-journey-map');
  await expect(map.locator('li[aria-current="step"]')).toContainText('Station 2');
  await expect(map.getByRole('status')).toContainText('1 van 3 stations klaar');
  await recordProgress();
  await expect(page.locator('ts-scan').getByText('Je kunt nu stoppen en later terugkomen')).toBeVisible();
  await expectAccessible(page, 'break nl phone');
  await shot(page, 'break-nl-phone');
  await expectFocused(page, 'ts-scan .break button');
  await page.keyboard.press('Enter');
  // A certified session fetches the next game's seed from the server first.
  await expect.poll(() => phase(page)).toBe('intro');

  // Game 2: a few answers, a pause by Esc, a few more, then a reload in the middle of the game.
  await play(page, second, { rtMs: rts, keyboard: true, stop: (answered) => answered >= 3 });
  await expect.poll(() => phase(page)).toBe('running');
  await expect(page.locator('ts-scan').getByText('Bewaard. Je kunt stoppen en later verder.')).toBeVisible();
  await shot(page, 'running-nl-phone');
  await page.keyboard.press('Escape');
  await expect.poll(() => phase(page)).toBe('paused');
  await expect(page.locator('ts-scan').getByRole('heading', { name: 'Pauze' })).toBeVisible();
  await expectAccessible(page, 'pause nl phone');
  await shot(page, 'pause-nl-phone');
  await expectFocused(page, 'ts-scan section.panel button');
  await page.keyboard.press('Enter');
  await expect.poll(() => phase(page)).not.toBe('paused');
  await play(page, second, { rtMs: rts, keyboard: true, stop: (answered) => answered >= 3 });
  await page.evaluate(() => window.__talentscan?.persisted());
  const before = await trials(page);
  const sessionId = await page.evaluate(() => window.__talentscan?.sessionId());
  expect(before.filter((t) => t.game === 'flanker').length).toBeGreaterThan(0);

  await page.reload();
  await expect(page.locator('ts-scan').getByRole('heading', { name: 'Welkom terug!' })).toBeVisible();
  await expect(page.locator('ts-scan').getByText('Je stopte bij station 2: Pijlen. Er is niets kwijt.')).toBeVisible();
  await expect(map.locator('li[aria-current="step"]')).toContainText('Station 2');
  await expectAccessible(page, 'resume nl phone');
  await shot(page, 'resume-nl-phone');
  await expectFocused(page, 'ts-scan .resume button[data-autofocus]');
  await page.keyboard.press('Enter');
  await expect.poll(() => phase(page)).toBe('intro');
  expect(await page.evaluate(() => window.__talentscan?.sessionId())).toBe(sessionId);
  await expect(map.locator('li[aria-current="step"]')).toContainText('Station 2');
  await shot(page, 'intro-resumed-nl-phone');
  // Nothing lost: every trial from before the reload is still there, unchanged.
  expect((await trials(page)).slice(0, before.length)).toEqual(before);
  await play(page, second, { rtMs: rts, keyboard: true });
  await expect.poll(() => phase(page)).toBe('break');
  await expect(map.locator('li[aria-current="step"]')).toContainText('Station 3');
  await expect(page.locator('ts-scan').getByText('Nog maar één station!')).toBeVisible();
  await recordProgress();
  await page.keyboard.press('Enter');
  await expect.poll(() => phase(page)).toBe('intro');
  await expect(page.locator('ts-scan').getByText('Spel 3 van 3')).toBeVisible();
  await recordProgress();

  // Game 3 is answered by taps on its board (its test responder); Pause is pressed with the pointer once, and that
  // press is not logged as an answer.
  await play(page, third, { rtMs: rts, keyboard: true, stop: (answered) => answered >= 1 });
  const inputsBefore = ((await page.evaluate(() => window.__talentscan?.events())) as LogEvent[]).filter((e) => e.type === 'input').length;
  if ((await phase(page)) === 'running') {
    await page.locator('ts-scan [data-shell-control]').click();
    await expect.poll(() => phase(page)).toBe('paused');
    const inputsAfter = ((await page.evaluate(() => window.__talentscan?.events())) as LogEvent[]).filter((e) => e.type === 'input').length;
    expect(inputsAfter).toBe(inputsBefore);
    await page.keyboard.press('Enter');
    await expect.poll(() => phase(page)).not.toBe('paused');
  }
  await play(page, third, { rtMs: rts, keyboard: true });
  await expect.poll(() => phase(page), { timeout: 30_000 }).toBe('done');
  expect(progress[0]).toBe(0);
  for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1] ?? 0);
  expect(progress.at(-1)).toBeLessThan(100);
  console.log(`journey: the short battery (3 games, certified, real speed) took ${((Date.now() - gameStarted) / 1000).toFixed(0)} s`);

  // Results: strengths first, each area with its band and a "what does this mean" layer.
  const results = page.locator('ts-results');
  await expect(results.getByRole('heading', { name: 'Jouw resultaten' })).toBeVisible();
  const profile = results.locator('ts-candidate-profile');
  await expect(profile.getByRole('heading', { name: 'Je sterke punten' })).toBeVisible();
  await expectAccessible(page, 'results nl phone');
  await shot(page, 'results-nl-phone');
  const explain = profile.locator('details.explain summary').first();
  await tabTo(page, explain);
  await page.keyboard.press('Enter');
  await expect(profile.locator('details.explain[open]').first().getByText('Wat we maten')).toBeVisible();
  await expect(profile.locator('details.explain[open]').first().getByText('Vergeleken met wie')).toBeVisible();
  await expectAccessible(page, 'what does this mean nl phone');
  // Every game's raw measurements are there for whoever wants to check them.
  await results.getByText('Ruwe metingen per spel').click();
  for (const name of ['Reactie', 'Pijlen', 'Blokkenreeks']) await expect(results.getByRole('table', { name })).toBeVisible();
  // Reflow (WCAG 1.4.10): with the raw tables open, nothing makes the page wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

  // The two closing questions.
  // A radio group is one Tab stop; the arrow keys choose within it.
  const feedback = results.locator('ts-feedback');
  await tabTo(page, feedback.getByRole('radio', { name: 'Niet echt' }));
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(feedback.getByRole('radio', { name: 'Ja', exact: true })).toBeChecked();
  await tabTo(page, feedback.getByRole('button', { name: 'Versturen' }));
  await page.keyboard.press('Enter');
  await expect(feedback.getByRole('status')).toContainText('Dank je!');

  // The credential: the server issues it from its own witnessed copy of the session; downloaded by keyboard.
  await expect.poll(async () => (await page.evaluate(() => window.__talentscan?.upload()))?.state, { timeout: 30_000 }).toBe('synced');
  await tabTo(page, results.getByRole('button', { name: 'Maak mijn credential' }));
  await page.keyboard.press('Enter');
  await expect(results.getByText('Je credential is klaar.')).toBeVisible({ timeout: 30_000 });
  await expectAccessible(page, 'credential nl phone');
  await shot(page, 'credential-nl-phone');
  await tabTo(page, results.getByRole('button', { name: 'Credential downloaden (.jwt)' }));
  const jwt = await downloadText(page, () => page.keyboard.press('Enter'));
  expect(jwt.text.split('~')[0]?.split('.')).toHaveLength(3);

  // My data: JSON (log, scores, profile, answers) and CSV (the log), and the report a coach imports.
  await tabTo(page, results.getByRole('button', { name: 'Download mijn gegevens (JSON)' }));
  const json = await downloadText(page, () => page.keyboard.press('Enter'));
  const data = JSON.parse(json.text) as { format: string; events: LogEvent[]; profile?: unknown; feedback?: { fun?: string } };
  expect(data.format).toBe('talentscan-my-data');
  expect(data.events.at(-1)?.type).toBe('session-end');
  expect(data.profile).toBeDefined();
  expect(data.feedback?.fun).toBe('yes');
  await tabTo(page, results.getByRole('button', { name: /Download mijn gegevens \(CSV/ }));
  const csv = await downloadText(page, () => page.keyboard.press('Enter'));
  expect(csv.name).toMatch(/\.csv$/);
  const lines = csv.text.trim().split('\r\n');
  expect(lines[0]).toBe('seq,page,t,type,game,block,trial,kind,name,device,key,x,y,value,reason,details');
  expect(lines).toHaveLength(data.events.length + 1);
  await tabTo(page, results.getByRole('button', { name: 'Delen met mijn coach (volledig rapport)' }));
  const report = JSON.parse((await downloadText(page, () => page.keyboard.press('Enter'))).text) as { format: string; version: number; events: unknown[] };
  expect([report.format, report.version, report.events.length]).toEqual(['talentscan-coach-report', 1, data.events.length]);

  // Delete everything: the first press asks, the focus moves to the button that deletes.
  await tabTo(page, results.getByRole('button', { name: 'Alles wissen' }));
  await page.keyboard.press('Enter');
  await expectFocused(page, 'ts-results [data-confirm-delete]');
  await expectAccessible(page, 'delete confirm nl phone');
  await page.keyboard.press('Enter');
  await expect(results.getByText('Je gegevens zijn van dit apparaat gewist.')).toBeVisible();
  expect(await page.evaluate((id) => localStorage.getItem(`talentscan.feedback.${id}`), sessionId)).toBeNull();
  await shot(page, 'deleted-nl-phone');
  console.log(`journey: the whole keyboard journey took ${((Date.now() - started) / 1000).toFixed(0)} s`);
});

/** A short-battery session from the games' simulated participants; `cut` keeps it up to the end of its first game. */
function storedSession(sessionId: string, cut: boolean): LogEvent[] {
  const events = simulatedSession({ battery: 'short', seed: 5, sessionId });
  if (!cut) return events;
  const firstGame = events.find((e) => e.type === 'game-start');
  const lastBlockEnd = events.findLastIndex((e) => e.type === 'block-end' && firstGame?.type === 'game-start' && e.game === firstGame.game);
  return events.slice(0, lastBlockEnd + 1);
}

async function showStored(page: Page, events: LogEvent[]): Promise<void> {
  await page.waitForFunction(() => window.__talentscan !== undefined);
  await page.evaluate((e) => window.__talentscan?.showSession(e), events);
  await expect(page.locator('ts-results')).toBeVisible();
}

const WORDS = {
  nl: {
    start: 'Begin',
    welcomeBack: 'Welkom terug!',
    explain: 'Wat betekent dit?',
    why: 'Waarom deze passendheid?',
    deleted: 'Je gegevens zijn van dit apparaat gewist.',
    deleteAll: 'Alles wissen',
  },
  ar: { start: 'ابدأ', welcomeBack: 'مرحبًا بعودتك!', explain: 'ماذا يعني هذا؟', why: 'لماذا هذه الملاءمة؟', deleted: null, deleteAll: 'احذف كل شيء' },
} as const;

for (const [lang, size, viewport] of [
  ['ar', 'desktop', DESKTOP],
  ['ar', 'phone', PHONE],
  ['nl', 'desktop', DESKTOP],
] as const) {
  test(`every shell screen (${lang}, ${viewport.width}×${viewport.height}) from stored sessions: landing, consent, device check, map on resume and between games, results`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const started = Date.now();
    const w = WORDS[lang];
    const name = (screen: string) => `${screen}-${lang}-${size}`;
    await page.setViewportSize(viewport);
    await page.goto(`/?automation=1&lang=${lang}&battery=short`);
    await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
    const welcome = page.locator('ts-welcome');
    await expect(welcome.locator('.facts li')).toHaveCount(4);
    await expectAccessible(page, name('landing'));
    await shot(page, name('landing'));
    await welcome.locator('input[name="mode"][value="certified"]').check();
    await expect(welcome.locator('[data-consent-version^="certified"]')).toBeVisible();
    await expectAccessible(page, name('consent certified'));
    await shot(page, name('consent-certified'));
    await welcome.locator('input[name="mode"][value="practice"]').check();
    await welcome.getByRole('checkbox').check();
    await welcome.getByRole('button', { name: w.start, exact: true }).click();
    const check = page.locator('ts-device-check');
    await expect(check.locator('li').first()).toBeVisible();
    await expectAccessible(page, name('device check'));
    await shot(page, name('device-check'));

    // An interrupted session lands back on the map; its first game was over, so it goes on to the break.
    await page.goto(`/?automation=1&lang=${lang}&battery=short`);
    await showStored(page, storedSession(`cut-${lang}-${size}`, true));
    await page.reload();
    const scan = page.locator('ts-scan');
    await expect(scan.getByRole('heading', { name: w.welcomeBack })).toBeVisible();
    await expect(scan.locator('ts-journey-map li[aria-current="step"]')).toHaveCount(1);
    await expectAccessible(page, name('resume'));
    await shot(page, name('resume'));
    await scan.locator('.resume button[data-autofocus]').click();
    await expect.poll(() => phase(page)).toBe('break');
    await expect(scan.locator('ts-journey-map li.done')).toHaveCount(1);
    await expectAccessible(page, name('break'));
    await shot(page, name('break'));
    await scan.locator('.break button').click();
    await expect.poll(() => phase(page)).toBe('intro');
    await expectAccessible(page, name('intro'));
    await shot(page, name('intro'));

    // A finished session's results: what each area means, why a role fits, the data, delete everything.
    await page.goto(`/?automation=1&lang=${lang}&battery=short`);
    await showStored(page, storedSession(`done-${lang}-${size}`, false));
    const results = page.locator('ts-results');
    const profile = results.locator('ts-candidate-profile');
    await expect(profile.locator('.domain').first()).toBeVisible();
    await expectAccessible(page, name('results'));
    await shot(page, name('results'));
    await profile.getByText(w.explain).first().click();
    await profile.getByText(w.why).first().click();
    await expect(profile.locator('.bars [role="img"]').first()).toBeVisible();
    await expectAccessible(page, name('results explained'));
    await shot(page, name('results-explained'));
    const csv = await downloadText(page, () => results.locator('.data button').nth(1).click());
    expect(csv.text.split('\r\n')[0]).toMatch(/^seq,page,t,type,/);
    await results.getByRole('button', { name: w.deleteAll }).click();
    await results.locator('[data-confirm-delete]').click();
    await expect(results.locator('.data [role="status"]')).toBeVisible();
    if (w.deleted) await expect(results.getByText(w.deleted)).toBeVisible();
    await shot(page, name('deleted'));
    console.log(`journey screens ${lang} ${size}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  });
}
