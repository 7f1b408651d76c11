/**
 * Test-only: a pilot as the server's tests configure one (change what a test is about), and a pilot backend's
 * start-token key: the private key a test signs with and the public JWKS the pilot's file would hold.
 */
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { PilotConfig, PublicJwk } from '../../embed/pilot.ts';

export function testPilot(over: Partial<PilotConfig> = {}): PilotConfig {
  return {
    id: 'acme',
    name: 'Acme',
    hostOrigins: ['https://acme.example'],
    battery: 'reaction',
    defaultLang: 'nl',
    normGroup: 'sro-provisional-all',
    roles: [],
    branding: { accent: '#112233' },
    share: 'domains',
    xapi: { enabled: false },
    retentionDays: 30,
    ...over,
  };
}

export interface PilotBackend {
  /** The public keys, as the pilot's file holds them (`startToken.jwks`). */
  jwks: { keys: PublicJwk[] };
  /**
   * A start token as the pilot's backend signs one: ES256 with this key, `iss` = the pilot, `aud`, the embedId, a new
   * `jti`, `iat` = `nowMs` and a 5-minute life; `claims` replace any of them (undefined removes one).
   */
  sign(nowMs: number, claims: { aud: string; embedId: string } & Record<string, unknown>, kid?: string): Promise<string>;
  privateKey: CryptoKey;
}

export async function pilotBackend(pilot: string, kid = `${pilot}-1`): Promise<PilotBackend> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const { d: _private, ...pub } = await exportJWK(privateKey);
  return {
    jwks: { keys: [{ ...pub, kid, alg: 'ES256', use: 'sig' } as PublicJwk] },
    privateKey,
    sign(nowMs, claims, signKid = kid) {
      const iat = Math.floor(nowMs / 1000);
      return new SignJWT({ iss: pilot, jti: crypto.randomUUID(), iat, exp: iat + 300, ...claims })
        .setProtectedHeader({ alg: 'ES256', kid: signKid })
        .sign(privateKey);
    },
  };
}
