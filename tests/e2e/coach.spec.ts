import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { coachReport } from '../../src/coach/intake.ts';
import { verifyCredential } from '../../src/credential/verify.ts';
import { CSV_COLUMNS } from '../../src/coach/list.ts';
import { recompute } from '../../src/coach/recompute.ts';
import type { LogEvent } from '../../src/log/events.ts';
import { simulatedSession } from '../../src/server/fixtures/session-log.ts';
import { extractText, getDocumentProxy, renderPageAsImage } from 'unpdf';
import { test } from '../support/coach-server.ts';
import { issueToWallet, revoke, TestWallet, type IssuedCredential } from '../support/test-wallet.ts';
import { wordsIn } from '../support/words.ts';

const SCREENS = 'tests/.artifacts/screens';
mkdirSync(SCREENS, { recursive: true });

async function expectAccessible(page: Page, label: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(result.violations.map((v) => `${label}: ${v.id} ${v.help} (${v.nodes.length}) ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
}

/**
 * The whole server runs in the test's process (coach-server.ts): a simulated candidate plays the short battery (three
 * games, so several measured domains) through its witness API on the test's clock. The offer is redeemed once (by the
 * wallet test), so the tests run in order and the one that withdraws it runs last.
 */
let issued: IssuedCredential;
let events: LogEvent[];
test.describe.configure({ mode: 'serial' });
test.beforeAll(async ({ server }) => {
  test.setTimeout(240_000);
  const answer = await server.credential<IssuedCredential>();
  issued = answer;
  events = answer.play.events;
});

async function freshWorkspace(page: Page): Promise<void> {
  await page.goto('/coach?lang=en');
  await page.evaluate(
    () =>
      new Promise((ok) => {
        const r = indexedDB.deleteDatabase('talentscan-coach');
        r.onsuccess = r.onerror = r.onblocked = ok;
      }),
  );
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Coach workspace' })).toBeVisible();
}

/** Asks for the checked domains and returns the openid4vp:// request the page shows. */
async function makeRequest(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Make request' }).click();
  await expect(page.getByRole('img', { name: "QR code with the request for the candidate's wallet" })).toBeVisible();
  const uri = await page.getByRole('link', { name: 'Open in a wallet on this device' }).getAttribute('href');
  expect(uri).toMatch(/^openid4vp:\/\/\?/);
  return uri!;
}

/** Keyboard only: a label, Tab to the text box, the credential, Tab to the button, Enter. */
async function pasteByKeyboard(page: Page, label: string, text: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Label for this candidate (no name needed)' }).focus();
  await page.keyboard.insertText(label);
  await page.keyboard.press('Tab');
  await page.keyboard.insertText(text);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
}

const recordCount = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number>((ok, fail) => {
        const open = indexedDB.open('talentscan-coach');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('records').objectStore('records').count();
          req.onsuccess = () => {
            ok(req.result);
            open.result.close();
          };
        };
      }),
  );

test('import a credential file and a full report, recompute against another norm group, print, CSV, delete', async ({ page }, info) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 768, height: 1024 });
  await freshWorkspace(page);
  page.on('dialog', (d) => void d.accept());
  const dir = info.outputPath();
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/candidate.jwt`, issued.vcSdJwt);
  const profile = recompute(events, 'sro-provisional-all');
  writeFileSync(`${dir}/report.json`, JSON.stringify(coachReport(profile, events, issued.vcSdJwt)));

  await pasteByKeyboard(page, 'Kbd 1', issued.vcSdJwt);
  await expect(page.getByText('Kbd 1 imported and verified.')).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('ts-coach-candidate').getByRole('heading', { name: 'Profile of Kbd 1' })).toBeFocused();
  // A credential carries the flags' codes only: each reads as its sentence (without numbers), the code beside it.
  const fromCredential = page.locator('ts-coach-candidate ul.flags li', { hasText: 'The comparison group is still provisional.' });
  await expect(fromCredential.locator('code')).toHaveText('norm.provisional');

  await page.getByLabel('Or choose a file').setInputFiles(`${dir}/candidate.jwt`);
  await expect(page.getByText('Candidate 2 imported and verified.')).toBeVisible({ timeout: 15_000 });

  await page.getByRole('textbox', { name: 'Label for this candidate (no name needed)' }).fill('Report A');
  await page.getByLabel('Or choose a file').setInputFiles(`${dir}/report.json`);
  await expect(page.getByText('Report A imported and verified.')).toBeVisible({ timeout: 30_000 });
  const candidate = page.locator('ts-coach-candidate');
  await expect(candidate.getByText(/Raw log.*recomputes to exactly this profile · is the log the credential was made from/)).toBeVisible();
  await expect(candidate.getByRole('heading', { name: 'What the scores rest on' })).toBeVisible();
  await expectAccessible(page, 'report');
  await page.screenshot({ path: `${SCREENS}/coach-report-768.png`, fullPage: true });

  // Recompute in the worker against another norm group, then the same versions again.
  await candidate.getByLabel('Norm group').selectOption('sro-provisional-20-29');
  await candidate.getByRole('button', { name: 'Recalculate' }).click();
  await expect(candidate.getByText(/Recalculated against sro-provisional-20-29 .* with algorithm version \d/)).toBeVisible({ timeout: 30_000 });
  await expect(candidate.getByText('Differs from the shared profile because the norm group or role set differs.')).toBeVisible();
  await expect(candidate.getByText(/Compared with: .*20/).first()).toBeVisible();
  await candidate.getByLabel('Norm group').selectOption('sro-provisional-all');
  await candidate.getByRole('button', { name: 'Recalculate' }).click();
  await expect(candidate.getByText('Identical to the shared profile (same versions, same numbers).')).toBeVisible({ timeout: 30_000 });

  // Compare with another candidate.
  await page.getByRole('button', { name: 'Compare with Kbd 1' }).click();
  await expect(page.getByRole('heading', { name: 'Report A and Kbd 1 side by side' })).toBeVisible();
  await expectAccessible(page, 'compare');

  // Print view: a clean A4 PDF from Chromium, and a look at the print layout.
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: `${SCREENS}/coach-print.png`, fullPage: true });
  await expect(page.getByRole('button', { name: 'Make request' })).toBeHidden();
  await expect(candidate.getByText(/^Verification: Verified · issuer/)).toBeVisible();
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, path: `${SCREENS}/coach-print.pdf` });
  // Read back: A4 pages (595 × 842 pt), and the words a reader of the paper needs: who, what, and how it was checked.
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  expect(doc.numPages).toBeGreaterThanOrEqual(1);
  expect(doc.numPages).toBeLessThanOrEqual(8);
  for (let n = 1; n <= doc.numPages; n++) {
    const { width, height } = (await doc.getPage(n)).getViewport({ scale: 1 });
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
  }
  const { text } = await extractText(doc, { mergePages: true });
  const words = text.replace(/\s+/g, ' ');
  expect(words).toContain('Profile of Report A');
  expect(words).toContain('Speed');
  expect(words).toContain('Keeping things in mind');
  expect(words).toMatch(/Verification: Verified · issuer/);
  expect(words).toContain('Report A and Kbd 1 side by side');
  expect(words).not.toContain('Make request');
  // The first page as an image, to look at. pdf.js uses ArrayBuffer.prototype.transferToFixedLength (Node 21+); on
  // Node 20 a copy stands in for it, which is all the renderer needs.
  ArrayBuffer.prototype.transferToFixedLength ??= function (this: ArrayBuffer, length?: number) {
    return this.slice(0, length ?? this.byteLength);
  };
  const png = await renderPageAsImage(new Uint8Array(pdf), 1, { canvasImport: () => import('@napi-rs/canvas'), scale: 1.5 });
  writeFileSync(`${SCREENS}/coach-print-page1.png`, Buffer.from(png));
  await page.emulateMedia({ media: 'screen' });

  // CSV of the list.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download list (CSV)' }).click()]);
  const csv = (await readFile((await download.path()) ?? '', 'utf8')).replace(/^\ufeff/, '');
  const lines = csv.trimEnd().split('\r\n');
  expect(lines[0]).toBe(CSV_COLUMNS.join(','));
  expect(lines).toHaveLength(4);
  expect(lines.some((l) => l.startsWith('Report A,'))).toBe(true);

  // Delete one, then all: gone from IndexedDB.
  expect(await recordCount(page)).toBe(3);
  await page.getByRole('button', { name: 'Delete Kbd 1' }).click();
  await expect(page.getByText('Kbd 1 was deleted from this device.')).toBeVisible();
  expect(await recordCount(page)).toBe(2);
  await page.getByRole('button', { name: 'Delete all' }).click();
  await expect(page.getByText('All candidates were deleted from this device.')).toBeVisible();
  expect(await recordCount(page)).toBe(0);
});

