/** How the browser tests answer each game: its manifest's testResponder (games/<id>/responses.ts). */
import { GAMES } from '../../games/registry.ts';
import type { Responder } from './driver.ts';

export const RESPONDERS: Readonly<Record<string, Responder>> = Object.fromEntries(Object.values(GAMES).map((game) => [game.id, game.testResponder]));

/** Answers whichever game the onset belongs to with that game's responder: a whole battery through one `play`. */
export const anyGame: Responder = (onset, trial, stage) => {
  const respond = RESPONDERS[onset.game];
  if (!respond) throw new Error(`No test responder for game "${onset.game}"`);
  return respond(onset, trial, stage);
};

/** The games tests/e2e/games.spec.ts plays: every registered one (the game contract test checks it). */
export const EVERY_GAME: readonly string[] = Object.keys(RESPONDERS);
