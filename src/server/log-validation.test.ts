import { describe, expect, it } from 'vitest';
import type { LogEvent } from '../log/events.ts';
import { simulatedSession } from './fixtures/session-log.ts';
import { createLogValidator, LogRejected } from './log-validation.ts';

/** A simulated session as a measuring browser records it: capability on page-start, presentation per stimulus. */
function measuredLog(presentAfterDrawMs: number): LogEvent[] {
  return simulatedSession({ battery: 'short', seed: 5 }).map((e) =>
    e.type === 'page-start'
      ? { ...e, presentation: 'element-timing' as const }
      : e.type === 'stimulus'
        ? { ...e, presentedAt: e.drawnAt + presentAfterDrawMs, paintedAt: e.drawnAt + 3 }
        : e,
  );
}

describe('log validation of measured onsets', () => {
  const validate = createLogValidator({ maxEvents: 100_000 });

  it('accepts the presentation capability and the presentation and paint times of stimuli', () => {
    expect(validate(measuredLog(20)).length).toBeGreaterThan(100);
  });

  it('refuses a presentation more than a second after the frame that drew the stimulus', () => {
    expect(() => validate(measuredLog(1500))).toThrow(LogRejected);
  });

  it('a response between the drawing frame and the presentation is an anticipation, not an impossible response', () => {
    const events = measuredLog(40);
    const target = events.find((e) => e.type === 'stimulus' && e.game === 'reaction' && e.block === 1 && e.name === 'target');
    if (target?.type !== 'stimulus') throw new Error('no target');
    const response = events.find((e) => e.type === 'response' && e.game === 'reaction' && e.block === target.block && e.trial === target.trial);
    if (response?.type !== 'response') throw new Error('no response');
    const input = events[response.input];
    if (input?.type !== 'input') throw new Error('no input');
    input.t = response.t = target.drawnAt + 10; // after the draw, before presentation: rt −30 ms
    expect(() => validate(events)).not.toThrow();
    input.t = response.t = target.drawnAt - 10; // before the frame that drew it
    expect(() => validate(events)).toThrow(/before the target/);
  });
});
