import type { BlockSpec } from '../../src/runtime/game-contract.ts';

/**
 * A game's run of test blocks: the first introduced by `<game>.test`, every later one by `<game>.testAgain` (its
 * words say the same task comes again, so the candidate does not expect a new rule). `trials` is called once per
 * block, in block order, so a seeded generator draws exactly as a hand-written loop would.
 */
export function testBlocks<T>(game: string, count: number, demo: string, trials: () => T[]): BlockSpec<T>[] {
  return Array.from({ length: count }, (_, i) => ({
    kind: 'test' as const,
    instruction: i === 0 ? `${game}.test` : `${game}.testAgain`,
    demo,
    trials: trials(),
  }));
}
