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
  // Games play in real time (mostly waiting), so parallel workers cut the wall time even on two cores: three for the
  // real-speed plays (project realtime, started first), and the fourth for the rest until they end.
  fullyParallel: true,
  workers: 4,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'tests/.artifacts/e2e.json' }]],
  projects: [
    // The certified short battery in a pilot's frame plays at real speed (about six minutes: the server checks a
    // witnessed session against its own clock). It is listed first so that it starts first, beside the rest: frames
    // that software rendering loses under their load no longer cost it its timed metrics, since its onsets are
    // measured at presentation (docs/timing.md, frame telemetry).
    // So are the candidate's two whole journeys, certified, to the credential (journey.spec.ts, tag @realtime): by
    // keyboard on a phone in Dutch, by mouse on a desktop in Arabic.
    { name: 'realtime', testMatch: /(embed|journey)\.spec\.ts/, grep: /@realtime/ },
    { name: 'chromium', testIgnore: /(embed|standard-battery)\.spec\.ts/, grepInvert: /@realtime/ },
    // The standard battery at real speed (twenty minutes): skipped unless asked for (`npm run test:standard`).
    { name: 'long', testMatch: /standard-battery\.spec\.ts/ },
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
