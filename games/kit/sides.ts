import type { CapturedInput, TestAction } from '../../src/runtime/game-contract.ts';

export type SideAnswer = 'left' | 'right';

/** ← for arrow-key users; F / A and J / L for touch typists (home-row keys under the index and little fingers). */
const LEFT_KEYS = new Set(['ArrowLeft', 'f', 'F', 'a', 'A']);
const RIGHT_KEYS = new Set(['ArrowRight', 'j', 'J', 'l', 'L']);

/**
 * The one left/right answer of every two-choice game: a left or right key, or a tap or click on that half of the
 * stage. Any other key, or a pointer outside the stage, is no answer (null): Tab, Escape and the like stay the browser's.
 */
export function readSide(input: CapturedInput): SideAnswer | null {
  if (input.device === 'keyboard') {
    const key = input.key ?? '';
    if (LEFT_KEYS.has(key)) return 'left';
    if (RIGHT_KEYS.has(key)) return 'right';
    return null;
  }
  if (!onStage(input)) return null;
  return (input.x as number) < 0.5 ? 'left' : 'right';
}

/** Whether a pointer input landed on the stage (keys have no position). */
export function onStage(input: CapturedInput): boolean {
  return input.x !== undefined && input.y !== undefined && input.x >= 0 && input.x <= 1 && input.y >= 0 && input.y <= 1;
}

/** The browser tests' answer on one side: its arrow key. */
export function pressSide(side: unknown): TestAction {
  return { kind: 'key', key: side === 'left' ? 'ArrowLeft' : 'ArrowRight' };
}
