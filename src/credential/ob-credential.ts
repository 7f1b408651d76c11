/**
 * The Open Badges 3.0 OpenBadgeCredential (W3C VCDM 2.0) a cognitive profile becomes. Pure: the same profile and
 * context give the same credential. Shared by issuer (builds it) and verifier/shell (read it with the helpers below).
 *
 * Shape:
 * - achievement "cognitive profile": one ResultDescription per domain (ScaledScore, sten 1–10, aligned to ESCO) and
 *   one per reported role fit (Percent, 0–100);
 * - credentialSubject.result: the candidate's values, each with its 90% interval (`interval`), one entry per
 *   measured domain and per role fit (each entry is selectively disclosable once secured);
 * - evidence[0]: what anyone needs to recompute it — algorithm version, norm table (id, version, provisional),
 *   role profile versions, game and scorer versions, the SHA-256 of the raw log (see log-hash.ts), quality flags;
 * - evidence[1], for a certified session only: how the result was obtained (`Assurance`, src/integrity) — witnessed
 *   by the issuer, the battery and the games it covers, unproctored online, the integrity checks passed with their
 *   version, offline gaps. It is an `Evidence` entry because that is where OB 3.0 and VCDM 2.0 put what the issuer
 *   relied on in making the claim (VCDM §5.6 "evidence"; OB 3.0 Evidence allows additional properties), it stays
 *   outside the selectively disclosable results so no presentation can hide it, and a credential without it (the
 *   practice era) still reads as before.
 */
import type { Assurance } from '../integrity/record.ts';
import type { Domain } from '../runtime/game-contract.ts';
import { DOMAINS, type Profile } from '../scoring/profile-types.ts';
import { DOMAIN_ESCO, escoUrl } from './esco.ts';
import { LOG_HASH_CANONICALIZATION } from './log-hash.ts';

export const VCDM_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
export const OB_SCHEMA_ID = 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';
export const CREDENTIAL_VERSION = '1';

export interface Alignment {
  type: ['Alignment'];
  targetName: string;
  targetUrl: string;
  targetFramework: 'ESCO';
  targetType: 'ceasn:Competency';
  targetCode: string;
}

export interface ResultDescription {
  id: string;
  type: ['ResultDescription'];
  name: string;
  resultType: 'ScaledScore' | 'Percent';
  valueMin: string;
  valueMax: string;
  alignment?: Alignment[];
}

export interface CredentialResult {
  type: ['Result'];
  resultDescription: string;
  value: string;
  /** 90% confidence interval on the same scale as `value` (an extension property; OB allows additional properties). */
  interval?: { level: '0.90'; low: string; high: string };
}

export interface RecomputeEvidence {
  type: ['Evidence'];
  id: string;
  name: string;
  description: string;
  genre: 'Measurement';
  algorithmVersion: string;
  credentialVersion: string;
  norm: { id: string; version: string; provisional: boolean; population: string; n: number; citation: string };
  roleProfiles: { role: string; version: string; example: boolean }[];
  sources: { game: string; gameVersion: string; scorerVersion: string }[];
  rawLog: { digest: string; canonicalization: typeof LOG_HASH_CANONICALIZATION; events: number; battery?: string };
  deviceClass: string;
  qualityFlags: string[];
  notMeasured: { domain: Domain; reason: string }[];
}

/** The assurance entry: the OB 3.0 Evidence members plus the structured `assurance` a verifier reads. */
export interface AssuranceEvidence {
  type: ['Evidence'];
  name: string;
  description: string;
  narrative: string;
  genre: 'Assurance';
  assurance: Assurance;
  /** The pilot (partner platform) whose embedded scan this session was: part of how the result was obtained. */
  pilot?: string;
}

export interface OpenBadgeCredential {
  '@context': [typeof VCDM_CONTEXT, typeof OB_CONTEXT];
  id: string;
  type: ['VerifiableCredential', 'OpenBadgeCredential'];
  issuer: { id: string; type: ['Profile']; name: string; url?: string };
  validFrom: string;
  validUntil: string;
  name: string;
  description: string;
  credentialSubject: {
    id: string;
    type: ['AchievementSubject'];
    achievement: {
      id: string;
      type: ['Achievement'];
      achievementType: 'Assessment';
      name: string;
      description: string;
      criteria: { narrative: string };
      alignment: Alignment[];
      resultDescription: ResultDescription[];
      version: string;
    };
    result: CredentialResult[];
  };
  evidence: [RecomputeEvidence] | [RecomputeEvidence, AssuranceEvidence];
  credentialSchema: [{ id: typeof OB_SCHEMA_ID; type: '1EdTechJsonSchemaValidator2019' }];
}

