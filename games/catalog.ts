/**
 * Every game, one line each: the only place a game is registered besides its own folder (docs/adding-a-game.md).
 * Explicit imports rather than a folder scan, because the worker, the issuer (Node) and the tests all import the
 * registry; the order here is the registry's order (the domain model and the algorithm card follow it).
 */
export { reaction } from './reaction/index.ts';
export { stop } from './stop/index.ts';
export { flanker } from './flanker/index.ts';
export { taskSwitch } from './switch/index.ts';
export { corsi } from './corsi/index.ts';
export { reversal } from './reversal/index.ts';
