import { describe, expect, it } from 'vitest';
import { SimLog } from './sim-log.ts';
import type { LogEvent } from './events.ts';
import { countInterruptedTrials, pairTrials } from './trials.ts';

function base(): SimLog {
  const log = new SimLog('g');
  log.gameStart('1', 1);
  log.blockStart(0, 'test');
  return log;
}

describe('pairTrials', () => {
  it('times a response by its input event, from the target onset', () => {
    const log = base();
    log.trial(0, 0, { stimuli: [{ name: 'target', at: 800 }], responses: [{ at: 1100.25, value: 'left' }], endAt: 1101, reason: 'response' });
    const [trial] = pairTrials(log.events);
    expect(trial?.responses[0]?.rt).toBeCloseTo(300.25, 10);
    expect(trial?.onsets['target']).toBe(5800);
  });

  it('computes rt even when the onset was logged after the input (onset is stamped a frame later)', () => {
    const events: LogEvent[] = [
      { type: 'block-start', seq: 0, page: 0, t: 0, game: 'g', block: 0, kind: 'test', attempt: 0 },
      { type: 'trial-start', seq: 1, page: 0, t: 10, game: 'g', block: 0, trial: 0 },
      { type: 'input', seq: 2, page: 0, t: 510, device: 'mouse', trusted: true },
      { type: 'stimulus', seq: 3, page: 0, t: 500, drawnAt: 483.3, name: 'target', game: 'g', block: 0, trial: 0 },
      { type: 'response', seq: 4, page: 0, t: 510, input: 2, value: 'any', game: 'g', block: 0, trial: 0 },
      { type: 'trial-end', seq: 5, page: 0, t: 512, reason: 'response', game: 'g', block: 0, trial: 0 },
    ];
    expect(pairTrials(events)[0]?.responses[0]?.rt).toBe(10);
  });

  it('ignores responses that name an untrusted input or one from another page', () => {
    const events: LogEvent[] = [
      { type: 'block-start', seq: 0, page: 0, t: 0, game: 'g', block: 0, kind: 'test', attempt: 0 },
      { type: 'trial-start', seq: 1, page: 0, t: 10, game: 'g', block: 0, trial: 0 },
      { type: 'stimulus', seq: 2, page: 0, t: 500, drawnAt: 483.3, name: 'target', game: 'g', block: 0, trial: 0 },
      { type: 'input', seq: 3, page: 0, t: 600, device: 'keyboard', key: 'x', trusted: false },
      { type: 'response', seq: 4, page: 0, t: 600, input: 3, value: 'any', game: 'g', block: 0, trial: 0 },
      { type: 'response', seq: 5, page: 0, t: 600, input: 99, value: 'any', game: 'g', block: 0, trial: 0 },
      { type: 'trial-end', seq: 6, page: 0, t: 2000, reason: 'timeout', game: 'g', block: 0, trial: 0 },
    ];
    expect(pairTrials(events)[0]?.responses).toEqual([]);
  });

  it('drops interrupted and unfinished trials and keeps the completed re-run', () => {
    const log = base();
    log.trial(0, 0, { stimuli: [{ name: 'target', at: 500 }], responses: [{ at: 800, value: 'a' }], endAt: 800, reason: 'response' });
    // trial 1 starts, then the page reloads
    log.push({ type: 'trial-start', t: log.t, game: 'g', block: 0, trial: 1 });
    log.push({
      type: 'page-start',
      t: 3,
      timeOrigin: 0,
      crossOriginIsolated: true,
      userAgent: 'x',
      viewport: { width: 1, height: 1, dpr: 1 },
      pointer: 'fine',
    });
    log.t = 100;
    log.trial(0, 1, { stimuli: [{ name: 'target', at: 500 }], responses: [{ at: 900, value: 'b' }], endAt: 900, reason: 'response' });
    // trial 2 interrupted by a hidden tab, then run again
    log.push({ type: 'trial-start', t: log.t, game: 'g', block: 0, trial: 2 });
    log.push({ type: 'trial-end', t: log.t + 50, game: 'g', block: 0, trial: 2, reason: 'interrupted' });
    log.trial(0, 2, { stimuli: [{ name: 'target', at: 500 }], responses: [{ at: 700, value: 'c' }], endAt: 700, reason: 'response' });

    const trials = pairTrials(log.events);
    expect(trials.map((t) => [t.trial, t.responses[0]?.value, t.responses[0]?.rt])).toEqual([
      [0, 'a', 300],
      [1, 'b', 400],
      [2, 'c', 200],
    ]);
    expect(countInterruptedTrials(log.events, 'g')).toBe(2);
  });

  it('keeps both attempts of a repeated practice block apart', () => {
    const log = new SimLog('g');
    log.gameStart('1', 1);
    for (const attempt of [0, 1]) {
      log.blockStart(0, 'practice', attempt);
      log.trial(0, 0, { stimuli: [{ name: 'target', at: 500 }], responses: [], endAt: 2000, reason: 'timeout' });
      log.blockEnd(0, attempt, false);
    }
    expect(pairTrials(log.events).map((t) => [t.kind, t.attempt])).toEqual([
      ['practice', 0],
      ['practice', 1],
    ]);
  });
});

