/**
 * Norm tables: the versioned JSON in norms/tables/ (schema: norms/schema/norm-table.schema.json), their types, and
 * the validation every table passes at load. The validator is hand-written (no code generation) because the worker
 * runs under a CSP without 'unsafe-eval'; norm-table.test.ts checks it agrees with the JSON Schema through Ajv.
 */
import { gameById } from '../../games/registry.ts';
import type { Domain } from '../runtime/game-contract.ts';
import type { PercentilePoint } from './conversions.ts';
import { DOMAINS } from './profile-types.ts';

export type NormDevice = 'keyboard' | 'touch' | 'mouse';
export const NORM_DEVICES: readonly NormDevice[] = ['keyboard', 'touch', 'mouse'];

export interface NormStats {
  n: number;
  mean: number;
  /** Sample SD (n − 1). */
  sd: number;
  /** Percentile ranks of raw values: p % of the norm group scored at or below `value`. Sorted by p. */
  percentiles?: PercentilePoint[];
}

export interface NormReliability {
  value: number;
  /** 'split-half' is within one session (odd vs even trials, Spearman–Brown to our trial count). */
  kind: 'test-retest' | 'split-half' | 'assumed';
  source: string;
}

export interface NormMetric extends NormStats {
  game: string;
  metric: string;
  unit: string;
  direction: 'higher-is-better' | 'lower-is-better';
  reliability: NormReliability;
  /** For borrowed norms: the reference measure and how it differs from ours. */
  reference?: { measure: string; definition: string; comparability: string };
  /** Separate statistics per input-device class, where the data had enough sessions of that class. */
  devices?: Partial<Record<NormDevice, NormStats>>;
  /** A documented latency correction (ms, added to the norm mean) for a device class without its own statistics. */
  deviceOffsetMs?: Partial<Record<NormDevice, { value: number; source: string }>>;
  /** Bootstrap confidence intervals of the mean and SD (norms:build). */
  bootstrap?: { level: number; resamples: number; mean: [number, number]; sd: [number, number] };
}

/** The distribution of a domain composite in the norm group (norms:build), for empirical domain percentiles. */
export interface DomainNorm {
  domain: Domain;
  n: number;
  /** Percentiles of the domain z (computed exactly as for a candidate, every metric valid) in the norm group. */
  percentiles: PercentilePoint[];
  /** Empirical SD of that domain z in the norm group: near 1 when the correlations the composite assumes are right. */
  sd: number;
  algorithmVersion: string;
}

export interface NormCorrelation {
  a: string;
  b: string;
  r: number;
  n: number;
}

export interface NormTable {
  $schema?: string;
  id: string;
  version: string;
  title: string;
  provisional: boolean;
  /** Shown wherever a score against a provisional table shows. */
  provisionalNote?: string;
  population: { summary: string; who: string; where: string; ageRange: { min: number; max: number }; recruitment: string };
  n: number;
  /** Date of the data (YYYY-MM-DD). */
  date: string;
  source: { citation: string; dataset?: string; notes?: string };
  /** Input device of the reference data ('all' when pooled over devices). */
  deviceClass: NormDevice | 'all';
  /** Task (game) versions the table is valid for. */
  validFor: { game: string; versions: string[] }[];
  metrics: NormMetric[];
  domains?: DomainNorm[];
  /** Correlations between metrics (keys game:metric), pairwise complete. */
  correlations?: NormCorrelation[];
  provenance?: Record<string, unknown>;
}

export class NormTableError extends Error {
  constructor(
    readonly tableId: string,
    readonly problems: string[],
  ) {
    super(`Norm table "${tableId}" is invalid:\n  - ${problems.join('\n  - ')}`);
    this.name = 'NormTableError';
  }
}

const SEMVER = /^\d+\.\d+\.\d+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[a-z0-9][a-z0-9-]*$/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isInt = (v: unknown): v is number => isNum(v) && Number.isInteger(v);

