/**
 * Simulated participants calibrated to a norm table: each draws one latent ability per domain, and from it a value for
 * every metric of the domain model that the table norms, so that over many participants each metric reproduces the
 * table's distribution (its percentile table where it has one, else its mean and SD). The values enter the real
 * profile engine as game scores. Used by `npm run bench:profile` to calibrate the role fit and by tests; nothing here
 * scores a real candidate.
 *
 * Why at the metric level and not through the games' simulators: the games' participant models describe one plausible
 * player each, not the norm population, and their ability-to-parameter mappings are not fitted to any data; drawing
 * metric values from the norm distributions is the calibration the profile engine needs, and it is exact by design.
 */
import { createRng, type Rng } from '../../lib/rng.ts';
import type { Domain, GameScore } from '../../runtime/game-contract.ts';
import { normalCdf, normalQuantile } from '../conversions.ts';
import { ASSUMED_WITHIN_DOMAIN_R, domainSpec, type DomainMetric } from '../domain-model.ts';
import type { NormMetric, NormTable } from '../norm-table.ts';
import { DOMAINS } from '../profile-types.ts';

/**
 * Correlation between the latent abilities of two domains. Assumed: task measures of different executive functions
 * correlate weakly (Eisenberg et al. 2019, Nat Commun 10:2319); .2 is a round value in that range. The fit spread
 * grows with it, so a lower value is the harder test for the role fit.
 */
export const BETWEEN_DOMAIN_R = 0.2;

export type Abilities = Record<Domain, number>;

export interface NormParticipant {
  abilities: Abilities;
  scores: GameScore[];
}

/** The value at percentile Φ(z) of the norm distribution: its percentile table inside the table's range, a normal tail outside. */
export function valueAtZ(norm: NormMetric, z: number): number {
  const sign = norm.direction === 'higher-is-better' ? 1 : -1;
  const pts = norm.percentiles;
  let value: number;
  if (!pts || pts.length < 2) value = norm.mean + sign * z * norm.sd;
  else {
    // Percentile tables rank raw values; a better score on a lower-is-better metric sits at a lower raw percentile.
    const p = 100 * normalCdf(sign * z);
    const first = pts[0] as { p: number; value: number };
    const last = pts[pts.length - 1] as { p: number; value: number };
    if (p <= first.p) value = first.value - (zOf(first.p) - zOf(p)) * norm.sd;
    else if (p >= last.p) value = last.value + (zOf(p) - zOf(last.p)) * norm.sd;
    else {
      const i = pts.findIndex((pt) => pt.p >= p);
      const a = pts[i - 1] as { p: number; value: number };
      const b = pts[i] as { p: number; value: number };
      value = a.value + ((p - a.p) / (b.p - a.p)) * (b.value - a.value);
    }
  }
  return norm.unit === 'proportion' ? Math.min(1, Math.max(0, value)) : value;
}

const zOf = (p: number) => normalQuantile(p / 100);

/** Latent abilities with BETWEEN_DOMAIN_R between every pair (one shared factor). */
export function drawNormAbilities(rng: Rng): Abilities {
  const g = rng.normal(0, 1);
  const shared = Math.sqrt(BETWEEN_DOMAIN_R);
  return Object.fromEntries(DOMAINS.map((d) => [d, shared * g + Math.sqrt(1 - BETWEEN_DOMAIN_R) * rng.normal(0, 1)])) as Abilities;
}

function normFor(table: NormTable, spec: DomainMetric): NormMetric | undefined {
  return table.metrics.find((m) => m.game === spec.game && m.metric === spec.metric);
}

/**
 * Metric z from the domain ability: z = λ·ability + √(1 − λ²)·noise with λ² the within-domain correlation the profile
 * engine assumes, so two metrics of one domain correlate as the engine expects and every metric z is N(0, 1).
 * `noise: false` gives the typical participant's values (z = λ·ability).
 */
export function participantScores(table: NormTable, abilities: Abilities, rng: Rng | null): GameScore[] {
  const lambda = Math.sqrt(ASSUMED_WITHIN_DOMAIN_R);
  const byGame = new Map<string, Record<string, { value: number }>>();
  for (const domain of DOMAINS) {
    for (const spec of domainSpec(domain).metrics) {
      const norm = normFor(table, spec);
      if (!norm) continue;
      const z = rng ? lambda * abilities[domain] + Math.sqrt(1 - lambda * lambda) * rng.normal(0, 1) : lambda * abilities[domain];
      const metrics = byGame.get(spec.game) ?? {};
      metrics[spec.metric] = { value: valueAtZ(norm, z) };
      byGame.set(spec.game, metrics);
    }
  }
  return [...byGame].map(([game, metrics]) => ({
    game,
    gameVersion: table.validFor.find((v) => v.game === game)?.versions.at(-1) ?? '0.0.0',
    scorerVersion: 'norm-population',
    metrics,
    flags: [],
    trials: 0,
  }));
}

/** The typical participant: every ability 0, no noise, so every metric sits at the norm's median. */
export function typicalNormParticipant(table: NormTable): NormParticipant {
  const abilities = Object.fromEntries(DOMAINS.map((d) => [d, 0])) as Abilities;
  return { abilities, scores: participantScores(table, abilities, null) };
}

/** `n` participants drawn from the norm table, deterministic for a seed. */
export function normPopulation(table: NormTable, n: number, seed: number): NormParticipant[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => {
    const abilities = drawNormAbilities(rng);
    return { abilities, scores: participantScores(table, abilities, rng) };
  });
}
