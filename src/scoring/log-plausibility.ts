/**
 * The plausibility half of the issuer's log gate (src/server/log-validation.ts has the schema half and the list of
 * what is checked): things a real recording cannot produce. Pure and free of the schema compiler, so the browser's
 * recorder applies the same rules to a backup it re-imports.
 */
import { GAMES } from '../../games/registry.ts';
import { LOG_SCHEMA_VERSION, type LogEvent } from '../log/events.ts';
import { pairTrials } from '../log/trials.ts';
import { BATTERIES } from '../runtime/batteries.ts';

/** How far an event's time may lie before the latest time seen on its page (ms). */
export const CLOCK_SLACK_MS = 2000;
const MAX_RESPONSES_PER_TRIAL = 64;

export interface LogProblem {
  code: string;
  message: string;
  seq?: number;
}

export function plausibilityProblems(events: readonly LogEvent[], nowMs: number): LogProblem[] {
  const problems: LogProblem[] = [];
  const add = (code: string, message: string, seq?: number) => {
    if (problems.length < 50) problems.push({ code, message, ...(seq !== undefined ? { seq } : {}) });
  };

  const first = events[0];
  if (first?.type !== 'session-start') return [{ code: 'sequence', message: 'The log does not begin with session-start.' }];
  if (first.schema !== LOG_SCHEMA_VERSION)
    return [{ code: 'unknown-schema', message: `Log schema ${first.schema} is not supported (this issuer reads ${LOG_SCHEMA_VERSION}).` }];
  const battery = BATTERIES[first.battery];
  if (!battery) add('unknown-battery', `Unknown battery "${first.battery}".`, first.seq);
  if (events[events.length - 1]?.type !== 'session-end') add('incomplete', 'The session has not ended (no session-end as the last event).');

  // Sequence, pages, clock.
  let page = -1;
  let maxT = -Infinity;
  let lastOrigin = 0;
  const inputs = new Map<number, { page: number; t: number }>();
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (e.seq !== i) {
      add('sequence', `Event ${i} has seq ${e.seq}: events must be numbered 0, 1, 2, … without gaps.`, e.seq);
      break;
    }
    if (i > 0 && e.type === 'session-start') add('sequence', 'A second session-start.', e.seq);
    if (i > 0 && e.page !== page) {
      if (e.page !== page + 1 || e.type !== 'page-start') {
        add('sequence', `Page ${e.page} does not follow page ${page} with a page-start.`, e.seq);
        break;
      }
    }
    if (e.type === 'page-start') {
      if (e.page !== page + 1) add('sequence', `page-start of page ${e.page} out of order.`, e.seq);
      page = e.page;
      maxT = -Infinity;
      if (e.timeScale !== undefined && e.timeScale !== 1) {
        add(
          'time-scaled',
          `This session was an automated test play at ${e.timeScale}× game speed; it is not a valid measurement and cannot be certified.`,
          e.seq,
        );
      }
      if (e.timeOrigin < lastOrigin) add('clock', 'A page started before the previous one.', e.seq);
      if (e.timeOrigin > nowMs + 5 * 60_000) add('clock', 'The session claims to have started in the future.', e.seq);
      lastOrigin = e.timeOrigin;
    } else if (i === 1) {
      add('sequence', 'The second event must be the page-start of page 0.', e.seq);
    }
    if (i > 0) {
      if (e.t < maxT - CLOCK_SLACK_MS) add('clock', `The page clock runs backwards at event ${e.seq} (${(maxT - e.t).toFixed(0)} ms).`, e.seq);
      maxT = Math.max(maxT, e.t);
    }
    if (e.type === 'input') inputs.set(e.seq, { page: e.page, t: e.t });
    if (e.type === 'stimulus' && (e.drawnAt > e.t || e.t - e.drawnAt > 1000)) {
      add('onset', `Stimulus onset at event ${e.seq} is not the frame after it was drawn.`, e.seq);
    }
    if (e.type === 'stimulus' && e.presentedAt !== undefined && (e.presentedAt < e.drawnAt || e.presentedAt - e.drawnAt > 1000)) {
      add('onset', `Stimulus presentation at event ${e.seq} is not within a second after the frame that drew it.`, e.seq);
    }
  }
  if (problems.length) return problems;

  // Games against their designs.
  const started = new Map<string, { version: string; seed: number; design: ReturnType<(typeof GAMES)[string]['design']> }>();
  const ended = new Set<string>();
  const openBlock = new Map<string, { block: number; attempt: number }>();
  const openTrial = new Map<string, { block: number; attempt: number; trial: number }>();
  const completed = new Set<string>();
  const responsesInTrial = new Map<string, number>();
  for (const e of events) {
    switch (e.type) {
      case 'game-start': {
        const manifest = GAMES[e.game];
        if (!manifest) {
          add('unknown-game', `Unknown game "${e.game}".`, e.seq);
          break;
        }
        if (e.version !== manifest.version) {
          add('unknown-game-version', `${e.game} ${e.version} is not a version this issuer can score (it scores ${manifest.version}).`, e.seq);
          break;
        }
        if (battery && !battery.games.includes(e.game)) add('design', `Game ${e.game} is not part of battery ${battery.id}.`, e.seq);
        const prior = started.get(e.game);
        if (prior && prior.seed !== e.seed) add('design', `Game ${e.game} started twice with different seeds.`, e.seq);
        if (!prior) started.set(e.game, { version: e.version, seed: e.seed, design: manifest.design(e.seed) });
        break;
      }
      case 'block-start': {
        const g = started.get(e.game);
        if (!g) {
          add('sequence', `Block of ${e.game} before its game-start.`, e.seq);
          break;
        }
        const spec = g.design.blocks[e.block];
        if (!spec) add('design', `${e.game} has no block ${e.block}.`, e.seq);
        else if (spec.kind !== e.kind) add('design', `Block ${e.block} of ${e.game} is a ${spec.kind} block, not ${e.kind}.`, e.seq);
        if (e.attempt > 1) add('design', `Block ${e.block} of ${e.game} was attempted ${e.attempt + 1} times; at most 2 are possible.`, e.seq);
        openBlock.set(e.game, { block: e.block, attempt: e.attempt });
        break;
      }
      case 'trial-start':
      case 'stimulus':
      case 'response':
      case 'trial-end': {
        const g = started.get(e.game);
        const b = openBlock.get(e.game);
        if (!g || !b || b.block !== e.block) {
          add('sequence', `A ${e.type} of ${e.game} block ${e.block} outside that block.`, e.seq);
          break;
        }
        const trials = g.design.blocks[e.block]?.trials.length ?? 0;
        if (e.trial >= trials) {
          add('design', `${e.game} block ${e.block} has ${trials} trials; the log has trial ${e.trial}.`, e.seq);
          break;
        }
        const key = `${e.game}|${e.block}|${b.attempt}|${e.trial}`;
        if (e.type === 'trial-start') {
          if (completed.has(key)) add('design', `Trial ${e.trial} of ${e.game} block ${e.block} ran again after it was completed.`, e.seq);
          openTrial.set(e.game, { block: e.block, attempt: b.attempt, trial: e.trial });
          responsesInTrial.set(key, 0);
          break;
        }
        const open = openTrial.get(e.game);
        if (!open || open.block !== e.block || open.trial !== e.trial) {
          add('sequence', `A ${e.type} of trial ${e.trial} (${e.game} block ${e.block}) outside that trial.`, e.seq);
          break;
        }
        if (e.type === 'response') {
          const input = inputs.get(e.input);
          if (!input || e.input >= e.seq || input.page !== e.page) add('response', `The response at event ${e.seq} names no earlier input on its page.`, e.seq);
          else if (input.t !== e.t) add('response', `The response at event ${e.seq} has another time than the input it names.`, e.seq);
          const n = (responsesInTrial.get(key) ?? 0) + 1;
          responsesInTrial.set(key, n);
          if (n > MAX_RESPONSES_PER_TRIAL) add('design', `More than ${MAX_RESPONSES_PER_TRIAL} responses in one trial.`, e.seq);
        }
        if (e.type === 'trial-end') {
          openTrial.delete(e.game);
          if (e.reason !== 'interrupted') completed.add(key);
        }
        break;
      }
      case 'block-end':
        openBlock.delete(e.game);
        break;
      case 'game-end':
        if (!started.has(e.game)) add('sequence', `game-end of ${e.game} without its game-start.`, e.seq);
        ended.add(e.game);
        break;
      default:
        break;
    }
  }
  if (ended.size === 0) add('incomplete', 'No game was completed.');
  if (problems.length) return problems;

  // Reaction times from the paired trials. A response may precede the measured onset by the frames between drawing and
  // presentation (an anticipation, which the scorers count as such); before the frame that drew the target it is
  // impossible unless the game ended the trial as premature.
  const drawn = new Map<string, number>();
  for (const e of events) if (e.type === 'stimulus' && e.name === 'target') drawn.set(`${e.game}|${e.block}|${e.trial}|${e.page}`, e.drawnAt);
  for (const trial of pairTrials(events)) {
    if (trial.endReason === 'premature') continue;
    const drawnAt = drawn.get(`${trial.game}|${trial.block}|${trial.trial}|${trial.page}`);
    for (const r of trial.responses) {
      if (r.rt !== null && r.rt < 0 && (drawnAt === undefined || r.t < drawnAt)) {
        add(
          'impossible-rt',
          `A response ${(-r.rt).toFixed(0)} ms before the target in ${trial.game} block ${trial.block} trial ${trial.trial}, in a trial not ended as premature.`,
          r.inputSeq,
        );
      }
    }
  }
  return problems;
}
