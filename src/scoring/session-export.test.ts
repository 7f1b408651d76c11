import { describe, expect, it } from 'vitest';
import { parseSessionExports, SessionExportError, sessionExportFile, sessionExportFromLog } from './session-export.ts';
import { joinSessionLog, simulateGame, typicalAbilities } from './testing/simulated-sessions.ts';

const log = joinSessionLog([simulateGame('reaction', typicalAbilities(), 1), simulateGame('corsi', typicalAbilities(), 1)], 'touch');

describe('session exports', () => {
  it('hold only scores, device class, age band and group labels', () => {
    const e = sessionExportFromLog(log, { id: 'a1', ageBand: '20-29', groups: { cohort: 'x' } });
    expect(Object.keys(e)).toEqual(['id', 'deviceClass', 'gameDevices', 'ageBand', 'groups', 'games']);
    expect(e.deviceClass).toBe('touch');
    expect(e.games.map((g) => g.game)).toEqual(['reaction', 'corsi']);
    expect(JSON.stringify(e)).not.toMatch(/userAgent|timeOrigin|sessionId/);
  });

  it('parse from a file object, a JSON array or JSON Lines', () => {
    const e = sessionExportFromLog(log, { id: 'a1' });
    const f = sessionExportFile([e, { ...e, id: 'a2' }]);
    expect(parseSessionExports(JSON.stringify(f, null, 2)).map((s) => s.id)).toEqual(['a1', 'a2']);
    expect(parseSessionExports(JSON.stringify(f.sessions)).map((s) => s.id)).toEqual(['a1', 'a2']);
    expect(parseSessionExports(f.sessions.map((s) => JSON.stringify(s)).join('\n')).map((s) => s.id)).toEqual(['a1', 'a2']);
    expect(parseSessionExports(JSON.stringify(e)).map((s) => s.id)).toEqual(['a1']);
  });

  it('refuse personal data and malformed sessions with a clear error', () => {
    const e = sessionExportFromLog(log, { id: 'a1' });
    expect(() => parseSessionExports(JSON.stringify([{ ...e, name: 'Jan' }]), 'x.json')).toThrow(/x\.json: session 0: field "name" is not allowed/);
    expect(() => parseSessionExports(JSON.stringify([{ ...e, id: 'jan@example.org' }]))).toThrow(SessionExportError);
    expect(() => parseSessionExports(JSON.stringify([{ ...e, ageBand: '23' }]))).toThrow(/ageBand/);
    expect(() => parseSessionExports(JSON.stringify({ format: 'other', version: 1, sessions: [] }))).toThrow(/format must be/);
    expect(() => parseSessionExports('{"id":"a"}\nnot json')).toThrow(/line 2 is not JSON/);
  });
});
