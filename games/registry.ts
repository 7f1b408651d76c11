/**
 * Every game the runtime can run, by id. The runtime, worker and issuer know games only through these manifests.
 * Importing this file never loads Phaser: scenes are loaded on demand by `loadScene()`.
 */
import type { AnyGameManifest } from '../src/runtime/game-contract.ts';
import { reaction } from './reaction/index.ts';

export const GAMES: Readonly<Record<string, AnyGameManifest>> = {
  [reaction.id]: reaction,
};

export function gameById(id: string): AnyGameManifest {
  const game = GAMES[id];
  if (!game) throw new Error(`Unknown game "${id}"`);
  return game;
}
