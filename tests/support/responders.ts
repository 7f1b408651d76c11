/** Correct (or deliberately simple) answers per game, for driving whole games through the automation hook. */
import { boardGeometry } from '../../games/corsi/board.ts';
import { expectedTaps } from '../../games/corsi/rules.ts';
import type { CorsiTrial } from '../../games/corsi/design.ts';
import { keyboardCorrect, type Responder } from './driver.ts';

const arrow = (side: unknown) => ({ kind: 'key' as const, key: side === 'left' ? 'ArrowLeft' : 'ArrowRight' });

export const RESPONDERS: Record<string, Responder> = {
  reaction: keyboardCorrect,
  // Answers every go trial and every other stop trial (by trial index): p(respond|signal) near one half, as the
  // staircase intends, so the game runs as long as it would for a real candidate.
  stop: (o, t) => (t['stop'] && o.trial % 2 === 1 ? [] : [arrow(t['direction'])]),
  flanker: (_o, t) => [arrow(t['target'])],
  switch: (_o, t) => [arrow(t['correct'])],
  // Always the option on the left: a non-learner, which is enough to play the game to its end.
  reversal: () => [arrow('left')],
  corsi: (_o, t, stage) => {
    const g = boardGeometry(stage.w, stage.h);
    return expectedTaps(t as unknown as CorsiTrial).flatMap((block) => {
      const c = g.centres[block];
      return c ? [{ kind: 'tap' as const, x: c.x / stage.w, y: c.y / stage.h }, { kind: 'wait' as const, ms: 120 }] : [];
    });
  },
};
