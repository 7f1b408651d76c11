/**
 * Step 2: the metrics of a domain → one domain score with z, percentile, T, sten and their 90 % confidence intervals,
 * or 'not measured' with the reason. Formulas: docs/algorithm.md ("Domain scores"); checked in domain-score.test.ts.
 */
import type { Domain } from '../runtime/game-contract.ts';
import { normalCdf, percentileFromTable, reportPercentile, roundTo, stenFromPercentile, tFromZ } from './conversions.ts';
import { ALGORITHM_VERSION, ASSUMED_WITHIN_DOMAIN_R, metricKey, MIN_WEIGHT_SHARE } from './domain-model.ts';
import type { ScoredMetric } from './metric-scores.ts';
import type { NormTable } from './norm-table.ts';
import type { DomainScore, Interval } from './profile-types.ts';
import { ciZ, compositeVariance, mosierReliability } from './reliability.ts';

/** Correlation of two metrics from the norm table, or the documented assumption. */
export function correlationOf(table: NormTable, a: ScoredMetric, b: ScoredMetric): number {
  const ka = metricKey(a.spec.game, a.spec.metric);
  const kb = metricKey(b.spec.game, b.spec.metric);
  const found = table.correlations?.find((c) => (c.a === ka && c.b === kb) || (c.a === kb && c.b === ka));
  return found ? found.r : ASSUMED_WITHIN_DOMAIN_R;
}

export interface DomainComposite {
  /** Domain z: the weighted mean of metric z, divided by its SD under the correlations (so it is again a z). */
  z: number;
  reliability: number;
  /** Normalised weights of the included metrics, in their order. */
  weights: number[];
}

/** The composite of included metrics (all with z); exported for norms:build, which computes the same z per session. */
export function compositeOf(included: readonly ScoredMetric[], table: NormTable): DomainComposite {
  const w = included.map((m) => m.spec.weight);
  const total = w.reduce((s, x) => s + x, 0);
  const r = (i: number, j: number) => correlationOf(table, included[i] as ScoredMetric, included[j] as ScoredMetric);
  const mean = included.reduce((s, m, i) => s + ((w[i] as number) / total) * (m.z as number), 0);
  const z = mean / Math.sqrt(compositeVariance(w, r));
  const reliability = mosierReliability(
    included.map((m, i) => ({ weight: w[i] as number, reliability: m.reliability })),
    r,
  );
  return { z, reliability, weights: w.map((x) => x / total) };
}

const round2 = (x: number) => roundTo(x, 2);
const interval = (low: number, high: number, f: (x: number) => number): Interval => ({ low: f(low), high: f(high) });

export function scoreDomain(domain: Domain, metrics: readonly ScoredMetric[], table: NormTable): DomainScore {
  const included = metrics.filter((m) => m.included && m.z !== null);
  const planned = metrics.reduce((s, m) => s + m.spec.weight, 0);
  const share = included.reduce((s, m) => s + m.spec.weight, 0) / planned;
  const listed = (weights: Map<ScoredMetric, number>): DomainScore['metrics'] =>
    metrics.map((m) => ({
      game: m.spec.game,
      metric: m.spec.metric,
      weight: roundTo(weights.get(m) ?? 0, 3),
      z: m.z === null ? null : round2(m.z),
      included: m.included,
      ...(m.excludedReason ? { excludedReason: m.excludedReason } : {}),
    }));

  if (included.length === 0 || share < MIN_WEIGHT_SHARE) {
    const why =
      included.length === 0
        ? 'no valid, normed metric'
        : `valid, normed metrics carry ${Math.round(share * 100)} % of the domain's weight (minimum ${MIN_WEIGHT_SHARE * 100} %)`;
    return { domain, status: 'not-measured', reason: why, metrics: listed(new Map()) };
  }

  const c = compositeOf(included, table);
  const ci = ciZ(c.z, c.reliability);
  // An empirical domain table is used only when it was built with this algorithm and every metric of the domain is in.
  const domainNorm = table.domains?.find((d) => d.domain === domain && d.algorithmVersion === ALGORITHM_VERSION);
  const pct =
    domainNorm && included.length === metrics.length ? (z: number) => percentileFromTable(domainNorm.percentiles, z) : (z: number) => 100 * normalCdf(z);
  const p = pct(c.z);
  const pLow = pct(ci.low);
  const pHigh = pct(ci.high);
  return {
    domain,
    status: 'measured',
    z: round2(c.z),
    zCi: interval(ci.low, ci.high, round2),
    percentile: reportPercentile(p),
    percentileCi: interval(pLow, pHigh, reportPercentile),
    t: roundTo(tFromZ(c.z), 0),
    tCi: interval(ci.low, ci.high, (z) => roundTo(tFromZ(z), 0)),
    sten: stenFromPercentile(p),
    stenCi: interval(pLow, pHigh, stenFromPercentile),
    reliability: round2(c.reliability),
    metrics: listed(new Map(included.map((m, i) => [m, c.weights[i] as number]))),
  };
}
