/**
 * The profile engine's entry points. Pure and deterministic: no clock, no randomness, fixed key order, numbers
 * rounded by the rules in docs/algorithm.md, so the same input gives a byte-identical JSON profile in the browser
 * worker, in Node and in the credential issuer.
 *
 *   profileFromLog(events, { normGroup, roles? })  raw event log → Profile (scores the log itself)
 *   buildProfile(scores, context)                   game scores → Profile
 */
import type { LogEvent } from '../log/events.ts';
import type { GameScore, QualityFlag } from '../runtime/game-contract.ts';
import { reportPercentile, roundTo } from './conversions.ts';
import { deviceClassOf } from './device-class.ts';
import { ALGORITHM_VERSION, domainSpec } from './domain-model.ts';
import { scoreDomain } from './domain-score.ts';
import { scoreMetric, type ScoredMetric } from './metric-scores.ts';
import { DEFAULT_NORM_GROUP, normTable } from './norm-registry.ts';
import type { NormTable } from './norm-table.ts';
import { DOMAINS, type DeviceClass, type MetricScore, type NormRef, type Profile } from './profile-types.ts';
import { fitRoles } from './role-fit.ts';
import { EXAMPLE_ROLES, type RoleSet } from './role-profiles.ts';
import { scoreSession } from './score-game.ts';
import { workingStyleTips } from './working-style.ts';

export interface ProfileOptions {
  /** Norm group id (a table in norms/tables/) or a norm table already validated (validateNormTable). Default: all adults. */
  normGroup?: string | NormTable;
  /** Role ids to fit (default: every role of the set). */
  roles?: readonly string[];
  /** Role profiles (default: the example roles in norms/roles/example-roles.json). */
  roleSet?: RoleSet;
}

export interface ProfileContext extends ProfileOptions {
  /** Input-device class of the session (device-class.ts). */
  deviceClass: DeviceClass;
  /** Device class per game, where known; a game without one uses the session's. */
  gameDevices?: Readonly<Record<string, DeviceClass>>;
}

function resolveNorm(group: string | NormTable | undefined): NormTable {
  if (group === undefined) return normTable(DEFAULT_NORM_GROUP);
  return typeof group === 'string' ? normTable(group) : group;
}

export function normRef(table: NormTable): NormRef {
  return {
    id: table.id,
    version: table.version,
    provisional: table.provisional,
    population: table.population.summary,
    n: table.n,
    citation: table.source.citation,
    ...(table.provisionalNote ? { provisionalNote: table.provisionalNote } : {}),
    date: table.date,
    deviceClass: table.deviceClass,
  };
}

function metricScore(m: ScoredMetric, domain: MetricScore['domain']): MetricScore {
  return {
    game: m.spec.game,
    metric: m.spec.metric,
    value: m.value,
    z: m.z === null ? null : roundTo(m.z, 2),
    included: m.included,
    ...(m.excludedReason ? { excludedReason: m.excludedReason } : {}),
    domain,
    ...(m.percentile !== null ? { percentile: reportPercentile(m.percentile) } : {}),
    ...(m.normBasis ? { normBasis: m.normBasis } : {}),
  };
}

/**
 * The codes the profile adds to its games' flags (which it lists as `<game>.<code>`): a provisional norm table, mixed
 * input devices, and `<game>.device-mismatch`.
 */
export const PROFILE_FLAG_CODES = ['norm.provisional', 'session.mixed-devices'] as const;
export const GAME_DEVICE_FLAG = 'device-mismatch';

function qualityFlags(scores: readonly GameScore[], table: NormTable, scored: readonly ScoredMetric[], context: ProfileContext): QualityFlag[] {
  const flags: QualityFlag[] = [];
  if (table.provisional) {
    flags.push({ code: 'norm.provisional', detail: `${table.title}: ${table.provisionalNote ?? 'provisional'}. ${table.population.summary}.` });
  }
  if (context.deviceClass === 'mixed') {
    flags.push({ code: 'session.mixed-devices', detail: 'Answers came from more than one kind of input device; speed scores compare less well.' });
  }
  for (const s of scores) for (const f of s.flags) flags.push({ ...f, code: `${s.game}.${f.code}` });
  const mismatched = new Map<string, string[]>();
  for (const m of scored) if (m.deviceMismatch) mismatched.set(m.spec.game, [...(mismatched.get(m.spec.game) ?? []), m.spec.metric]);
  for (const [game, metrics] of mismatched) {
    const played = context.gameDevices?.[game] ?? context.deviceClass;
    flags.push({
      code: `${game}.${GAME_DEVICE_FLAG}`,
      detail: `${game} was played with ${played} input; the norm data for ${metrics.join(', ')} come from ${table.deviceClass} input and no correction is known, so absolute times may differ by the devices' latency (Pronk et al. 2020). Difference scores are not affected.`,
    });
  }
  return flags;
}

/** Game scores → profile. */
export function buildProfile(scores: readonly GameScore[], context: ProfileContext): Profile {
  const table = resolveNorm(context.normGroup);
  const roleSet = context.roleSet ?? EXAMPLE_ROLES;
  const scoredByDomain = DOMAINS.map((domain) => ({
    domain,
    metrics: domainSpec(domain).metrics.map((spec) => scoreMetric(spec, scores, table, context.gameDevices?.[spec.game] ?? context.deviceClass)),
  }));
  const domains = scoredByDomain.map(({ domain, metrics }) => scoreDomain(domain, metrics, table));
  const allScored = scoredByDomain.flatMap((d) => d.metrics);
  return {
    algorithmVersion: ALGORITHM_VERSION,
    norm: normRef(table),
    deviceClass: context.deviceClass,
    domains,
    metrics: scoredByDomain.flatMap(({ domain, metrics }) => metrics.map((m) => metricScore(m, domain))),
    roleFits: fitRoles(roleSet, domains, context.roles),
    tips: workingStyleTips(domains),
    quality: qualityFlags(scores, table, allScored, context),
    sources: scores.map((s) => ({
      game: s.game,
      gameVersion: s.gameVersion,
      scorerVersion: s.scorerVersion,
      ...(context.gameDevices?.[s.game] ? { deviceClass: context.gameDevices[s.game] } : {}),
    })),
    roleSet: { id: roleSet.id, version: roleSet.version, example: roleSet.example },
  };
}

/** Raw event log → profile: scores every completed game, finds the device classes, builds the profile. */
export function profileFromLog(events: readonly LogEvent[], options: ProfileOptions = {}): Profile {
  const scores = scoreSession(events);
  const gameDevices: Record<string, DeviceClass> = {};
  for (const s of scores) gameDevices[s.game] = deviceClassOf(events, s.game);
  return buildProfile(scores, { ...options, deviceClass: deviceClassOf(events), gameDevices });
}
