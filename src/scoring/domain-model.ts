/**
 * The domain model: which game metrics make up each cognitive domain, with which weight and direction, how sensitive
 * each is to input-device latency, and the reliability assumed for it when a norm table brings none.
 * Versioned with the profile engine (ALGORITHM_VERSION): any change to a weight, a metric or a reliability bumps it.
 * docs/algorithm.md is generated from this file (src/scoring/algorithm-card.ts).
 */
import { GAMES } from '../../games/registry.ts';
import type { Domain, DomainContribution } from '../runtime/game-contract.ts';
import { DOMAINS } from './profile-types.ts';

/** Version of the whole profile algorithm (domain model, formulas, validity rules, fit function, tip rules). */
/** 3.1.0: every normed metric's reliability measured at our trial counts (the manifests now carry the tables' figures). */
export const ALGORITHM_VERSION = '3.1.0';

export type { LatencySensitivity, Reliability } from '../runtime/game-contract.ts';

/** A game's DomainContribution, named by its game. */
export interface DomainMetric extends Omit<DomainContribution, 'domain'> {
  game: string;
}

export interface DomainSpec {
  domain: Domain;
  metrics: DomainMetric[];
}

/**
 * The weights, from each game's manifest (`domainMetrics`), in domain order and then registry order. Principles:
 * (1) each domain rests on the game's headline score, never on a lone difference score when a composite exists;
 * (2) redundant variants of one score (e.g. span and total score) share weight; (3) accuracy on tasks where almost
 * everyone is near ceiling gets a half weight. Latency sensitivity (Pronk et al. 2020, Behav Res Methods 52:1371):
 * `absolute` speed metrics shift one-for-one with the latency of the device; `difference` scores subtract two
 * conditions measured on the same device, so a constant latency cancels; `none` are not times.
 */
export const DOMAIN_MODEL: readonly DomainSpec[] = DOMAINS.map((domain) => ({
  domain,
  metrics: Object.values(GAMES).flatMap((g) =>
    g.domainMetrics
      .filter((m) => m.domain === domain)
      .map(({ metric, weight, direction, latency, reliability, why }): DomainMetric => ({ game: g.id, metric, weight, direction, latency, reliability, why })),
  ),
}));

/**
 * Correlation assumed between two metrics of one domain when the norm table gives none. Within-domain correlations
 * of task measures are modest (Eisenberg et al. 2019, Nat Commun 10:2319 report low correlations between tasks).
 */
export const ASSUMED_WITHIN_DOMAIN_R = 0.3;

/** A domain is measured only when its valid, normed metrics carry at least this share of its total weight. */
export const MIN_WEIGHT_SHARE = 0.5;

/** Metric z-scores are clamped to ±this so that one extreme value cannot dominate a domain. */
export const Z_CLAMP = 3;

export function metricKey(game: string, metric: string): string {
  return `${game}:${metric}`;
}

export function domainSpec(domain: Domain): DomainSpec {
  const spec = DOMAIN_MODEL.find((d) => d.domain === domain);
  if (!spec) throw new Error(`No domain model for "${domain}"`);
  return spec;
}

/** Every metric the profile uses, in domain order. */
export function modelMetrics(): DomainMetric[] {
  return DOMAINS.flatMap((d) => domainSpec(d).metrics);
}