/** Tabs `steps` times from the top of the page; for each stop, the focused control (inside shadow roots) as a reader names it. */
async function tabWalk(page: Page, steps: number): Promise<{ name: string; outline: string; inView: boolean }[]> {
  await page.locator('body').focus();
  const stops: { name: string; outline: string; inView: boolean }[] = [];
  for (let i = 0; i < steps; i++) {
    await page.keyboard.press('Tab');
    stops.push(
      await page.evaluate(() => {
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        if (!el || el === document.body) return { name: '(body)', outline: 'none', inView: true };
        const r = el.getBoundingClientRect();
        const name = el.getAttribute('aria-label') ?? (el.closest('label')?.textContent || el.textContent || '').trim().replace(/\s+/g, ' ');
        return {
          name: `${el.tagName.toLowerCase()}: ${name.slice(0, 60)}`,
          outline: getComputedStyle(el).outlineStyle,
          inView: r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
        };
      }),
    );
  }
  return stops;
}

for (const [width, height] of [
  [1280, 800],
  [768, 1024],
] as const) {
  test(`keyboard only at ${width}×${height}: every control is reached in order, visibly focused, and works; axe finds nothing`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height });
    await freshWorkspace(page);
    page.on('dialog', (d) => void d.accept());
    await pasteByKeyboard(page, 'Kbd', issued.vcSdJwt);
    await expect(page.getByText('Kbd imported and verified.')).toBeVisible({ timeout: 15_000 });

    const stops = await tabWalk(page, 45);
    const names = stops.map((s) => s.name);
    const order = [
      'input: Speed',
      'button: Make request',
      'input: Label for this candidate (no name needed)',
      'button: Import and check',
      'button: Scan a QR code with the camera',
      'input: Search',
      'button: Open Kbd',
      'button: Delete Kbd',
    ].map((want) => names.findIndex((n) => n.startsWith(want)));
    expect(
      order.every((i) => i >= 0),
      names.join('\n'),
    ).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    for (const s of stops.filter((x) => x.name !== '(body)')) {
      expect(s.inView, `${s.name} scrolled into view`).toBe(true);
      expect(s.outline, `${s.name} shows its focus`).not.toBe('none');
    }

    // Operate: ask a wallet with Space and Enter, open the candidate, go back.
    await page.getByRole('checkbox', { name: 'Speed' }).focus();
    await page.keyboard.press('Space');
    await expect(page.getByRole('checkbox', { name: 'Speed' })).not.toBeChecked();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Make request' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('img', { name: "QR code with the request for the candidate's wallet" })).toBeVisible();
    await page.getByRole('button', { name: 'Open Kbd' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('ts-coach-candidate').getByRole('heading', { name: 'Profile of Kbd' })).toBeFocused();
    // Nothing wider than the window (no sideways scrolling).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await expectAccessible(page, `keyboard ${width}`);
    await page.screenshot({ path: `${SCREENS}/coach-keyboard-${width}.png`, fullPage: true });
  });
}

