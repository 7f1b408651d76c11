import { describe, expect, it } from 'vitest';
import { buildProfile, profileFromLog } from './build-profile.ts';
import { ALGORITHM_VERSION } from './domain-model.ts';
import { scoreSession } from './score-game.ts';
import { gameScore, unitTable } from './testing/fixtures.ts';
import { ALL_GAMES, joinSessionLog, simulateGame, typicalAbilities } from './testing/simulated-sessions.ts';

const abilities = { ...typicalAbilities(), 'processing-speed': 0.8, 'working-memory': -0.5 };
const sessionLog = (device: 'keyboard' | 'touch' = 'keyboard', seed = 3) =>
  joinSessionLog(
    ALL_GAMES.map((g) => simulateGame(g, abilities, seed)),
    device,
  );

describe('profileFromLog', () => {
  it('is deterministic: the same event log scored twice gives byte-identical profiles', () => {
    const a = JSON.stringify(profileFromLog(sessionLog(), { normGroup: 'sro-provisional-all' }));
    const b = JSON.stringify(profileFromLog(sessionLog(), { normGroup: 'sro-provisional-all' }));
    const c = JSON.stringify(profileFromLog(JSON.parse(JSON.stringify(sessionLog())), { normGroup: 'sro-provisional-all' }));
    expect(a).toBe(b);
    expect(a).toBe(c);
    expect(a.length).toBeGreaterThan(2000);
    // A different play gives a different profile (the test can fail).
    expect(JSON.stringify(profileFromLog(sessionLog('keyboard', 4), { normGroup: 'sro-provisional-all' }))).not.toBe(a);
  });

  it('keys come in a fixed order', () => {
    const p = profileFromLog(sessionLog());
    expect(Object.keys(p)).toEqual(['algorithmVersion', 'norm', 'deviceClass', 'domains', 'metrics', 'roleFits', 'tips', 'quality', 'sources', 'roleSet']);
    expect(Object.keys(p.domains[0] ?? {})).toEqual([
      'domain',
      'status',
      'z',
      'zCi',
      'percentile',
      'percentileCi',
      't',
      'tCi',
      'sten',
      'stenCi',
      'reliability',
      'metrics',
    ]);
  });

  it('names its versions and the provisional norm group, and flags it', () => {
    const p = profileFromLog(sessionLog(), { normGroup: 'sro-provisional-20-29' });
    expect(p.algorithmVersion).toBe(ALGORITHM_VERSION);
    expect(p.norm).toMatchObject({
      id: 'sro-provisional-20-29',
      version: '1.2.0',
      provisional: true,
      provisionalNote: 'provisional — other population and task version',
      deviceClass: 'keyboard',
    });
    expect(p.quality[0]?.code).toBe('norm.provisional');
    expect(p.sources.map((s) => s.game)).toEqual([...ALL_GAMES]);
    expect(p.roleSet).toEqual({ id: 'example-roles', version: '3.0.0', example: true });
  });

  it('a standard battery is measured on all six domains against the default norms, each with its interval and provenance', () => {
    const p = profileFromLog(sessionLog());
    expect(p.norm).toMatchObject({ id: 'sro-provisional-all', provisional: true });
    expect(p.norm.provisionalNote).toBeTruthy();
    for (const d of p.domains) {
      expect([d.domain, d.status]).toEqual([d.domain, 'measured']);
      expect(d.stenCi?.low).toBeLessThanOrEqual(d.sten as number);
      expect(d.stenCi?.high).toBeGreaterThanOrEqual(d.sten as number);
      expect(d.reliability).toBeGreaterThan(0);
    }
    const flex = p.domains.find((d) => d.domain === 'flexibility');
    expect(flex?.metrics.map((m) => [m.game, m.metric, m.included])).toEqual([
      ['switch', 'composite', true],
      ['reversal', 'perseverative_errors', true],
    ]);
    const learning = p.domains.find((d) => d.domain === 'learning');
    expect(learning?.metrics.map((m) => [m.metric, m.included])).toEqual([
      ['win_stay', true],
      ['best_choice_rate', true],
    ]);
    expect(p.sources.find((s) => s.game === 'reversal')).toMatchObject({ gameVersion: '2.0.0' });
    for (const fit of p.roleFits) expect(fit.coverage ?? 1).toBe(1);
  });

  it('records the device class and flags absolute speed metrics played on touch against keyboard norms', () => {
    const p = profileFromLog(sessionLog('touch'));
    expect(p.deviceClass).toBe('touch');
    expect(p.sources.every((s) => s.deviceClass === 'touch')).toBe(true);
    const flag = p.quality.find((q) => q.code === 'reaction.device-mismatch');
    expect(flag?.detail).toMatch(/simple\.median_rt, choice\.median_rt come from keyboard input/);
    expect(p.quality.some((q) => q.code === 'flanker.device-mismatch')).toBe(false); // conflict_rt is a difference score
    expect(profileFromLog(sessionLog('keyboard')).quality.some((q) => q.code.endsWith('device-mismatch'))).toBe(false);
  });

  it('equals buildProfile on the same scores', () => {
    const log = sessionLog();
    const devices = Object.fromEntries(ALL_GAMES.map((g) => [g, 'keyboard' as const]));
    expect(profileFromLog(log)).toEqual(buildProfile(scoreSession(log), { deviceClass: 'keyboard', gameDevices: devices }));
  });
});

describe('buildProfile', () => {
  const table = unitTable([
    { game: 'reaction', metric: 'simple.median_rt' },
    { game: 'reaction', metric: 'choice.median_rt' },
    { game: 'stop', metric: 'ssrt' },
  ]);

  it('keeps invalid metrics in the list with their reason, and game flags in the quality list', () => {
    const scores = [
      gameScore('reaction', { 'simple.median_rt': -1, 'choice.median_rt': -1 }),
      gameScore('stop', { ssrt: -2 }, [{ code: 'ssrt.p-respond-out-of-range', detail: 'p(respond|signal) = 0.9' }]),
    ];
    const p = buildProfile(scores, { normGroup: table, deviceClass: 'keyboard', roles: ['soldier'] });
    expect(p.metrics.find((m) => m.metric === 'ssrt')).toMatchObject({ value: -2, z: null, included: false, domain: 'inhibition' });
    expect(p.domains.find((d) => d.domain === 'inhibition')?.status).toBe('not-measured');
    expect(p.quality).toContainEqual({ code: 'stop.ssrt.p-respond-out-of-range', detail: 'p(respond|signal) = 0.9' });
    expect(p.roleFits.map((f) => f.role)).toEqual(['soldier']);
    // both metric z = 1, r = .3 assumed: z = 1 / √.65 = 1.24 (the mean of two imperfectly correlated z-scores is rescaled)
    expect(p.domains.find((d) => d.domain === 'processing-speed')).toMatchObject({ z: 1.24, sten: 8, t: 62 });
  });
});
