import { describe, expect, it } from 'vitest';
import { SimLog } from './sim-log.ts';
import { sessionState } from './resume.ts';

function started(): SimLog {
  const log = new SimLog('g');
  log.push({ type: 'session-start', t: 0, sessionId: 's1', schema: 1, appVersion: 'x', battery: 'standard', lang: 'nl' });
  return log;
}

describe('sessionState (resume point from the log alone)', () => {
  it('resumes a running block at the first trial that did not complete', () => {
    const log = started();
    log.gameStart('1', 42);
    log.blockStart(0, 'practice');
    log.trial(0, 0, { stimuli: [], responses: [], endAt: 10, reason: 'timeout' });
    log.trial(0, 1, { stimuli: [], responses: [], endAt: 10, reason: 'timeout' });
    log.blockEnd(0, 0, true);
    log.blockStart(1, 'test');
    log.trial(1, 0, { stimuli: [], responses: [], endAt: 10, reason: 'timeout' });
    log.trial(1, 1, { stimuli: [], responses: [], endAt: 10, reason: 'timeout' });
    log.push({ type: 'trial-start', t: log.t, game: 'g', block: 1, trial: 2 }); // cut off here
    const s = sessionState(log.events);
    expect(s?.current).toEqual({
      game: 'g',
      seed: 42,
      ended: [{ block: 0, attempt: 0, kind: 'practice', passed: true }],
      open: { block: 1, attempt: 0, kind: 'test', nextTrial: 2 },
    });
    expect(s?.nextSeq).toBe(log.events.length);
  });

  it('an interrupted trial runs again', () => {
    const log = started();
    log.gameStart('1', 42);
    log.blockStart(1, 'test');
    log.trial(1, 0, { stimuli: [], responses: [], endAt: 10, reason: 'timeout' });
    log.push({ type: 'trial-start', t: log.t, game: 'g', block: 1, trial: 1 });
    log.push({ type: 'trial-end', t: log.t, game: 'g', block: 1, trial: 1, reason: 'interrupted' });
    expect(sessionState(log.events)?.current?.open?.nextTrial).toBe(1);
  });

  it('knows completed games and the end of the session', () => {
    const log = started();
    log.gameStart('1', 42);
    log.gameEnd();
    log.push({ type: 'session-end', t: log.t });
    const s = sessionState(log.events);
    expect(s?.completedGames).toEqual(['g']);
    expect(s?.current).toBeUndefined();
    expect(s?.finished).toBe(true);
  });

  it('returns null for a log that does not start with a session', () => {
    expect(sessionState([])).toBeNull();
  });
});
