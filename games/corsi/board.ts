/**
 * The board: nine blocks at fixed, irregular places, and their geometry on a stage of any size.
 *
 * Everything here is a pure function of the stage size, so the scene draws and hit-tests with the very same numbers
 * (and the tests can check a phone's 360×640 stage without Phaser). The layout follows the spirit of the classic
 * wooden board (Corsi 1972; Kessels et al. 2000): no rows, columns or symmetry a candidate could name, and no block
 * hidden behind another, but on a square board so that it fits a phone in portrait.
 */

export interface Point {
  x: number;
  y: number;
}

/** Block centres on a unit board (x to the right, y down). Index = the block's id in designs and responses. */
export const BOARD: readonly Point[] = [
  { x: 0.14, y: 0.2 },
  { x: 0.5, y: 0.12 },
  { x: 0.84, y: 0.22 },
  { x: 0.33, y: 0.4 },
  { x: 0.68, y: 0.46 },
  { x: 0.12, y: 0.62 },
  { x: 0.47, y: 0.7 },
  { x: 0.86, y: 0.74 },
  { x: 0.26, y: 0.88 },
];

export const BLOCK_COUNT = BOARD.length;
/** Block side as a share of the board side. */
export const BLOCK_FRACTION = 0.16;
/** Smallest block side in px: the usual minimum touch target (WCAG 2.5.5, Apple HIG 44 pt). */
export const MIN_BLOCK_PX = 44;
const MAX_BLOCK_PX = 120;
/** A tap this far outside a block (as a share of its side, on each side) still counts: fingers are wide. */
export const HIT_TOLERANCE = 0.2;
/** Keyboard focus starts on the block nearest the board's centre. */
export const START_BLOCK = 4;

/** Room kept free above the board (points, direction icon) and below it (the answer slots), px. */
const TOP_BAR = 48;
const BOTTOM_BAR = 64;
const SIDE_MARGIN = 16;

export interface BoardGeometry {
  /** Board square in stage px. */
  left: number;
  top: number;
  side: number;
  /** Block side in px. */
  block: number;
  /** Block centres in stage px, by block index. */
  centres: Point[];
  /** Vertical centre of the row of answer slots. */
  slotsY: number;
}

export function boardGeometry(w: number, h: number): BoardGeometry {
  const side = Math.max(0, Math.min(w - 2 * SIDE_MARGIN, h - TOP_BAR - BOTTOM_BAR));
  const block = Math.min(MAX_BLOCK_PX, Math.max(MIN_BLOCK_PX, side * BLOCK_FRACTION));
  const left = (w - side) / 2;
  const top = TOP_BAR + Math.max(0, (h - TOP_BAR - BOTTOM_BAR - side) / 2);
  const centres = BOARD.map((p) => ({ x: left + p.x * side, y: top + p.y * side }));
  return { left, top, side, block, centres, slotsY: Math.min(h - BOTTOM_BAR / 2, top + side + BOTTOM_BAR / 2) };
}

/**
 * The block a pointer at stage px (px, py) hits: the nearest block whose square, widened by HIT_TOLERANCE, holds
 * the point; null for a tap beside every block.
 */
export function hitTest(g: BoardGeometry, px: number, py: number): number | null {
  const reach = (g.block / 2) * (1 + 2 * HIT_TOLERANCE);
  let best: number | null = null;
  let bestDistance = Infinity;
  g.centres.forEach((c, i) => {
    const dx = Math.abs(px - c.x);
    const dy = Math.abs(py - c.y);
    if (dx > reach || dy > reach) return;
    const d = Math.hypot(dx, dy);
    if (d < bestDistance) {
      bestDistance = d;
      best = i;
    }
  });
  return best;
}

export type Heading = 'up' | 'down' | 'left' | 'right';

const HEADINGS: Record<Heading, Point> = { up: { x: 0, y: -1 }, down: { x: 0, y: 1 }, left: { x: -1, y: 0 }, right: { x: 1, y: 0 } };

/**
 * Keyboard focus movement: from block `from`, the block that lies most nearly in the arrow's direction (within
 * about 63° of it, sideways distance weighted double); `from` itself when there is none.
 */
export function moveFocus(from: number, heading: Heading): number {
  const origin = BOARD[from];
  if (!origin) return START_BLOCK;
  const u = HEADINGS[heading];
  let best = from;
  let bestCost = Infinity;
  BOARD.forEach((p, i) => {
    if (i === from) return;
    const dx = p.x - origin.x;
    const dy = p.y - origin.y;
    const along = dx * u.x + dy * u.y;
    const across = Math.abs(dx * u.y - dy * u.x);
    if (along <= 0 || across > 2 * along) return;
    const cost = along + 2 * across;
    if (cost < bestCost) {
      bestCost = cost;
      best = i;
    }
  });
  return best;
}