describe('the onset rule', () => {
  const trialWith = (stimulus: Partial<Extract<LogEvent, { type: 'stimulus' }>>): LogEvent[] => [
    { type: 'block-start', seq: 0, page: 0, t: 0, game: 'g', block: 0, kind: 'test', attempt: 0 },
    { type: 'trial-start', seq: 1, page: 0, t: 10, game: 'g', block: 0, trial: 0 },
    { type: 'stimulus', seq: 2, page: 0, t: 500, drawnAt: 483.3, name: 'target', game: 'g', block: 0, trial: 0, ...stimulus },
    { type: 'input', seq: 3, page: 0, t: 800, device: 'keyboard', key: ' ', trusted: true },
    { type: 'response', seq: 4, page: 0, t: 800, input: 3, value: 'any', game: 'g', block: 0, trial: 0 },
    { type: 'trial-end', seq: 5, page: 0, t: 801, reason: 'response', game: 'g', block: 0, trial: 0 },
  ];

  it('measured: the onset is the presentation of the drawing frame, and the trial says so', () => {
    const [trial] = pairTrials(trialWith({ presentedAt: 512.5, paintedAt: 490 }));
    expect(trial?.onsets['target']).toBe(512.5);
    expect(trial?.onsetRules['target']).toBe('presented');
    expect(trial?.responses[0]?.rt).toBe(287.5);
  });

  it('missing: without a measured presentation the onset is the rAF onset, and the trial says so', () => {
    const [trial] = pairTrials(trialWith({}));
    expect(trial?.onsets['target']).toBe(500);
    expect(trial?.onsetRules['target']).toBe('raf');
    expect(trial?.responses[0]?.rt).toBe(300);
  });

  it('rule 1 (scorers 1.0.x) ignores a measured presentation', () => {
    const [trial] = pairTrials(trialWith({ presentedAt: 512.5 }), undefined, 'raf');
    expect(trial?.onsets['target']).toBe(500);
    expect(trial?.onsetRules['target']).toBe('raf');
  });

  it('an old log (no presentation anywhere) pairs identically under rule 1 and rule 2', () => {
    const log = base();
    log.trial(0, 0, { stimuli: [{ name: 'target', at: 800 }], responses: [{ at: 1100.25, value: 'left' }], endAt: 1101, reason: 'response' });
    log.trial(0, 1, { stimuli: [{ name: 'target', at: 600 }], responses: [{ at: 900, value: 'right' }], endAt: 901, reason: 'response' });
    expect(pairTrials(log.events, undefined, 'presented')).toEqual(pairTrials(log.events, undefined, 'raf'));
  });

  it('each stimulus of a trial follows the rule on its own (one measured, one not)', () => {
    const events = trialWith({ presentedAt: 512.5 });
    events.splice(3, 0, { type: 'stimulus', seq: 9, page: 0, t: 650, drawnAt: 633.3, name: 'stop-signal', game: 'g', block: 0, trial: 0 });
    const [trial] = pairTrials(events);
    expect(trial?.onsetRules).toEqual({ target: 'presented', 'stop-signal': 'raf' });
    expect(trial?.onsets['stop-signal']).toBe(650);
  });
});
