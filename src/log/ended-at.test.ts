import { describe, expect, it } from 'vitest';
import type { LogEvent } from './events.ts';
import { sessionEndedAt } from './ended-at.ts';

const start: LogEvent = { type: 'session-start', seq: 0, page: 0, t: 0, sessionId: 's', schema: 1, appVersion: '0.1.0', battery: 'reaction', lang: 'nl' };
const pageStart = (seq: number, page: number, timeOrigin: number): LogEvent => ({
  type: 'page-start',
  seq,
  page,
  t: 5,
  timeOrigin,
  crossOriginIsolated: false,
  userAgent: 'test',
  viewport: { width: 360, height: 640, dpr: 2 },
  pointer: 'coarse',
});

describe('sessionEndedAt', () => {
  it('is the session-end on the clock of its own page', () => {
    const events: LogEvent[] = [start, pageStart(1, 0, 1_000_000), { type: 'session-end', seq: 2, page: 0, t: 2500.4 }];
    expect(sessionEndedAt(events)).toBe(1_002_500);
  });

  it('uses the page the session ended on, not the first one, after a reload days later', () => {
    const day = 86_400_000;
    const events: LogEvent[] = [
      start,
      pageStart(1, 0, 1_000_000),
      { type: 'game-start', seq: 2, page: 0, t: 100, game: 'reaction', version: '1.0.0', seed: 1 },
      pageStart(3, 1, 1_000_000 + 3 * day),
      { type: 'session-end', seq: 4, page: 1, t: 60_000 },
    ];
    expect(sessionEndedAt(events)).toBe(1_000_000 + 3 * day + 60_000);
  });

  it('is null for an unfinished log, an empty one, and an end without its page-start', () => {
    expect(sessionEndedAt([start, pageStart(1, 0, 1_000_000)])).toBeNull();
    expect(sessionEndedAt([])).toBeNull();
    expect(sessionEndedAt([start, { type: 'session-end', seq: 1, page: 0, t: 10 }])).toBeNull();
  });
});
