/**
 * The fairness report (npm run fairness): from session exports with group labels, per group and per role-fit
 * cut-off the selection rates and adverse-impact ratios (four-fifths rule) with CIs, and standardised mean
 * differences per domain score and per fit, with minimum-n rules for groups and intersections. Pure.
 * Rules and thresholds: docs/algorithm.md ("Fairness report").
 */
import type { Domain } from '../runtime/game-contract.ts';
import { roundTo } from './conversions.ts';
import { ALGORITHM_VERSION } from './domain-model.ts';
import { buildProfile, normRef } from './build-profile.ts';
import type { NormTable } from './norm-table.ts';
import { DOMAINS, type NormRef, type Profile } from './profile-types.ts';
import type { RoleSet } from './role-profiles.ts';
import { cohensD, rateRatio, wilson } from './sample-stats.ts';
import type { SessionExport } from './session-export.ts';

export const FAIRNESS_VERSION = '1.0.0';
export const DEFAULT_CUTOFFS = [50, 60, 70, 80] as const;
/** Groups (and intersections) smaller than this are named but get no figures. */
export const DEFAULT_MIN_GROUP_N = 30;
export const FOUR_FIFTHS = 0.8;
/** A standardised mean difference is reported as a difference when |d| ≥ this and its 95 % CI excludes 0. */
export const SMD_THRESHOLD = 0.2;
const Z95 = 1.959963984540054;

export interface FairnessOptions {
  cutoffs?: readonly number[];
  minGroupN?: number;
  roles?: readonly string[];
  /** Attributes to report (default: every attribute found in the exports' group labels). */
  attributes?: readonly string[];
  /** Also report intersections of every pair of attributes. Default true. */
  intersections?: boolean;
}

export interface GroupRate {
  group: string;
  n: number;
  selected: number;
  rate: number;
  rateCi: [number, number];
  /** Rate / the highest rate among reportable groups (null for a zero reference rate). */
  air: number | null;
  airCi: [number, number] | null;
  belowFourFifths: boolean;
  /** The AIR's CI lies wholly below 1: the lower rate is unlikely to be chance. */
  significant: boolean;
}

export interface SelectionRow {
  role: string;
  cutoff: number;
  reference: string;
  groups: GroupRate[];
}

export interface SmdRow {
  /** 'domain:<domain>' or 'fit:<role>'. */
  score: string;
  reference: string;
  groups: { group: string; n: number; mean: number; sd: number; d: number | null; dCi: [number, number] | null; difference: boolean }[];
}

export interface FairnessUnit {
  /** The attribute, or "a × b" for an intersection. */
  attribute: string;
  groups: { group: string; n: number; reportable: boolean }[];
  selection: SelectionRow[];
  smd: SmdRow[];
  /** Sessions whose fit for a role had too little data (not counted in that role's rates). */
  notEnoughData: { role: string; n: number }[];
}

export interface FairnessReport {
  tool: 'talentscan-fairness';
  version: string;
  algorithmVersion: string;
  norm: NormRef;
  roleSet: { id: string; version: string; example: boolean };
  sessions: number;
  settings: { cutoffs: number[]; minGroupN: number; fourFifths: number; smdThreshold: number; ciLevel: number };
  units: FairnessUnit[];
  /** What a reader must know: e.g. that the role profiles are examples or the norms provisional. */
  caveats: string[];
}

interface Row {
  profile: Profile;
  groups: Record<string, string>;
}

const r3 = (x: number) => roundTo(x, 3);
const pair = (p: [number, number]): [number, number] => [r3(p[0]), r3(p[1])];

function sd(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const m = xs.reduce((s, x) => s + x, 0) / xs.length;
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
}

