/**
 * The embed protocol between a pilot's page (the host) and the scan in its iframe: docs/embed-protocol.md is the
 * reader's version, and a test keeps the two listing the same message types.
 *
 * Every message is an envelope `{ source: "talentscan", version, embedId, type, payload }`. The iframe posts only to
 * the one host origin its pilot configured (never "*"); it ignores any message from another origin or window, with
 * another embedId, or of a shape it does not know, and counts what it ignored in a `debug` event to the real host.
 */
export const EMBED_SOURCE = 'talentscan';
/** Major.minor: a host speaking another major version is answered with an `error`, never half-understood. */
export const EMBED_PROTOCOL_VERSION = '1.0';

/** What the iframe tells the host. */
export const FRAME_EVENTS = [
  'ready',
  'scan.started',
  'game.started',
  'game.completed',
  'scan.completed',
  'scan.aborted',
  'resize',
  'xapi.statement',
  'startToken.request',
  'error',
  'debug',
] as const;

/** What the host may ask of the iframe. */
export const HOST_COMMANDS = ['hello', 'start', 'setLocale', 'pause', 'startToken'] as const;

export type FrameEventType = (typeof FRAME_EVENTS)[number];
export type HostCommandType = (typeof HOST_COMMANDS)[number];

export interface Envelope<T extends string = string, P = unknown> {
  source: typeof EMBED_SOURCE;
  version: string;
  embedId: string;
  type: T;
  payload: P;
}

/** Payloads of the host's commands, as the iframe accepts them. */
export interface HostCommandPayloads {
  /** `startToken: true`: the host can answer `startToken.request` (it has a way to get the pilot's start tokens). */
  hello: { version: string; startToken?: true };
  start: Record<string, never>;
  setLocale: { locale: string };
  pause: Record<string, never>;
  /** The pilot's start token for this embed (a compact JWS), or null when the host could not get one. */
  startToken: { token: string | null };
}

export type HostCommand = { [K in HostCommandType]: { type: K; payload: HostCommandPayloads[K] } }[HostCommandType];

const EMBED_ID = /^[A-Za-z0-9_-]{6,64}$/;
const LOCALE = /^[a-z]{2}$/;
/** A compact JWS, no longer than the server takes (its signature is the server's to check, not ours). */
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const MAX_TOKEN_LENGTH = 4096;

export function isEmbedId(value: unknown): value is string {
  return typeof value === 'string' && EMBED_ID.test(value);
}

export function envelope<T extends string, P>(embedId: string, type: T, payload: P): Envelope<T, P> {
  return { source: EMBED_SOURCE, version: EMBED_PROTOCOL_VERSION, embedId, type, payload };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isEmpty = (v: unknown) => v === undefined || (isRecord(v) && Object.keys(v).length === 0);

export type Rejection = 'not-an-envelope' | 'wrong-embed-id' | 'unknown-type' | 'bad-payload' | 'version-mismatch';

/**
 * Reads a host message (data already known to come from the right origin and window). Returns the command, or why it
 * was rejected; never throws, whatever `data` is.
 */
export function parseHostCommand(data: unknown, embedId: string): { ok: true; command: HostCommand } | { ok: false; why: Rejection } {
  if (!isRecord(data) || data.source !== EMBED_SOURCE || typeof data.version !== 'string' || typeof data.type !== 'string') {
    return { ok: false, why: 'not-an-envelope' };
  }
  if (data.embedId !== embedId) return { ok: false, why: 'wrong-embed-id' };
  if (data.version.split('.')[0] !== EMBED_PROTOCOL_VERSION.split('.')[0]) return { ok: false, why: 'version-mismatch' };
  const p = data.payload;
  switch (data.type) {
    case 'hello':
      return isRecord(p) && typeof p.version === 'string'
        ? { ok: true, command: { type: 'hello', payload: { version: p.version, ...(p.startToken === true ? { startToken: true as const } : {}) } } }
        : { ok: false, why: 'bad-payload' };
    case 'startToken':
      return isRecord(p) && (p.token === null || (typeof p.token === 'string' && p.token.length <= MAX_TOKEN_LENGTH && COMPACT_JWS.test(p.token)))
        ? { ok: true, command: { type: 'startToken', payload: { token: p.token } } }
        : { ok: false, why: 'bad-payload' };
    case 'setLocale':
      return isRecord(p) && typeof p.locale === 'string' && LOCALE.test(p.locale)
        ? { ok: true, command: { type: 'setLocale', payload: { locale: p.locale } } }
        : { ok: false, why: 'bad-payload' };
    case 'start':
    case 'pause':
      return isEmpty(p) ? { ok: true, command: { type: data.type, payload: {} } } : { ok: false, why: 'bad-payload' };
    default:
      return { ok: false, why: 'unknown-type' };
  }
}
