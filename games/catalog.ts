/**
 * Every game, an import and a place in CATALOG each: the only place a game is registered besides its own folder (docs/adding-a-game.md).
 * Explicit imports rather than a folder scan, because the worker, the issuer (Node) and the tests all import the
 * registry. The order of CATALOG is the registry's order (the standard battery's; the domain model and the algorithm
 * card follow it): a module namespace's keys are sorted by name in one loader and kept in source order in another,
 * so the order is a list, never the order of the exports.
 */
import type { AnyGameManifest } from '../src/runtime/game-contract.ts';
import { corsi } from './corsi/index.ts';
import { flanker } from './flanker/index.ts';
import { reaction } from './reaction/index.ts';
import { reversal } from './reversal/index.ts';
import { stop } from './stop/index.ts';
import { taskSwitch } from './switch/index.ts';

export const CATALOG: readonly AnyGameManifest[] = [reaction, stop, flanker, taskSwitch, corsi, reversal];
