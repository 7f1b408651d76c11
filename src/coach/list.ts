/**
 * The candidate list: search, filter and sort over the records the coach keeps, and its CSV export. Pure.
 */
import { DOMAINS } from '../scoring/profile-types.ts';
import type { CandidateRecord } from './types.ts';

export type SortKey = 'added' | 'label' | 'best-fit';
export interface ListQuery {
  search?: string;
  sort?: SortKey;
  /** Only verified records, only unverified, or all. */
  verified?: 'yes' | 'no' | 'all';
  /** Only records whose assurance says witnessed. */
  witnessedOnly?: boolean;
  /** Only records without quality flags. */
  noFlagsOnly?: boolean;
  /** Only records with a fit of at least this percentage for this role. */
  role?: string;
  minFit?: number;
}

/** Fits that rest on enough of their role's profile; a 'not-enough-data' fit's 0 % is no fit and never the best. */
function computedFits(r: CandidateRecord): CandidateRecord['verification']['roles'] {
  return r.verification.roles.filter((x) => x.status !== 'not-enough-data');
}

/** The best computed fit (of one role when given), or undefined when there is none: the list then shows "–". */
export function bestFit(r: CandidateRecord, role?: string): number | undefined {
  const fits = computedFits(r)
    .filter((x) => role === undefined || x.role === role)
    .map((x) => x.fitPercent);
  return fits.length ? Math.max(...fits) : undefined;
}

export function queryList(records: readonly CandidateRecord[], q: ListQuery = {}): CandidateRecord[] {
  const needle = q.search?.trim().toLocaleLowerCase();
  const out = records.filter((r) => {
    if (needle && !`${r.label} ${r.notes}`.toLocaleLowerCase().includes(needle)) return false;
    if (q.verified === 'yes' && !r.verification.verified) return false;
    if (q.verified === 'no' && r.verification.verified) return false;
    if (q.witnessedOnly && !r.verification.assurance?.witnessed) return false;
    if (q.noFlagsOnly && r.verification.qualityFlags.length > 0) return false;
    if (q.role !== undefined || q.minFit !== undefined) {
      const fit = bestFit(r, q.role);
      if (fit === undefined || fit < (q.minFit ?? 0)) return false;
    }
    return true;
  });
  const sort = q.sort ?? 'added';
  return out.sort((a, b) => {
    if (sort === 'label') return a.label.localeCompare(b.label);
    if (sort === 'best-fit') return (bestFit(b, q.role) ?? -1) - (bestFit(a, q.role) ?? -1) || a.label.localeCompare(b.label);
    return b.addedAt.localeCompare(a.addedAt);
  });
}

export const CSV_COLUMNS = [
  'label',
  'added',
  'source',
  'verified',
  'reason',
  'issuer',
  'assurance',
  'norm_group',
  'norm_version',
  'norm_provisional',
  'algorithm_version',
  ...DOMAINS.map((d) => `sten_${d}`),
  'best_role',
  'best_fit_percent',
  'quality_flags',
] as const;

/** RFC 4180 field; a leading =, +, - or @ is prefixed with ' so a spreadsheet does not run it as a formula. */
function field(v: string | number | boolean | undefined): string {
  let s = v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n']/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function listCsv(records: readonly CandidateRecord[]): string {
  const rows = records.map((r) => {
    const v = r.verification;
    const best = [...computedFits(r)].sort((a, b) => b.fitPercent - a.fitPercent)[0];
    const sten = (d: string) => v.domains.find((x) => x.domain === d)?.sten;
    return [
      r.label,
      r.addedAt,
      r.source,
      v.verified,
      v.reason,
      v.issuer?.id,
      v.assurance?.level,
      v.norm?.id,
      v.norm?.version,
      v.norm?.provisional,
      v.algorithmVersion,
      ...DOMAINS.map(sten),
      best?.role,
      best?.fitPercent,
      v.qualityFlags.join(' '),
    ].map(field);
  });
  return `${[CSV_COLUMNS.join(','), ...rows.map((r) => r.join(','))].join('\r\n')}\r\n`;
}