export interface CredentialContext {
  /** Credential id (`urn:uuid:…`). */
  id: string;
  issuer: { id: string; name: string; url?: string };
  /** Base URL the achievement and result descriptions are named under (the issuer's public URL). */
  baseUrl: string;
  /** The holder (did:jwk of the wallet key) or a random `urn:uuid:` when issued for download. */
  subjectId: string;
  issuedAt: Date;
  validForDays: number;
  logDigest: string;
  logEvents: number;
  battery?: string;
  /** Human-readable names of roles (by role id); the role id is used when missing. */
  roleNames?: Record<string, string>;
  /** How the result was obtained: present for a certified (witnessed) session. */
  assurance?: Assurance;
  /** The pilot whose embedded scan the session was (a certified session only; stated beside the assurance). */
  pilot?: string;
}

/** The assurance in plain English, for wallets and verifiers that show only text. */
export function assuranceNarrative(a: Assurance): string {
  const minutes = (ms: number) => `${Math.max(1, Math.round(ms / 60_000))} min`;
  const offline =
    a.offline.gaps === 0
      ? 'The connection held throughout.'
      : `The device was offline ${a.offline.gaps} time(s), ${minutes(a.offline.totalMs)} in all; the events recorded meanwhile were uploaded afterwards and checked like the rest.`;
  const marked = a.checks.marked.length ? ` Signals noted without refusing: ${a.checks.marked.join(', ')}.` : '';
  return (
    `Certified session, witnessed by the issuer from ${a.sessionStart} to ${a.sessionEnd}: the issuer created the session, handed out each game's design when it started, received the event log as it was recorded (hash-chained), and scored its own copy. ` +
    `Battery "${a.battery}": ${a.games.join(', ')}. Unproctored, online: nobody watched the candidate, who played on their own device. ` +
    `Integrity checks version ${a.checks.version} passed: ${a.checks.passed.join(', ')}.${marked} ${offline}` +
    (a.embedding ? ` ${embeddingNarrative(a.embedding)}` : '')
  );
}

/** The pilot part of the assurance, in plain English. */
export function embeddingNarrative(e: NonNullable<Assurance['embedding']>): string {
  return e.binding === 'start-token'
    ? `Embedded by the pilot "${e.pilotName}" (${e.pilot}): the pilot's own server signed a single-use start token for this embedded scan, and the issuer verified it.`
    : `Played with the settings of the pilot "${e.pilotName}" (${e.pilot}); the pilot did not vouch for the session with a start token, so it is not established that the scan ran in the pilot's page.`;
}

/** The assurance a credential states, or undefined (not certified, or not readable). */
export function assuranceOf(credential: Pick<OpenBadgeCredential, 'evidence'>): Assurance | undefined {
  const entries: unknown[] = Array.isArray(credential.evidence) ? credential.evidence : [];
  for (const e of entries) {
    const a = (e as { genre?: unknown; assurance?: unknown } | null)?.assurance as Partial<Assurance> | undefined;
    if ((e as { genre?: unknown }).genre !== 'Assurance' || !a || typeof a !== 'object') continue;
    const strings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === 'string');
    if (a.mode !== 'certified' || typeof a.battery !== 'string' || !strings(a.games) || !a.checks || !strings(a.checks.passed) || !strings(a.checks.marked))
      continue;
    if (typeof a.checks.version !== 'string' || !a.offline || typeof a.offline.gaps !== 'number' || typeof a.offline.totalMs !== 'number') continue;
    const m = a.embedding;
    // An embedding that does not read as one is dropped, never shown half: the rest of the assurance stands.
    const embedding =
      m && typeof m.pilot === 'string' && typeof m.pilotName === 'string' && (m.binding === 'start-token' || m.binding === 'settings') ? m : undefined;
    const { embedding: _dropped, ...rest } = a as Assurance;
    return embedding ? { ...rest, embedding } : rest;
  }
  return undefined;
}

