/** The words of every registered game, merged per language (the type: GameMessages in src/runtime/game-contract.ts). */
import type { GameMessages } from '../src/runtime/game-contract.ts';
import { corsiMessages } from './corsi/messages.ts';
import { flankerMessages } from './flanker/messages.ts';
import { reactionMessages } from './reaction/messages.ts';
import { reversalMessages } from './reversal/messages.ts';
import { stopMessages } from './stop/messages.ts';
import { switchMessages } from './switch/messages.ts';

export const GAME_MESSAGES: readonly GameMessages[] = [reactionMessages, stopMessages, flankerMessages, switchMessages, corsiMessages, reversalMessages];
