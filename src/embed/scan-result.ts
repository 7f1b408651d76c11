/**
 * The `result` of the `scan.completed` event: what the pilot's `share` setting lets the host page know, and nothing
 * more. Each level includes the ones before it (pilot.ts `SHARE_LEVELS`):
 *
 * - summary: completed, which games, how long (played time, s)
 * - domains: + each measured domain's sten with its 90% band, and the norm group it was compared with
 * - fits: + the fit (percent and range) with each of the pilot's roles
 * - credential-offer: + the OpenID4VCI offer link for the candidate's wallet (null when no credential could be made)
 *
 * Pure: the iframe builds it from the profile its worker computed; a test checks every level.
 */
import type { Profile } from '../scoring/profile-types.ts';
import { type ShareLevel, shares } from './pilot.ts';

export interface ScanResult {
  completed: true;
  games: string[];
  durationSec: number;
  norm?: { id: string; version: string; provisional: boolean };
  domains?: { domain: string; sten: number; low?: number; high?: number }[];
  fits?: { role: string; fitPercent: number; low?: number; high?: number; example: boolean }[];
  credentialOffer?: { uri: string; expiresAt: string } | null;
}

export interface ScanResultInput {
  share: ShareLevel;
  games: string[];
  durationMs: number;
  profile: Profile | null;
  /** The pilot's role set (empty: every role of the profile). */
  roles: readonly string[];
  credentialOffer?: { uri: string; expiresAt: string } | null;
}

const r1 = (x: number) => Math.round(x * 10) / 10;

export function scanResult(input: ScanResultInput): ScanResult {
  const out: ScanResult = { completed: true, games: [...input.games], durationSec: Math.round(input.durationMs / 1000) };
  const p = input.profile;
  if (shares(input.share, 'domains') && p) {
    out.norm = { id: p.norm.id, version: p.norm.version, provisional: p.norm.provisional };
    out.domains = p.domains.flatMap((d) =>
      d.status === 'measured' && d.sten !== undefined
        ? [{ domain: d.domain, sten: d.sten, ...(d.stenCi ? { low: r1(d.stenCi.low), high: r1(d.stenCi.high) } : {}) }]
        : [],
    );
  }
  if (shares(input.share, 'fits') && p) {
    out.fits = p.roleFits
      .filter((f) => input.roles.length === 0 || input.roles.includes(f.role))
      .map((f) => ({ role: f.role, fitPercent: f.fitPercent, ...(f.fitRange ? { low: f.fitRange.low, high: f.fitRange.high } : {}), example: f.example }));
  }
  if (shares(input.share, 'credential-offer')) out.credentialOffer = input.credentialOffer ?? null;
  return out;
}
