/**
 * Receiving what a candidate shares: a credential (compact SD-JWT, pasted, from a file or a QR code, or presented by a
 * wallet) or a full report (profile + raw log, optionally with the credential). Everything is untrusted input: it is
 * size-checked, parsed defensively and verified; what does not verify is kept only with the reason it failed.
 */
import { logHash } from '../credential/log-hash.ts';
import { verifyCredential, type VerifyOptions, type VerifyResult } from '../credential/verify.ts';
import type { LogEvent } from '../log/events.ts';
import type { Profile } from '../scoring/profile-types.ts';
import { assuranceView } from './assurance.ts';
import { credentialFitStatus } from './fit-status.ts';
import type { VerificationView } from './types.ts';

export const REPORT_FORMAT = 'talentscan-coach-report';
export const REPORT_VERSION = 1;
/** A standard session's log is ~5 MB of JSON at most; refuse anything far larger before parsing it. */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

export interface CoachReport {
  format: typeof REPORT_FORMAT;
  version: typeof REPORT_VERSION;
  profile: Profile;
  events: LogEvent[];
  credential?: string;
}

export class IntakeError extends Error {
  constructor(
    /** i18n key suffix under `coach.intake.error.` */
    readonly code: 'empty' | 'too-large' | 'not-recognised' | 'bad-report',
    message: string,
  ) {
    super(message);
  }
}

export type Parsed = { kind: 'credential'; credential: string } | { kind: 'report'; report: CoachReport };

/** Recognises a compact SD-JWT, a JSON file holding one (`{ "credential": "…" }` or the issuer's JSON download), or a report. */
export function parseIntake(text: string): Parsed {
  const input = text.trim();
  if (!input) throw new IntakeError('empty', 'Nothing to import.');
  if (input.length > MAX_INPUT_BYTES) throw new IntakeError('too-large', 'The file is too large to be a Talentscan credential or report.');
  if (/^[A-Za-z0-9_\-.~]+$/.test(input) && input.includes('~')) return { kind: 'credential', credential: input };
  let json: unknown;
  try {
    json = JSON.parse(input);
  } catch {
    throw new IntakeError('not-recognised', 'This is neither a credential nor a Talentscan report.');
  }
  if (!json || typeof json !== 'object') throw new IntakeError('not-recognised', 'This is neither a credential nor a Talentscan report.');
  const o = json as Record<string, unknown>;
  if (o.format === REPORT_FORMAT) return { kind: 'report', report: validateReport(o) };
  for (const key of ['credential', 'vcSdJwt', 'dcSdJwt', 'sdJwt']) {
    const v = o[key];
    if (typeof v === 'string' && v.includes('~')) return { kind: 'credential', credential: v.trim() };
  }
  throw new IntakeError('not-recognised', 'This is neither a credential nor a Talentscan report.');
}

function validateReport(o: Record<string, unknown>): CoachReport {
  if (o.version !== REPORT_VERSION) throw new IntakeError('bad-report', `Unsupported report version ${String(o.version)}.`);
  const p = o.profile as Partial<Profile> | undefined;
  if (!p || typeof p !== 'object' || typeof p.algorithmVersion !== 'string' || !p.norm || typeof p.norm.id !== 'string' || !Array.isArray(p.domains)) {
    throw new IntakeError('bad-report', 'The report holds no readable profile.');
  }
  const events = o.events;
  if (!Array.isArray(events) || events.length === 0 || events.some((e) => !e || typeof e !== 'object' || typeof (e as { type?: unknown }).type !== 'string')) {
    throw new IntakeError('bad-report', 'The report holds no readable raw log.');
  }
  if (o.credential !== undefined && typeof o.credential !== 'string') throw new IntakeError('bad-report', "The report's credential is not a string.");
  return {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    profile: p as Profile,
    events: events as LogEvent[],
    ...(typeof o.credential === 'string' ? { credential: o.credential } : {}),
  };
}

/** The report a candidate's device writes for "share with coach". */
export function coachReport(profile: Profile, events: readonly LogEvent[], credential?: string): CoachReport {
  return { format: REPORT_FORMAT, version: REPORT_VERSION, profile, events: [...events], ...(credential ? { credential } : {}) };
}

