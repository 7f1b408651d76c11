/**
 * Playwright fixtures for the coach's browser tests: the whole server in the test worker's process (app, issuer,
 * witness API, coach verifier), serving the test build the Playwright web server made, on the test's clock, and the
 * pages' base URL pointing at it. A simulated candidate's session played through its witness API is judged exactly as
 * a live one, in seconds of real time instead of the battery's minutes. Its issuer is the workspace's own, so it is on
 * the coach's trust list by default, as in production.
 */
import { test as base } from '@playwright/test';
import { profileFromLogSource } from '../../src/credential/profile-source.ts';
import { startTestServer, type TestServer } from '../../src/server/testing/test-server.ts';

export const test = base.extend<object, { server: TestServer }>({
  server: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a fixture asks for from its first parameter's pattern.
    async ({}, use) => {
      const server = await startTestServer({
        name: 'Talentscan (coach test)',
        appDir: 'dist-test',
        profileSource: profileFromLogSource,
        play: { normGroup: 'sro-provisional-all', rngSeed: 11 },
      });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  baseURL: async ({ server }, use) => use(server.url),
});
