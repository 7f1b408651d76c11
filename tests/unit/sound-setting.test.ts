import { describe, expect, it } from 'vitest';
import { profileFromLog } from '../../src/scoring/build-profile.ts';
import { scoreSession } from '../../src/scoring/score-game.ts';
import { createLogValidator, LogRejected } from '../../src/server/log-validation.ts';
import { simulatedSession } from '../../src/server/fixtures/session-log.ts';
import { makeBackup, parseBackup } from '../../src/worker/backup.ts';
import type { LogEvent } from '../../src/log/events.ts';
import { soundAt, soundByBlock } from '../../src/log/sound.ts';

/** `log` with a sound-setting event inserted after each index of `at` (in the order given), seq renumbered. */
function withSound(log: readonly LogEvent[], at: { after: number; on: boolean }[]): LogEvent[] {
  const out: LogEvent[] = [];
  log.forEach((e, i) => {
    out.push({ ...e });
    for (const s of at.filter((x) => x.after === i)) out.push({ type: 'sound-setting', on: s.on, seq: 0, page: e.page, t: e.t });
  });
  // Responses name their input by seq: map old seqs to new ones.
  const moved = new Map<number, number>();
  let seq = 0;
  for (const e of out) {
    if (e.type !== 'sound-setting') moved.set(e.seq, seq);
    e.seq = seq++;
  }
  for (const e of out) if (e.type === 'response') e.input = moved.get(e.input) ?? -1;
  return out;
}

const log = simulatedSession({ battery: 'short', seed: 3 });
/** Where a runner logs the setting of a new session: after its consent (the simulated log has none: its page-start). */
const consentAt = Math.max(
  log.findIndex((e) => e.type === 'consent'),
  log.findIndex((e) => e.type === 'page-start'),
);
const blockStarts = log.flatMap((e, i) => (e.type === 'block-start' ? [i] : []));
/** A trial-start inside the second block: a switch made on the pause screen. */
const midSecondBlock = log.findIndex((e, i) => i > (blockStarts[1] ?? 0) && e.type === 'trial-start');

describe('feedback sound in the log', () => {
  it('has its fixture', () => expect(consentAt).toBeGreaterThan(0));

  it('is off unless the log says otherwise (every log recorded before sound existed)', () => {
    expect(soundAt(log)).toBe(false);
    expect(soundByBlock(log).every((b) => b.sound === 'off')).toBe(true);
    expect(soundByBlock(log)).toHaveLength(blockStarts.length);
  });

  it('gives the setting at any point and per block: on from consent, switched off during the second block', () => {
    const events = withSound(log, [
      { after: consentAt, on: true },
      { after: midSecondBlock, on: false },
    ]);
    expect(soundAt(events, consentAt + 1)).toBe(false);
    expect(soundAt(events, consentAt + 2)).toBe(true);
    expect(soundAt(events)).toBe(false);
    const blocks = soundByBlock(events);
    expect(blocks.map((b) => b.sound)).toEqual(['on', 'mixed', ...blocks.slice(2).map(() => 'off')]);
    expect(blocks[0]).toMatchObject({ game: 'reaction', block: 0, attempt: 0 });
  });

  it('validates on the issuer and scores exactly as the same log without it', () => {
    const validate = createLogValidator({ maxEvents: 100_000 });
    const events = withSound(log, [
      { after: consentAt, on: true },
      { after: midSecondBlock, on: false },
    ]);
    expect(validate(events)).toHaveLength(log.length + 2);
    expect(validate(log)).toHaveLength(log.length); // an old log, unchanged
    expect(JSON.stringify(scoreSession(events))).toBe(JSON.stringify(scoreSession(log)));
    expect(JSON.stringify(profileFromLog(events))).toBe(JSON.stringify(profileFromLog(log)));
  });

  it('is refused by the issuer with anything riding along or a state that is not a boolean', () => {
    const validate = createLogValidator({ maxEvents: 100_000 });
    const events = withSound(log, [{ after: consentAt, on: true }]);
    const extra = events.map((e) => (e.type === 'sound-setting' ? { ...e, volume: 1 } : e));
    expect(() => validate(extra)).toThrow(LogRejected);
    const loose = events.map((e) => (e.type === 'sound-setting' ? { ...e, on: 'yes' } : e));
    expect(() => validate(loose)).toThrow(/event schema/);
  });

  it('travels in a backup and is imported again', () => {
    const events = withSound(log, [{ after: consentAt, on: true }]);
    const first = events[0];
    if (first?.type !== 'session-start') throw new Error('no session-start');
    const backup = makeBackup({ sessionId: first.sessionId, battery: first.battery, startedAt: 1, finished: true, mode: 'practice' }, events);
    expect(parseBackup(JSON.stringify(backup)).events.filter((e) => e.type === 'sound-setting')).toEqual([events[consentAt + 1]]);
  });
});