const DOMAIN_NAMES: Record<Domain, string> = {
  'processing-speed': 'Processing speed',
  inhibition: 'Inhibition (stopping an action)',
  'selective-attention': 'Selective attention',
  flexibility: 'Cognitive flexibility',
  'working-memory': 'Working memory',
  learning: 'Learning from feedback',
};

export function achievementId(baseUrl: string): string {
  return `${baseUrl}/issuer/achievements/cognitive-profile/v${CREDENTIAL_VERSION}`;
}
export const domainResultId = (baseUrl: string, d: Domain) => `${achievementId(baseUrl)}#domain-${d}`;
export const roleResultId = (baseUrl: string, role: string) => `${achievementId(baseUrl)}#role-${encodeURIComponent(role)}`;

function alignmentsFor(d: Domain): Alignment[] {
  return DOMAIN_ESCO[d].map((s) => ({
    type: ['Alignment'],
    targetName: s.label,
    targetUrl: escoUrl(s),
    targetFramework: 'ESCO',
    targetType: 'ceasn:Competency',
    targetCode: s.id,
  }));
}

function num(v: number, digits = 0): string {
  const f = 10 ** digits;
  return String(Math.round(v * f) / f);
}

export function buildOpenBadgeCredential(profile: Profile, ctx: CredentialContext): OpenBadgeCredential {
  const validFrom = new Date(Math.floor(ctx.issuedAt.getTime() / 1000) * 1000);
  const validUntil = new Date(validFrom.getTime() + ctx.validForDays * 86_400_000);
  const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const base = ctx.baseUrl;

  const allAlignments = new Map<string, Alignment>();
  for (const d of DOMAINS) for (const a of alignmentsFor(d)) allAlignments.set(a.targetUrl, a);

  const descriptions: ResultDescription[] = [
    ...DOMAINS.map(
      (d): ResultDescription => ({
        id: domainResultId(base, d),
        type: ['ResultDescription'],
        name: DOMAIN_NAMES[d],
        resultType: 'ScaledScore',
        valueMin: '1',
        valueMax: '10',
        alignment: alignmentsFor(d),
      }),
    ),
    ...profile.roleFits.map(
      (r): ResultDescription => ({
        id: roleResultId(base, r.role),
        type: ['ResultDescription'],
        name: `Fit with role: ${ctx.roleNames?.[r.role] ?? r.role}${r.example ? ' (example role profile)' : ''}`,
        resultType: 'Percent',
        valueMin: '0',
        valueMax: '100',
      }),
    ),
  ];

  const results: CredentialResult[] = [];
  for (const d of profile.domains) {
    if (d.status !== 'measured' || d.sten === undefined) continue;
    results.push({
      type: ['Result'],
      resultDescription: domainResultId(base, d.domain),
      value: num(d.sten),
      ...(d.stenCi ? { interval: { level: '0.90' as const, low: num(d.stenCi.low, 1), high: num(d.stenCi.high, 1) } } : {}),
    });
  }
  for (const r of profile.roleFits) {
    results.push({ type: ['Result'], resultDescription: roleResultId(base, r.role), value: num(r.fitPercent) });
  }

  const provisional = profile.norm.provisional ? ' The norm table is provisional.' : '';
  return {
    '@context': [VCDM_CONTEXT, OB_CONTEXT],
    id: ctx.id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: ctx.issuer.id, type: ['Profile'], name: ctx.issuer.name, ...(ctx.issuer.url ? { url: ctx.issuer.url } : {}) },
    validFrom: iso(validFrom),
    validUntil: iso(validUntil),
    name: 'Talentscan cognitive profile',
    description: `Cognitive profile from a language-free game-based assessment, compared with the norm group "${profile.norm.population}".${provisional}`,
    credentialSubject: {
      id: ctx.subjectId,
      type: ['AchievementSubject'],
      achievement: {
        id: achievementId(base),
        type: ['Achievement'],
        achievementType: 'Assessment',
        name: 'Cognitive profile',
        description:
          'Standard-ten scores (1–10, with a 90% interval) for up to six cognitive domains measured by short mini-games, and the fit with role profiles as a percentage. Scores come from behaviour (reaction times and choices), were recomputed by the issuer from the raw event log, and are compared with the norm group named in the evidence.',
        criteria: {
          narrative:
            'Awarded to a candidate who completed the Talentscan games. The issuer re-scored the raw session log with the versioned scoring code named in the evidence, checked it for plausibility, and found it valid. A domain has a result only when it was measured.',
        },
        alignment: [...allAlignments.values()],
        resultDescription: descriptions,
        version: CREDENTIAL_VERSION,
      },
      result: results,
    },
    evidence: [
      {
        type: ['Evidence'],
        id: `urn:talentscan:log:${ctx.logDigest}`,
        name: 'Raw session event log (digest) and the versions that scored it',
        description: `The SHA-256 digest (${LOG_HASH_CANONICALIZATION} canonical JSON) of the ${ctx.logEvents} raw events the scores were recomputed from, with the algorithm, norm table, role profiles and game scorers used. Anyone holding the log can recompute every number.`,
        genre: 'Measurement',
        algorithmVersion: profile.algorithmVersion,
        credentialVersion: CREDENTIAL_VERSION,
        norm: {
          id: profile.norm.id,
          version: profile.norm.version,
          provisional: profile.norm.provisional,
          population: profile.norm.population,
          n: profile.norm.n,
          citation: profile.norm.citation,
        },
        roleProfiles: profile.roleFits.map((r) => ({ role: r.role, version: r.roleVersion, example: r.example })),
        sources: profile.sources.map((s) => ({ game: s.game, gameVersion: s.gameVersion, scorerVersion: s.scorerVersion })),
        rawLog: { digest: ctx.logDigest, canonicalization: LOG_HASH_CANONICALIZATION, events: ctx.logEvents, ...(ctx.battery ? { battery: ctx.battery } : {}) },
        deviceClass: profile.deviceClass,
        qualityFlags: [...new Set(profile.quality.map((q) => q.code))],
        notMeasured: profile.domains.filter((d) => d.status !== 'measured').map((d) => ({ domain: d.domain, reason: d.reason ?? 'not measured' })),
      },
      ...(ctx.assurance
        ? [
            {
              type: ['Evidence'] as ['Evidence'],
              name: 'How this result was obtained',
              description:
                'Assurance: whether the issuer witnessed the session, which games it covers, under which circumstances, and which integrity checks (with their version) it passed.',
              narrative: assuranceNarrative(ctx.assurance),
              genre: 'Assurance' as const,
              assurance: ctx.assurance,
              ...(ctx.pilot ? { pilot: ctx.pilot } : {}),
            },
          ]
        : []),
    ] as OpenBadgeCredential['evidence'],
    credentialSchema: [{ id: OB_SCHEMA_ID, type: '1EdTechJsonSchemaValidator2019' }],
  };
}