/** Checks structure and meaning; returns the table typed, or throws NormTableError listing every problem. */
export function validateNormTable(json: unknown, opts: { checkGames?: boolean } = {}): NormTable {
  const problems: string[] = [];
  const bad = (path: string, what: string) => problems.push(`${path}: ${what}`);
  const id = isObj(json) && typeof json['id'] === 'string' ? json['id'] : '(no id)';
  if (!isObj(json)) throw new NormTableError(id, ['the table is not a JSON object']);

  if (!isStr(json['id']) || !ID.test(json['id'])) bad('id', 'must be lower-case letters, digits and hyphens');
  if (!isStr(json['version']) || !SEMVER.test(json['version'])) bad('version', 'must be a version like 1.0.0');
  if (!isStr(json['title'])) bad('title', 'must be a non-empty string');
  if (typeof json['provisional'] !== 'boolean') bad('provisional', 'must be true or false');
  if (json['provisional'] === true && !isStr(json['provisionalNote'])) bad('provisionalNote', 'a provisional table must say why');
  const pop = json['population'];
  if (!isObj(pop)) bad('population', 'must be an object');
  else {
    for (const k of ['summary', 'who', 'where', 'recruitment']) if (!isStr(pop[k])) bad(`population.${k}`, 'must be a non-empty string');
    const age = pop['ageRange'];
    if (!isObj(age) || !isInt(age['min']) || !isInt(age['max']) || (age['min'] as number) > (age['max'] as number))
      bad('population.ageRange', 'must be {min, max} whole years, min ≤ max');
  }
  if (!isInt(json['n']) || (json['n'] as number) < 1) bad('n', 'must be a whole number ≥ 1');
  if (!isStr(json['date']) || !DATE.test(json['date'])) bad('date', 'must be YYYY-MM-DD');
  const src = json['source'];
  if (!isObj(src) || !isStr(src['citation'])) bad('source.citation', 'must be a non-empty string');
  if (!(['keyboard', 'touch', 'mouse', 'all'] as unknown[]).includes(json['deviceClass'])) bad('deviceClass', 'must be keyboard, touch, mouse or all');

  const validFor = json['validFor'];
  const valid = new Map<string, string[]>();
  if (!Array.isArray(validFor) || validFor.length === 0) bad('validFor', 'must list the task versions the table is valid for');
  else
    validFor.forEach((v: unknown, i) => {
      if (
        !isObj(v) ||
        !isStr(v['game']) ||
        !Array.isArray(v['versions']) ||
        v['versions'].length === 0 ||
        !v['versions'].every((x) => isStr(x) && SEMVER.test(x))
      ) {
        bad(`validFor[${i}]`, 'must be {game, versions: ["1.0.0", …]}');
      } else valid.set(v['game'], v['versions'] as string[]);
    });

  const metrics = json['metrics'];
  const seen = new Set<string>();
  if (!Array.isArray(metrics) || metrics.length === 0) bad('metrics', 'must list at least one metric');
  else
    metrics.forEach((m: unknown, i) => {
      const at = `metrics[${i}]`;
      if (!isObj(m)) return bad(at, 'must be an object');
      const key = `${String(m['game'])}:${String(m['metric'])}`;
      if (!isStr(m['game']) || !isStr(m['metric'])) bad(at, 'needs game and metric');
      else if (seen.has(key)) bad(at, `${key} appears twice`);
      seen.add(key);
      if (isStr(m['game']) && !valid.has(m['game'])) bad(at, `game "${m['game']}" is not in validFor`);
      if (!isStr(m['unit'])) bad(`${at}.unit`, 'must be a non-empty string');
      if (m['direction'] !== 'higher-is-better' && m['direction'] !== 'lower-is-better') bad(`${at}.direction`, 'must be higher-is-better or lower-is-better');
      checkStats(m, at, bad);
      const rel = m['reliability'];
      if (!isObj(rel) || !isNum(rel['value']) || rel['value'] < 0 || rel['value'] > 1) bad(`${at}.reliability.value`, 'must be a number in 0…1');
      else {
        if (!['test-retest', 'split-half', 'assumed'].includes(rel['kind'] as string))
          bad(`${at}.reliability.kind`, 'must be test-retest, split-half or assumed');
        if (!isStr(rel['source'])) bad(`${at}.reliability.source`, 'must name its source (or say "assumed: …")');
      }
      const devices = m['devices'];
      if (devices !== undefined) {
        if (!isObj(devices)) bad(`${at}.devices`, 'must be an object');
        else
          for (const [dev, s] of Object.entries(devices)) {
            if (!(NORM_DEVICES as readonly string[]).includes(dev)) bad(`${at}.devices.${dev}`, 'unknown device class');
            else if (!isObj(s)) bad(`${at}.devices.${dev}`, 'must be an object');
            else checkStats(s, `${at}.devices.${dev}`, bad);
          }
      }
      const offsets = m['deviceOffsetMs'];
      if (offsets !== undefined) {
        if (!isObj(offsets)) bad(`${at}.deviceOffsetMs`, 'must be an object');
        else
          for (const [dev, o] of Object.entries(offsets)) {
            if (!(NORM_DEVICES as readonly string[]).includes(dev)) bad(`${at}.deviceOffsetMs.${dev}`, 'unknown device class');
            else if (!isObj(o) || !isNum(o['value']) || !isStr(o['source'])) bad(`${at}.deviceOffsetMs.${dev}`, 'must be {value, source}');
          }
      }
      if (opts.checkGames !== false && isStr(m['game']) && isStr(m['metric'])) checkAgainstManifest(m, at, bad);
    });

  const domains = json['domains'];
  if (domains !== undefined) {
    if (!Array.isArray(domains)) bad('domains', 'must be an array');
    else
      domains.forEach((d: unknown, i) => {
        const at = `domains[${i}]`;
        if (!isObj(d)) return bad(at, 'must be an object');
        if (!(DOMAINS as readonly unknown[]).includes(d['domain'])) bad(`${at}.domain`, 'unknown domain');
        if (!isInt(d['n']) || (d['n'] as number) < 1) bad(`${at}.n`, 'must be a whole number ≥ 1');
        if (!isNum(d['sd']) || (d['sd'] as number) <= 0) bad(`${at}.sd`, 'must be a number > 0');
        if (!isStr(d['algorithmVersion'])) bad(`${at}.algorithmVersion`, 'must name the algorithm version it was built with');
        checkPercentiles(d['percentiles'], `${at}.percentiles`, bad, true);
      });
  }
  const correlations = json['correlations'];
  if (correlations !== undefined) {
    if (!Array.isArray(correlations)) bad('correlations', 'must be an array');
    else
      correlations.forEach((c: unknown, i) => {
        if (!isObj(c) || !isStr(c['a']) || !isStr(c['b']) || !isNum(c['r']) || c['r'] < -1 || c['r'] > 1 || !isInt(c['n']))
          bad(`correlations[${i}]`, 'must be {a, b, r in −1…1, n}');
      });
  }
  if (problems.length > 0) throw new NormTableError(id, problems);
  return json as unknown as NormTable;
}

