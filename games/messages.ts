/** The words of every registered game, from the manifests (the type: GameMessages in src/runtime/game-contract.ts). */
import type { GameMessages } from '../src/runtime/game-contract.ts';
import { GAMES } from './registry.ts';

export const GAME_MESSAGES: readonly GameMessages[] = Object.values(GAMES).map((game) => game.messages);
