import { expect, type Locator, type Page, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import type { LogEvent } from '../../src/log/events.ts';
import type { TrialRecord } from '../../src/log/trials.ts';
import { simulatedSession } from '../../src/server/fixtures/session-log.ts';
import { expectAccessible, isFocused, tabTo } from '../support/a11y.ts';
import { humanRts, phase, play, type Responder } from '../support/driver.ts';
import { RESPONDERS } from '../support/responders.ts';
import { literally, wordsIn } from '../support/words.ts';

/**
 * The candidate's journey (issue: candidate experience), at 360×640 and 1280×800, in Dutch and in Arabic (RTL).
 *
 * Two real plays cover the whole path, each in one language at one size, so that together they cover both languages
 * and both sizes: by keyboard only on a phone in Dutch, and by mouse on a desktop in Arabic (right to left). Each
 * goes landing → the certified mode + consent → device check → the short battery (at real speed: a certified session
 * is checked against the server's clock; answers through the automation hook) with the map between games, a pause
 * and a reload in the middle of a game that lands back on the map at the same station with every trial kept →
 * results → "what does this mean" and the why of a role fit → the closing questions → the credential, issued from the
 * server's copy and downloaded → my data as JSON and CSV → the report for a coach → delete everything. They run in the
 * Playwright project `realtime` (tag @realtime), started first beside the rest. They also check what the short
 * battery's own test checked (breaks between games, one progress bar over the whole battery, results for every game),
 * so the battery is not played a third time. The two other size × language pairs (Arabic on a phone, Dutch on a
 * desktop) check every shell screen from stored sessions (a simulated session cut at the end of its first game, and a
 * finished one): the screens are the same code, and two more real plays would add about twelve minutes of browser
 * time for no new path. Every expected word comes from the product's catalogues (support/words.ts); axe-core checks
 * every shell screen.
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

/** How the candidate works the shell: the keyboard only (Tab, arrows, Enter, Space, Esc), or the mouse. */
type Input = 'keyboard' | 'mouse';

/**
 * The shell's controls, worked by keyboard or by mouse. The games are answered by their test responders either way
 * (keys for Reaction and Arrows, taps on the board for Block sequence), as a desktop candidate answers them.
 */
function handsFor(page: Page, input: Input) {
  const keyboard = input === 'keyboard';
  return {
    keyboard,
    /** Presses a button: Tab to it and Enter, or a click. */
    async press(target: Locator): Promise<void> {
      if (!keyboard) return target.click();
      await tabTo(page, target);
      await page.keyboard.press('Enter');
    },
    /** Goes on from a screen whose main button takes the focus on arrival: Enter (checking that focus), or a click. */
    async goOn(selector: string): Promise<void> {
      if (!keyboard) return page.locator(selector).click();
      await expectFocused(page, selector);
      await page.keyboard.press('Enter');
    },
    /** Downloads what pressing `target` gives. */
    download(target: Locator): Promise<{ name: string; text: string }> {
      return downloadText(page, async () => {
        if (!keyboard) return target.click();
        await tabTo(page, target);
        await page.keyboard.press('Enter');
      });
    },
  };
}

/**
 * The whole journey of one candidate, certified, at real speed: landing → mode + consent → device check → the short
 * battery with the map between games, a pause and a reload in the middle of a game → results → what it means → the
 * closing questions → the credential → my data → the report for a coach → delete everything (here and on the server).
 */
async function journey(page: Page, lang: 'nl' | 'ar', viewport: { width: number; height: number }, input: Input): Promise<void> {
  const started = Date.now();
  const say = wordsIn(lang);
  const hands = handsFor(page, input);
  const size = viewport === PHONE ? 'phone' : 'desktop';
  const name = (screen: string) => `${screen}-${lang}-${size}`;
  const game = (id: string) => say(`game.${id}`);
  await page.setViewportSize(viewport);
  await page.goto(`/?automation=1&lang=${lang}&battery=short`);
  await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
  const rts = humanRts(lang === 'ar' ? 22 : 21);

  // Step 1: landing, mode and consent.
  const welcome = page.locator('ts-welcome');
  await expect(welcome.getByRole('heading', { name: say('landing.time.title') })).toBeVisible();
  await expect(welcome.locator('.facts li')).toHaveCount(4);
  await expectAccessible(page, name('landing'));
  await shot(page, name('landing'));
  const certified = welcome.getByRole('radio', { name: literally(say('mode.certified')) });
  if (hands.keyboard) {
    // Tab reaches the checked radio (practice); an arrow key moves the choice.
    await tabTo(page, welcome.getByRole('radio', { checked: true }));
    await page.keyboard.press('ArrowDown');
  } else await certified.click();
  await expect(certified).toBeChecked();
  await expect(welcome.locator('[data-consent-version^="certified"]')).toBeVisible();
  await expectAccessible(page, name('consent certified'));
  await shot(page, name('consent-certified'));
  const consent = welcome.getByRole('checkbox');
  if (hands.keyboard) {
    await tabTo(page, consent);
    await page.keyboard.press('Space');
  } else await consent.click();
  await expect(consent).toBeChecked();
  await hands.press(welcome.getByRole('button', { name: say('welcome.start'), exact: true }));

  // Step 2: the device check; the focus is on the practice answer, then on the way on.
  const check = page.locator('ts-device-check');
  await expect(check.getByText(say('landing.steps', { step: 2 }))).toBeVisible();
  await expect(check.locator('li').first()).toBeVisible();
  await expectAccessible(page, name('device check'));
  await shot(page, name('device-check'));
  await hands.goOn('ts-device-check .practice button');
  await hands.goOn('ts-device-check .actions button[data-autofocus]');
  await expect.poll(() => phase(page)).toBe('intro');
  // The progress bar runs over the whole battery: recorded at each intro and break, it never goes back.
  const scan = page.locator('ts-scan');
  const progressBar = scan.getByRole('progressbar');
  const progress: number[] = [];
  const recordProgress = async () => progress.push(Number(await progressBar.getAttribute('aria-valuenow')));
  await recordProgress();
  await expect(scan.getByText(say('intro.game', { index: 1, count: 3 }))).toBeVisible();
  await expectAccessible(page, name('intro'));
  await shot(page, name('intro'));

  // Game 1, then the map between games.
  const [first, second, third] = ['reaction', 'flanker', 'corsi'].map((g) => {
    const r = RESPONDERS[g];
    if (!r) throw new Error(g);
    return r;
  }) as [Responder, Responder, Responder];
  const how = { rtMs: rts, keyboard: hands.keyboard };
  const gameStarted = Date.now();
  await play(page, first, how);
  console.log(`journey ${lang} ${size}: game 1 played in ${((Date.now() - gameStarted) / 1000).toFixed(0)} s`);
  await expect.poll(() => phase(page)).toBe('break');
  const map = scan.locator('ts-journey-map');
  await expect(map.locator('li[aria-current="step"]')).toContainText(say('journey.station', { index: 2, game: game('flanker') }));
  await expect(map.getByRole('status')).toContainText(say('journey.progress', { done: 1, count: 3 }));
  await recordProgress();
  await expect(scan.getByText(say('journey.saved'))).toBeVisible();
  await expectAccessible(page, name('break'));
  await shot(page, name('break'));
  await hands.goOn('ts-scan .break button');
  // A certified session fetches the next game's seed from the server first.
  await expect.poll(() => phase(page)).toBe('intro');

  // Game 2: a few answers, a pause (Esc, or the pause button), a few more, then a reload in the middle of the game.
  await play(page, second, { ...how, stop: (answered) => answered >= 3 });
  await expect.poll(() => phase(page)).toBe('running');
  await expect(scan.getByText(say('play.canStop'))).toBeVisible();
  await shot(page, name('running'));
  if (hands.keyboard) await page.keyboard.press('Escape');
  else await scan.locator('[data-shell-control]').click();
  await expect.poll(() => phase(page)).toBe('paused');
  await expect(scan.getByRole('heading', { name: say('pause.title') })).toBeVisible();
  await expectAccessible(page, name('pause'));
  await shot(page, name('pause'));
  await hands.goOn('ts-scan section.panel button');
  await expect.poll(() => phase(page)).not.toBe('paused');
  await play(page, second, { ...how, stop: (answered) => answered >= 3 });
  await page.evaluate(() => window.__talentscan?.persisted());
  const before = await trials(page);
  const sessionId = await page.evaluate(() => window.__talentscan?.sessionId());
  expect(before.filter((t) => t.game === 'flanker').length).toBeGreaterThan(0);

  await page.reload();
  await expect(scan.getByRole('heading', { name: say('journey.welcomeBack') })).toBeVisible();
  await expect(scan.getByText(say('journey.resumeAt', { index: 2, game: game('flanker') }))).toBeVisible();
  await expect(map.locator('li[aria-current="step"]')).toContainText(say('journey.station', { index: 2, game: game('flanker') }));
  await expectAccessible(page, name('resume'));
  await shot(page, name('resume'));
  await hands.goOn('ts-scan .resume button[data-autofocus]');
  await expect.poll(() => phase(page)).toBe('intro');
  expect(await page.evaluate(() => window.__talentscan?.sessionId())).toBe(sessionId);
  await expect(map.locator('li[aria-current="step"]')).toContainText(say('journey.station', { index: 2, game: game('flanker') }));
  await shot(page, name('intro-resumed'));
  // Nothing lost: every trial from before the reload is still there, unchanged.
  expect((await trials(page)).slice(0, before.length)).toEqual(before);
  await play(page, second, how);
  await expect.poll(() => phase(page)).toBe('break');
  await expect(map.locator('li[aria-current="step"]')).toContainText(say('journey.station', { index: 3, game: game('corsi') }));
  await expect(scan.getByText(say('break.last'))).toBeVisible();
  await recordProgress();
  await hands.goOn('ts-scan .break button');
  await expect.poll(() => phase(page)).toBe('intro');
  await expect(scan.getByText(say('intro.game', { index: 3, count: 3 }))).toBeVisible();
  await recordProgress();

  // Game 3 is answered by taps on its board (its test responder); Pause is pressed with the pointer once, and that
  // press is not logged as an answer.
  await play(page, third, { ...how, stop: (answered) => answered >= 1 });
  const inputs = async () => ((await page.evaluate(() => window.__talentscan?.events())) as LogEvent[]).filter((e) => e.type === 'input').length;
  const inputsBefore = await inputs();
  if ((await phase(page)) === 'running') {
    await scan.locator('[data-shell-control]').click();
    await expect.poll(() => phase(page)).toBe('paused');
    expect(await inputs()).toBe(inputsBefore);
    await hands.goOn('ts-scan section.panel button');
    await expect.poll(() => phase(page)).not.toBe('paused');
  }
  await play(page, third, how);
  await expect.poll(() => phase(page), { timeout: 30_000 }).toBe('done');
  expect(progress[0]).toBe(0);
  for (let i = 1; i < progress.length; i++) expect(progress[i]).toBeGreaterThanOrEqual(progress[i - 1] ?? 0);
  expect(progress.at(-1)).toBeLessThan(100);
  console.log(`journey ${lang} ${size}: the short battery (3 games, certified, real speed) took ${((Date.now() - gameStarted) / 1000).toFixed(0)} s`);

  // Results: strengths first, each area with its band, a "what does this mean" layer and the why of each role fit.
  const results = page.locator('ts-results');
  await expect(results.getByRole('heading', { name: say('results.title') })).toBeVisible();
  const profile = results.locator('ts-candidate-profile');
  await expect(profile.getByRole('heading', { name: say('results.strengthsFirst') })).toBeVisible();
  await expectAccessible(page, name('results'));
  await shot(page, name('results'));
  const explain = profile.locator('details.explain summary').first();
  await expect(explain).toHaveText(say('explain.button'));
  await hands.press(explain);
  const opened = profile.locator('details.explain[open]').first();
  await expect(opened.getByText(say('explain.measured'))).toBeVisible();
  await expect(opened.getByText(say('explain.group'))).toBeVisible();
  await hands.press(profile.getByText(say('fit.why')).first());
  await expect(profile.locator('.bars [role="img"]').first()).toBeVisible();
  await expectAccessible(page, name('what does this mean'));
  await shot(page, name('results-explained'));
  // Every game's raw measurements are there for whoever wants to check them.
  await hands.press(results.getByText(say('results.raw')));
  for (const id of ['reaction', 'flanker', 'corsi']) await expect(results.getByRole('table', { name: game(id) })).toBeVisible();
  // Reflow (WCAG 1.4.10): with the raw tables open, nothing makes the page wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);

  // The two closing questions. A radio group is one Tab stop; the arrow keys choose within it.
  const feedback = results.locator('ts-feedback');
  const fun = feedback.getByRole('radio', { name: say('feedback.fun.yes'), exact: true });
  if (hands.keyboard) {
    await tabTo(page, feedback.getByRole('radio', { name: say('feedback.fun.no') }));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
  } else await fun.click();
  await expect(fun).toBeChecked();
  await hands.press(feedback.getByRole('button', { name: say('feedback.send') }));
  await expect(feedback.getByRole('status')).toContainText(say('feedback.thanks'));

  // The credential: the server issues it from its own witnessed copy of the session.
  await expect.poll(async () => (await page.evaluate(() => window.__talentscan?.upload()))?.state, { timeout: 30_000 }).toBe('synced');
  await hands.press(results.getByRole('button', { name: say('credential.get') }));
  await expect(results.getByText(say('credential.ready'))).toBeVisible({ timeout: 30_000 });
  await expectAccessible(page, name('credential'));
  await shot(page, name('credential'));
  const jwt = await hands.download(results.getByRole('button', { name: say('credential.download.jwt') }));
  expect(jwt.text.split('~')[0]?.split('.')).toHaveLength(3);

  // My data: JSON (log, scores, profile, answers) and CSV (the log), and the report a coach imports.
  const json = await hands.download(results.getByRole('button', { name: say('data.json') }));
  const data = JSON.parse(json.text) as { format: string; events: LogEvent[]; profile?: unknown; feedback?: { fun?: string } };
  expect(data.format).toBe('talentscan-my-data');
  expect(data.events.at(-1)?.type).toBe('session-end');
  expect(data.profile).toBeDefined();
  expect(data.feedback?.fun).toBe('yes');
  const csv = await hands.download(results.getByRole('button', { name: say('data.csv') }));
  expect(csv.name).toMatch(/\.csv$/);
  const lines = csv.text.trim().split('\r\n');
  expect(lines[0]).toBe('seq,page,t,type,game,block,trial,kind,name,device,key,x,y,value,reason,details');
  expect(lines).toHaveLength(data.events.length + 1);
  const report = JSON.parse((await hands.download(results.getByRole('button', { name: say('data.shareCoach') }))).text) as {
    format: string;
    version: number;
    events: unknown[];
  };
  expect([report.format, report.version, report.events.length]).toEqual(['talentscan-coach-report', 1, data.events.length]);

  // Delete everything, here and on the server (which withdraws the credential): the first press asks, the focus moves
  // to the button that deletes.
  await hands.press(results.getByRole('button', { name: say('data.deleteAll') }));
  await expect(results.getByText(say('data.deleteConfirm'))).toBeVisible();
  await expectAccessible(page, name('delete confirm'));
  await hands.goOn('ts-results [data-confirm-delete]');
  await expect(results.getByText(say('results.deleted'))).toBeVisible();
  // Nothing of the deleted results stays on screen (a shared device's next user must not read them).
  await expect(profile).toHaveCount(0);
  await expect(results.getByText(say('results.raw'))).toHaveCount(0);
  expect(await page.evaluate((id) => localStorage.getItem(`talentscan.feedback.${id}`), sessionId)).toBeNull();
  await shot(page, name('deleted'));
  console.log(`journey ${lang} ${size}: the whole journey took ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

test('the whole journey by keyboard on a phone, in Dutch: map between games, pause, reload mid-game, results, credential, data, delete', {
  tag: '@realtime',
}, async ({ page }) => {
  test.setTimeout(900_000);
  await journey(page, 'nl', PHONE, 'keyboard');
});

test('the whole journey by mouse on a desktop, in Arabic (right to left): map between games, pause, reload mid-game, results, credential, data, delete', {
  tag: '@realtime',
}, async ({ page }) => {
  test.setTimeout(900_000);
  await journey(page, 'ar', DESKTOP, 'mouse');
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

for (const [lang, size, viewport] of [
  ['ar', 'phone', PHONE],
  ['nl', 'desktop', DESKTOP],
] as const) {
  test(`every shell screen (${lang}, ${viewport.width}×${viewport.height}) from stored sessions: landing, consent, device check, map on resume and between games, results`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const started = Date.now();
    const say = wordsIn(lang);
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
    await welcome.getByRole('button', { name: say('welcome.start'), exact: true }).click();
    const check = page.locator('ts-device-check');
    await expect(check.locator('li').first()).toBeVisible();
    await expectAccessible(page, name('device check'));
    await shot(page, name('device-check'));

    // An interrupted session lands back on the map; its first game was over, so it goes on to the break.
    await page.goto(`/?automation=1&lang=${lang}&battery=short`);
    await showStored(page, storedSession(`cut-${lang}-${size}`, true));
    await page.reload();
    const scan = page.locator('ts-scan');
    await expect(scan.getByRole('heading', { name: say('journey.welcomeBack') })).toBeVisible();
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
    await profile.getByText(say('explain.button')).first().click();
    await profile.getByText(say('fit.why')).first().click();
    await expect(profile.locator('.bars [role="img"]').first()).toBeVisible();
    await expectAccessible(page, name('results explained'));
    await shot(page, name('results-explained'));
    const csv = await downloadText(page, () => results.locator('.data button').nth(1).click());
    expect(csv.text.split('\r\n')[0]).toMatch(/^seq,page,t,type,/);
    await results.getByRole('button', { name: say('data.deleteAll') }).click();
    await results.locator('[data-confirm-delete]').click();
    await expect(results.locator('.data [role="status"]')).toBeVisible();
    await expect(results.getByText(say('results.deleted'))).toBeVisible();
    await expect(profile).toHaveCount(0);
    await shot(page, name('deleted'));
    console.log(`journey screens ${lang} ${size}: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  });
}
