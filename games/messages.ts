/** The words of every registered game, merged per language (see src/i18n/game-messages.ts). */
import type { GameMessages } from '../src/i18n/game-messages.ts';
import { reactionMessages } from './reaction/messages.ts';

export const GAME_MESSAGES: readonly GameMessages[] = [reactionMessages];
