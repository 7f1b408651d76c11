import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateCorsi, TYPICAL_PARTICIPANT as CORSI } from '../../games/corsi/simulate.ts';
import { simulateFlanker, TYPICAL_PARTICIPANT as FLANKER } from '../../games/flanker/simulate.ts';
import { createRng } from '../lib/rng.ts';
import { GAMES } from '../../games/registry.ts';
import { main as normsBuildCli } from '../../scripts/norms-build.ts';
import { normalCdf } from './conversions.ts';
import { buildNormTable, NormBuildError, type NormBuildOptions } from './norm-build.ts';
import { sampleSd } from './sample-stats.ts';
import { scoreSession } from './score-game.ts';
import { sessionExportFile, type SessionExport } from './session-export.ts';
import { buildProfile } from './build-profile.ts';

/** The simulated population: true forward span = round(6 + N(0, 1)) within 3–9; true conflict effect N(60, 20) ms. */
const SPAN = { mean: 6, sd: 1 };
const CONFLICT = { mean: 60, sd: 20 };

function population(n: number, seed: number, device: (i: number) => 'keyboard' | 'touch' = () => 'keyboard'): SessionExport[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, i) => {
    const span = Math.min(9, Math.max(3, Math.round(rng.normal(SPAN.mean, SPAN.sd))));
    const conflict = Math.max(0, rng.normal(CONFLICT.mean, CONFLICT.sd));
    const corsi = simulateCorsi(GAMES.corsi!.design(seed + i), { ...CORSI, spread: 0, span: { forward: span, backward: span - 1 } }, seed * 1000 + i);
    const flanker = simulateFlanker(GAMES.flanker!.design(seed + i), { ...FLANKER, conflictMs: conflict }, seed * 1000 + i);
    const d = device(i);
    return { id: `p${i}`, deviceClass: d, gameDevices: { corsi: d, flanker: d }, games: [...scoreSession(corsi), ...scoreSession(flanker)] };
  });
}

const OPTIONS: NormBuildOptions = {
  id: 'sim-test',
  version: '1.0.0',
  title: 'Simulated test group',
  date: '2025-01-01',
  population: { summary: 'simulated, N = 400', who: 'simulated participants', where: 'simulation', ageRange: { min: 18, max: 30 }, recruitment: 'simulation' },
  source: { citation: 'norm-build.test.ts' },
  minN: 100,
  bootstrap: { resamples: 400, seed: 7, level: 0.95 },
};

const sessions = population(400, 5, (i) => (i % 2 === 0 ? 'keyboard' : 'touch'));
const table = buildNormTable(sessions, OPTIONS);
const metric = (id: string) => {
  const m = table.metrics.find((x) => x.metric === id);
  if (!m) throw new Error(`no ${id}`);
  return m;
};

