/**
 * The cost of `durability: 'strict'` on the recorder's IndexedDB writes (src/worker/event-store.ts), measured in
 * Chromium with a persistent profile on disk (an off-the-record profile keeps IndexedDB in memory, where the hint
 * means nothing). Writes batches the size of a trial's end (trial-end plus the few events before it) one
 * transaction at a time, as the recorder does, and prints commit times per durability mode.
 *
 *   npx tsx tests/bench/durability.bench.ts [batches=200]
 */
import { chromium } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumLaunchOptions } from '../support/chromium.ts';

const batches = Number(process.argv[2] ?? 200);
const dir = await mkdtemp(join(tmpdir(), 'ts-durability-'));
const ctx = await chromium.launchPersistentContext(dir, await chromiumLaunchOptions());
try {
  const page = await ctx.newPage();
  // A secure origin with nothing on it: localhost is secure, the route answers without a server.
  await page.route('http://localhost:9/', (r) => r.fulfill({ body: '<!doctype html><title>bench</title>', contentType: 'text/html' }));
  await page.goto('http://localhost:9/');
  // A string, so that the TypeScript loader adds no helpers of its own to the code that runs in the page.
  const result = (await page.evaluate(`(async (n) => {
    const db = await new Promise((resolve, reject) => {
      const req = indexedDB.open('bench', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('events', { keyPath: ['sessionId', 'seq'] });
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    let seq = 0;
    const write = (durability) => new Promise((resolve, reject) => {
      const t0 = performance.now();
      const tx = db.transaction('events', 'readwrite', { durability });
      for (let i = 0; i < 6; i++) tx.objectStore('events').put({ sessionId: durability, seq: seq++, event: { type: 'input', t: t0, device: 'keyboard', key: ' ', trusted: true } });
      tx.oncomplete = () => resolve(performance.now() - t0);
      tx.onerror = () => reject(tx.error);
    });
    const out = { relaxed: [], strict: [] };
    for (let i = 0; i < n; i++) for (const d of ['relaxed', 'strict']) out[d].push(await write(d));
    return out;
  })(${batches})`)) as Record<string, number[]>;
  const stats = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
    return { median: q(0.5), p95: q(0.95), max: s.at(-1) ?? NaN, mean: xs.reduce((a, b) => a + b, 0) / xs.length };
  };
  console.log(`IndexedDB commit time per batch of 6 events, ${batches} batches each, persistent profile (ms):`);
  for (const [mode, xs] of Object.entries(result)) {
    const s = stats(xs);
    console.log(`  ${mode.padEnd(7)} median ${s.median.toFixed(2)}  p95 ${s.p95.toFixed(2)}  max ${s.max.toFixed(2)}  mean ${s.mean.toFixed(2)}`);
  }
} finally {
  await ctx.close();
  await rm(dir, { recursive: true, force: true });
}
