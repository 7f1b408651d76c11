import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import validateStatement from 'xapi-validation';
import type { DomainScore } from '../scoring/profile-types.ts';
import type { LogEvent } from '../log/events.ts';
import { gameCompletedStatement, isoDuration, playedMs, type ScanContext, scanCompletedStatement, statementsFromLog } from './xapi.ts';

const ctx = (shareDomains: boolean): ScanContext => ({
  origin: 'https://scan.example',
  pilot: 'demo',
  sessionId: randomUUID(),
  battery: 'short',
  lang: 'nl',
  shareDomains,
  uuid: randomUUID,
});
const speed: DomainScore = { domain: 'processing-speed', status: 'measured', sten: 7, metrics: [] };
const at = new Date('2026-12-02T10:00:00Z');

describe('xAPI statements', () => {
  it('validate against the xAPI 1.0.3 statement rules of an independent validator (Learning Locker)', () => {
    const statements = [
      gameCompletedStatement(ctx(true), { id: 'reaction', domains: ['processing-speed'], durationMs: 154_320 }, [speed], at),
      gameCompletedStatement(ctx(false), { id: 'reaction', domains: ['processing-speed'], durationMs: 1 }, [speed], at),
      scanCompletedStatement(ctx(true), { gamesCompleted: 3, gamesInBattery: 3, durationMs: 600_000 }, at),
    ];
    for (const s of statements) expect(validateStatement(JSON.parse(JSON.stringify(s)))).toEqual([]);
  });

  it("carries a game's domain sten only when the pilot may receive domains", () => {
    const shared = gameCompletedStatement(ctx(true), { id: 'reaction', domains: ['processing-speed'], durationMs: 1000 }, [speed], at);
    expect(shared.result.score).toEqual({ scaled: 0.7, raw: 7, min: 1, max: 10 });
    const summaryOnly = gameCompletedStatement(ctx(false), { id: 'reaction', domains: ['processing-speed'], durationMs: 1000 }, [speed], at);
    expect(summaryOnly.result.score).toBeUndefined();
    expect(summaryOnly.context.registration).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('scores a scan by the share of its battery completed, and writes ISO 8601 durations', () => {
    expect(scanCompletedStatement(ctx(false), { gamesCompleted: 2, gamesInBattery: 3, durationMs: 1 }, at).result.score).toEqual({
      scaled: 0.667,
      raw: 2,
      min: 0,
      max: 3,
    });
    expect(isoDuration(3_723_450)).toBe('PT1H2M3.45S');
    expect(isoDuration(0)).toBe('PT0S');
  });

  it('is refused by the validator when broken, so the first test can fail', () => {
    const s = scanCompletedStatement(ctx(true), { gamesCompleted: 3, gamesInBattery: 3, durationMs: 1 }, at) as unknown as Record<string, unknown>;
    expect(validateStatement({ ...s, verb: { id: 'not an iri' } }).length).toBeGreaterThan(0);
  });
});

describe('statements from a log', () => {
  const ev = (type: string, page: number, t: number, extra: Record<string, unknown> = {}) => ({ type, seq: 0, page, t, ...extra }) as unknown as LogEvent;
  // Reaction played over a reload: 10 s on page 0, then 5 s on page 1 (whose clock starts again).
  const log = [
    ev('session-start', 0, 0, { battery: 'reaction' }),
    ev('game-start', 0, 1000, { game: 'reaction' }),
    ev('trial-end', 0, 11_000),
    ev('page-start', 1, 300),
    ev('game-end', 1, 5300, { game: 'reaction' }),
    ev('session-end', 1, 5400),
  ];

  it('counts the time played on each page, never the gap of a reload', () => {
    expect(playedMs(log, 1, 4)).toBe(15_000);
    expect(playedMs(log, 0, 5)).toBe(16_100);
  });

  it('gives one statement per completed game and one for the finished scan, all valid', () => {
    const c = { ...ctx(true), battery: 'reaction' };
    const statements = statementsFromLog(c, log, [speed], at);
    expect(statements.map((s) => [s.object.id.split('/activities/')[1], s.result.duration])).toEqual([
      ['games/reaction', 'PT15S'],
      ['scan/reaction', 'PT16.1S'],
    ]);
    expect(statements[1]?.result.score).toEqual({ scaled: 1, raw: 1, min: 0, max: 1 });
    for (const s of statements) expect(validateStatement(JSON.parse(JSON.stringify(s)))).toEqual([]);
    expect(statementsFromLog(c, log.slice(0, 5), [speed], at)).toHaveLength(1);
  });
});
