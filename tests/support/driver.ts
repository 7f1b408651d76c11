import { expect, type Frame, type Page } from '@playwright/test';
import { gameById } from '../../games/registry.ts';
import { createRng, exGaussian } from '../../src/lib/rng.ts';
import type { OnsetReport } from '../../src/runtime/automation.ts';
import type { TestAction } from '../../src/runtime/game-contract.ts';

export interface ScanOptions {
  battery?: string;
  lang?: string;
  seed?: number;
  /** Game clock speed (automation only): whole games in a fraction of the time. */
  timeScale?: number;
}

/** Opens the scan with the automation hook, gives consent and starts. */
export async function startScan(page: Page, opts: ScanOptions = {}): Promise<void> {
  const q = new URLSearchParams({
    automation: '1',
    lang: opts.lang ?? 'en',
    battery: opts.battery ?? 'reaction',
    seed: String(opts.seed ?? 42),
    ...(opts.timeScale ? { timescale: String(opts.timeScale) } : {}),
  });
  await page.goto(`/?${q}`);
  await page.getByRole('checkbox').check();
  await pressStart(page);
  await expect.poll(() => phase(page)).toBe('intro');
}

/** Where the scan runs: the page, or the frame of a pilot's page that embeds it (the hook lives in that frame). */
export type ScanScope = Page | Frame;

/** The page whose keyboard, mouse and clock drive a scope. */
function pageOf(scope: ScanScope): Page {
  return 'page' in scope && typeof scope.page === 'function' ? scope.page() : (scope as Page);
}

/**
 * Presses Start on the welcome screen (in any language: the button marked data-start; a finished scan's "open my
 * results" may hold the focus) and goes through the device
 * check that follows it: one practice answer, then on. Resolves once the check has been left.
 */
export async function pressStart(page: Page): Promise<void> {
  await page.locator('ts-welcome button[data-start]').click();
  await passDeviceCheck(page);
}

/** The device check step: the practice answer, then the way on (whatever the check found: it never blocks). */
export async function passDeviceCheck(page: ScanScope): Promise<void> {
  const check = page.locator('ts-device-check');
  await check.locator('.practice button').click();
  await check.locator('.actions button[data-autofocus]').click();
  await expect(check).toHaveCount(0);
}

export function phase(page: ScanScope): Promise<string> {
  return page.evaluate(() => window.__talentscan?.phase() ?? 'none');
}

/** One thing the driver does: a key press, a tap or click at a point of the stage (0..1 in each axis), or a pause (ms). */
export type Action = TestAction;

/** Decides how to answer a trial from its 'target' onset and its design entry; [] lets the trial time out. */
export type Responder = (onset: OnsetReport, trial: Record<string, unknown>, stage: { w: number; h: number }) => Action[];

/** Answers the Reaction game correctly by key (its manifest's test responder). */
export const keyboardCorrect: Responder = gameById('reaction').testResponder;

/** Answers the Reaction game correctly by tapping: the middle for simple, the target's half for choice. */
export const tapCorrect: Responder = (_o, trial) => [
  trial['condition'] === 'simple' ? { kind: 'tap', x: 0.5, y: 0.5 } : { kind: 'tap', x: trial['side'] === 'left' ? 0.25 : 0.75, y: 0.5 },
];

async function trialSpec(page: ScanScope, o: OnsetReport): Promise<Record<string, unknown>> {
  return page.evaluate(
    ({ block, trial }) => {
      const d = window.__talentscan?.design();
      return (d?.blocks[block]?.trials[trial] ?? {}) as Record<string, unknown>;
    },
    { block: o.block, trial: o.trial },
  );
}

/**
 * The game stage's box in the page's coordinates, or null once the game has ended (the results or break screen has no
 * stage). In a frame, the frame's own offset is added.
 */
export async function stageBox(page: ScanScope): Promise<{ x: number; y: number; w: number; h: number } | null> {
  const box = await page.evaluate(() => {
    const app = document.querySelector('ts-app')?.shadowRoot;
    const scan = app?.querySelector('ts-scan') ?? app?.querySelector('ts-embed')?.shadowRoot?.querySelector('ts-scan');
    const r = scan?.shadowRoot?.querySelector('.stage')?.getBoundingClientRect();
    return r && r.width > 0 ? { x: r.x, y: r.y, w: r.width, h: r.height } : null;
  });
  const frame = 'parentFrame' in page && page.parentFrame() ? await (await page.frameElement()).boundingBox() : null;
  return box && frame ? { ...box, x: box.x + frame.x, y: box.y + frame.y } : box;
}

/**
 * Plays the running game through the hook until `stop` says so: starts each block from its intro, waits for each
 * 'target' onset, waits `rtMs`, performs the responder's actions. Returns the number of trials answered.
 * `rtMs` may be a function drawn once per trial (see humanRts): a certified session refuses answers whose times are
 * too regular to be human, as a fixed wait is.
 */
