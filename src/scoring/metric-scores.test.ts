import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../log/events.ts';
import { answerDevices, deviceClassOf } from './device-class.ts';
import { modelMetrics } from './domain-model.ts';
import { scoreMetric } from './metric-scores.ts';
import { gameScore, unitTable } from './testing/fixtures.ts';
import { exclusionReason, flaggedTrials } from './validity.ts';

const spec = (game: string, metric: string) => {
  const s = modelMetrics().find((m) => m.game === game && m.metric === metric);
  if (!s) throw new Error('no spec');
  return s;
};

describe('metric → z', () => {
  it('aligns direction: lower-is-better metrics get higher z when lower', () => {
    const table = unitTable([
      { game: 'stop', metric: 'ssrt', over: { mean: 250, sd: 50 } },
      { game: 'corsi', metric: 'forward.span', over: { mean: 6, sd: 1 } },
    ]);
    expect(scoreMetric(spec('stop', 'ssrt'), [gameScore('stop', { ssrt: 200 })], table, 'keyboard').z).toBe(1);
    expect(scoreMetric(spec('corsi', 'forward.span'), [gameScore('corsi', { 'forward.span': 4 })], table, 'touch').z).toBe(-2);
  });

  it('reads the percentile from the table, turned for lower-is-better metrics', () => {
    const percentiles = [
      { p: 10, value: 200 },
      { p: 50, value: 250 },
      { p: 90, value: 350 },
    ];
    const table = unitTable([{ game: 'stop', metric: 'ssrt', over: { mean: 260, sd: 50, percentiles } }]);
    const m = scoreMetric(spec('stop', 'ssrt'), [gameScore('stop', { ssrt: 300 })], table, 'keyboard');
    // 300 lies at rank 70 of the table (slower than 70 %): 100 − 70 = 30.
    expect(m.percentile).toBeCloseTo(30, 10);
  });

  it('leaves a metric out with the reason: not computable, no norm, version not covered', () => {
    const table = unitTable([{ game: 'stop', metric: 'ssrt' }]);
    expect(scoreMetric(spec('stop', 'ssrt'), [gameScore('stop', { ssrt: null })], table, 'keyboard').excludedReason).toBe(
      'not computable: fixture: not computable',
    );
    expect(
      scoreMetric(
        spec('corsi', 'forward.span'),
        [gameScore('corsi', { 'forward.span': 5 })],
        unitTable([{ game: 'corsi', metric: 'backward.span' }]),
        'keyboard',
      ).excludedReason,
    ).toBe('no norm for this metric in norm group fixture');
    expect(scoreMetric(spec('stop', 'ssrt'), [gameScore('stop', { ssrt: 1 }, [], 100, '2.0.0')], table, 'keyboard').excludedReason).toBe(
      'no norm: norm group fixture does not cover stop 2.0.0',
    );
  });
});

describe('device class in norming', () => {
  const byDevice = { touch: { n: 200, mean: 300, sd: 40 } };
  const table = unitTable([
    { game: 'reaction', metric: 'choice.median_rt', over: { mean: 260, sd: 40, devices: byDevice } },
    { game: 'reaction', metric: 'simple.median_rt', over: { mean: 260, sd: 40, deviceOffsetMs: { mouse: { value: 20, source: 'fixture' } } } },
    { game: 'flanker', metric: 'conflict_rt', over: { mean: 60, sd: 30 } },
  ]);
  const scores = [gameScore('reaction', { 'choice.median_rt': 300, 'simple.median_rt': 300 }), gameScore('flanker', { conflict_rt: 60 })];

  it('uses separate statistics for the device class where the table has them', () => {
    const m = scoreMetric(spec('reaction', 'choice.median_rt'), scores, table, 'touch');
    expect(m).toMatchObject({ z: 0, normBasis: 'device:touch' });
    expect(m.deviceMismatch).toBeUndefined();
  });

  it('applies a documented latency offset to absolute speed metrics', () => {
    // norm mean 260 + 20 ms mouse offset: 300 is 20 ms slower than 280 → z = −0.5
    expect(scoreMetric(spec('reaction', 'simple.median_rt'), scores, table, 'mouse')).toMatchObject({ z: -0.5, normBasis: 'offset:mouse' });
  });

  it('flags an absolute speed metric from another device without a correction, and keeps it', () => {
    const m = scoreMetric(spec('reaction', 'simple.median_rt'), scores, table, 'touch');
    expect(m.included).toBe(true);
    expect(m.deviceMismatch).toEqual({ played: 'touch', norm: 'keyboard' });
  });

  it('does not flag difference scores (latency cancels) or keyboard play against keyboard norms', () => {
    expect(scoreMetric(spec('flanker', 'conflict_rt'), scores, table, 'touch').deviceMismatch).toBeUndefined();
    expect(scoreMetric(spec('reaction', 'simple.median_rt'), scores, table, 'keyboard').deviceMismatch).toBeUndefined();
  });
});

