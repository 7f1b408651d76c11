/**
 * Words of features that live outside the shell dictionaries (profile, credential, integrity), in the same shape as a
 * game's: one record per language. Each feature keeps its words beside its code; this list merges them for
 * tDynamic. Features above this layer (the shell's session texts, the coach workspace) register their bundle with
 * `registerMessages` instead, so that no import points up.
 */
import { CREDENTIAL_MESSAGES } from '../credential/messages.ts';
import { INTEGRITY_MESSAGES } from '../integrity/messages.ts';
import type { GameMessages as MessageBundle } from '../runtime/game-contract.ts';
import { profileMessages } from '../scoring/messages.ts';

export const FEATURE_MESSAGES: readonly MessageBundle[] = [profileMessages, CREDENTIAL_MESSAGES, INTEGRITY_MESSAGES];
