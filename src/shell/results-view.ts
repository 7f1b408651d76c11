import type { DomainScore, RoleFit } from '../scoring/profile-types.ts';

/** How a sten reads in plain words: 1–3 lower than most, 4–7 like most people, 8–10 higher than most (sten bands). */
export type Band = 'low' | 'mid' | 'high';

export function bandOf(sten: number): Band {
  return sten < 3.5 ? 'low' : sten > 7.5 ? 'high' : 'mid';
}

/** A sten from which a domain counts as a strength: above the middle of the scale (5.5). */
export const STRENGTH_FROM_STEN = 6;
/** At most this many strengths are put first, so the first thing a candidate reads stays short. */
export const MAX_STRENGTHS = 3;

/**
 * Strengths first: the measured domains at or above STRENGTH_FROM_STEN, best first (at most MAX_STRENGTHS), then every
 * other domain in the profile's own order. Ties keep the profile's order, so the same profile always reads the same.
 */
export function strengthsFirst(domains: readonly DomainScore[]): { strengths: DomainScore[]; others: DomainScore[] } {
  const measured = domains.filter((d): d is DomainScore & { sten: number } => d.status === 'measured' && d.sten !== undefined);
  const strengths = measured
    .filter((d) => d.sten >= STRENGTH_FROM_STEN)
    .map((d, i) => ({ d, i }))
    .sort((a, b) => b.d.sten - a.d.sten || a.i - b.i)
    .slice(0, MAX_STRENGTHS)
    .map(({ d }) => d);
  const chosen = new Set<DomainScore>(strengths);
  return { strengths, others: domains.filter((d) => !chosen.has(d)) };
}

/** The games a domain's score rests on (included metrics only), in the order the profile lists them. */
export function gamesOf(domain: DomainScore): string[] {
  return [...new Set(domain.metrics.filter((m) => m.included).map((m) => m.game))];
}

/** One bar of the role-fit picture: a share of the widest bar, signed (negative lowers the fit). */
export interface FitBar {
  domain: RoleFit['contributions'][number]['domain'];
  points: number;
  /** -1..1: the bar's length as a share of the largest contribution's. */
  share: number;
  measured: boolean;
}

export function fitBars(fit: RoleFit): FitBar[] {
  const widest = Math.max(1e-9, ...fit.contributions.map((c) => Math.abs(c.contribution)));
  return fit.contributions.map((c) => ({ domain: c.domain, points: c.contribution, share: c.contribution / widest, measured: c.sten !== null }));
}