describe('validity rules', () => {
  it('time-scaled plays leave every metric out', () => {
    const s = gameScore('corsi', { 'forward.span': 6 }, [{ code: 'time-scaled', detail: 'x' }]);
    expect(exclusionReason(s, 'forward.span', 'none')).toMatch(/^flagged time-scaled/);
  });

  it('an SSRT validity flag leaves out the SSRT only', () => {
    const s = gameScore('stop', { ssrt: 200, 'go_rt.mean': 400 }, [{ code: 'ssrt.race-violation', detail: 'x' }]);
    expect(exclusionReason(s, 'ssrt', 'absolute')).toMatch(/race model/);
    expect(exclusionReason(s, 'go_rt.mean', 'absolute')).toBeNull();
  });

  it('frame drops leave out timed metrics only above a quarter of the trials', () => {
    const few = gameScore('flanker', {}, [{ code: 'frame-drops', detail: 'Block 1: 5 trial(s) lost frames while the arrows were shown (7 frames).' }], 64);
    const many = gameScore(
      'flanker',
      {},
      [
        { code: 'frame-drops', detail: 'Block 1: 10 trial(s) lost frames while the arrows were shown (12 frames).' },
        { code: 'frame-drops', detail: 'Block 3: 8 trial(s) lost frames while the arrows were shown (9 frames).' },
      ],
      64,
    );
    expect(flaggedTrials(many.flags, 'frame-drops')).toBe(18);
    expect(exclusionReason(few, 'conflict_rt', 'difference')).toBeNull();
    expect(exclusionReason(many, 'conflict_rt', 'difference')).toMatch(/lost frames/);
    expect(exclusionReason(many, 'accuracy', 'none')).toBeNull();
  });

  it('frames lost after onsets measured at presentation (display-stutter) leave nothing out', () => {
    const stutter = gameScore(
      'flanker',
      {},
      [
        {
          code: 'display-stutter',
          detail: 'Block 1: 40 trial(s) lost frames while the arrows were shown, after an onset measured at presentation: their times stand.',
        },
      ],
      40,
    );
    expect(exclusionReason(stutter, 'conflict_rt', 'difference')).toBeNull();
  });

  it('interruptions leave the game out above a tenth of its trials', () => {
    const detail = (n: number) => `${n} trial(s) were interrupted (tab hidden, focus lost or reload) and run again.`;
    expect(exclusionReason(gameScore('reaction', {}, [{ code: 'interrupted', detail: detail(2) }], 40), 'choice.median_rt', 'absolute')).toBeNull();
    expect(exclusionReason(gameScore('reaction', {}, [{ code: 'interrupted', detail: detail(5) }], 40), 'choice.median_rt', 'absolute')).toMatch(/interrupted/);
  });
});

describe('device class of a session', () => {
  const input = (seq: number, device: 'keyboard' | 'touch' | 'mouse' | 'pen', trusted = true): LogEvent => ({
    type: 'input',
    seq,
    page: 0,
    t: seq,
    device,
    trusted,
  });
  const response = (seq: number, inputSeq: number, game = 'reaction'): LogEvent => ({
    type: 'response',
    seq,
    page: 0,
    t: seq,
    input: inputSeq,
    value: 'x',
    game,
    block: 0,
    trial: 0,
  });
  const page = (pointer: 'coarse' | 'fine' | 'none'): LogEvent => ({
    type: 'page-start',
    seq: 0,
    page: 0,
    t: 0,
    timeOrigin: 0,
    crossOriginIsolated: true,
    userAgent: 'x',
    viewport: { width: 1, height: 1, dpr: 1 },
    pointer,
  });

  it('takes the device of the scored answers; pen counts as touch', () => {
    const log = [page('fine'), input(1, 'pen'), response(2, 1), input(3, 'touch'), response(4, 3), input(5, 'mouse')];
    expect(answerDevices(log)).toEqual({ touch: 2, mouse: 0, keyboard: 0 });
    expect(deviceClassOf(log)).toBe('touch');
  });

  it("is 'mixed' when no class has 80 % of the answers", () => {
    const log = [input(1, 'touch'), response(2, 1), input(3, 'keyboard'), response(4, 3), input(5, 'touch'), response(6, 5), input(7, 'touch'), response(8, 7)];
    expect(deviceClassOf(log)).toBe('mixed');
    const log2 = [...log, input(9, 'touch'), response(10, 9)];
    expect(deviceClassOf(log2)).toBe('touch');
  });

  it('ignores untrusted inputs, separates games, and falls back to the pointer', () => {
    const log = [page('coarse'), input(1, 'keyboard', false), response(2, 1), input(3, 'mouse'), response(4, 3, 'corsi')];
    expect(deviceClassOf(log, 'reaction')).toBe('touch');
    expect(deviceClassOf(log, 'corsi')).toBe('mouse');
    expect(deviceClassOf([page('none')])).toBe('keyboard');
  });
});