function checkStats(s: Obj, at: string, bad: (path: string, what: string) => void): void {
  if (!isInt(s['n']) || (s['n'] as number) < 2) bad(`${at}.n`, 'must be a whole number ≥ 2');
  if (!isNum(s['mean'])) bad(`${at}.mean`, 'must be a number');
  if (!isNum(s['sd']) || (s['sd'] as number) <= 0) bad(`${at}.sd`, 'must be a number > 0');
  if (s['percentiles'] !== undefined) checkPercentiles(s['percentiles'], `${at}.percentiles`, bad, false);
}

function checkPercentiles(table: unknown, at: string, bad: (path: string, what: string) => void, required: boolean): void {
  if (table === undefined && !required) return;
  if (!Array.isArray(table) || table.length < 2) return bad(at, 'must list at least two {p, value} points');
  let prev: { p: number; value: number } | null = null;
  for (const [i, pt] of table.entries()) {
    if (!isObj(pt) || !isNum(pt['p']) || !isNum(pt['value']) || pt['p'] <= 0 || pt['p'] >= 100) return bad(`${at}[${i}]`, 'must be {p in (0, 100), value}');
    const cur = { p: pt['p'] as number, value: pt['value'] as number };
    if (prev && cur.p <= prev.p) return bad(`${at}[${i}]`, 'p must increase');
    if (prev && cur.value < prev.value) return bad(`${at}[${i}]`, 'values must not decrease as p increases');
    prev = cur;
  }
}

function checkAgainstManifest(m: Obj, at: string, bad: (path: string, what: string) => void): void {
  let metrics: ReturnType<typeof gameById>['metrics'];
  try {
    metrics = gameById(m['game'] as string).metrics;
  } catch {
    return bad(`${at}.game`, `unknown game "${String(m['game'])}"`);
  }
  const def = metrics.find((d) => d.id === m['metric']);
  if (!def) return bad(`${at}.metric`, `game "${String(m['game'])}" has no metric "${String(m['metric'])}"`);
  if (def.direction !== m['direction']) bad(`${at}.direction`, `the game defines ${def.direction}`);
  if (def.unit !== m['unit']) bad(`${at}.unit`, `the game defines ${def.unit}`);
}

/** Whether a table covers a game at the version that was played. */
export function tableCovers(table: NormTable, game: string, version: string): boolean {
  return table.validFor.some((v) => v.game === game && v.versions.includes(version));
}
