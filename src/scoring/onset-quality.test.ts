import { describe, expect, it } from 'vitest';
import type { LogEvent, PageStartEvent } from '../log/events.ts';
import { onsetRuleFlag, onsetRuleSummary } from './onset-quality.ts';

const page = (presentation?: PageStartEvent['presentation']): LogEvent => ({
  type: 'page-start',
  seq: 0,
  page: 0,
  t: 0,
  timeOrigin: 1.7e12,
  crossOriginIsolated: true,
  userAgent: 'x',
  viewport: { width: 1, height: 1, dpr: 1 },
  pointer: 'fine',
  ...(presentation ? { presentation } : {}),
});
const stimulus = (seq: number, presentedAt?: number): LogEvent => ({
  type: 'stimulus',
  seq,
  page: 0,
  t: 100 * seq,
  drawnAt: 100 * seq - 16,
  name: 'target',
  game: 'g',
  block: 0,
  trial: seq,
  ...(presentedAt === undefined ? {} : { presentedAt }),
});

describe('onset rule per session', () => {
  it('an old log (no capability recorded) gets no flag', () => {
    expect(onsetRuleFlag([page(), stimulus(1)], 'g')).toBeNull();
  });

  it('a browser without Element Timing is flagged: all onsets follow the rAF rule', () => {
    const events = [page('none'), stimulus(1), stimulus(2)];
    expect(onsetRuleSummary(events, 'g')).toEqual({ presentation: 'none', presented: 0, raf: 2 });
    expect(onsetRuleFlag(events, 'g')?.code).toBe('onsets-raf-rule');
  });

  it('a measuring browser: no flag when every onset was measured, a count when some were not', () => {
    expect(onsetRuleFlag([page('element-timing'), stimulus(1, 105), stimulus(2, 205)], 'g')).toBeNull();
    const partly = onsetRuleFlag([page('element-timing'), stimulus(1, 105), stimulus(2)], 'g');
    expect(partly).toEqual({
      code: 'onsets-partly-measured',
      detail: '1 of 2 stimulus onsets were not measured in time and follow the rAF rule.',
      values: { count: 1, total: 2 },
    });
  });
});