/** What a (possibly partly disclosed) credential says, in terms a screen can show. */
export interface CredentialSummary {
  domains: { domain: Domain; sten: number; low?: number; high?: number; escos: { name: string; url: string }[] }[];
  roles: { role: string; name: string; fitPercent: number }[];
  /** Result entries whose description the reader does not know (shown raw). */
  other: CredentialResult[];
}

export function summarise(credential: Pick<OpenBadgeCredential, 'credentialSubject'>): CredentialSummary {
  const ach = credential.credentialSubject?.achievement;
  const byId = new Map((ach?.resultDescription ?? []).map((d) => [d.id, d]));
  const out: CredentialSummary = { domains: [], roles: [], other: [] };
  for (const r of credential.credentialSubject?.result ?? []) {
    const desc = byId.get(r.resultDescription);
    const domain = desc?.id.match(/#domain-([a-z-]+)$/)?.[1] as Domain | undefined;
    const role = desc?.id.match(/#role-(.+)$/)?.[1];
    if (desc && domain && (DOMAINS as readonly string[]).includes(domain)) {
      out.domains.push({
        domain,
        sten: Number(r.value),
        ...(r.interval ? { low: Number(r.interval.low), high: Number(r.interval.high) } : {}),
        escos: (desc.alignment ?? []).map((a) => ({ name: a.targetName, url: a.targetUrl })),
      });
    } else if (desc && role) {
      out.roles.push({ role: decodeURIComponent(role), name: desc.name.replace(/^Fit with role: /, ''), fitPercent: Number(r.value) });
    } else {
      out.other.push(r);
    }
  }
  return out;
}
