import { describe, expect, it } from 'vitest';
import { profileFromLog } from '../scoring/build-profile.ts';
import type { Profile, RoleFit } from '../scoring/profile-types.ts';
import { simulatedSession } from '../server/fixtures/session-log.ts';
import { fitCoverage, kindForGame, kindOfFlag, scanCoverage, scanGamesOf } from './results-explain.ts';

const shortLog = simulatedSession({ battery: 'short', seed: 5 });
const shortProfile = profileFromLog(shortLog);
/** A one-game scan where most answers came before the target: the quality checks leave every speed metric out. */
const earlyLog = simulatedSession({ battery: 'reaction', seed: 3, participants: { reaction: { pPremature: 0.6 } } });
const earlyProfile = profileFromLog(earlyLog);

describe('which areas a scan covered', () => {
  it('reads the played battery from the log: short → its three games; an unknown battery → null', () => {
    expect(scanGamesOf(shortLog)).toEqual(['reaction', 'flanker', 'corsi']);
    expect(scanGamesOf(shortLog.map((e) => (e.type === 'session-start' ? { ...e, battery: 'gone' } : e)))).toBeNull();
    expect(scanGamesOf([])).toBeNull();
  });

  it('a short battery: three areas measured, the other three not part of the scan (not "could not be measured")', () => {
    const scan = scanCoverage(shortProfile, scanGamesOf(shortLog));
    expect(scan.measured.map((d) => d.domain)).toEqual(['processing-speed', 'selective-attention', 'working-memory']);
    expect(scan.notMeasured).toEqual([]);
    expect(scan.notInScan).toEqual(['inhibition', 'flexibility', 'learning']);
  });

  it('without a known battery every area counts as part of the scan (the old reading)', () => {
    const scan = scanCoverage(shortProfile, null);
    expect(scan.notInScan).toEqual([]);
    expect(scan.notMeasured.map((d) => d.domain)).toEqual(['inhibition', 'flexibility', 'learning']);
    expect(scan.notMeasured.every((d) => d.games.length === 0)).toBe(true);
  });
});

describe('why an area of the scan could not be measured', () => {
  it('answers before the target: nothing measured, speed not measured because of early answers', () => {
    const scan = scanCoverage(earlyProfile, scanGamesOf(earlyLog));
    expect(scan.measured).toEqual([]);
    expect(scan.notMeasured).toEqual([{ domain: 'processing-speed', games: [{ game: 'reaction', kind: 'early' }] }]);
    expect(scan.notInScan).toHaveLength(5);
  });

  it('reads the kind from the code structurally: the game prefix, then the last part of the scorer code', () => {
    expect(kindOfFlag('reaction', 'reaction.simple.many-anticipations')).toBe('early');
    expect(kindOfFlag('stop', 'stop.ssrt.many-go-omissions')).toBe('few-answers');
    expect(kindOfFlag('corsi', 'corsi.forward.stop-rule')).toBe('technical');
    expect(kindOfFlag('flanker', 'flanker.practice-not-passed')).toBe('practice');
    expect(kindOfFlag('switch', 'switch.low-accuracy')).toBe('rules');
    expect(kindOfFlag('flanker', 'flanker.interrupted')).toBe('interrupted');
    // Flags that leave nothing out explain no gap; another game's flag is not this game's.
    expect(kindOfFlag('reaction', 'reaction.display-stutter')).toBeNull();
    expect(kindOfFlag('reaction', 'flanker.many-anticipations')).toBeNull();
    expect(kindOfFlag('reaction', 'session.mixed-devices')).toBeNull();
  });

  it('picks the most actionable kind first; a game of the scan without a score was not finished; no known flag → other', () => {
    const flagged = (codes: string[]): Profile => ({ ...earlyProfile, quality: codes.map((code) => ({ code, detail: '' })) });
    expect(kindForGame(flagged(['reaction.practice-not-passed', 'reaction.choice.many-anticipations']), 'reaction')).toBe('early');
    expect(kindForGame(flagged(['reaction.interrupted', 'reaction.practice-not-passed']), 'reaction')).toBe('practice');
    expect(kindForGame(flagged(['reaction.display-stutter']), 'reaction')).toBe('other');
    expect(kindForGame(earlyProfile, 'flanker')).toBe('not-finished');
  });
});

describe('on how many areas a role fit rests', () => {
  it('counts the areas the role gives weight, and those measured', () => {
    const roleFit = (stens: (number | null)[], importance = 1): RoleFit => ({
      role: 'r',
      roleVersion: 'x@1',
      label: 'r',
      example: true,
      fitPercent: 50,
      contributions: stens.map((sten, i) => ({ domain: 'learning', importance: i === 0 ? 0 : importance, target: { low: 4, high: 7 }, sten, contribution: 0 })),
    });
    expect(fitCoverage(roleFit([5, 6, null]))).toEqual({ measured: 1, total: 2 });
    expect(fitCoverage(roleFit([null, null, null]))).toEqual({ measured: 0, total: 2 });
  });

  it('a short battery leaves some example roles partly measured, and none of the early-answer scan measured', () => {
    const partial = shortProfile.roleFits.filter((f) => {
      const c = fitCoverage(f);
      return c.measured > 0 && c.measured < c.total;
    });
    expect(partial.length).toBeGreaterThan(0);
    expect(earlyProfile.roleFits.every((f) => fitCoverage(f).measured === 0)).toBe(true);
  });
});
