import { describe, expect, it } from 'vitest';
import type { TrialRecord } from '../../src/log/trials.ts';
import { stopDesign, type StopDesign } from './design.ts';
import { nextSsd, prescribedSsds, SSD_START_MS, ssdAfter } from './staircase.ts';

function record(design: StopDesign, block: number, trial: number, responded: boolean, attempt = 0): TrialRecord {
  return {
    game: 'stop',
    block,
    kind: design.blocks[block]?.kind ?? 'test',
    attempt,
    trial,
    page: 0,
    start: 0,
    end: 1,
    endReason: responded ? 'response' : 'timeout',
    onsets: { target: 0 },
    onsetRules: { target: 'raf' },
    params: {},
    responses: responded ? [{ value: 'left', t: 400, rt: 400, device: 'keyboard', inputSeq: 1 }] : [],
  };
}

/** Indices of the stop trials of a block. */
const stopIndices = (design: StopDesign, block: number) => (design.blocks[block]?.trials ?? []).flatMap((t, i) => (t.stop ? [i] : []));

describe('SSD staircase', () => {
  it('steps 50 ms up after a stop and down after a failed stop, within 0–850 ms', () => {
    expect(nextSsd(250, false)).toBe(300);
    expect(nextSsd(250, true)).toBe(200);
    expect(nextSsd(0, true)).toBe(0);
    expect(nextSsd(850, false)).toBe(850);
    expect(nextSsd(50, true)).toBe(0);
  });

  it('starts at 250 ms and is rebuilt from completed trials, practice included, in play order', () => {
    const d = stopDesign(11);
    expect(ssdAfter(d, [])).toBe(SSD_START_MS);
    const practice = stopIndices(d, 1);
    const test = stopIndices(d, 2);
    // Practice: stop, stop, fail → 300, 350, 300. Test: fail → 250. Go trials never move it.
    const trials = [
      record(d, 1, practice[0] as number, false),
      record(d, 1, practice[1] as number, false),
      record(d, 1, practice[2] as number, true),
      record(d, 2, 0, true), // a go trial with a response
      record(d, 2, test[0] as number, true),
    ];
    expect(ssdAfter(d, trials)).toBe(250);
    expect(ssdAfter(d, [...trials].reverse())).toBe(250);
    expect(prescribedSsds(d, trials).map((p) => p.ssd)).toEqual([250, 300, 350, 300]);
  });

  it('continues over a repeated practice attempt in attempt order', () => {
    const d = stopDesign(3);
    const practice = stopIndices(d, 1);
    const first = practice.map((i) => record(d, 1, i, false, 0)); // 250 → 300 → 350 → 400
    const second = practice.map((i) => record(d, 1, i, true, 1)); // 400 → 350 → 300 → 250
    expect(ssdAfter(d, [...second, ...first])).toBe(250);
    expect(prescribedSsds(d, [...second, ...first]).map((p) => p.ssd)).toEqual([250, 300, 350, 400, 350, 300]);
  });

  it('gives a resumed block the SSD the uninterrupted run would have had', () => {
    const d = stopDesign(5);
    const all = [1, 2, 3].flatMap((b) => stopIndices(d, b).map((i, k) => record(d, b, i, (i + k) % 3 === 0)));
    // Live: fold one trial at a time. Resume: rebuild from the prefix at every point.
    let live = SSD_START_MS;
    all.forEach((t, n) => {
      expect(ssdAfter(d, all.slice(0, n))).toBe(live);
      live = nextSsd(live, t.responses.length > 0);
    });
    expect(ssdAfter(d, all)).toBe(live);
  });

  it('ignores trials of other games', () => {
    const d = stopDesign(5);
    const other = { ...record(d, 2, stopIndices(d, 2)[0] as number, false), game: 'reaction' };
    expect(ssdAfter(d, [other])).toBe(SSD_START_MS);
  });
});
