import { gameById } from '../../games/registry.ts';
import type { GameStartEvent, LogEvent } from '../log/events.ts';
import type { GameScore, QualityFlag } from '../runtime/game-contract.ts';
import { ONSET_FLAG_CODES, onsetRuleFlag } from './onset-quality.ts';

/** The flag codes scoreGame adds to any game's own (GameManifest.flagCodes): the same words for every game. */
export const SCORE_GAME_FLAG_CODES = ['practice-not-passed', ...ONSET_FLAG_CODES, 'time-scaled'] as const;

/**
 * Scores one game of a session from its log alone: regenerates the design from (game, version, seed) in the log,
 * then runs the game's pure scorer. The browser worker and the issuer both call exactly this.
 */
export function scoreGame(events: readonly LogEvent[], game: string): GameScore {
  const start = events.find((e): e is GameStartEvent => e.type === 'game-start' && e.game === game);
  if (!start) throw new Error(`The log has no start of game "${game}"`);
  const manifest = gameById(game);
  // A log keeps the rules it was recorded under: an earlier version scores with its own design and scorer.
  const rules = start.version === manifest.version ? manifest : manifest.earlier?.find((v) => v.version === start.version);
  if (!rules) {
    const known = [manifest.version, ...(manifest.earlier ?? []).map((v) => v.version)].join(', ');
    throw new Error(`The log was recorded with ${game} ${start.version}; this scorer knows ${known}`);
  }
  const score = rules.score(rules.design(start.seed), events);
  const added: QualityFlag<(typeof SCORE_GAME_FLAG_CODES)[number]>[] = [];
  // A practice block failed on its last attempt: the runtime went on (after one repeat); the coach should know.
  const failedPractice = lastPracticeAttempts(events, game).filter((b) => b.passed === false);
  if (failedPractice.length > 0 && !score.flags.some((f) => f.code.includes('practice'))) {
    added.push({
      code: 'practice-not-passed',
      detail: `Practice block(s) ${failedPractice.map((b) => b.block).join(', ')} not passed after the repeat: the instructions may not have been understood.`,
    });
  }
  const onsets = onsetRuleFlag(events, game);
  if (onsets) added.push(onsets);
  const scaled = events.find((e) => e.type === 'page-start' && e.timeScale !== undefined && e.timeScale !== 1);
  if (scaled && scaled.type === 'page-start') {
    added.push({
      code: 'time-scaled',
      detail: `Automated test play with the game clock at ${scaled.timeScale}× speed: not a valid measurement.`,
      ...(scaled.timeScale === undefined ? {} : { values: { speed: scaled.timeScale } }),
    });
  }
  score.flags.push(...added);
  return score;
}

/** Scores every game the log completed, in the order they were played. */
export function scoreSession(events: readonly LogEvent[]): GameScore[] {
  return events.filter((e) => e.type === 'game-end').map((e) => scoreGame(events, (e as { game: string }).game));
}

function lastPracticeAttempts(events: readonly LogEvent[], game: string): { block: number; passed?: boolean }[] {
  const last = new Map<number, { block: number; passed?: boolean }>();
  for (const e of events) {
    if (e.type === 'block-end' && e.game === game && e.passed !== undefined) last.set(e.block, { block: e.block, passed: e.passed });
  }
  return [...last.values()];
}
