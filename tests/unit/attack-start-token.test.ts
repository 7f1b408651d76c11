/**
 * The start-token rows of `npm run attack:issuer` against the real server (in this process, a pilot that requires a
 * token, its public key inline): every attack is refused with its own code, and a real token from the pilot's backend
 * starts exactly one session.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { print, startTokenAttacks } from '../../scripts/attack-issuer.ts';
import { type PilotBackend, pilotBackend, testPilot } from '../../src/server/testing/pilots.ts';
import { startTestServer, type TestServer } from '../../src/server/testing/test-server.ts';

let server: TestServer;
let backend: PilotBackend;

beforeAll(async () => {
  backend = await pilotBackend('acme');
  const pilot = testPilot({ startToken: { required: true, jwks: backend.jwks } });
  // An app folder with just what the embed routes read: the attacker learns the pilot's settings from /api/pilots.
  const appDir = mkdtempSync(join(tmpdir(), 'ts-attack-app-'));
  for (const f of ['index.html', 'embed.js', 'embed.mjs', 'embed.d.ts'])
    writeFileSync(join(appDir, f), f === 'index.html' ? '<!doctype html><title>T</title>' : '');
  server = await startTestServer({ appDir, issuer: { pilots: new Map([['acme', pilot]]) } });
}, 60_000);

afterAll(() => server?.close());

describe('attack:issuer, start tokens', () => {
  it("refuses every forged, replayed or misdirected start token with its code; the pilot's real one starts one session", async () => {
    // The pilot's backend, on the server's clock.
    const token = (embedId: string) => backend.sign(server.clock.now(), { aud: server.url, embedId });
    const rows = await startTokenAttacks(server.url, 'acme', token);
    const lines: string[] = [];
    const ok = print(rows, (l) => lines.push(l));
    expect(ok, lines.join('\n')).toBe(true);
    expect(Object.fromEntries(rows.map((r) => [r.attack, r.got]))).toEqual({
      'start-token-none': ['start-token-missing'],
      'start-token-self-signed': ['start-token-unknown-key'],
      'start-token-hs256': ['start-token-algorithm'],
      'start-token-alg-none': ['start-token-algorithm'],
      'honest (a real start token)': [],
      'start-token-replay': ['start-token-replayed'],
      'start-token-other-embed': ['start-token-embed-id'],
    });
  }, 60_000);
});
