/**
 * The cognitive profile: what scoring against a norm group produces, and what the credential carries.
 * This is the contract between the profile engine (src/scoring/) and its users (results screen, coach workspace,
 * credential issuer). Fields may be added; the ones here are relied on and keep their meaning.
 */
import type { Domain, QualityFlag } from '../runtime/game-contract.ts';

/** The domains are the game contract's (the games name them); the profile keeps their order. */
export { DOMAINS } from '../runtime/game-contract.ts';

/** A 90% confidence interval on the same scale as its score. */
export interface Interval {
  low: number;
  high: number;
}

export type DeviceClass = 'touch' | 'mouse' | 'keyboard' | 'mixed';

/** Which norm table a score was compared with, and how far to trust that table. */
export interface NormRef {
  id: string;
  version: string;
  /** Provisional norms (another population or task version) are labelled as such wherever a score shows. */
  provisional: boolean;
  /** Who is in the norm group, in one line (e.g. "US adults online, 20–59, N = 522"). */
  population: string;
  n: number;
  citation: string;
  /** The label shown with every score when provisional ("provisional — other population and task version"). */
  provisionalNote?: string;
  /** Date of the norm data (YYYY-MM-DD). */
  date?: string;
  /** Input device of the norm data ('all' when pooled). */
  deviceClass?: string;
}

/** One game metric as it entered (or did not enter) the profile. */
export interface MetricScore {
  game: string;
  metric: string;
  value: number | null;
  /** Direction-aligned z against the norm (higher is always better); null when left out. */
  z: number | null;
  included: boolean;
  /** Why a metric was left out: not computable, flagged invalid, no norm for it, … */
  excludedReason?: string;
  /** The domain the metric feeds. */
  domain?: Domain;
  /** Direction-aligned percentile (higher is better): from the norm's percentile table where present, else Φ(z). */
  percentile?: number;
  /** Which statistics it was compared with: 'table', 'device:<class>' or 'offset:<class>' (documented latency correction). */
  normBasis?: string;
}

export interface DomainScore {
  domain: Domain;
  status: 'measured' | 'not-measured';
  /** Why the domain is not measured (no valid metric, game not played, …). */
  reason?: string;
  z?: number;
  zCi?: Interval;
  percentile?: number;
  percentileCi?: Interval;
  t?: number;
  tCi?: Interval;
  /** Standard ten, 1–10. */
  sten?: number;
  stenCi?: Interval;
  /** Reliability of the domain composite (the CI rests on it). */
  reliability?: number;
  /** The metrics the domain score rests on, with their weights. */
  metrics: { game: string; metric: string; weight: number; z: number | null; included: boolean; excludedReason?: string }[];
}

export interface RoleFitContribution {
  domain: Domain;
  importance: number;
  target: Interval;
  sten: number | null;
  /** Points of fit this domain adds (negative when it costs more than its share); the contributions of a fit sum to its fitPercent. */
  contribution: number;
}

export interface RoleFit {
  role: string;
  roleVersion: string;
  /** i18n key of the role's name. */
  label: string;
  /** Example role profiles are labelled as examples wherever they show. */
  example: boolean;
  fitPercent: number;
  /** Lowest and highest fit while every measured sten moves within its 90 % band (whole percent; absent with no measured domain). */
  fitRange?: Interval;
  contributions: RoleFitContribution[];
  /** Share (0–1) of the role's total importance resting on measured domains; the fit is computed over those. */
  coverage?: number;
  /** 'not-enough-data' when coverage is below one half: show that instead of the percentage. */
  status?: 'computed' | 'not-enough-data';
}

export interface WorkingStyleTip {
  /** The rule that produced it (docs/algorithm.md lists every rule). */
  rule: string;
  /** i18n key of the tip's text. */
  message: string;
  domains: Domain[];
}

export interface Profile {
  /** Version of the whole algorithm (profile engine + weights + rules); with the norm and role versions it recomputes. */
  algorithmVersion: string;
  norm: NormRef;
  deviceClass: DeviceClass;
  domains: DomainScore[];
  metrics: MetricScore[];
  roleFits: RoleFit[];
  tips: WorkingStyleTip[];
  quality: QualityFlag[];
  /** The games and scorer versions the profile rests on. */
  sources: { game: string; gameVersion: string; scorerVersion: string; deviceClass?: DeviceClass }[];
  /** The role profiles the fits were computed with (id, version, whether they are examples). */
  roleSet?: { id: string; version: string; example: boolean };
}
