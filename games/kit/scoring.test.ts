import { describe, expect, it } from 'vitest';
import type { BlockEndEvent, FrameStats, LogEvent } from '../../src/log/events.ts';
import type { GameDesign } from '../../src/runtime/game-contract.ts';
import { playFlags } from './scoring.ts';

const design = { blocks: [{ kind: 'practice' }, { kind: 'test' }] } as unknown as GameDesign<unknown>;

function blockEnd(block: number, frames: Partial<FrameStats>): BlockEndEvent {
  const base: FrameStats = { frames: 600, refreshHz: 60, medianIntervalMs: 16.7, intervalSdMs: 1, droppedInStimulus: 0, trialsWithDrops: 0 };
  return { type: 'block-end', seq: 0, t: 0, game: 'g', block, attempt: 0, points: 0, frames: { ...base, ...frames } } as BlockEndEvent;
}

const flagsOf = (...events: LogEvent[]) => playFlags(events, 'g', design, 'the target was shown');

describe('playFlags: frame drops', () => {
  it('a log from before onsets were told apart flags every trial with drops, in the words it always had', () => {
    expect(flagsOf(blockEnd(1, { trialsWithDrops: 3, droppedInStimulus: 5 }))).toEqual([
      { code: 'frame-drops', detail: 'Block 1: 3 trial(s) lost frames while the target was shown (5 frames).', values: { block: 1, count: 3 } },
    ]);
  });

  it('frames lost after a measured onset are a stutter, not uncertain times', () => {
    expect(flagsOf(blockEnd(1, { trialsWithDrops: 3, trialsWithUncertainOnset: 0, droppedInStimulus: 5 }))).toEqual([
      {
        code: 'display-stutter',
        detail: 'Block 1: 3 trial(s) lost frames while the target was shown, after an onset measured at presentation: their times stand.',
        values: { block: 1, count: 3 },
      },
    ]);
  });

  it('splits a block into the uncertain trials and the stutter', () => {
    const flags = flagsOf(blockEnd(1, { trialsWithDrops: 3, trialsWithUncertainOnset: 1, droppedInStimulus: 5 }));
    expect(flags.map((f) => f.code)).toEqual(['frame-drops', 'display-stutter']);
    expect(flags[0]?.detail).toMatch(/^Block 1: 1 trial\(s\) lost frames .*onset not measured/);
    expect(flags[1]?.detail).toMatch(/^Block 1: 2 trial\(s\)/);
    // The counts the details state, as data for the screens' words (src/shell/flag-messages.ts).
    expect(flags.map((f) => f.values)).toEqual([
      { block: 1, count: 1 },
      { block: 1, count: 2 },
    ]);
  });

  it('practice blocks raise nothing', () => {
    expect(flagsOf(blockEnd(0, { trialsWithDrops: 3, trialsWithUncertainOnset: 3, droppedInStimulus: 5 }))).toEqual([]);
  });
});