describe('norms:build on simulated session exports', () => {
  it('reproduces the population mean and SD of the span (measured without error)', () => {
    // Expected moments of round(N(6, 1)) clamped to 3–9, computed from Φ.
    let m = 0;
    let m2 = 0;
    for (let k = 3; k <= 9; k++) {
      const lo = k === 3 ? 0 : normalCdf(k - 0.5 - SPAN.mean);
      const hi = k === 9 ? 1 : normalCdf(k + 0.5 - SPAN.mean);
      m += k * (hi - lo);
      m2 += k * k * (hi - lo);
    }
    const sd = Math.sqrt(m2 - m * m);
    const span = metric('forward.span');
    expect(span.n).toBe(400);
    expect(Math.abs(span.mean - m)).toBeLessThan((3 * sd) / Math.sqrt(400));
    expect(Math.abs(span.sd - sd)).toBeLessThan(0.12);
  });

  it('reproduces the mean of the conflict effect, and its SD as true spread plus measurement error', () => {
    // Measurement error of conflict_rt: the spread of one typical participant over repeated plays.
    const repeats = Array.from({ length: 150 }, (_, i) => {
      const s = scoreSession(simulateFlanker(GAMES.flanker!.design(900 + i), { ...FLANKER, conflictMs: CONFLICT.mean }, 9000 + i))[0];
      const v = s?.metrics['conflict_rt'];
      return v && v.value !== null ? v.value : NaN;
    }).filter((x) => !Number.isNaN(x));
    const error = sampleSd(repeats);
    const expectedSd = Math.sqrt(CONFLICT.sd ** 2 + error ** 2);
    const c = metric('conflict_rt');
    expect(error).toBeGreaterThan(5);
    expect(Math.abs(c.mean - CONFLICT.mean)).toBeLessThan((3 * expectedSd) / Math.sqrt(c.n));
    expect(c.sd / expectedSd).toBeGreaterThan(0.85);
    expect(c.sd / expectedSd).toBeLessThan(1.15);
  });

  it('gives bootstrap CIs as wide as the standard error predicts', () => {
    const c = metric('conflict_rt');
    const width = (c.bootstrap?.mean[1] ?? 0) - (c.bootstrap?.mean[0] ?? 0);
    const predicted = 2 * 1.96 * (c.sd / Math.sqrt(c.n));
    expect(width / predicted).toBeGreaterThan(0.8);
    expect(width / predicted).toBeLessThan(1.25);
    expect(c.bootstrap?.mean[0]).toBeLessThan(c.mean);
    expect(c.bootstrap?.mean[1]).toBeGreaterThan(c.mean);
  });

  it('computes percentiles, per-device statistics, correlations and domain distributions', () => {
    const c = metric('conflict_rt');
    expect(c.percentiles?.map((p) => p.p)).toEqual([1, 5, 10, 20, 25, 30, 40, 50, 60, 70, 75, 80, 90, 95, 99]);
    expect(c.devices?.keyboard?.n).toBe(200);
    expect(c.devices?.touch?.n).toBe(200);
    expect(table.deviceClass).toBe('all');
    expect(table.correlations?.find((r) => r.a === 'corsi:forward.span' && r.b === 'corsi:backward.span')?.r).toBeGreaterThan(0.9);
    // Both domains whose every metric is normed here get the distribution of their domain z.
    expect(table.domains?.map((d) => [d.domain, d.n])).toEqual([
      ['selective-attention', 400],
      ['working-memory', 400],
    ]);
    const wm = table.domains?.find((d) => d.domain === 'working-memory');
    expect(wm?.sd).toBeGreaterThan(0.8);
    expect(wm?.sd).toBeLessThan(1.2);
    expect(table.validFor).toEqual([
      { game: 'flanker', versions: ['1.1.0'] },
      { game: 'corsi', versions: ['1.0.0'] },
    ]);
  });

  it('writes provenance and is deterministic for the same input', () => {
    expect(table.provenance).toMatchObject({ builtBy: 'scripts/norms-build.ts', sessions: { read: 400, used: 400 }, minN: 100 });
    expect(JSON.stringify(buildNormTable(sessions, OPTIONS))).toBe(JSON.stringify(table));
  });

  it('refuses a group below the minimum N, and leaves out metrics with too few values', () => {
    expect(() => buildNormTable(sessions.slice(0, 99), OPTIONS)).toThrow(NormBuildError);
    expect(() => buildNormTable(sessions.slice(0, 99), OPTIONS)).toThrow(
      'Group "sim-test" has 99 sessions after filtering; a norm group needs at least 100. No table written.',
    );
    expect(() => buildNormTable(sessions, { ...OPTIONS, device: 'touch', minN: 250 })).toThrow(/has 200 sessions/);
    const omitted = table.provenance?.['omittedMetrics'] as { metric: string; reason: string }[];
    expect(omitted.find((o) => o.metric === 'reaction:simple.median_rt')?.reason).toBe('0 valid values, fewer than 100');
  });

  it('refuses exports that mix versions of a game', () => {
    const mixed = sessions.map((s, i) => (i === 0 ? { ...s, games: s.games.map((g) => ({ ...g, gameVersion: '0.9.0' })) } : s));
    expect(() => buildNormTable(mixed, OPTIONS)).toThrow(/flanker:nih_style_score: the exports mix versions 0\.9\.0, 1\.1\.0 of flanker/);
  });

  it('a built table scores a candidate', () => {
    const p = buildProfile(sessions[0]?.games ?? [], { normGroup: table, deviceClass: 'keyboard', gameDevices: { corsi: 'keyboard', flanker: 'keyboard' } });
    const wm = p.domains.find((d) => d.domain === 'working-memory');
    expect(wm?.status).toBe('measured');
    expect(p.norm.id).toBe('sim-test');
  });
});

describe('norms:build CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'norms-build-'));
  const exports = join(dir, 'exports.json');
  writeFileSync(exports, JSON.stringify(sessionExportFile(sessions.slice(0, 150))));
  const meta = join(dir, 'meta.json');
  writeFileSync(meta, JSON.stringify({ title: OPTIONS.title, population: OPTIONS.population, source: OPTIONS.source }));
  const io = () => {
    const lines: string[] = [];
    return { lines, io: { log: (l: string) => lines.push(l), error: (l: string) => lines.push(`ERR ${l}`), today: () => '2025-02-03' } };
  };

  it('writes a valid table with provenance and prints the numbers', async () => {
    const { lines, io: cliIo } = io();
    const out = join(dir, 'table.json');
    expect(await normsBuildCli([exports, '--group', 'cli-test', '--meta', meta, '--min-n', '100', '--resamples', '200', '--out', out], cliIo)).toBe(0);
    const written = JSON.parse(readFileSync(out, 'utf8'));
    expect(written).toMatchObject({ id: 'cli-test', date: '2025-02-03', n: 150 });
    expect(written.provenance.inputs[0]).toMatchObject({ file: exports, sessions: 150 });
    expect(written.provenance.inputs[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(lines[0]).toMatch(/cli-test 1\.0\.0: 150 sessions/);
    expect(lines.some((l) => l.includes('flanker:conflict_rt  n=150'))).toBe(true);
  });

  it('refuses a group below the minimum N with exit code 1', async () => {
    const { lines, io: cliIo } = io();
    expect(await normsBuildCli([exports, '--group', 'cli-test', '--meta', meta, '--min-n', '200', '--out', join(dir, 'no.json')], cliIo)).toBe(1);
    expect(lines).toEqual(['ERR norms:build: Group "cli-test" has 150 sessions after filtering; a norm group needs at least 200. No table written.']);
  });

  it('prints usage without a group', async () => {
    const { lines, io: cliIo } = io();
    expect(await normsBuildCli([exports], cliIo)).toBe(2);
    expect(lines[0]).toMatch(/^ERR usage: npm run norms:build/);
  });
});
