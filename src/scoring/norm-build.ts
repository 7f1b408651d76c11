/**
 * Builds a norm table from anonymised session exports (norms:build). Pure: the caller passes the date and the
 * inputs' provenance; the bootstrap uses a seeded generator, so the same exports and options give the same table.
 * Rules (docs/algorithm.md, "Building norms"):
 * - a metric value enters when the scorer computed it and no validity rule leaves it out (validity.ts);
 * - the group is refused below `minN` sessions; a metric with fewer than `minN` valid values is left out;
 * - per device class with at least `minDeviceN` values, separate statistics are added;
 * - mean, sample SD, percentiles (type 7) at NORM_PERCENTILES, percentile-bootstrap CIs of mean and SD;
 * - correlations between the metrics of a domain (pairwise complete, at least `minN` pairs);
 * - for each domain, the distribution of the domain z of the sessions with every metric of the domain valid.
 */
import { createRng } from '../lib/rng.ts';
import { gameById } from '../../games/registry.ts';
import { roundTo } from './conversions.ts';
import { ALGORITHM_VERSION, DOMAIN_MODEL, metricKey, modelMetrics, type DomainMetric } from './domain-model.ts';
import { compositeOf } from './domain-score.ts';
import { scoreMetric, type ScoredMetric } from './metric-scores.ts';
import {
  NORM_DEVICES,
  validateNormTable,
  type DomainNorm,
  type NormCorrelation,
  type NormDevice,
  type NormMetric,
  type NormStats,
  type NormTable,
} from './norm-table.ts';
import { bootstrapCi, mean, pearson, quantile7, sampleSd } from './sample-stats.ts';
import type { SessionExport } from './session-export.ts';
import { exclusionReason } from './validity.ts';

export const NORM_PERCENTILES = [1, 5, 10, 20, 25, 30, 40, 50, 60, 70, 75, 80, 90, 95, 99] as const;
export const DEFAULT_MIN_N = 100;
export const NORM_BUILDER_VERSION = '1.0.0';

export interface NormBuildOptions {
  id: string;
  version: string;
  title: string;
  /** Date of the data (YYYY-MM-DD). */
  date: string;
  population: NormTable['population'];
  source: NormTable['source'];
  provisional?: boolean;
  provisionalNote?: string;
  minN?: number;
  minDeviceN?: number;
  /** Keep only sessions of this age band / device class. */
  ageBand?: string;
  device?: NormDevice;
  bootstrap?: { resamples: number; seed: number; level: number };
  /** Files read, for the provenance (name, sha256, sessions). */
  inputs?: { file: string; sha256: string; sessions: number }[];
}

export class NormBuildError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NormBuildError';
  }
}

interface Value {
  session: string;
  device: string;
  value: number;
}

/** Valid values of one model metric over the sessions, and the game versions they came from. */
function collect(spec: DomainMetric, sessions: readonly SessionExport[]): { values: Value[]; versions: Set<string>; left: Record<string, number> } {
  const values: Value[] = [];
  const versions = new Set<string>();
  const left: Record<string, number> = {};
  const leave = (why: string) => (left[why] = (left[why] ?? 0) + 1);
  for (const s of sessions) {
    const score = s.games.find((g) => g.game === spec.game);
    if (!score) {
      leave('game not played');
      continue;
    }
    const mv = score.metrics[spec.metric];
    if (!mv || mv.value === null) {
      leave('not computable');
      continue;
    }
    const why = exclusionReason(score, spec.metric, spec.latency);
    if (why) {
      leave(why.split(':')[0] as string);
      continue;
    }
    versions.add(score.gameVersion);
    values.push({ session: s.id, device: s.gameDevices?.[spec.game] ?? s.deviceClass, value: mv.value });
  }
  return { values, versions, left };
}

const r4 = (x: number) => roundTo(x, 4);

function statsOf(xs: readonly number[]): NormStats {
  const sorted = [...xs].sort((a, b) => a - b);
  return {
    n: xs.length,
    mean: r4(mean(xs)),
    sd: r4(sampleSd(xs)),
    percentiles: NORM_PERCENTILES.map((p) => ({ p, value: r4(quantile7(sorted, p / 100)) })),
  };
}

