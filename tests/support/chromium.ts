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

export interface ResolvedChromium {
  executablePath: string;
  /** Where the browser came from, for the benchmarks' headers and the test log. */
  source: 'PLAYWRIGHT_CHROMIUM_PATH' | 'system' | 'npm (@sparticuz/chromium)';
}

/**
 * The browser the tests and benchmarks drive: `PLAYWRIGHT_CHROMIUM_PATH`, else Debian's `/usr/bin/chromium`, else the
 * Chromium that ships inside the `@sparticuz/chromium` npm package (unpacked to the temp folder on first use). The
 * last one is what makes `npm ci && npm test` work on a machine with nothing but Node: Playwright's own browser
 * download is not an npm install and cannot be relied on.
 */
export async function resolveChromium(): Promise<ResolvedChromium> {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`PLAYWRIGHT_CHROMIUM_PATH=${fromEnv} does not exist`);
    return { executablePath: fromEnv, source: 'PLAYWRIGHT_CHROMIUM_PATH' };
  }
  if (process.env.TALENTSCAN_NO_SYSTEM_CHROMIUM !== '1' && existsSync('/usr/bin/chromium')) {
    return { executablePath: '/usr/bin/chromium', source: 'system' };
  }
  const { default: packaged } = await import('@sparticuz/chromium');
  return { executablePath: await packaged.executablePath(), source: 'npm (@sparticuz/chromium)' };
}

export async function chromiumLaunchOptions(): Promise<LaunchOptions & { executablePath: string }> {
  const { executablePath } = await resolveChromium();
  return { executablePath, args: CHROMIUM_ARGS };
}
