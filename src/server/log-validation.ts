/**
 * The issuer's gate for a raw session log (architecture invariant 5: trust nothing not computed here).
 *
 * 1. Schema (Ajv): every event is one of the known types with the known fields, types and size limits; unknown
 *    fields are refused, so nothing rides along unchecked.
 * 2. Plausibility: things a real recording cannot produce —
 *    - seq not contiguous from 0, a page that does not open with its `page-start`, pages out of order;
 *    - per-page clock running backwards by more than the slack a busy main thread can cause (input `timeStamp`s are
 *      older than the `performance.now()` of the events logged around them, by up to the delivery delay);
 *    - a stimulus whose onset precedes the frame it was drawn in, or follows it by more than a second;
 *    - a response that names no earlier input on its page, carries a time other than that input's, or falls outside
 *      its trial;
 *    - a response before the target onset (negative RT) in a trial not ended as `premature`;
 *    - unknown games, game versions or batteries, blocks or trials that the game's design (regenerated from the
 *      seed) does not have, more than one completed run of a trial, more responses than a trial can take;
 *    - an automated test play (`page-start.timeScale` ≠ 1) — refused outright: never a valid measurement;
 *    - an unfinished session (no `session-end`, no completed game).
 * Each problem is reported with the seq of the event it was found at.
 */
import Ajv from 'ajv';
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

export class LogRejected extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly problems: LogProblem[],
  ) {
    super(message);
  }
}

const str = (max: number) => ({ type: 'string', maxLength: max });
const int = (min = 0, max = 10_000_000) => ({ type: 'integer', minimum: min, maximum: max });
const time = { type: 'number', minimum: -1e7, maximum: 1e10 };
const stamped = { seq: int(0, 1_000_000), page: int(0, 1000), t: time };
const trialRef = { game: str(64), block: int(0, 1000), trial: int(0, 100_000) };
const nullableNumber = { type: ['number', 'null'] };

function eventSchema(type: string, props: Record<string, unknown>, optional: string[] = []) {
  const properties = { type: { const: type }, ...stamped, ...props };
  return {
    type: 'object',
    properties,
    required: Object.keys(properties).filter((k) => !optional.includes(k)),
    additionalProperties: false,
  };
}

export function logSchema(maxEvents: number) {
  return {
    type: 'array',
    minItems: 3,
    maxItems: maxEvents,
    items: {
      type: 'object',
      properties: { type: { type: 'string', maxLength: 32 } },
      required: ['type'],
      discriminator: { propertyName: 'type' },
      oneOf: [
        eventSchema('session-start', { sessionId: str(128), schema: int(1, 1000), appVersion: str(64), battery: str(64), lang: str(16) }),
        eventSchema(
          'page-start',
          {
            timeOrigin: { type: 'number', minimum: 1.5e12, maximum: 1e13 },
            crossOriginIsolated: { type: 'boolean' },
            userAgent: str(512),
            viewport: {
              type: 'object',
              properties: { width: { type: 'number', minimum: 0, maximum: 100_000 }, height: { type: 'number', minimum: 0, maximum: 100_000 }, dpr: { type: 'number', minimum: 0, maximum: 100 } },
              required: ['width', 'height', 'dpr'],
              additionalProperties: false,
            },
            pointer: { enum: ['coarse', 'fine', 'none'] },
            timeScale: { type: 'number', exclusiveMinimum: 0, maximum: 1000 },
          },
          ['timeScale'],
        ),
        eventSchema('game-start', { game: str(64), version: str(32), seed: { type: 'integer', minimum: -(2 ** 53), maximum: 2 ** 53 } }),
        eventSchema('block-start', { game: str(64), block: int(0, 1000), kind: { enum: ['practice', 'test'] }, attempt: int(0, 100) }),
        eventSchema('trial-start', trialRef),
        eventSchema(
          'stimulus',
          {
            ...trialRef,
            name: str(64),
            drawnAt: time,
            params: { type: 'object', maxProperties: 32, propertyNames: { maxLength: 64 }, additionalProperties: { anyOf: [{ type: 'number' }, str(128)] } },
          },
          ['params'],
        ),
        eventSchema(
          'input',
          {
            device: { enum: ['keyboard', 'mouse', 'touch', 'pen'] },
            key: str(64),
            x: { type: 'number', minimum: -10, maximum: 10 },
            y: { type: 'number', minimum: -10, maximum: 10 },
            trusted: { type: 'boolean' },
          },
          ['key', 'x', 'y'],
        ),
        eventSchema('response', { ...trialRef, input: int(0, 1_000_000), value: str(64) }),
        eventSchema('trial-end', { ...trialRef, reason: { enum: ['response', 'timeout', 'premature', 'interrupted'] } }),
        eventSchema(
          'block-end',
          {
            game: str(64),
            block: int(0, 1000),
            attempt: int(0, 100),
            points: { type: 'number', minimum: -1e9, maximum: 1e9 },
            passed: { type: 'boolean' },
            frames: {
              type: 'object',
              properties: {
                frames: int(0, 1e9),
                refreshHz: nullableNumber,
                medianIntervalMs: nullableNumber,
                intervalSdMs: nullableNumber,
                droppedInStimulus: int(0, 1e9),
                trialsWithDrops: int(0, 1e9),
              },
              required: ['frames', 'refreshHz', 'medianIntervalMs', 'intervalSdMs', 'droppedInStimulus', 'trialsWithDrops'],
              additionalProperties: false,
            },
          },
          ['passed'],
        ),
        eventSchema('game-end', { game: str(64) }),
        eventSchema('interruption', { reason: { enum: ['hidden', 'blur', 'pagehide'] } }),
        eventSchema('consent', { mode: { enum: ['practice', 'certified'] }, textVersion: str(32) }),
        eventSchema('session-end', {}),
      ],
    },
  };
}

