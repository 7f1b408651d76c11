import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

/** Flags that keep headless Chromium quiet on a machine without outside network (and deterministic). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Debian's Chromium (or PLAYWRIGHT_CHROMIUM_PATH); Playwright's own browser where neither exists. */
export function chromiumLaunchOptions(): LaunchOptions {
  const candidates = [process.env.PLAYWRIGHT_CHROMIUM_PATH, '/usr/bin/chromium'].filter((p): p is string => !!p);
  const executablePath = candidates.find((p) => existsSync(p));
  return { ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS };
}
