import { describe, expect, it } from 'vitest';
import { reactionDesign } from '../../games/reaction/design.ts';
import { reaction } from '../../games/reaction/index.ts';
import { simulateReaction, TYPICAL_PARTICIPANT } from '../../games/reaction/simulate.ts';
import reversalV1Log from '../../games/reversal/v1/fixtures/perseverator-seed1.json' with { type: 'json' };
import type { LogEvent } from '../log/events.ts';
import { scoreGame, scoreSession } from './score-game.ts';

const played = () => simulateReaction(reactionDesign(9), TYPICAL_PARTICIPANT, 3);

describe('scoreGame', () => {
  it('regenerates the design from the seed in the log and scores it', () => {
    const s = scoreGame(played(), 'reaction');
    expect(s.gameVersion).toBe(reaction.version);
    expect(s.trials).toBe(24);
    expect(scoreSession(played()).map((x) => x.game)).toEqual(['reaction']);
  });

  it('refuses a log recorded with another version of the game, and a game the log does not hold', () => {
    const events = played().map((e) => (e.type === 'game-start' ? { ...e, version: '0.9.0' } : e)) as LogEvent[];
    expect(() => scoreGame(events, 'reaction')).toThrow(/recorded with reaction 0.9.0/);
    expect(() => scoreGame(played(), 'stop')).toThrow(/no start of game "stop"/);
  });

  it("scores a log of an earlier version with that version's own design and scorer (Coin hunt 1.0.0)", () => {
    const s = scoreGame(reversalV1Log as LogEvent[], 'reversal');
    expect([s.gameVersion, s.scorerVersion]).toEqual(['1.0.0', '1.1.0']);
    expect(s.metrics['reversals']).toEqual({ value: 6 });
  });

  it('flags a practice block that failed on its last attempt, and a time-scaled (automated) play', () => {
    const events = played().map((e) => (e.type === 'block-end' && e.block === 2 ? { ...e, passed: false } : e)) as LogEvent[];
    events.unshift({
      type: 'page-start',
      seq: -1,
      page: 0,
      t: 0,
      timeOrigin: 0,
      crossOriginIsolated: true,
      userAgent: 'x',
      viewport: { width: 1, height: 1, dpr: 1 },
      pointer: 'fine',
      timeScale: 4,
    });
    const codes = scoreGame(events, 'reaction').flags.map((f) => f.code);
    expect(codes).toContain('practice-not-passed');
    expect(codes).toContain('time-scaled');
    expect(scoreGame(played(), 'reaction').flags.map((f) => f.code)).not.toContain('practice-not-passed');
  });
});
