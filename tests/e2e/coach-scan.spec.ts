/**
 * Scanning with the camera: Chromium's fake camera plays a video made at test time from the QR code the candidate's
 * results screen shows (the credential offer of a real witnessed session), the workspace reads it and says what it is;
 * with the camera refused, it says so in the page's language and points to pasting or choosing the file.
 *
 * The headless Chromium has no permission prompt: `--use-fake-ui-for-media-stream` answers it as a coach who allows
 * the camera. A refusal is made the way a browser makes one without asking: the page's Permissions-Policy forbids the
 * camera, and getUserMedia fails with the same NotAllowedError a refused prompt gives.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { CHROMIUM_ARGS } from '../support/chromium.ts';
import { test as coachTest } from '../support/coach-server.ts';
import { qrImage, y4m } from '../support/qr-frames.ts';

const test = coachTest.extend<object, { offerUri: string }>({
  offerUri: [
    async ({ server }, use) => {
      const issued = await server.credential<{ offer: { uri: string } }>();
      await use(issued.offer.uri);
    },
    { scope: 'worker' },
  ],
  // The camera's video must exist before the browser starts, so the launch options wait for the offer.
  launchOptions: [
    async ({ launchOptions, offerUri }, use) => {
      const video = join(mkdtempSync(join(tmpdir(), 'talentscan-camera-')), 'offer.y4m');
      writeFileSync(video, y4m(qrImage(offerUri)));
      await use({
        ...launchOptions,
        args: [
          ...(launchOptions.args ?? CHROMIUM_ARGS),
          '--use-fake-device-for-media-stream',
          '--use-fake-ui-for-media-stream',
          `--use-file-for-fake-video-capture=${video}`,
        ],
      });
    },
    { scope: 'worker' },
  ],
});

test('the camera reads the QR code the candidate shows; the offer is explained, not redeemed', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/coach?lang=en');
  await page.getByRole('button', { name: 'Scan a QR code with the camera' }).click();
  await expect(page.getByRole('alert').filter({ hasText: "This QR code is the candidate's offer for their own wallet; only they should use it." })).toBeVisible(
    { timeout: 30_000 },
  );
  // The first code read turns the camera off again.
  await expect(page.getByLabel('Camera image for reading the QR code')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Scan a QR code with the camera' })).toBeVisible();
});

test('a refused camera is said in words, with what to do instead', async ({ page }) => {
  test.setTimeout(60_000);
  await page.route('**/coach?*', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'permissions-policy': 'camera=()' } });
  });
  await page.goto('/coach?lang=nl');
  await page.getByRole('button', { name: 'Scan een QR-code met de camera' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    /De camera mag niet worden gebruikt: de toestemming is geweigerd\..*plak de credential of kies het bestand\./,
  );
  await expect(page.getByRole('button', { name: 'Scan een QR-code met de camera' })).toBeEnabled();
});