/** The verification as the workspace keeps and shows it. */
export function viewOf(result: VerifyResult, checkedAt = new Date()): VerificationView {
  if (!result.ok) {
    return {
      verified: false,
      checkedAt: checkedAt.toISOString(),
      reason: result.reason,
      detail: result.detail,
      statusChecked: false,
      domains: [],
      roles: [],
      undisclosed: 0,
      qualityFlags: [],
    };
  }
  const ev = result.credential.evidence?.[0];
  const assurance = assuranceView(result.assurance);
  return {
    verified: true,
    checkedAt: checkedAt.toISOString(),
    format: result.format,
    issuer: result.issuer,
    ...(result.validUntil ? { validUntil: result.validUntil } : {}),
    statusChecked: result.status.checked,
    keyBinding: result.keyBinding,
    ...(assurance ? { assurance } : {}),
    domains: result.summary.domains.map(({ domain, sten, low, high }) => ({
      domain,
      sten,
      ...(low !== undefined ? { low } : {}),
      ...(high !== undefined ? { high } : {}),
    })),
    roles: result.summary.roles.map((r) => {
      const status = credentialFitStatus(
        r.role,
        ev?.roleProfiles?.find((x) => x.role === r.role)?.version,
        result.summary.domains.map((d) => d.domain),
        result.undisclosed,
      );
      return status ? { ...r, status } : r;
    }),
    undisclosed: result.undisclosed,
    ...(ev?.norm
      ? {
          norm: {
            id: ev.norm.id,
            version: ev.norm.version,
            population: ev.norm.population,
            n: ev.norm.n,
            provisional: ev.norm.provisional,
            citation: ev.norm.citation,
          },
        }
      : {}),
    ...(ev?.algorithmVersion ? { algorithmVersion: ev.algorithmVersion } : {}),
    qualityFlags: ev?.qualityFlags ?? [],
    ...(ev?.rawLog?.digest ? { logDigest: ev.rawLog.digest } : {}),
  };
}

/** A report's own profile as a view (unsigned: never `verified` on its own). */
function reportView(report: CoachReport, checkedAt: Date): VerificationView {
  const p = report.profile;
  return {
    verified: false,
    checkedAt: checkedAt.toISOString(),
    reason: 'no-credential',
    detail: "The report carries no credential: its numbers are what the candidate's device computed, not signed by an issuer.",
    statusChecked: false,
    domains: p.domains
      .filter((d) => d.status === 'measured' && d.sten !== undefined)
      .map((d) => ({ domain: d.domain, sten: d.sten as number, ...(d.stenCi ? { low: d.stenCi.low, high: d.stenCi.high } : {}) })),
    roles: p.roleFits.map((r) => ({
      role: r.role,
      name: r.label,
      fitPercent: r.fitPercent,
      ...(r.status === 'not-enough-data' ? { status: 'not-enough-data' as const } : {}),
    })),
    undisclosed: 0,
    norm: { id: p.norm.id, version: p.norm.version, population: p.norm.population, n: p.norm.n, provisional: p.norm.provisional, citation: p.norm.citation },
    algorithmVersion: p.algorithmVersion,
    qualityFlags: [...new Set(p.quality.map((q) => q.code))],
  };
}

export interface IntakeDeps {
  verify?: (compact: string, opts: VerifyOptions) => Promise<VerifyResult>;
  verifyOptions?: VerifyOptions;
  /** Recomputes the profile from the log with the report's norm group (in a worker in the browser). */
  recompute: (events: readonly LogEvent[], normGroup: string, roleSet?: string) => Promise<Profile>;
  now?: Date;
}

/**
 * Verifies a full report: the log must reproduce the report's profile with the same versions, and — when a credential
 * comes with it — the credential must verify and name this log's digest. Only then is the report verified.
 */
export async function verifyReport(report: CoachReport, deps: IntakeDeps): Promise<VerificationView> {
  const now = deps.now ?? new Date();
  let reproduces = false;
  try {
    const again = await deps.recompute(report.events, report.profile.norm.id, report.profile.roleSet?.id);
    reproduces = again.algorithmVersion === report.profile.algorithmVersion && JSON.stringify(again) === JSON.stringify(report.profile);
  } catch {
    reproduces = false;
  }
  if (!report.credential) {
    const v = reportView(report, now);
    return {
      ...v,
      log: { reproduces },
      ...(reproduces ? {} : { reason: 'log-mismatch', detail: "The raw log does not reproduce the report's profile with the versions it names." }),
    };
  }
  const verify = deps.verify ?? verifyCredential;
  const v = viewOf(await verify(report.credential, deps.verifyOptions ?? {}), now);
  const digestMatches = v.logDigest !== undefined && v.logDigest === (await logHash(report.events));
  const log = { reproduces, digestMatches };
  if (!v.verified) return { ...reportView(report, now), reason: v.reason, detail: v.detail, log } as VerificationView;
  if (!digestMatches)
    return { ...v, verified: false, reason: 'log-mismatch', detail: 'The raw log is not the one the credential was computed from (its digest differs).', log };
  if (!reproduces)
    return { ...v, verified: false, reason: 'log-mismatch', detail: "The raw log does not reproduce the report's profile with the versions it names.", log };
  return { ...v, log };
}
