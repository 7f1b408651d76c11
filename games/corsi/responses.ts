import type { CapturedInput, TestResponder } from '../../src/runtime/game-contract.ts';
import { boardGeometry, hitTest, type Heading } from './board.ts';
import type { CorsiTrial } from './design.ts';
import { expectedTaps } from './rules.ts';

/**
 * Keyboard play: the arrow keys move a focus ring from block to block, Enter or Space taps the focused block.
 * Deliberately not number keys: digits printed on the blocks would let a candidate rehearse the sequence as a
 * spoken number list and turn a visuospatial span into a digit span (the wooden board hides its numbers from the
 * candidate for the same reason).
 */
export type KeyAction = { kind: 'move'; heading: Heading } | { kind: 'select' };

const MOVES: Readonly<Record<string, Heading>> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };
const SELECT = new Set(['Enter', ' ', 'Spacebar']);

export function keyAction(key: string | undefined): KeyAction | null {
  if (key === undefined) return null;
  const heading = MOVES[key];
  if (heading) return { kind: 'move', heading };
  return SELECT.has(key) ? { kind: 'select' } : null;
}

/** The block a mouse, touch or pen input hits on a w×h stage; null for keys and for taps beside every block. */
export function tappedBlock(input: CapturedInput, w: number, h: number): number | null {
  if (input.device === 'keyboard' || input.x === undefined || input.y === undefined) return null;
  return hitTest(boardGeometry(w, h), input.x * w, input.y * h);
}

/** Browser tests: the right blocks in the right order, tapped on the board with a short pause between taps. */
export const testResponder: TestResponder<CorsiTrial> = (_onset, trial, stage) => {
  const g = boardGeometry(stage.w, stage.h);
  return expectedTaps(trial).flatMap((block) => {
    const c = g.centres[block];
    return c
      ? [
          { kind: 'tap' as const, x: c.x / stage.w, y: c.y / stage.h },
          { kind: 'wait' as const, ms: 120 },
        ]
      : [];
  });
};
