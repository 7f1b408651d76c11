/**
 * Words of features that live outside the shell dictionaries (profile, credential), in the same shape as a game's:
 * one record per language. Each feature keeps its words beside its code; this list merges them for tDynamic.
 */
import { CREDENTIAL_MESSAGES } from '../credential/messages.ts';
import { profileMessages } from '../scoring/messages.ts';
import { DEVICE_CHECK_MESSAGES } from '../runtime/device-check-messages.ts';
import type { GameMessages as MessageBundle } from './game-messages.ts';

export const FEATURE_MESSAGES: readonly MessageBundle[] = [profileMessages, CREDENTIAL_MESSAGES, DEVICE_CHECK_MESSAGES];
