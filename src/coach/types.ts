/**
 * What the coach workspace keeps per candidate, in the coach's browser only (IndexedDB, optionally encrypted).
 * A record holds what the candidate shared — a credential (possibly only some results disclosed) and/or a full report
 * (profile + raw log) — and the verification as it was found on receipt, with the reason in words when it failed.
 */
import type { Embedding } from '../integrity/record.ts';
import type { LogEvent } from '../log/events.ts';
import type { Domain } from '../runtime/game-contract.ts';
import type { Profile } from '../scoring/profile-types.ts';

export type IntakeSource = 'paste' | 'file' | 'report' | 'wallet' | 'qr';

/** How the result was obtained, as the credential states it (read by assurance.ts); absent in older credentials. */
export interface AssuranceView {
  /** e.g. 'witnessed', 'certified', 'practice', 'unwitnessed' — the credential's own word. */
  level: string;
  witnessed: boolean;
  games: string[];
  /** A pilot's session: which pilot, and whether it vouched with a start token (`binding`). */
  embedding?: Embedding;
}

export interface VerificationView {
  /** True only when every check passed: signature, key, issuer trusted, validity, status, disclosures, schema. */
  verified: boolean;
  checkedAt: string;
  /** Why it is not verified: a verifier reason ('revoked', 'signature', …) or 'no-credential', 'log-mismatch'. */
  reason?: string;
  /** The verifier's technical detail (English). */
  detail?: string;
  format?: string;
  issuer?: { id: string; name?: string };
  validUntil?: string;
  statusChecked: boolean;
  /** 'verified' when the holder's key-binding proof was checked (wallet presentation). */
  keyBinding?: 'verified' | 'absent' | 'not-checked';
  assurance?: AssuranceView;
  /** The results the credential (or report) shows. */
  domains: { domain: Domain; sten: number; low?: number; high?: number }[];
  /**
   * Role fits; `status` 'not-enough-data' (from a report's profile) when too little of the role's profile was measured:
   * such a fit is no fit, and the list shows none for it rather than its 0 %.
   */
  roles: { role: string; name: string; fitPercent: number; status?: 'not-enough-data' }[];
  /** Digests of results the holder kept back. */
  undisclosed: number;
  norm?: { id: string; version: string; population: string; n: number; provisional: boolean; citation: string };
  algorithmVersion?: string;
  qualityFlags: string[];
  logDigest?: string;
  /** For a full report: whether the log reproduces the report's profile and matches the credential's digest. */
  log?: { reproduces: boolean; digestMatches?: boolean };
}

export interface CandidateRecord {
  id: string;
  /** Pseudonymous label the coach chooses; never a name from the credential. */
  label: string;
  addedAt: string;
  source: IntakeSource;
  credential?: string;
  profile?: Profile;
  events?: LogEvent[];
  verification: VerificationView;
  notes: string;
}