function unitFor(
  attribute: string,
  labelOf: (r: Row) => string | null,
  rows: readonly Row[],
  roleIds: readonly string[],
  cutoffs: readonly number[],
  minN: number,
): FairnessUnit {
  const byGroup = new Map<string, Row[]>();
  for (const r of rows) {
    const g = labelOf(r);
    if (g === null) continue;
    byGroup.set(g, [...(byGroup.get(g) ?? []), r]);
  }
  const names = [...byGroup.keys()].sort();
  const reportable = names.filter((g) => (byGroup.get(g)?.length ?? 0) >= minN);
  const groups = names.map((g) => ({ group: g, n: byGroup.get(g)?.length ?? 0, reportable: reportable.includes(g) }));
  // SMD reference: the largest reportable group (ties: first in name order).
  const smdRef = [...reportable].sort((a, b) => (byGroup.get(b)?.length ?? 0) - (byGroup.get(a)?.length ?? 0))[0];

  const selection: SelectionRow[] = [];
  const notEnoughData: FairnessUnit['notEnoughData'] = [];
  for (const role of roleIds) {
    const fitOf = (r: Row) => r.profile.roleFits.find((f) => f.role === role);
    notEnoughData.push({ role, n: rows.filter((r) => labelOf(r) !== null && fitOf(r)?.status === 'not-enough-data').length });
    for (const cutoff of cutoffs) {
      const counts = reportable.map((g) => {
        const assessed = (byGroup.get(g) ?? []).filter((r) => fitOf(r)?.status === 'computed');
        return { g, n: assessed.length, x: assessed.filter((r) => (fitOf(r)?.fitPercent ?? 0) >= cutoff).length };
      });
      const usable = counts.filter((c) => c.n >= minN);
      if (usable.length < 2) continue;
      const ref = [...usable].sort((a, b) => b.x / b.n - a.x / a.n || a.g.localeCompare(b.g))[0] as (typeof usable)[number];
      selection.push({
        role,
        cutoff,
        reference: ref.g,
        groups: usable.map((c) => {
          const rr = rateRatio(c.x, c.n, ref.x, ref.n, Z95);
          return {
            group: c.g,
            n: c.n,
            selected: c.x,
            rate: r3(c.x / c.n),
            rateCi: pair(wilson(c.x, c.n, Z95)),
            air: rr.ratio === null ? null : r3(rr.ratio),
            airCi: rr.ci === null ? null : pair(rr.ci),
            belowFourFifths: rr.ratio !== null && rr.ratio < FOUR_FIFTHS,
            significant: rr.ci !== null && rr.ci[1] < 1,
          };
        }),
      });
    }
  }

  const smd: SmdRow[] = [];
  const scores: { score: string; value: (r: Row) => number | null }[] = [
    ...DOMAINS.map((d: Domain) => ({
      score: `domain:${d}`,
      value: (r: Row) => r.profile.domains.find((x) => x.domain === d && x.status === 'measured')?.z ?? null,
    })),
    ...roleIds.map((role) => ({
      score: `fit:${role}`,
      value: (r: Row) => {
        const f = r.profile.roleFits.find((x) => x.role === role);
        return f && f.status === 'computed' ? f.fitPercent : null;
      },
    })),
  ];
  if (smdRef !== undefined) {
    for (const s of scores) {
      const valuesOf = (g: string) => (byGroup.get(g) ?? []).map(s.value).filter((v): v is number => v !== null);
      const refValues = valuesOf(smdRef);
      if (refValues.length < minN) continue;
      const rows = reportable
        .map((g) => ({ g, xs: valuesOf(g) }))
        .filter(({ xs }) => xs.length >= minN)
        .map(({ g, xs }) => {
          const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
          if (g === smdRef) return { group: g, n: xs.length, mean: r3(mean), sd: r3(sd(xs)), d: null, dCi: null, difference: false };
          const { d, ci } = cohensD(xs, refValues, Z95);
          return {
            group: g,
            n: xs.length,
            mean: r3(mean),
            sd: r3(sd(xs)),
            d: r3(d),
            dCi: pair(ci),
            difference: Math.abs(d) >= SMD_THRESHOLD && (ci[0] > 0 || ci[1] < 0),
          };
        });
      if (rows.length >= 2) smd.push({ score: s.score, reference: smdRef, groups: rows });
    }
  }
  return { attribute, groups, selection, smd, notEnoughData };
}

export function fairnessReport(sessions: readonly SessionExport[], table: NormTable, roleSet: RoleSet, opts: FairnessOptions = {}): FairnessReport {
  const cutoffs = [...(opts.cutoffs ?? DEFAULT_CUTOFFS)].sort((a, b) => a - b);
  const minN = opts.minGroupN ?? DEFAULT_MIN_GROUP_N;
  const roleIds = roleSet.roles.map((r) => r.id).filter((id) => !opts.roles || opts.roles.includes(id));
  const rows: Row[] = sessions.map((s) => ({
    profile: buildProfile(s.games, {
      normGroup: table,
      deviceClass: s.deviceClass,
      ...(s.gameDevices ? { gameDevices: s.gameDevices } : {}),
      roleSet,
      roles: roleIds,
    }),
    groups: s.groups ?? {},
  }));
  const attributes = opts.attributes ?? [...new Set(rows.flatMap((r) => Object.keys(r.groups)))].sort();
  const units: FairnessUnit[] = attributes.map((a) => unitFor(a, (r) => r.groups[a] ?? null, rows, roleIds, cutoffs, minN));
  if (opts.intersections !== false) {
    for (let i = 0; i < attributes.length; i++) {
      for (let j = i + 1; j < attributes.length; j++) {
        const a = attributes[i] as string;
        const b = attributes[j] as string;
        units.push(
          unitFor(
            `${a} × ${b}`,
            (r) => (r.groups[a] !== undefined && r.groups[b] !== undefined ? `${r.groups[a]} × ${r.groups[b]}` : null),
            rows,
            roleIds,
            cutoffs,
            minN,
          ),
        );
      }
    }
  }
  const caveats: string[] = [];
  if (roleSet.example) caveats.push(`The role profiles (${roleSet.id} ${roleSet.version}) are examples, not validated against job performance.`);
  if (table.provisional) caveats.push(`The norm group ${table.id} ${table.version} is ${table.provisionalNote ?? 'provisional'}.`);
  caveats.push(`Groups and intersections with fewer than ${minN} sessions are named without figures.`);
  return {
    tool: 'talentscan-fairness',
    version: FAIRNESS_VERSION,
    algorithmVersion: ALGORITHM_VERSION,
    norm: normRef(table),
    roleSet: { id: roleSet.id, version: roleSet.version, example: roleSet.example },
    sessions: sessions.length,
    settings: { cutoffs, minGroupN: minN, fourFifths: FOUR_FIFTHS, smdThreshold: SMD_THRESHOLD, ciLevel: 0.95 },
    units,
    caveats,
  };
}

