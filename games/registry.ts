/**
 * Every game the runtime can run, by id, from the manifests in games/catalog.ts. The runtime, worker and issuer know
 * games only through these manifests. Importing this file never loads Phaser: scenes are loaded on demand through
 * games/scenes.ts.
 */
import type { AnyGameManifest } from '../src/runtime/game-contract.ts';
import { CATALOG } from './catalog.ts';

export const GAMES: Readonly<Record<string, AnyGameManifest>> = Object.fromEntries(CATALOG.map((game) => [game.id, game]));

export function gameById(id: string): AnyGameManifest {
  const game = GAMES[id];
  if (!game) throw new Error(`Unknown game "${id}"`);
  return game;
}
