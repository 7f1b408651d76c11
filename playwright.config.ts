import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/support/chromium.ts';

/**
 * Ports of the two servers the browser tests start. `TALENTSCAN_TEST_PORT` moves both (the production build takes the
 * next port), so two checkouts can run their browser tests side by side on one machine.
 */
export const TEST_PORT = Number(process.env.TALENTSCAN_TEST_PORT ?? 4317);
export const PROD_PORT = TEST_PORT + 1;
/** The demo pilot's host page (another origin) beside the test build's server. */
export const DEMO_HOST_PORT = TEST_PORT + 2;

/**
 * Browser tests run against the built app served by our own server (the same headers as production):
 * the test build (automation hook allowed) on TEST_PORT, the production build on PROD_PORT, each with an issuer data
 * folder of its own under tests/.artifacts (npm test starts them empty).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'tests/.artifacts/results',
  timeout: 240_000,
  expect: { timeout: 10_000 },
  // Games play in real time (mostly waiting), so two workers halve the wall time even on two cores.
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'tests/.artifacts/e2e.json' }]],
  projects: [
    { name: 'chromium', testIgnore: /(credential|embed)\.spec\.ts/ },
    // A certified session played at real speed must keep its frames: under software rendering a parallel test's load
    // drops enough of them to exclude the timed metrics (correctly), which leaves nothing to certify. It runs alone,
    // after the rest.
    // The embedded certified scan (embed.spec.ts) is played at real speed too, in a frame of a pilot's page.
    // One at a time, too: two real-speed certified plays side by side drop each other's frames the same way.
    { name: 'alone', testMatch: /(credential|embed)\.spec\.ts/, dependencies: ['chromium'], workers: 1 },
  ],
  use: {
    baseURL: `http://127.0.0.1:${TEST_PORT}`,
    launchOptions: await chromiumLaunchOptions(),
    trace: 'off',
  },
  webServer: [
    {
      command: `npm run build:test && APP_DIR=dist-test PORT=${TEST_PORT} DEMO_HOST_PORT=${DEMO_HOST_PORT} TALENTSCAN_DATA_DIR=tests/.artifacts/issuer-${TEST_PORT} npx tsx src/server/main.ts`,
      url: `http://127.0.0.1:${TEST_PORT}/`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
    },
    {
      command: `npm run build && APP_DIR=dist PORT=${PROD_PORT} DEMO_HOST_PORT=off TALENTSCAN_DATA_DIR=tests/.artifacts/issuer-${PROD_PORT} npx tsx src/server/main.ts`,
      url: `http://127.0.0.1:${PROD_PORT}/`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'ignore',
    },
  ],
});