export type LogValidator = (events: unknown) => LogEvent[];

/** Compiles the schema once; the returned function throws LogRejected or returns the typed log. */
export function createLogValidator(opts: { maxEvents: number; now?: () => number }): LogValidator {
  const ajv = new Ajv({ discriminator: true, allErrors: false, strict: true });
  const validate = ajv.compile(logSchema(opts.maxEvents));
  const now = opts.now ?? Date.now;
  return (input: unknown): LogEvent[] => {
    if (!Array.isArray(input)) throw new LogRejected('schema', 'The log must be an array of events.', []);
    if (input.length > opts.maxEvents) throw new LogRejected('too-many-events', `The log has ${input.length} events; at most ${opts.maxEvents} are accepted.`, []);
    if (!validate(input)) {
      const e = validate.errors?.[0];
      const at = e?.instancePath.match(/^\/(\d+)/)?.[1];
      const seq = at !== undefined ? (input[Number(at)] as { seq?: unknown } | undefined)?.seq : undefined;
      const message = `Event ${at ?? '?'}${e?.instancePath.replace(/^\/\d+/, '') || ''} ${e?.message ?? 'is invalid'}${e?.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}.`;
      throw new LogRejected('schema', `The log does not follow the event schema: ${message}`, [{ code: 'schema', message, ...(typeof seq === 'number' ? { seq } : {}) }]);
    }
    const events = input as LogEvent[];
    const problems = plausibilityProblems(events, now());
    if (problems.length) {
      const first = problems[0]!;
      throw new LogRejected(first.code, first.message, problems.slice(0, 20));
    }
    return events;
  };
}

export function plausibilityProblems(events: readonly LogEvent[], nowMs: number): LogProblem[] {
  const problems: LogProblem[] = [];
  const add = (code: string, message: string, seq?: number) => {
    if (problems.length < 50) problems.push({ code, message, ...(seq !== undefined ? { seq } : {}) });
  };

  const first = events[0];
  if (first?.type !== 'session-start') return [{ code: 'sequence', message: 'The log does not begin with session-start.' }];
  if (first.schema !== LOG_SCHEMA_VERSION) return [{ code: 'unknown-schema', message: `Log schema ${first.schema} is not supported (this issuer reads ${LOG_SCHEMA_VERSION}).` }];
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
        add('time-scaled', `This session was an automated test play at ${e.timeScale}× game speed; it is not a valid measurement and cannot be certified.`, e.seq);
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

  // Reaction times from the paired trials.
  for (const trial of pairTrials(events)) {
    if (trial.endReason === 'premature') continue;
    for (const r of trial.responses) {
      if (r.rt !== null && r.rt < 0) {
        add('impossible-rt', `A response ${(-r.rt).toFixed(0)} ms before the target in ${trial.game} block ${trial.block} trial ${trial.trial}, in a trial not ended as premature.`, r.inputSeq);
      }
    }
  }
  return problems;
}
