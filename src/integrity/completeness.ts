/**
 * Completeness: every game of the battery completed, every trial of every test block of each game's design completed
 * (a trial interrupted and re-run counts once: `pairTrials` keeps its last completed run), and the session ended.
 *
 * POLICY FOR AN INCOMPLETE BATTERY: no credential. The battery — and with it the games a credential covers — is fixed
 * when the certified session is created, before any game is played. A credential for whichever games happened to be
 * finished would let a candidate drop the game that went badly and keep the rest (cherry-picking), and a verifier could
 * not tell. A candidate who wants fewer games chooses a shorter battery (`short`, or one game alone) at the start; the
 * credential then says exactly which games it covers (`Assurance.games`).
 */
import { GAMES } from '../../games/registry.ts';
import type { LogEvent } from '../log/events.ts';
import { pairTrials } from '../log/trials.ts';
import { BATTERIES } from '../runtime/batteries.ts';
import { GAME_RULES } from './game-rules.ts';
import type { Refusal } from './record.ts';

export interface Coverage {
  /** Games of the log that completed (game-end), in play order. */
  completed: string[];
  refusals: Refusal[];
}

export function completenessRefusals(events: readonly LogEvent[], battery: string): Coverage {
  const refusals: Refusal[] = [];
  const spec = BATTERIES[battery];
  const completed = [...new Set(events.filter((e) => e.type === 'game-end').map((e) => (e as { game: string }).game))];
  if (!spec) return { completed, refusals: [{ code: 'games-missing', message: `The battery "${battery}" is unknown, so its games cannot be checked.` }] };

  const missingGames = spec.games.filter((g) => !completed.includes(g));
  if (missingGames.length) {
    refusals.push({
      code: 'games-missing',
      message: `The battery "${battery}" has ${spec.games.length} games; ${missingGames.join(', ')} ${missingGames.length === 1 ? 'was' : 'were'} not completed. An incomplete battery yields no credential.`,
    });
  }

  const trials = pairTrials(events);
  const missingTrials: string[] = [];
  for (const game of completed) {
    const start = events.find((e) => e.type === 'game-start' && e.game === game);
    const manifest = GAMES[game];
    if (start?.type !== 'game-start' || !manifest) continue;
    if (start.version !== manifest.version) {
      // Another version's design is unknown here, so its trials cannot be shown complete.
      missingTrials.push(`${game}: version ${start.version} is not the server's ${manifest.version}, its design is unknown`);
      continue;
    }
    const design = manifest.design(start.seed);
    design.blocks.forEach((block, b) => {
      if (block.kind !== 'test') return;
      const records = trials.filter((t) => t.game === game && t.block === b);
      const done = new Set(records.map((r) => r.trial));
      const required = GAME_RULES[game]?.required?.(block.trials, records, b) ?? block.trials.length;
      const missing: number[] = [];
      for (let i = 0; i < required; i++) if (!done.has(i)) missing.push(i);
      if (missing.length) missingTrials.push(`${game} block ${b}: ${missing.length} of ${required} (first: trial ${missing[0]})`);
    });
  }
  if (missingTrials.length) {
    refusals.push({ code: 'trials-missing', message: `Test trials of the design were not completed — ${missingTrials.join('; ')}.` });
  }

  if (events[events.length - 1]?.type !== 'session-end') {
    refusals.push({ code: 'session-not-finished', message: 'The session has not ended: the server holds no session-end as its last event.' });
  }
  return { completed, refusals };
}
