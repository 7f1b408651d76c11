import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { coachReport } from '../../src/coach/intake.ts';
import { CSV_COLUMNS } from '../../src/coach/list.ts';
import { recompute } from '../../src/coach/recompute.ts';
import type { LogEvent } from '../../src/log/events.ts';
import { simulatedSession } from '../../src/server/fixtures/session-log.ts';
import { playWitnessed, realClock } from '../../src/server/testing/witnessed-session.ts';
import { issueToWallet, revoke, TestWallet, type IssuedCredential } from '../support/test-wallet.ts';

const SCREENS = 'tests/.artifacts/screens';
mkdirSync(SCREENS, { recursive: true });

async function expectAccessible(page: Page, label: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(result.violations.map((v) => `${label}: ${v.id} ${v.help} (${v.nodes.length}) ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
}

/**
 * One credential for the file: the server issues only for a session it witnessed in real time, so a simulated
 * candidate plays the one-game reaction battery through the witness API at real speed (about 90 s) before the tests.
 * Its offer is redeemed once (by the wallet test), so the tests run in order and the one that withdraws it runs last.
 */
let issued: IssuedCredential;
let events: LogEvent[];
test.describe.configure({ mode: 'serial' });
// biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a hook asks for from its first parameter's pattern.
test.beforeAll(async ({}, info) => {
  test.setTimeout(240_000);
  const play = await playWitnessed(String(info.project.use.baseURL), realClock(), { battery: 'reaction', rngSeed: 11 });
  const res = await play.credential();
  if (res.status !== 201) throw new Error(`credential: ${res.status} ${await res.text()}`);
  issued = (await res.json()) as IssuedCredential;
  events = play.events;
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

  // Keyboard only: label, paste, submit.
  await page.getByRole('textbox', { name: 'Label for this candidate (no name needed)' }).focus();
  await page.keyboard.insertText('Kbd 1');
  await page.keyboard.press('Tab');
  await page.keyboard.insertText(issued.vcSdJwt);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Kbd 1 imported and verified.')).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('ts-coach-candidate').getByRole('heading', { name: 'Profile of Kbd 1' })).toBeFocused();

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
  const pdf = await page.pdf({ format: 'A4', printBackground: true, path: `${SCREENS}/coach-print.pdf` });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
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

test('a wallet presents the chosen domain; the coach sees exactly that, verified; bad presentations are refused with reasons', async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await freshWorkspace(page);
  const wallet = await new TestWallet().init();
  const received = await issueToWallet(issued, wallet);

  // The defaults ask for Speed and Keeping things in mind; the credential (one game) has Speed only, so ask for that.
  await expect(page.getByRole('checkbox', { name: 'Speed' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Keeping things in mind' })).toBeChecked();
  await page.getByRole('checkbox', { name: 'Keeping things in mind' }).uncheck();
  const uri = await makeRequest(page);
  await expectAccessible(page, 'request');
  await page.screenshot({ path: `${SCREENS}/coach-request-1280.png`, fullPage: true });
  expect((await wallet.present(uri)).status).toBe(200);
  await expect(page.getByText(/^Received and verified from the wallet as Candidate 1/)).toBeVisible({ timeout: 15_000 });
  const candidate = page.locator('ts-coach-candidate');
  await expect(candidate.getByText('Verified: signed by a trusted issuer, unchanged, valid and not withdrawn.')).toBeVisible();
  await expect(candidate.locator('tr[data-domain]')).toHaveCount(1);
  await expect(candidate.locator('tr[data-domain="processing-speed"]')).toBeVisible();
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

  // Arabic: right to left, still accessible.
  await page.goto('/coach?lang=ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByRole('button', { name: 'فتح Candidate 1' }).click();
  await expect(page.locator('ts-coach-candidate').getByRole('heading', { name: 'ملف Candidate 1' })).toBeVisible();
  await expectAccessible(page, 'arabic');
  await page.screenshot({ path: `${SCREENS}/coach-ar-1280.png` });
});