const fmt = (x: number | null, digits = 2) => (x === null ? '—' : x.toFixed(digits));
const fmtCi = (ci: [number, number] | null, digits = 2) => (ci === null ? '—' : `${ci[0].toFixed(digits)}–${ci[1].toFixed(digits)}`);

export function fairnessMarkdown(r: FairnessReport): string {
  const out: string[] = [];
  out.push('# Fairness report', '');
  out.push(
    `Algorithm ${r.algorithmVersion}; norm group ${r.norm.id} ${r.norm.version} (${r.norm.population}${r.norm.provisional ? `; ${r.norm.provisionalNote ?? 'provisional'}` : ''}); roles ${r.roleSet.id} ${r.roleSet.version}${r.roleSet.example ? ' (examples)' : ''}; ${r.sessions} sessions.`,
    '',
  );
  out.push(
    `Cut-offs: fit ≥ ${r.settings.cutoffs.join(', ')} %. Adverse-impact ratio (AIR) = a group's selection rate / the highest rate; below ${r.settings.fourFifths} fails the four-fifths rule. Rates with Wilson 95 % CIs; AIR with Katz log 95 % CIs ("CI below 1": the lower rate is unlikely to be chance). Standardised mean differences (Cohen's d, pooled SD) against the largest group, 95 % CIs; marked as a difference when |d| ≥ ${r.settings.smdThreshold} and the CI excludes 0. Minimum group size ${r.settings.minGroupN}.`,
    '',
  );
  for (const c of r.caveats) out.push(`- ${c}`);
  out.push('');
  for (const u of r.units) {
    out.push(`## ${u.attribute}`, '');
    out.push(u.groups.map((g) => `${g.group}: ${g.reportable ? `n = ${g.n}` : `fewer than ${r.settings.minGroupN}, not reported`}`).join('; '), '');
    if (u.selection.length > 0) {
      out.push('### Selection rates and adverse impact', '');
      out.push('| Role | Cut-off | Group | n | Selected | Rate (95 % CI) | AIR (95 % CI) | Four-fifths | CI below 1 |');
      out.push('|---|---|---|---|---|---|---|---|---|');
      for (const s of u.selection) {
        for (const g of s.groups) {
          out.push(
            `| ${s.role} | ${s.cutoff} | ${g.group}${g.group === s.reference ? ' (ref.)' : ''} | ${g.n} | ${g.selected} | ${fmt(g.rate)} (${fmtCi(g.rateCi)}) | ${fmt(g.air)} (${fmtCi(g.airCi)}) | ${g.belowFourFifths ? '**below 0.8**' : 'ok'} | ${g.significant ? 'yes' : 'no'} |`,
          );
        }
      }
      out.push('');
    }
    const nd = u.notEnoughData.filter((x) => x.n > 0);
    if (nd.length > 0) out.push(`Not enough data for a fit (left out of the rates): ${nd.map((x) => `${x.role} ${x.n}`).join(', ')}.`, '');
    if (u.smd.length > 0) {
      out.push('### Standardised mean differences', '');
      out.push('| Score | Group | n | Mean | SD | d (95 % CI) | Difference |');
      out.push('|---|---|---|---|---|---|---|');
      for (const s of u.smd) {
        for (const g of s.groups) {
          out.push(
            `| ${s.score} | ${g.group}${g.group === s.reference ? ' (ref.)' : ''} | ${g.n} | ${fmt(g.mean)} | ${fmt(g.sd)} | ${fmt(g.d)} (${fmtCi(g.dCi)}) | ${g.difference ? '**yes**' : g.d === null ? '' : 'no'} |`,
          );
        }
      }
      out.push('');
    }
  }
  return out.join('\n');
}