test('a wallet presents the two asked-for domains; the coach sees exactly those, verified, with the assurance; bad presentations are refused with reasons', async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await freshWorkspace(page);
  const wallet = await new TestWallet().init();
  const received = await issueToWallet(issued, wallet);
  const inCredential = (await verifyCredential(received.credential)) as { ok: true; summary: { domains: { domain: string }[] } };
  expect(inCredential.summary.domains.length).toBeGreaterThan(2);

  // The defaults ask for two of the credential's domains: Speed and Keeping things in mind.
  await expect(page.getByRole('checkbox', { name: 'Speed' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Keeping things in mind' })).toBeChecked();
  expect(await page.getByRole('checkbox', { checked: true }).count()).toBe(2);
  const uri = await makeRequest(page);
  await expectAccessible(page, 'request');
  await page.screenshot({ path: `${SCREENS}/coach-request-1280.png`, fullPage: true });
  expect((await wallet.present(uri)).status).toBe(200);
  await expect(page.getByText(/^Received and verified from the wallet as Candidate 1: Speed, Keeping things in mind/)).toBeVisible({ timeout: 15_000 });
  const candidate = page.locator('ts-coach-candidate');
  await expect(candidate.getByText('Verified: signed by a trusted issuer, unchanged, valid and not withdrawn.')).toBeVisible();
  await expect(candidate.locator('tr[data-domain]')).toHaveCount(2);
  await expect(candidate.locator('tr[data-domain="processing-speed"]')).toBeVisible();
  await expect(candidate.locator('tr[data-domain="working-memory"]')).toBeVisible();
  await expect(candidate.getByText(/^Certified: the server witnessed the session \(games: [^,)]+, [^,)]+, [^,)]+\)$/)).toBeVisible();
  await expect(candidate.getByText('Yes: the wallet proved it holds this credential, for this request')).toBeVisible();
  await expect(candidate.getByText(/How it was obtained/)).toBeVisible();
  await expect(candidate.getByText(/results shared, \d+ kept back by the candidate/)).toBeVisible();
  await expectAccessible(page, 'received');
  await page.screenshot({ path: `${SCREENS}/coach-received-1280.png`, fullPage: true });

  const refused = async (opts: Parameters<TestWallet['present']>[1], words: RegExp) => {
    const u = await makeRequest(page);
    expect((await wallet.present(u, opts)).status).toBe(400);
    await expect(page.getByRole('alert').filter({ hasText: words })).toBeVisible({ timeout: 15_000 });
  };
  await refused({ nonce: 'not-the-request-nonce' }, /refused: the answer belongs to another request/);
  await refused({ iatShiftSec: -900 }, /refused: the holder's proof was not made just now/);
  await refused({ tamper: true }, /refused: a shared part was changed or does not belong to the credential/);
  await revoke(baseURL!, received.credentialId, received.revocationToken);
  await refused({}, /refused: the issuer has withdrawn it/);
  expect(await recordCount(page)).toBe(1);
});

