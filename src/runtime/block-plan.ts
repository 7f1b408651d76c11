import type { GameDesign } from './game-contract.ts';
import type { EndedBlock } from '../log/resume.ts';

/** A failed practice block runs once more; after that the game goes on and the failure stays in the log as a flag. */
export const MAX_PRACTICE_ATTEMPTS = 2;

/** The next block to run after `ended` (pure): blocks in design order; a failed practice block once again. */
export function nextBlock(design: GameDesign<unknown>, ended: readonly EndedBlock[]): { block: number; attempt: number } | null {
  for (let b = 0; b < design.blocks.length; b++) {
    const runs = ended.filter((e) => e.block === b);
    if (runs.length === 0) return { block: b, attempt: 0 };
    const last = runs[runs.length - 1] as EndedBlock;
    const spec = design.blocks[b];
    if (spec?.kind === 'practice' && last.passed === false && runs.length < MAX_PRACTICE_ATTEMPTS) {
      return { block: b, attempt: runs.length };
    }
  }
  return null;
}
