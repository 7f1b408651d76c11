import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { contrastWithWhite, loadPilots, PilotConfigError } from './pilots.ts';

const PUBLIC = resolve(import.meta.dirname, '../../public');

function appDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ts-embed-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Talentscan</title>');
  for (const f of ['embed.js', 'embed.mjs', 'embed.d.ts']) writeFileSync(join(dir, f), `// ${f}`);
  return dir;
}

const pilot = (over: Record<string, unknown> = {}) => ({
  id: 'acme',
  name: 'Acme',
  hostOrigins: ['https://acme.example'],
  battery: 'short',
  defaultLang: 'nl',
  normGroup: 'sro-provisional-all',
  roles: [],
  branding: { accent: '#112233' },
  share: 'summary',
  xapi: { enabled: true, lrs: { endpoint: 'https://lrs.acme.example/xapi', authEnv: 'ACME_LRS_AUTH' } },
  retentionDays: 30,
  ...over,
});

function pilotsDir(...files: [string, unknown][]): string {
  const dir = mkdtempSync(join(tmpdir(), 'ts-pilots-'));
  for (const [name, body] of files) writeFileSync(join(dir, name), typeof body === 'string' ? body : JSON.stringify(body));
  return dir;
}

describe('pilot configuration', () => {
  it('the shipped demo pilot validates, and gets the running demo host origin added, for its pages and its start-token keys', () => {
    const pilots = loadPilots(join(PUBLIC, 'pilots'), { demoHostOrigin: 'http://127.0.0.1:8081' });
    expect(pilots.get('demo')?.hostOrigins).toEqual(['http://127.0.0.1:8081']);
    expect(pilots.get('demo')?.startToken).toEqual({ required: true, jwksUri: 'http://127.0.0.1:8081/.well-known/jwks.json' });
    // Without a demo host nobody can vouch for a demo session: the requirement stays, with no key to satisfy it.
    expect(loadPilots(join(PUBLIC, 'pilots')).get('demo')?.startToken).toEqual({ required: true });
  });

  it('takes start-token keys as public keys only, from https (or a loopback host)', () => {
    const jwk = { kty: 'EC', crv: 'P-256', x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0', kid: 'k1' };
    const withToken = (startToken: unknown) => pilotsDir(['acme.json', pilot({ startToken })]);
    expect(loadPilots(withToken({ required: true, jwks: { keys: [jwk] } })).get('acme')?.startToken?.jwks?.keys).toHaveLength(1);
    expect(loadPilots(withToken({ required: false, jwksUri: 'https://acme.example/.well-known/jwks.json' })).get('acme')?.startToken?.required).toBe(false);
    expect(loadPilots(withToken({ required: true, jwksUri: 'http://localhost:9000/jwks.json' })).get('acme')?.startToken?.jwksUri).toContain('localhost');
    expect(() => loadPilots(withToken({ required: true, jwks: { keys: [{ ...jwk, d: 'jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI' }] } }))).toThrow(
      /private key member "d"; a pilot file holds public keys only/,
    );
    expect(() => loadPilots(withToken({ required: true, jwksUri: 'http://acme.example/jwks.json' }))).toThrow(/must use https/);
    expect(() => loadPilots(withToken({ required: true, jwksUri: '/jwks.json' }))).toThrow(/only the demo pilot/);
    expect(() => loadPilots(withToken({ required: true }))).toThrow(/startToken/);
    expect(() => loadPilots(withToken({ required: true, jwks: { keys: [{ ...jwk, kty: 'oct', k: 'c2VjcmV0' }] } }))).toThrow(/private key member "k"/);
  });

  it('refuses a file that breaks the schema or whose id is not its name, saying which and why', () => {
    expect(() => loadPilots(pilotsDir(['acme.json', pilot({ hostOrigins: ['*'] })]))).toThrow(PilotConfigError);
    expect(() => loadPilots(pilotsDir(['acme.json', pilot({ hostOrigins: ['*'] })]))).toThrow(/acme\.json: \/hostOrigins\/0/);
    expect(() => loadPilots(pilotsDir(['other.json', pilot()]))).toThrow(/not the file name/);
    expect(() => loadPilots(pilotsDir(['acme.json', '{ nope']))).toThrow(/not JSON/);
    expect(() => loadPilots(pilotsDir(['acme.json', pilot({ share: 'everything' })]))).toThrow(/share/);
    // What the schema cannot see: a battery, norm group or role this server does not have.
    expect(() => loadPilots(pilotsDir(['acme.json', pilot({ battery: 'marathon' })]))).toThrow(/unknown battery "marathon"/);
    expect(() => loadPilots(pilotsDir(['acme.json', pilot({ normGroup: 'nl-2030' })]))).toThrow(/unknown norm group "nl-2030"/);
    expect(() => loadPilots(pilotsDir(['acme.json', pilot({ roles: ['painter', 'astronaut'] })]))).toThrow(/unknown role\(s\) astronaut/);
    // An accent that white button text cannot be read on (WCAG 2.2 AA, 4.5:1).
    expect(() => loadPilots(pilotsDir(['acme.json', pilot({ branding: { accent: '#ffcc00' } })]))).toThrow(/contrast of 1\.\d+:1/);
    expect(contrastWithWhite('#000000')).toBeCloseTo(21, 5);
  });
});

describe('embed routes', () => {
  async function app() {
    const dir = appDir();
    mkdirSync(join(dir, 'pilots'));
    return buildApp({ appDir: dir, pilots: loadPilots(pilotsDir(['acme.json', pilot()])) });
  }

  it("serves /embed with frame-ancestors naming only the pilot's host origins", async () => {
    const a = await app();
    const known = await a.inject({ url: '/embed?pilot=acme&embedId=abcdef' });
    expect(known.statusCode).toBe(200);
    expect(known.headers['content-security-policy']).toContain('frame-ancestors https://acme.example');
    expect(known.headers['content-security-policy']).not.toContain("frame-ancestors 'self'");
    const two = await buildApp({
      appDir: appDir(),
      pilots: loadPilots(pilotsDir(['acme.json', pilot({ hostOrigins: ['https://acme.example', 'https://b.acme.example'] })])),
    });
    const named = await two.inject({ url: '/embed?pilot=acme&embedId=abcdef&hostOrigin=https%3A%2F%2Fb.acme.example' });
    expect(named.headers['content-security-policy']).toMatch(/frame-ancestors https:\/\/b\.acme\.example(;|$)/);
    const stranger = await two.inject({ url: '/embed?pilot=acme&embedId=abcdef&hostOrigin=https%3A%2F%2Fevil.example' });
    expect(stranger.headers['content-security-policy']).toContain('frame-ancestors https://acme.example https://b.acme.example');
    const unknown = await a.inject({ url: '/embed?pilot=nobody' });
    expect(unknown.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    const page = await a.inject({ url: '/coach' });
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'self'");
  });

  it("answers a pilot's public settings without its LRS details, and 404 for an unknown pilot", async () => {
    const a = await app();
    const res = await a.inject({ url: '/api/pilots/acme' });
    expect(res.json()).toMatchObject({ id: 'acme', share: 'summary', xapi: { enabled: true } });
    expect(res.body).not.toContain('lrs');
    // Whether a start token is required, never where the keys are.
    expect(res.json().startToken).toEqual({ required: false });
    expect((await a.inject({ url: '/api/pilots/nobody' })).statusCode).toBe(404);
  });

  it('lets other origins load the host SDK, and only the SDK', async () => {
    const a = await app();
    for (const path of ['/embed.js', '/embed.mjs']) {
      const res = await a.inject({ url: path });
      expect(res.headers['access-control-allow-origin']).toBe('*');
      expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
      expect(res.headers['content-type']).toContain('text/javascript');
    }
    const other = await a.inject({ url: '/pilots/acme.json' });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