test('an altered credential is kept only as not verified, with the reason; a passphrase locks the workspace', async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.install();
  await page.setViewportSize({ width: 1280, height: 800 });
  await freshWorkspace(page);
  const [head, body, sig] = issued.vcSdJwt.split('~')[0]!.split('.');
  const forged = issued.vcSdJwt.replace(`${head}.${body}.${sig}`, `${head}.${body}.${sig!.slice(0, -6)}AAAAAA`);
  await page.getByRole('textbox', { name: 'Credential (text)' }).fill(forged);
  await page.getByRole('button', { name: 'Import and check' }).click();
  await expect(page.getByText('Candidate 1 imported, but NOT verified. The reason is shown with it.')).toBeVisible({ timeout: 15_000 });
  await expect(
    page.locator('ts-coach-candidate').getByText('Not verified: the signature does not match: it was changed or forged', { exact: true }),
  ).toBeVisible();
  await expect(page.getByRole('row', { name: /Candidate 1/ }).getByText(/^Not verified/)).toBeVisible();

  await page.getByText('Settings: passphrase and trusted issuers').click();
  await page.getByLabel('New passphrase (at least 8 characters)').fill('a long passphrase');
  await page.getByRole('button', { name: 'Set passphrase' }).click();
  await expect(page.getByText('The data on this device is now encrypted with your passphrase.')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Lock now' }).click();
  await expect(page.getByRole('heading', { name: 'Workspace locked' })).toBeVisible();
  await expectAccessible(page, 'locked');
  await page.getByLabel('Passphrase').fill('wrong one');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByText('That passphrase is not right.')).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('Passphrase').fill('a long passphrase');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('row', { name: /Candidate 1/ })).toBeVisible({ timeout: 30_000 });

  // Ten minutes without input (the default) lock it again.
  await page.clock.fastForward('09:00');
  await expect(page.getByRole('row', { name: /Candidate 1/ })).toBeVisible();
  await page.clock.fastForward('01:30');
  await expect(page.getByRole('heading', { name: 'Workspace locked' })).toBeVisible();
});

