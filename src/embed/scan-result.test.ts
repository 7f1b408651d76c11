import { describe, expect, it } from 'vitest';
import { profileFromLog } from '../scoring/build-profile.ts';
import { ALL_GAMES, joinSessionLog, simulateGame, typicalAbilities } from '../scoring/testing/simulated-sessions.ts';
import { SHARE_LEVELS } from './pilot.ts';
import { scanResult } from './scan-result.ts';

const profile = profileFromLog(
  joinSessionLog(
    ALL_GAMES.map((g) => simulateGame(g, typicalAbilities(), 5)),
    'keyboard',
  ),
  {
    normGroup: 'sro-provisional-all',
  },
);
const offer = { uri: 'openid-credential-offer://?credential_offer_uri=x', expiresAt: '2026-12-02T10:00:00.000Z' };
const input = { games: ['reaction'], durationMs: 141_600, profile, roles: ['painter', 'teacher'], credentialOffer: offer };

describe('scan.completed result', () => {
  it('holds exactly the parts each share level allows, each level adding to the one before', () => {
    const keys = SHARE_LEVELS.map((share) => Object.keys(scanResult({ ...input, share })).sort());
    expect(keys).toEqual([
      ['completed', 'durationSec', 'games'],
      ['completed', 'domains', 'durationSec', 'games', 'norm'],
      ['completed', 'domains', 'durationSec', 'fits', 'games', 'norm'],
      ['completed', 'credentialOffer', 'domains', 'durationSec', 'fits', 'games', 'norm'],
    ]);
    expect(scanResult({ ...input, share: 'summary' })).toEqual({ completed: true, games: ['reaction'], durationSec: 142 });
  });

  it("gives measured domains with their band and norm, and only the pilot's roles", () => {
    const r = scanResult({ ...input, share: 'credential-offer' });
    const measured = profile.domains.filter((d) => d.status === 'measured');
    expect(r.domains?.map((d) => d.domain)).toEqual(measured.map((d) => d.domain));
    for (const d of r.domains ?? []) expect(d.low! <= d.sten && d.sten <= d.high!).toBe(true);
    expect(r.norm).toEqual({ id: 'sro-provisional-all', version: profile.norm.version, provisional: true });
    expect(r.fits?.map((f) => f.role)).toEqual(['painter', 'teacher']);
    expect(r.credentialOffer).toEqual(offer);
    expect(scanResult({ ...input, share: 'fits', roles: [] }).fits).toHaveLength(profile.roleFits.length);
    // A credential that could not be made is said, not left out.
    expect(scanResult({ ...input, share: 'credential-offer', credentialOffer: null }).credentialOffer).toBeNull();
  });
});
