/**
 * The coach's OpenID4VP verifier with the real issuer in-process and the spec-written test wallet: a presentation of
 * two domains is received; a wrong nonce, a stale key-binding JWT, a revoked credential and a tampered disclosure are
 * refused with their reasons; an exchange is read once.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { issueToWallet, revoke, TestWallet, type IssuedCredential } from '../../../tests/support/test-wallet.ts';
import { verifyCredential } from '../../credential/verify.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

let server: TestServer;
let url: string;
// Each credential comes from a witnessed session played through the API (about a second; more on a busy machine).
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

/** A credential of a new witnessed session (a session's offer can be redeemed once). */
const credential = () => server.credential<IssuedCredential>();

// The whole server, as in production: buildApp registers the coach verifier beside the issuer.
beforeAll(async () => {
  server = await startTestServer();
  url = server.url;
});

afterAll(() => server.close());

async function ask(domains: string[]): Promise<{ id: string; uri: string }> {
  const res = await fetch(`${url}/coach/api/presentations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ domains }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; uri: string };
}
const poll = async (id: string) =>
  (await (await fetch(`${url}/coach/api/presentations/${id}`)).json()) as { status: string; presentation?: string; reason?: string };

describe('OpenID4VP presentation to the coach', { timeout: 30_000 }, () => {
  it('receives exactly the two asked-for domains, verified with the holder proof; read once', async () => {
    const wallet = await new TestWallet().init();
    await issueToWallet(await credential(), wallet);
    const req = await ask(['processing-speed', 'inhibition']);
    expect(req.uri.startsWith('openid4vp://?')).toBe(true);
    expect(await poll(req.id)).toMatchObject({ status: 'pending' });
    const answer = await wallet.present(req.uri);
    expect(answer.status).toBe(200);
    const out = await poll(req.id);
    expect(out.status).toBe('received');
    const v = await verifyCredential(out.presentation!);
    if (!v.ok) throw new Error(v.detail);
    expect(v.summary.domains.map((d) => d.domain).sort()).toEqual(['inhibition', 'processing-speed']);
    expect(v.summary.roles).toEqual([]);
    expect((await fetch(`${url}/coach/api/presentations/${req.id}`)).status).toBe(404);
  });

  it.each([
    ['wrong nonce', { nonce: 'another' }, 'wrong-nonce'],
    ['stale key-binding JWT', { iatShiftSec: -600 }, 'stale-proof'],
    ['tampered disclosure', { tamper: true }, 'disclosure'],
  ] as const)('refuses a %s with its reason', async (_name, opts, reason) => {
    const wallet = await new TestWallet().init();
    await issueToWallet(await credential(), wallet);
    const req = await ask(['processing-speed', 'inhibition']);
    const answer = await wallet.present(req.uri, opts);
    expect(answer.status).toBe(400);
    expect(await poll(req.id)).toMatchObject({ status: 'refused', reason });
  });

  it('refuses a revoked credential, an unknown state and a cross-site request', async () => {
    const wallet = await new TestWallet().init();
    const issued = await issueToWallet(await credential(), wallet);
    await revoke(url, issued.credentialId, issued.revocationToken);
    const req = await ask(['working-memory']);
    expect((await wallet.present(req.uri)).status).toBe(400);
    expect(await poll(req.id)).toMatchObject({ status: 'refused', reason: 'revoked' });
    const stray = await fetch(`${url}/coach/oid4vp/response`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'state=nope&vp_token=x',
    });
    expect(stray.status).toBe(400);
    const cross = await fetch(`${url}/coach/api/presentations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: '{"domains":["inhibition"]}',
    });
    expect(cross.status).toBe(403);
    const bad = await fetch(`${url}/coach/api/presentations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"domains":["telepathy"]}',
    });
    expect(bad.status).toBe(400);
  });
});