export function buildNormTable(allSessions: readonly SessionExport[], opts: NormBuildOptions): NormTable {
  const minN = opts.minN ?? DEFAULT_MIN_N;
  const minDeviceN = opts.minDeviceN ?? minN;
  const boot = opts.bootstrap ?? { resamples: 1000, seed: 1, level: 0.95 };
  const sessions = allSessions.filter(
    (s) => (opts.ageBand === undefined || s.ageBand === opts.ageBand) && (opts.device === undefined || s.deviceClass === opts.device),
  );
  if (sessions.length < minN) {
    throw new NormBuildError(`Group "${opts.id}" has ${sessions.length} sessions after filtering; a norm group needs at least ${minN}. No table written.`);
  }
  const rng = createRng(boot.seed);
  const metrics: NormMetric[] = [];
  const omitted: { metric: string; reason: string }[] = [];
  const excludedCounts: Record<string, Record<string, number>> = {};
  const versionsByGame = new Map<string, Set<string>>();
  const valuesByKey = new Map<string, Map<string, number>>();

  for (const spec of modelMetrics()) {
    const key = metricKey(spec.game, spec.metric);
    const { values, versions, left } = collect(spec, sessions);
    if (Object.keys(left).length > 0) excludedCounts[key] = left;
    if (values.length < minN) {
      omitted.push({ metric: key, reason: `${values.length} valid values, fewer than ${minN}` });
      continue;
    }
    if (versions.size > 1)
      throw new NormBuildError(`${key}: the exports mix versions ${[...versions].sort().join(', ')} of ${spec.game}; build one table per version.`);
    const known = versionsByGame.get(spec.game) ?? new Set<string>();
    for (const v of versions) known.add(v);
    versionsByGame.set(spec.game, known);
    valuesByKey.set(key, new Map(values.map((v) => [v.session, v.value])));

    const xs = values.map((v) => v.value);
    const def = gameById(spec.game).metrics.find((d) => d.id === spec.metric);
    const devices: Partial<Record<NormDevice, NormStats>> = {};
    for (const d of NORM_DEVICES) {
      const mine = values.filter((v) => v.device === d).map((v) => v.value);
      if (mine.length >= minDeviceN && mine.length < values.length) devices[d] = statsOf(mine);
    }
    const base = statsOf(xs);
    metrics.push({
      game: spec.game,
      metric: spec.metric,
      unit: def?.unit ?? '',
      direction: spec.direction,
      n: base.n,
      mean: base.mean,
      sd: base.sd,
      ...(base.percentiles ? { percentiles: base.percentiles } : {}),
      reliability: {
        value: spec.reliability.value,
        kind: spec.reliability.kind,
        source: `${spec.reliability.source} (from the domain model ${ALGORITHM_VERSION}; norms:build cannot estimate retest reliability from single sessions)`,
      },
      ...(Object.keys(devices).length > 0 ? { devices } : {}),
      bootstrap: {
        level: boot.level,
        resamples: boot.resamples,
        mean: bootstrapCi(xs, mean, rng, boot.resamples, boot.level).map(r4) as [number, number],
        sd: bootstrapCi(xs, sampleSd, rng, boot.resamples, boot.level).map(r4) as [number, number],
      },
    });
  }
  if (metrics.length === 0) throw new NormBuildError(`Group "${opts.id}": no metric has ${minN} valid values. No table written.`);

  const correlations: NormCorrelation[] = [];
  for (const d of DOMAIN_MODEL) {
    const keys = d.metrics.map((m) => metricKey(m.game, m.metric)).filter((k) => valuesByKey.has(k));
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) {
        const a = valuesByKey.get(keys[i] as string) as Map<string, number>;
        const b = valuesByKey.get(keys[j] as string) as Map<string, number>;
        const both = [...a.keys()].filter((s) => b.has(s));
        if (both.length < minN) continue;
        const r = pearson(
          both.map((s) => a.get(s) as number),
          both.map((s) => b.get(s) as number),
        );
        correlations.push({ a: keys[i] as string, b: keys[j] as string, r: r4(r), n: both.length });
      }
    }
  }

  const table: NormTable = {
    id: opts.id,
    version: opts.version,
    title: opts.title,
    provisional: opts.provisional ?? false,
    ...(opts.provisionalNote ? { provisionalNote: opts.provisionalNote } : {}),
    population: opts.population,
    n: sessions.length,
    date: opts.date,
    source: opts.source,
    deviceClass: opts.device ?? 'all',
    validFor: [...versionsByGame].map(([game, v]) => ({ game, versions: [...v].sort() })),
    metrics,
    ...(correlations.length > 0 ? { correlations } : {}),
  };

  const domains: DomainNorm[] = [];
  for (const d of DOMAIN_MODEL) {
    if (!d.metrics.every((m) => valuesByKey.has(metricKey(m.game, m.metric)))) continue;
    const zs: number[] = [];
    for (const s of sessions) {
      const scored: ScoredMetric[] = d.metrics.map((spec) => scoreMetric(spec, s.games, table, s.gameDevices?.[spec.game] ?? s.deviceClass));
      if (scored.every((m) => m.included)) zs.push(compositeOf(scored, table).z);
    }
    if (zs.length < minN) continue;
    const st = statsOf(zs);
    domains.push({ domain: d.domain, n: zs.length, percentiles: st.percentiles ?? [], sd: st.sd, algorithmVersion: ALGORITHM_VERSION });
  }
  if (domains.length > 0) table.domains = domains;

  table.provenance = {
    builtBy: 'scripts/norms-build.ts',
    builderVersion: NORM_BUILDER_VERSION,
    algorithmVersion: ALGORITHM_VERSION,
    inputs: opts.inputs ?? [],
    filters: { ...(opts.ageBand ? { ageBand: opts.ageBand } : {}), ...(opts.device ? { device: opts.device } : {}) },
    sessions: { read: allSessions.length, used: sessions.length },
    minN,
    minDeviceN,
    percentileMethod: 'type 7 (linear interpolation at (n − 1)·p)',
    bootstrap: boot,
    excludedValues: excludedCounts,
    omittedMetrics: omitted,
  };
  return validateNormTable(table);
}
