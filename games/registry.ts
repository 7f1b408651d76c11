/**
 * Every game the runtime can run, by id. The runtime, worker and issuer know games only through these manifests.
 * Importing this file never loads Phaser: scenes are loaded on demand through games/scenes.ts.
 */
import type { AnyGameManifest } from '../src/runtime/game-contract.ts';
import { corsi } from './corsi/index.ts';
import { flanker } from './flanker/index.ts';
import { reaction } from './reaction/index.ts';
import { reversal } from './reversal/index.ts';
import { stop } from './stop/index.ts';
import { taskSwitch } from './switch/index.ts';

export const GAMES: Readonly<Record<string, AnyGameManifest>> = {
  [reaction.id]: reaction,
  [stop.id]: stop,
  [flanker.id]: flanker,
  [taskSwitch.id]: taskSwitch,
  [corsi.id]: corsi,
  [reversal.id]: reversal,
};

export function gameById(id: string): AnyGameManifest {
  const game = GAMES[id];
  if (!game) throw new Error(`Unknown game "${id}"`);
  return game;
}
