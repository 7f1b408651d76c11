import { describe, expect, it } from 'vitest';
import { BOARD, boardGeometry, hitTest, MIN_BLOCK_PX, moveFocus, START_BLOCK, type Heading } from './board.ts';
import { keyAction, tappedBlock } from './responses.ts';

const stages = [
  [360, 640], // phone portrait, the main target
  [412, 915],
  [1280, 720], // desktop
  [1920, 1080],
  [768, 1024],
] as const;

describe('Corsi board', () => {
  it('has nine blocks, irregularly placed, far enough apart never to touch', () => {
    expect(BOARD).toHaveLength(9);
    expect(new Set(BOARD.map((p) => p.x)).size).toBeGreaterThan(6);
    let min = Infinity;
    BOARD.forEach((a, i) =>
      BOARD.forEach((b, j) => {
        if (i < j) min = Math.min(min, Math.hypot(a.x - b.x, a.y - b.y));
      }),
    );
    expect(min).toBeGreaterThan(0.25);
  });

  it.each(stages)('fits a %i×%i stage with blocks of at least 44 px that neither overlap nor leave the stage', (w, h) => {
    const g = boardGeometry(w, h);
    expect(g.block).toBeGreaterThanOrEqual(MIN_BLOCK_PX);
    for (const c of g.centres) {
      expect(c.x - g.block / 2).toBeGreaterThanOrEqual(0);
      expect(c.x + g.block / 2).toBeLessThanOrEqual(w);
      expect(c.y - g.block / 2).toBeGreaterThanOrEqual(40);
      expect(c.y + g.block / 2).toBeLessThan(g.slotsY - 10);
    }
    expect(g.slotsY).toBeLessThan(h);
    g.centres.forEach((a, i) =>
      g.centres.forEach((b, j) => {
        if (i < j) expect(Math.max(Math.abs(a.x - b.x), Math.abs(a.y - b.y))).toBeGreaterThan(g.block + 8);
      }),
    );
  });

  it.each(stages)('hit-tests every block exactly on a %i×%i stage: centre, near edge, and gaps', (w, h) => {
    const g = boardGeometry(w, h);
    g.centres.forEach((c, i) => {
      expect(hitTest(g, c.x, c.y)).toBe(i);
      expect(hitTest(g, c.x + g.block * 0.55, c.y - g.block * 0.55)).toBe(i); // just outside the drawn corner
      expect(tappedBlock({ seq: 0, t: 0, device: 'touch', x: c.x / w, y: c.y / h }, w, h)).toBe(i);
    });
    expect(hitTest(g, 2, 2)).toBeNull();
    expect(hitTest(g, w / 2, g.slotsY)).toBeNull();
  });

  it('ignores keys and pointers without a position when hit-testing', () => {
    expect(tappedBlock({ seq: 0, t: 0, device: 'keyboard', key: 'Enter' }, 360, 640)).toBeNull();
    expect(tappedBlock({ seq: 0, t: 0, device: 'mouse' }, 360, 640)).toBeNull();
  });

  it('lets the arrow keys reach every block from the start block, and Enter or Space tap', () => {
    const headings: Heading[] = ['up', 'down', 'left', 'right'];
    const reached = new Set([START_BLOCK]);
    const queue = [START_BLOCK];
    while (queue.length > 0) {
      const from = queue.shift() as number;
      for (const h of headings) {
        const to = moveFocus(from, h);
        if (!reached.has(to)) {
          reached.add(to);
          queue.push(to);
        }
      }
    }
    expect(reached.size).toBe(9);
    // Moves go the way the arrow points.
    for (let b = 0; b < 9; b++) {
      const p = BOARD[b];
      if (!p) continue;
      expect(BOARD[moveFocus(b, 'right')]?.x ?? Infinity).toBeGreaterThanOrEqual(p.x);
      expect(BOARD[moveFocus(b, 'up')]?.y ?? -Infinity).toBeLessThanOrEqual(p.y);
    }
    expect(keyAction('ArrowLeft')).toEqual({ kind: 'move', heading: 'left' });
    expect(keyAction('Enter')).toEqual({ kind: 'select' });
    expect(keyAction(' ')).toEqual({ kind: 'select' });
    expect(keyAction('5')).toBeNull();
    expect(keyAction(undefined)).toBeNull();
  });
});
