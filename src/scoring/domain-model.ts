/**
 * The domain model: which game metrics make up each cognitive domain, with which weight and direction, how sensitive
 * each is to input-device latency, and the reliability assumed for it when a norm table brings none.
 * Versioned with the profile engine (ALGORITHM_VERSION): any change to a weight, a metric or a reliability bumps it.
 * docs/algorithm.md is generated from this file (src/scoring/algorithm-card.ts).
 */
import type { Domain } from '../runtime/game-contract.ts';
import { DOMAINS } from './profile-types.ts';

/** Version of the whole profile algorithm (domain model, formulas, validity rules, fit function, tip rules). */
export const ALGORITHM_VERSION = '2.0.0';

/**
 * How a metric reacts to a constant input-device latency (Pronk et al. 2020, Behav Res Methods 52:1371):
 * `absolute` speed metrics shift one-for-one with the latency of the device; `difference` scores subtract two
 * conditions measured on the same device, so a constant latency cancels; `none` are not times.
 */
export type LatencySensitivity = 'absolute' | 'difference' | 'none';

export interface Reliability {
  value: number;
  /** e.g. "test–retest"; "assumed" when no source gives one. */
  kind: 'test-retest' | 'split-half' | 'assumed';
  source: string;
}

export interface DomainMetric {
  game: string;
  metric: string;
  /** Relative weight within the domain (renormalised over the metrics that are valid and normed). */
  weight: number;
  /** Must equal the game's manifest direction; metrics whose direction is 'neither' cannot enter a domain. */
  direction: 'higher-is-better' | 'lower-is-better';
  latency: LatencySensitivity;
  /** Used when a norm table gives no reliability of its own. */
  reliability: Reliability;
  /** Why this metric is in this domain, in one line (shown in the algorithm card). */
  why: string;
}

export interface DomainSpec {
  domain: Domain;
  metrics: DomainMetric[];
}

const ENKAVI = 'Enkavi et al. (2019), PNAS 116:5472, Self-Regulation Ontology retest data (n = 150)';
const assumed = (value: number, why: string): Reliability => ({ value, kind: 'assumed', source: `assumed: ${why}` });
const retest = (value: number, measure: string): Reliability => ({ value, kind: 'test-retest', source: `${ENKAVI}, ${measure}` });
const SCIOPS = 'nivlab/sciops reversal-learning sample (Zorowitz, Solis, Niv et al. 2023), survey-screened, n = 301';
/** Odd–even-block split-half in the sciops sample, Spearman–Brown to our 70 test trials (norms/external/sciops-prl.json). */
const sciopsHalf = (value: number, metric: string): Reliability => ({
  value,
  kind: 'split-half',
  source: `${SCIOPS}: ${metric}, odd vs even blocks, Spearman–Brown to 70 trials; a 3-option task with a fixed schedule, not yet ours`,
});

/**
 * The weights. Principles: (1) each domain rests on the game's headline score, never on a lone difference score
 * when a composite exists; (2) redundant variants of one score (e.g. span and total score) share weight;
 * (3) accuracy on tasks where almost everyone is near ceiling gets a half weight.
 */
export const DOMAIN_MODEL: readonly DomainSpec[] = [
  {
    domain: 'processing-speed',
    metrics: [
      { game: 'reaction', metric: 'simple.median_rt', weight: 1, direction: 'lower-is-better', latency: 'absolute', reliability: assumed(0.6, 'no retest figure for simple RT in our sources; set at the lower choice-RT figure'), why: 'Speed of a single prepared response.' },
      { game: 'reaction', metric: 'choice.median_rt', weight: 1, direction: 'lower-is-better', latency: 'absolute', reliability: retest(0.68, 'choice reaction time'), why: 'Speed of a simple decision.' },
    ],
  },
  {
    domain: 'inhibition',
    metrics: [
      { game: 'stop', metric: 'ssrt', weight: 1, direction: 'lower-is-better', latency: 'absolute', reliability: retest(0.5, 'stop-signal SSRT (about .5)'), why: 'Time needed to stop an action already started (race model).' },
    ],
  },
  {
    domain: 'selective-attention',
    metrics: [
      { game: 'flanker', metric: 'nih_style_score', weight: 1, direction: 'higher-is-better', latency: 'absolute', reliability: assumed(0.6, 'combined accuracy–speed scores are more reliable than the conflict effect; no retest figure for our version'), why: 'Accuracy and speed when distracting arrows point the other way.' },
      { game: 'flanker', metric: 'conflict_rt', weight: 1, direction: 'lower-is-better', latency: 'difference', reliability: retest(0.42, 'ANT/flanker conflict effect'), why: 'How much distracting arrows slow the answer.' },
      { game: 'flanker', metric: 'accuracy', weight: 0.5, direction: 'higher-is-better', latency: 'none', reliability: assumed(0.4, 'accuracy near ceiling has little spread'), why: 'Correct answers despite distraction (half weight: near ceiling).' },
    ],
  },
  {
    domain: 'flexibility',
    metrics: [
      { game: 'switch', metric: 'composite', weight: 1, direction: 'higher-is-better', latency: 'absolute', reliability: { value: 0.59, kind: 'test-retest', source: `${ENKAVI}, threebytwo rate-correct proxy ICC(3,1) .633 stepped to 48 trials; the norm table carries the full derivation` }, why: 'Correct answers per second while the rule keeps changing.' },
      { game: 'reversal', metric: 'perseverative_errors', weight: 0.5, direction: 'lower-is-better', latency: 'none', reliability: sciopsHalf(0.28, 'perseverative errors'), why: 'How quickly a habit is dropped after the rules change.' },
    ],
  },
  {
    domain: 'working-memory',
    metrics: [
      { game: 'corsi', metric: 'forward.span', weight: 1, direction: 'higher-is-better', latency: 'none', reliability: retest(0.6, 'spatial span forward'), why: 'Longest sequence of places kept in mind.' },
      { game: 'corsi', metric: 'backward.span', weight: 1, direction: 'higher-is-better', latency: 'none', reliability: assumed(0.6, 'set equal to the forward span figure'), why: 'Longest sequence kept in mind and reversed.' },
      { game: 'corsi', metric: 'forward.total_score', weight: 0.5, direction: 'higher-is-better', latency: 'none', reliability: assumed(0.65, 'total scores use every sequence (Kessels et al. 2000)'), why: 'Span × correct sequences, forward (half weight: overlaps the span).' },
      { game: 'corsi', metric: 'backward.total_score', weight: 0.5, direction: 'higher-is-better', latency: 'none', reliability: assumed(0.65, 'as forward total score'), why: 'Span × correct sequences, backward (half weight: overlaps the span).' },
    ],
  },
  {
    domain: 'learning',
    metrics: [
      { game: 'reversal', metric: 'best_choice_rate', weight: 1, direction: 'higher-is-better', latency: 'none', reliability: sciopsHalf(0.28, 'best-choice rate'), why: 'How often the option that paid best was chosen.' },
      { game: 'reversal', metric: 'trials_to_first_criterion', weight: 0.5, direction: 'lower-is-better', latency: 'none', reliability: assumed(0.3, 'one event per session'), why: 'Trials needed to learn the first rule.' },
      { game: 'reversal', metric: 'reversals', weight: 0.5, direction: 'higher-is-better', latency: 'none', reliability: assumed(0.4, 'a count of a few events'), why: 'Rules learned within the game.' },
    ],
  },
];

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
