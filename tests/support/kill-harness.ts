import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import type { LogEvent } from '../../src/log/events.ts';

/** Shared by the browser tests that SIGKILL a persistent-profile Chromium (hard-kill, storage fault 3). */

/** The browser's main process: the one started with our profile folder and no `--type=` (not a renderer or helper). */
export async function browserPid(profile: string): Promise<number> {
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const cmd = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    const args = cmd.split('\0');
    if (args.some((a) => a.includes(profile)) && !args.some((a) => a.startsWith('--type='))) return Number(entry);
  }
  throw new Error('browser process not found');
}

export const completedTrialEnds = (events: readonly LogEvent[]) => events.filter((e) => e.type === 'trial-end' && e.reason !== 'interrupted');

/**
 * The session's log as IndexedDB holds it, read in the page with the raw API (not through the app or its worker): what
 * survived, whatever the app then offers.
 */
export function storedLog(page: Page, sessionId: string): Promise<LogEvent[]> {
  return page.evaluate(
    (id) =>
      new Promise<LogEvent[]>((resolve, reject) => {
        const open = indexedDB.open('talentscan');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('events')) return resolve([]);
          const req = db
            .transaction('events')
            .objectStore('events')
            .getAll(IDBKeyRange.bound([id, -Infinity], [id, Infinity]));
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            resolve((req.result as { event: LogEvent }[]).map((r) => r.event));
            db.close();
          };
        };
      }),
    sessionId,
  );
}

/**
 * Artificial load for the kill tests (opt-in, from the environment): `TALENTSCAN_KILL_BUSY=n` starts n busy loops in
 * child processes for the length of the test; `TALENTSCAN_KILL_THROTTLE=r` slows the page's CPU r times through CDP.
 */
export function startBusyLoops(n = Number(process.env['TALENTSCAN_KILL_BUSY'] ?? 0)): () => void {
  const children: ChildProcess[] = [];
  for (let i = 0; i < n; i++) children.push(spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }));
  return () => {
    for (const c of children) c.kill('SIGKILL');
  };
}

export async function throttle(page: Page, rate = Number(process.env['TALENTSCAN_KILL_THROTTLE'] ?? 1)): Promise<void> {
  if (rate <= 1) return;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}