test("the candidate's 'share with my coach' report imports as recomputable but unsigned", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await freshWorkspace(page);
  await page.goto('/?automation=1&lang=en');
  await page.waitForFunction(() => window.__talentscan !== undefined);
  // A practice session's report (it never leaves the device, so no server is involved).
  const practice = simulatedSession({ battery: 'short', seed: 14, sessionId: crypto.randomUUID(), timeOrigin: Date.now() - 30 * 60_000 });
  await page.evaluate((ev) => window.__talentscan?.showSession(ev), practice);
  const results = page.locator('ts-results');
  await expect(results.getByRole('heading', { name: 'Your strong points' })).toBeVisible({ timeout: 30_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), results.getByRole('button', { name: 'Share with my coach (full report)' }).click()]);
  const file = (await download.path()) ?? '';

  await page.goto('/coach?lang=en');
  await page.getByLabel('Or choose a file').setInputFiles(file);
  await expect(page.getByText('Candidate 1 imported, but NOT verified. The reason is shown with it.')).toBeVisible({ timeout: 30_000 });
  const candidate = page.locator('ts-coach-candidate');
  await expect(candidate.getByText("Not verified: the report is not signed (numbers from the candidate's device)", { exact: true })).toBeVisible();
  await expect(candidate.getByText(/Raw log.*recomputes to exactly this profile/)).toBeVisible();
  await expect(candidate.getByText('These numbers are not verified. Do not rely on them without checking with the candidate.')).toBeVisible();
  // Quality flags: the sentence in the page's language first, the code after it (the norm tables are provisional).
  const provisional = candidate.locator('ul.flags li', { hasText: 'The comparison group is still provisional.' });
  await expect(provisional.locator('code')).toHaveText('norm.provisional');

  // Arabic: right to left, still accessible.
  await page.goto('/coach?lang=ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const ar = wordsIn('ar');
  await page.getByRole('button', { name: ar('coach.list.openNamed', { label: 'Candidate 1' }) }).click();
  await expect(page.locator('ts-coach-candidate').getByRole('heading', { name: ar('coach.candidate.title', { label: 'Candidate 1' }) })).toBeVisible();
  await expect(page.locator('ts-coach-candidate ul.flags li', { hasText: 'مجموعة المقارنة ما زالت مؤقتة.' }).locator('code')).toHaveText('norm.provisional');
  await expectAccessible(page, 'arabic');
  await page.screenshot({ path: `${SCREENS}/coach-ar-1280.png` });
});