export async function play(
  page: ScanScope,
  respond: Responder,
  opts: {
    rtMs?: number | (() => number);
    stop?: (answered: number, phase: string) => boolean;
    pointer?: 'mouse' | 'touch';
    /** Start each block by keyboard: Enter on the intro's button, which must have the focus (keyboard-only tests). */
    keyboard?: boolean;
    /**
     * Stop trials answered as a person does by the race model: on a trial whose design says `stop`, the answer is held
     * back when the stop signal (`signal`, an onset name) came on before `rt − ssrtMs` after the target, and given at
     * `rt` otherwise. With
     * the game's staircase this settles near p(respond|signal) = .5 with signal-respond times faster than go times.
     */
    race?: { signal: string; ssrtMs: number };
  } = {},
): Promise<number> {
  const rt = typeof opts.rtMs === 'function' ? opts.rtMs : () => (opts.rtMs as number | undefined) ?? 250;
  const input = pageOf(page);
  let answered = 0;
  // Onsets already reported belong to trials that are over (or were interrupted): answer only new ones.
  let seen = await page.evaluate(() => window.__talentscan?.onsets.length ?? 0);
  for (;;) {
    const p = await phase(page);
    if (opts.stop?.(answered, p) ?? (p === 'break' || p === 'done')) return answered;
    if (p === 'intro') {
      // The panel's Start button (it has the focus), whatever the language; the demo's pause toggle is the other one.
      const start = page.locator('ts-scan section.panel button[data-autofocus]');
      if (opts.keyboard) {
        await expect(start).toBeFocused();
        await input.keyboard.press('Enter');
      } else await start.click();
      await expect.poll(() => phase(page)).not.toBe('intro');
      continue;
    }
    if (p !== 'running') throw new Error(`Unexpected phase ${p}`);
    const onset = await page
      .waitForFunction(
        (n) => {
          const h = window.__talentscan;
          if (!h) return null;
          if (h.phase() !== 'running') return 'left-running';
          return h.onsets.slice(n).find((o) => o.name === 'target') ?? null;
        },
        seen,
        { timeout: 15_000 },
      )
      .then((handle) => handle.jsonValue() as Promise<OnsetReport | 'left-running'>);
    if (onset === 'left-running') continue;
    const box = await stageBox(page);
    if (!box) continue; // the game ended between the onset and now
    const spec = await trialSpec(page, onset);
    const actions = respond(onset, spec, { w: box.w, h: box.h });
    const wait = rt();
    let withheld = false;
    await page.waitForTimeout(wait);
    if (opts.race && spec['stop'] === true) {
      // Decided on the onsets' own times, not on when the hook reported them (an onset waits for its presentation).
      const signal = await page.evaluate(
        ({ o, name }) => window.__talentscan?.onsets.find((x) => x.name === name && x.game === o.game && x.block === o.block && x.trial === o.trial) ?? null,
        { o: onset, name: opts.race.signal },
      );
      withheld = signal !== null && signal.t - onset.t <= wait - opts.race.ssrtMs;
    }
    for (const a of withheld ? [] : actions) {
      if (a.kind === 'key') await input.keyboard.press(a.key);
      if (a.kind === 'tap' && opts.pointer === 'touch') await input.touchscreen.tap(box.x + a.x * box.w, box.y + a.y * box.h);
      if (a.kind === 'tap' && opts.pointer !== 'touch') await input.mouse.click(box.x + a.x * box.w, box.y + a.y * box.h);
      if (a.kind === 'wait') await page.waitForTimeout(a.ms);
    }
    answered++;
    const index = await page.evaluate((o) => window.__talentscan?.onsets.findIndex((x) => x.seq === o.seq) ?? -1, onset);
    seen = index + 1;
    // Let the trial end before looking for the next onset.
    await page
      .waitForFunction(
        (n) => (window.__talentscan?.onsets.slice(n).some((o) => o.name === 'target') ?? false) || window.__talentscan?.phase() !== 'running',
        seen,
        { timeout: 15_000 },
      )
      .catch(() => undefined);
  }
}

/**
 * Plays a whole battery: each game with `play`, and on from each break screen between games (by Enter on its focused
 * button when `keyboard`). Resolves when the scan is done; returns the trials answered.
 */
export async function playBattery(page: ScanScope, respond: Responder, opts: Parameters<typeof play>[2] = {}): Promise<number> {
  let answered = 0;
  for (;;) {
    answered += await play(page, respond, { ...opts, stop: (_n, p) => p === 'break' || p === 'done' });
    if ((await phase(page)) === 'done') return answered;
    const goOn = page.locator('ts-scan .break button');
    if (opts.keyboard) {
      await expect(goOn).toBeFocused();
      await pageOf(page).keyboard.press('Enter');
    } else await goOn.click();
    await expect.poll(() => phase(page)).not.toBe('break');
  }
}

/**
 * Waits before each answer drawn from an ex-Gaussian (mu, sigma, tau in ms), seeded: the shape of human RTs, so a
 * browser-played certified session passes the issuer's plausibility checks (src/integrity/plausibility.ts).
 */
export function humanRts(seed = 1, mu = 300, sigma = 40, tau = 80): () => number {
  const rng = createRng(seed);
  return () => Math.max(120, exGaussian(rng, mu, sigma, tau));
}
