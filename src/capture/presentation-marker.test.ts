import { describe, expect, it } from 'vitest';
import { MARKER_ID_PREFIX, PresentationMarker, type ElementEntry, type MarkerEnvironment } from './presentation-marker.ts';

/** A fake browser: records inserted markers, lets the test deliver element entries and expire deadlines by hand. */
function fakeEnvironment(supported = true) {
  let deliver: ((entries: ElementEntry[]) => void) | null = null;
  const deadlines: (() => void)[] = [];
  const inserted: string[] = [];
  let observers = 0;
  let cleared = 0;
  const env: MarkerEnvironment = {
    supported,
    insert: (id) => void inserted.push(id),
    clear: () => void cleared++,
    observe(onEntries) {
      observers++;
      deliver = onEntries;
      return () => (deliver = null);
    },
    wait: () => new Promise((r) => deadlines.push(r)),
  };
  return {
    env,
    inserted,
    observers: () => observers,
    cleared: () => cleared,
    entry: (e: ElementEntry) => deliver?.([e]),
    expire: async () => {
      for (const r of deadlines.splice(0)) r();
      await Promise.resolve();
    },
  };
}

describe('PresentationMarker', () => {
  it('measured: resolves with the presentation and paint time of the entry for its own marker', async () => {
    const b = fakeEnvironment();
    const m = new PresentationMarker(b.env);
    const p = m.mark();
    expect(b.inserted).toEqual([`${MARKER_ID_PREFIX}0`]);
    b.entry({ identifier: 'someone-else', presentationTime: 1 });
    b.entry({ identifier: `${MARKER_ID_PREFIX}0`, presentationTime: 1016.5, paintTime: 1003.2 });
    await expect(p).resolves.toEqual({ presentedAt: 1016.5, paintedAt: 1003.2 });
  });

  it('missing: a browser without Element Timing gets no marker, no observer, and null at once', async () => {
    const b = fakeEnvironment(false);
    const m = new PresentationMarker(b.env);
    await expect(m.mark()).resolves.toBeNull();
    expect(b.inserted).toEqual([]);
    expect(b.observers()).toBe(0);
  });

  it('missing: an entry without presentationTime (paint only) is not a measured presentation', async () => {
    const b = fakeEnvironment();
    const m = new PresentationMarker(b.env);
    const p = m.mark();
    b.entry({ identifier: `${MARKER_ID_PREFIX}0`, paintTime: 1003.2, presentationTime: 0 });
    await expect(p).resolves.toBeNull();
  });

  it('late entry: past the deadline the stimulus resolves null, and the late entry is never given to the next one', async () => {
    const b = fakeEnvironment();
    const m = new PresentationMarker(b.env);
    const first = m.mark();
    await b.expire();
    await expect(first).resolves.toBeNull();
    const second = m.mark();
    b.entry({ identifier: `${MARKER_ID_PREFIX}0`, presentationTime: 500 }); // the first one's, too late
    b.entry({ identifier: `${MARKER_ID_PREFIX}1`, presentationTime: 700 });
    await expect(second).resolves.toEqual({ presentedAt: 700 });
  });

  it('marker reuse across a resume: one observer per page, a fresh identifier per stimulus, old entries ignored', async () => {
    const b = fakeEnvironment();
    const m = new PresentationMarker(b.env);
    // Block runs, trial 3's stimulus is drawn, then an interruption stops the block before its entry arrives.
    const before = m.mark();
    await b.expire();
    await expect(before).resolves.toBeNull();
    // The candidate continues: the same trial is drawn again on the same page.
    const again = m.mark();
    expect(b.inserted).toEqual([`${MARKER_ID_PREFIX}0`, `${MARKER_ID_PREFIX}1`]);
    expect(b.observers()).toBe(1);
    b.entry({ identifier: `${MARKER_ID_PREFIX}0`, presentationTime: 100 });
    const settled = await Promise.race([again, Promise.resolve('pending')]);
    expect(settled).toBe('pending');
    b.entry({ identifier: `${MARKER_ID_PREFIX}1`, presentationTime: 200, paintTime: 190 });
    await expect(again).resolves.toEqual({ presentedAt: 200, paintedAt: 190 });
  });

  it('dispose resolves pending marks null and removes the marker', async () => {
    const b = fakeEnvironment();
    const m = new PresentationMarker(b.env);
    const p = m.mark();
    m.dispose();
    await expect(p).resolves.toBeNull();
    expect(b.cleared()).toBe(1);
  });
});
