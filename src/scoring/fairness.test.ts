import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main as fairnessCli } from '../../scripts/fairness.ts';
import { fairnessMarkdown, fairnessReport, type FairnessUnit } from './fairness.ts';
import { buildNormTable } from './norm-build.ts';
import { EXAMPLE_ROLES } from './role-profiles.ts';
import { sessionExportFile } from './session-export.ts';
import { simulateExports } from './testing/simulated-sessions.ts';

/**
 * Simulated candidates: cohort B is built slower (processing-speed ability −1 SD); the label `random` is assigned
 * independently of ability, so it carries no difference. One small group (random = z, n = 20) tests the minimum-n rule.
 */
const GAMES = ['reaction', 'stop', 'corsi'] as const;
const sessions = simulateExports(
  [
    { n: 150, groups: { cohort: 'A', random: 'x' } },
    { n: 150, groups: { cohort: 'A', random: 'y' } },
    { n: 150, groups: { cohort: 'B', random: 'x' }, shift: { 'processing-speed': -1 } },
    { n: 150, groups: { cohort: 'B', random: 'y' }, shift: { 'processing-speed': -1 } },
    { n: 20, groups: { cohort: 'A', random: 'z' } },
  ],
  2024,
  GAMES,
);
/** Norms built from the simulated population itself (as a pilot would from its own sessions), so scores are centred. */
const table = buildNormTable(sessions, {
  id: 'sim-fairness',
  version: '1.0.0',
  title: 'Simulated population',
  date: '2025-01-01',
  population: { summary: 'simulated, N = 620', who: 'simulated', where: 'simulation', ageRange: { min: 18, max: 30 }, recruitment: 'simulation' },
  source: { citation: 'fairness.test.ts' },
  provisional: true,
  provisionalNote: 'simulated data',
  bootstrap: { resamples: 100, seed: 1, level: 0.95 },
});
const report = fairnessReport(sessions, table, EXAMPLE_ROLES);
const unit = (name: string) => report.units.find((u) => u.attribute === name) as FairnessUnit;
const differences = (u: FairnessUnit) => u.smd.flatMap((s) => s.groups.filter((g) => g.difference).map((g) => `${s.score}:${g.group}`));
const adverse = (u: FairnessUnit) =>
  u.selection.flatMap((s) => s.groups.filter((g) => g.belowFourFifths && g.significant).map((g) => `${s.role}@${s.cutoff}:${g.group}`));

describe('fairness report on simulated groups', () => {
  it('reports the built-in difference: processing speed lower in cohort B, and nothing in domains without one', () => {
    const c = unit('cohort');
    const speed = c.smd.find((s) => s.score === 'domain:processing-speed');
    const b = speed?.groups.find((g) => g.group === 'B');
    expect(speed?.reference).toBe('A');
    expect(b?.d).toBeLessThan(-0.4);
    expect(b?.dCi?.[1]).toBeLessThan(0);
    expect(b?.difference).toBe(true);
    for (const domain of ['inhibition', 'working-memory']) {
      expect(c.smd.find((s) => s.score === `domain:${domain}`)?.groups.find((g) => g.group === 'B')?.difference, domain).toBe(false);
    }
  });

  it('reports adverse impact for the role that weighs speed most (clear-out worker) below the four-fifths rule', () => {
    const c = unit('cohort');
    expect(adverse(c).some((a) => a.startsWith('clear-out-worker@') && a.endsWith(':B'))).toBe(true);
    const row = c.selection.find((s) => s.role === 'clear-out-worker' && s.cutoff === 80);
    expect(row?.reference).toBe('A');
    const a = row?.groups.find((g) => g.group === 'A');
    const bRow = row?.groups.find((g) => g.group === 'B');
    // AIR = rate B / rate A
    expect(bRow?.air).toBeCloseTo((bRow?.selected ?? 0) / (bRow?.n ?? 1) / ((a?.selected ?? 0) / (a?.n ?? 1)), 2);
  });

  it('reports no difference and no adverse impact for a label unrelated to ability', () => {
    const r = unit('random');
    expect(differences(r)).toEqual([]);
    expect(adverse(r)).toEqual([]);
    expect(r.smd.length).toBeGreaterThan(3);
    expect(r.selection.length).toBeGreaterThan(3);
  });

  it('names groups and intersections below the minimum n without figures', () => {
    expect(unit('random').groups).toEqual([
      { group: 'x', n: 300, reportable: true },
      { group: 'y', n: 300, reportable: true },
      { group: 'z', n: 20, reportable: false },
    ]);
    const both = unit('cohort × random');
    expect(both.groups.find((g) => g.group === 'A × z')).toEqual({ group: 'A × z', n: 20, reportable: false });
    const figures = [...both.selection.flatMap((s) => s.groups), ...both.smd.flatMap((s) => s.groups)].map((g) => g.group);
    expect(figures).not.toContain('A × z');
    expect(figures).toContain('B × y');
  });

  it('counts fits without enough data apart, and states its caveats', () => {
    // Only speed, inhibition and working memory are measured here: roles weighing other domains have too little data.
    expect(unit('cohort').notEnoughData.find((x) => x.role === 'painter')?.n).toBe(620);
    expect(unit('cohort').selection.some((s) => s.role === 'painter')).toBe(false);
    expect(report.caveats.join(' ')).toMatch(/examples, not validated/);
    expect(report.caveats.join(' ')).toMatch(/sim-fairness 1\.0\.0 is simulated data/);
  });

  it('renders Markdown tables', () => {
    const md = fairnessMarkdown(report);
    expect(md).toMatch(/^# Fairness report/);
    expect(md).toMatch(/\| clear-out-worker \| 80 \| B \| \d+ \| \d+ \| [\d.]+ \([\d.]+–[\d.]+\) \| [\d.]+ \([\d.]+–[\d.]+\) \| \*\*below 0\.8\*\* \| yes \|/);
    expect(md).toContain('z: fewer than 30, not reported');
  });
});

describe('fairness CLI', () => {
  it('writes Markdown and JSON and prints what it found', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fairness-'));
    const file = join(dir, 'exports.jsonl');
    writeFileSync(file, sessions.map((s) => JSON.stringify(s)).join('\n'));
    const lines: string[] = [];
    const io = { log: (l: string) => lines.push(l), error: (l: string) => lines.push(`ERR ${l}`), today: () => '2025-01-01' };
    const tableFile = join(dir, 'table.json');
    writeFileSync(tableFile, JSON.stringify(table));
    expect(
      await fairnessCli(
        [file, '--norm-table', tableFile, '--roles', 'soldier,clear-out-worker', '--cutoffs', '60,80', '--no-intersections', '--out', join(dir, 'report')],
        io,
      ),
    ).toBe(0);
    const json = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect(json.settings.cutoffs).toEqual([60, 80]);
    expect(json.norm.id).toBe('sim-fairness');
    expect(json.units.map((u: FairnessUnit) => u.attribute)).toEqual(['cohort', 'random']);
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toMatch(/## cohort/);
    expect(lines[0]).toMatch(/^fairness: 620 sessions, 2 attribute/);
    expect(await fairnessCli([file, '--roles', 'astronaut'], io)).toBe(2);
    expect(lines.at(-1)).toMatch(/unknown role\(s\) astronaut/);
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(sessionExportFile([{ ...sessions[0]!, id: 'x@y.nl' }])));
    expect(await fairnessCli([join(dir, 'bad.json')], io)).toBe(1);
  });
});
