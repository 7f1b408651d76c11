import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../log/events.ts';
import { ATTACKS, rewitness } from './attacks.ts';
import { assessWitnessed, type WitnessRecord } from './index.ts';
import { simulatedWitnessedRecord } from './simulated-record.ts';

const assess = (r: WitnessRecord) => assessWitnessed(r, { now: r.serverStart + 86_400_000 });
const codes = async (r: WitnessRecord) => (await assess(r)).refusals.map((x) => x.code);

describe('a log the checks cannot read', () => {
  it('is refused, not thrown on: a game version the server does not know', async () => {
    const r = await rewitness(await simulatedWitnessedRecord({ seed: 4, battery: 'reaction' }), (ev) =>
      ev.map((e) => (e.type === 'game-start' ? { ...e, version: '9.9.9' } : e)),
    );
    const v = await assess({ ...r, seeds: r.seeds.map((s) => ({ ...s, version: '9.9.9' })) });
    expect(v.ok).toBe(false);
    expect(v.refusals.map((x) => x.code)).toEqual(['trials-missing']);
  });
});

describe('honest witnessed sessions', () => {
  it('pass, with every check listed as passed and the battery covered', async () => {
    const honest = await simulatedWitnessedRecord({ seed: 1 });
    const v = await assess(honest);
    expect(v.refusals).toEqual([]);
    expect(v.ok).toBe(true);
    expect(v.coveredGames).toEqual(['reaction', 'stop', 'flanker', 'switch', 'corsi', 'reversal']);
    expect(v.assurance).toMatchObject({ mode: 'certified', witnessed: true, battery: 'standard', proctoring: 'unproctored-online', games: v.coveredGames });
    expect(v.assurance.checks.passed).toEqual(['session', 'seeds', 'hash-chain', 'receipt-times', 'page-clocks', 'completeness', 'plausibility']);
    expect(v.assurance.offline).toEqual({ gaps: 0, totalMs: 0, longestMs: 0 });
  });

  it('pass whatever the device clock says: an hour ahead or behind the server', async () => {
    for (const skew of [3_600_000, -3_600_000]) expect(await codes(await simulatedWitnessedRecord({ seed: 2, clockSkewMs: skew }))).toEqual([]);
  });

  it('pass after an offline stretch, which the assurance reports', async () => {
    const r = await simulatedWitnessedRecord({ seed: 3, offline: { fromBatch: 100, batches: 30, durationMs: 120_000 } });
    const v = await assess(r);
    expect(v.refusals).toEqual([]);
    expect(v.assurance.offline.gaps).toBe(1);
    expect(v.assurance.offline.longestMs).toBeGreaterThanOrEqual(120_000);
  });

  it('count a trial interrupted and re-run once', async () => {
    const honest = await simulatedWitnessedRecord({ seed: 4, battery: 'flanker' });
    const withRerun = await rewitness(honest, (events) => {
      const start = events.find((e) => e.type === 'block-start' && e.kind === 'test')!;
      const first = events.find((e): e is Extract<LogEvent, { type: 'trial-start' }> => e.type === 'trial-start' && e.seq > start.seq)!;
      // The same trial ran first and was interrupted (tab hidden), then ran again.
      const ref = { game: first.game, block: first.block, trial: first.trial, page: first.page };
      return [
        ...events,
        { ...ref, type: 'trial-start', seq: first.seq - 0.3, t: first.t - 900 },
        { type: 'interruption', reason: 'hidden', seq: first.seq - 0.2, page: first.page, t: first.t - 800 },
        { ...ref, type: 'trial-end', reason: 'interrupted', seq: first.seq - 0.1, t: first.t - 800 },
      ] as LogEvent[];
    });
    expect(withRerun.events.filter((e) => e.type === 'trial-end' && e.reason === 'interrupted')).toHaveLength(1);
    expect(await codes(withRerun)).toEqual([]);
  });
});

describe('an incomplete battery yields no credential', () => {
  it('refuses a battery with a game missing, and names it', async () => {
    const short = await simulatedWitnessedRecord({ seed: 5, battery: 'short' });
    const cut = await rewitness(short, (events) => {
      const corsi = events.find((e) => e.type === 'game-start' && e.game === 'corsi')!;
      return events.filter((e) => e.seq < corsi.seq || e.type === 'session-end');
    });
    const v = await assess(cut);
    expect(v.ok).toBe(false);
    expect(v.refusals.map((r) => r.code)).toEqual(['games-missing']);
    expect(v.refusals[0]!.message).toContain('corsi');
    expect(v.coveredGames).toEqual(['reaction', 'flanker']);
  });

  it('certifies a shorter battery chosen at the start, covering exactly its games', async () => {
    const v = await assess(await simulatedWitnessedRecord({ seed: 6, battery: 'reaction' }));
    expect(v.ok).toBe(true);
    expect(v.assurance.games).toEqual(['reaction']);
  });
});

describe('every attack is refused with its own code', () => {
  it.each(ATTACKS.map((a) => [a.id, a] as const))('%s', async (_id, attack) => {
    const honest = await simulatedWitnessedRecord({ seed: 7 });
    const got = await codes(await attack.build(honest));
    expect(got).toContain(attack.expected);
  });

  it('the expected codes are all different', () => {
    expect(new Set(ATTACKS.map((a) => a.expected)).size).toBe(ATTACKS.length);
  });
});
