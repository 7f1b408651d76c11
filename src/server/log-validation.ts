/**
 * The issuer's gate for a raw session log (architecture invariant 5: trust nothing not computed here).
 *
 * 1. Schema (Ajv): every event is one of the known types with the known fields, types and size limits; unknown
 *    fields are refused, so nothing rides along unchecked.
 * 2. Plausibility (src/scoring/log-plausibility.ts, shared with the browser's backup import): things a real
 *    recording cannot produce —
 *    - seq not contiguous from 0, a page that does not open with its `page-start`, pages out of order;
 *    - per-page clock running backwards by more than the slack a busy main thread can cause (input `timeStamp`s are
 *      older than the `performance.now()` of the events logged around them, by up to the delivery delay);
 *    - a stimulus whose onset (rAF or presented) precedes the frame it was drawn in, or follows it by more than a second;
 *    - a response that names no earlier input on its page, carries a time other than that input's, or falls outside
 *      its trial;
 *    - a response before the frame that drew the target in a trial not ended as `premature`;
 *    - unknown games, game versions or batteries, blocks or trials that the game's design (regenerated from the
 *      seed) does not have, more than one completed run of a trial, more responses than a trial can take;
 *    - an automated test play (`page-start.timeScale` ≠ 1) — refused outright: never a valid measurement;
 *    - an unfinished session (no `session-end`, no completed game).
 * Each problem is reported with the seq of the event it was found at.
 */
import Ajv from 'ajv';
import type { LogEvent } from '../log/events.ts';
import { type LogProblem, plausibilityProblems } from '../scoring/log-plausibility.ts';

export { CLOCK_SLACK_MS, type LogProblem, plausibilityProblems } from '../scoring/log-plausibility.ts';

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
              properties: {
                width: { type: 'number', minimum: 0, maximum: 100_000 },
                height: { type: 'number', minimum: 0, maximum: 100_000 },
                dpr: { type: 'number', minimum: 0, maximum: 100 },
              },
              required: ['width', 'height', 'dpr'],
              additionalProperties: false,
            },
            pointer: { enum: ['coarse', 'fine', 'none'] },
            timeScale: { type: 'number', exclusiveMinimum: 0, maximum: 1000 },
            presentation: { enum: ['element-timing', 'none'] },
          },
          ['timeScale', 'presentation'],
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
            presentedAt: time,
            paintedAt: time,
            params: { type: 'object', maxProperties: 32, propertyNames: { maxLength: 64 }, additionalProperties: { anyOf: [{ type: 'number' }, str(128)] } },
          },
          ['params', 'presentedAt', 'paintedAt'],
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
                trialsWithUncertainOnset: int(0, 1e9),
              },
              required: ['frames', 'refreshHz', 'medianIntervalMs', 'intervalSdMs', 'droppedInStimulus', 'trialsWithDrops'],
              additionalProperties: false,
            },
          },
          ['passed'],
        ),
        eventSchema('game-end', { game: str(64) }),
        eventSchema('interruption', { reason: { enum: ['hidden', 'blur', 'pagehide', 'host-pause', 'paused'] } }),
        eventSchema('consent', { mode: { enum: ['practice', 'certified'] }, textVersion: str(32) }),
        eventSchema('sound-setting', { on: { type: 'boolean' } }),
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
    if (input.length > opts.maxEvents)
      throw new LogRejected('too-many-events', `The log has ${input.length} events; at most ${opts.maxEvents} are accepted.`, []);
    if (!validate(input)) {
      const e = validate.errors?.[0];
      const at = e?.instancePath.match(/^\/(\d+)/)?.[1];
      const seq = at !== undefined ? (input[Number(at)] as { seq?: unknown } | undefined)?.seq : undefined;
      const message = `Event ${at ?? '?'}${e?.instancePath.replace(/^\/\d+/, '') || ''} ${e?.message ?? 'is invalid'}${e?.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : ''}.`;
      throw new LogRejected('schema', `The log does not follow the event schema: ${message}`, [
        { code: 'schema', message, ...(typeof seq === 'number' ? { seq } : {}) },
      ]);
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
