/**
 * The start-token verifier on its own (no database, no HTTP): each way a token can be wrong is refused with its own
 * code; a good one gives the claims the session records. Keys: the pilot's (inline, or a JWKS served by a local HTTP
 * server as a pilot's backend would), a stranger's, another pilot's. Single use is the store's (pilot-sessions.test.ts).
 */
import { createServer, type Server } from 'node:http';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PilotConfig } from '../embed/pilot.ts';
import { START_TOKEN_CODES, type StartTokenCode, StartTokenVerifier } from './start-token.ts';
import { type PilotBackend, pilotBackend, testPilot } from './testing/pilots.ts';

const AUD = 'https://scan.example';
const NOW = Date.parse('2026-12-02T10:00:00Z');
const EMBED = 'embed-abc123';

let acme: PilotBackend;
let stranger: PilotBackend;

const pilot = (over: Partial<PilotConfig> = {}): PilotConfig => testPilot({ startToken: { required: true, jwks: acme.jwks }, ...over });

/** A token as the pilot's backend makes one at NOW, with whatever a test changes (other claims, a stranger's key). */
const token = (claims: Record<string, unknown> = {}, by?: PilotBackend, kid?: string) => (by ?? acme).sign(NOW, { aud: AUD, embedId: EMBED, ...claims }, kid);

const verifier = (now = NOW) => new StartTokenVerifier({ audience: AUD, now: () => now });

async function refusedWith(p: Promise<unknown>): Promise<StartTokenCode> {
  try {
    await p;
  } catch (err) {
    return (err as { code: StartTokenCode }).code;
  }
  throw new Error('the token was accepted');
}

beforeAll(async () => {
  acme = await pilotBackend('acme');
  // Another party's key, claiming to be Acme (under its own kid, or under Acme's).
  stranger = await pilotBackend('acme', 'stranger-1');
});

describe('start tokens', () => {
  it('accepts a valid token and returns what the session records (never the token)', async () => {
    const t = await token();
    const v = await verifier().verify(pilot(), t, EMBED);
    expect(v).toMatchObject({ kid: 'acme-1', alg: 'ES256', embedId: EMBED, iat: NOW / 1000, exp: NOW / 1000 + 300, verifiedAt: NOW });
    expect(v?.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(v)).not.toContain(t);
  });

  it('needs no token from a pilot that does not require one, but checks one that is given', async () => {
    const optional = pilot({ startToken: { required: false, jwks: acme.jwks } });
    expect(await verifier().verify(optional, undefined, EMBED)).toBeNull();
    expect(await verifier().verify(pilot({ startToken: undefined }), undefined, undefined)).toBeNull();
    expect(await refusedWith(verifier().verify(optional, await token({}, stranger, 'acme-1'), EMBED))).toBe('start-token-signature');
  });

  const cases: [string, () => Promise<[string | undefined, string | undefined, number?]>, StartTokenCode][] = [
    ['missing when required', async () => [undefined, EMBED], 'start-token-missing'],
    ['expired', async () => [await token({ iat: NOW / 1000 - 600, exp: NOW / 1000 - 60 }), EMBED], 'start-token-expired'],
    ['for another audience', async () => [await token({ aud: 'https://other-scan.example' }), EMBED], 'start-token-audience'],
    ['of another pilot', async () => [await token({ iss: 'globex' }), EMBED], 'start-token-pilot'],
    ['signed by a key the pilot does not list', async () => [await token({}, stranger), EMBED], 'start-token-unknown-key'],
    ["with the pilot's kid but another key", async () => [await token({}, stranger, 'acme-1'), EMBED], 'start-token-signature'],
    ['for another embedded scan', async () => [await token(), 'embed-other1'], 'start-token-embed-id'],
    ['without an embedId', async () => [await token({ embedId: undefined }), EMBED], 'start-token-claims'],
    ['without a jti', async () => [await token({ jti: undefined }), EMBED], 'start-token-claims'],
    ['living longer than 15 minutes', async () => [await token({ exp: NOW / 1000 + 3600 }), EMBED], 'start-token-lifetime'],
    ['issued in the future', async () => [await token({ iat: NOW / 1000 + 600, exp: NOW / 1000 + 700 }), EMBED], 'start-token-not-yet-valid'],
    ['that is no JWT', async () => ['not.a.token', EMBED], 'start-token-malformed'],
    ['signed with a shared secret (HS256)', async () => [await hs256(), EMBED], 'start-token-algorithm'],
  ];
  it.each(cases)('refuses a token %s with its own code', async (_name, make, code) => {
    const [t, embedId] = await make();
    expect(await refusedWith(verifier().verify(pilot(), t, embedId))).toBe(code);
  });

  it('gives every refusal a documented code', async () => {
    const doc = (await import('node:fs')).readFileSync('docs/embed-protocol.md', 'utf8');
    for (const code of START_TOKEN_CODES) expect(doc, code).toContain(`\`${code}\``);
  });

  it('forgives 30 s of clock difference, not more', async () => {
    const t = await token({ iat: NOW / 1000 - 300, exp: NOW / 1000 });
    expect(await verifier(NOW + 20_000).verify(pilot(), t, EMBED)).not.toBeNull();
    expect(await refusedWith(verifier(NOW + 40_000).verify(pilot(), t, EMBED))).toBe('start-token-expired');
  });

  it('refuses everything for a pilot that requires a token but has no keys here', async () => {
    expect(await refusedWith(verifier().verify(pilot({ startToken: { required: true } }), await token(), EMBED))).toBe('start-token-unknown-key');
  });
});

describe("start tokens against the pilot's JWKS URL", () => {
  let server: Server;
  let jwksUri = '';
  let up = true;
  beforeAll(async () => {
    server = createServer((_req, res) => {
      if (!up) return res.writeHead(503).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(acme.jwks));
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const a = server.address();
    if (a === null || typeof a === 'string') throw new Error('no port');
    jwksUri = `http://127.0.0.1:${a.port}/.well-known/jwks.json`;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  it('verifies with the fetched keys, and says so when the key server is away', async () => {
    const remote = pilot({ startToken: { required: true, jwksUri } });
    expect(await verifier().verify(remote, await token(), EMBED)).toMatchObject({ kid: 'acme-1' });
    up = false;
    // A fresh verifier has no cached keys: the pilot's server being away is a 503 to retry, not a bad token.
    expect(await refusedWith(verifier().verify(remote, await token(), EMBED))).toBe('start-token-keys-unavailable');
    up = true;
  });
});

/** A token MACed with a shared secret: the kind we never accept (our configuration holds no pilot's secret). */
async function hs256(): Promise<string> {
  const iat = Math.floor(NOW / 1000);
  return new SignJWT({ iss: 'acme', aud: AUD, embedId: EMBED, jti: crypto.randomUUID(), iat, exp: iat + 300 })
    .setProtectedHeader({ alg: 'HS256' })
    .sign(new TextEncoder().encode('a shared secret of thirty-two bytes!'));
}
