/**
 * The anonymised session export: what norms:build and the fairness report read. Per session only the game scores
 * (metric values, quality flags, versions), the input-device class and, optionally, an age band and group labels.
 * No names, no contact details, no raw log, no timestamps. File: JSON `{ format, version, sessions: [...] }`, or
 * JSON Lines with one session per line.
 */
import type { LogEvent } from '../log/events.ts';
import type { GameScore } from '../runtime/game-contract.ts';
import { deviceClassOf } from './device-class.ts';
import type { DeviceClass } from './profile-types.ts';
import { scoreSession } from './score-game.ts';

export const EXPORT_FORMAT = 'talentscan-session-export';
export const EXPORT_VERSION = 1;

export interface SessionExport {
  /** An anonymous id (random; never a name, e-mail address or account id). */
  id: string;
  deviceClass: DeviceClass;
  gameDevices?: Record<string, DeviceClass>;
  /** Age band like "20-29" or "60+". */
  ageBand?: string;
  /** Group labels for the fairness report (attribute → value), e.g. { "gender": "f" }; self-reported and consented. */
  groups?: Record<string, string>;
  games: GameScore[];
}

export interface SessionExportFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  sessions: SessionExport[];
}

const DEVICE_CLASSES: readonly string[] = ['touch', 'mouse', 'keyboard', 'mixed'];
const AGE_BAND = /^(\d{1,2}-\d{1,2}|\d{1,2}\+)$/;
/** Keys that would make an export personal data beyond what it needs. */
const FORBIDDEN_KEYS = ['name', 'email', 'e-mail', 'phone', 'address', 'birthdate', 'dateOfBirth', 'bsn', 'userAgent', 'ip', 'log', 'events'];

export class SessionExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SessionExportError';
  }
}

export function sessionExportFromLog(events: readonly LogEvent[], meta: { id: string; ageBand?: string; groups?: Record<string, string> }): SessionExport {
  const games = scoreSession(events);
  const gameDevices: Record<string, DeviceClass> = {};
  for (const g of games) gameDevices[g.game] = deviceClassOf(events, g.game);
  return {
    id: meta.id,
    deviceClass: deviceClassOf(events),
    gameDevices,
    ...(meta.ageBand ? { ageBand: meta.ageBand } : {}),
    ...(meta.groups ? { groups: meta.groups } : {}),
    games,
  };
}

function validateSession(s: unknown, where: string): SessionExport {
  const fail = (what: string): never => {
    throw new SessionExportError(`${where}: ${what}`);
  };
  if (typeof s !== 'object' || s === null || Array.isArray(s)) return fail('a session must be an object');
  const o = s as Record<string, unknown>;
  for (const k of FORBIDDEN_KEYS) if (k in o) fail(`field "${k}" is not allowed in an anonymised export`);
  if (typeof o['id'] !== 'string' || o['id'] === '' || o['id'].includes('@')) fail('id must be an anonymous, non-empty string');
  if (!DEVICE_CLASSES.includes(o['deviceClass'] as string)) fail(`deviceClass must be one of ${DEVICE_CLASSES.join(', ')}`);
  if (o['ageBand'] !== undefined && (typeof o['ageBand'] !== 'string' || !AGE_BAND.test(o['ageBand']))) fail('ageBand must look like "20-29" or "60+"');
  if (o['groups'] !== undefined) {
    const g = o['groups'];
    if (typeof g !== 'object' || g === null || Array.isArray(g) || !Object.values(g).every((v) => typeof v === 'string'))
      fail('groups must map attribute names to string values');
  }
  if (!Array.isArray(o['games'])) fail('games must be an array of game scores');
  for (const [i, g] of (o['games'] as unknown[]).entries()) {
    const gs = g as Record<string, unknown>;
    if (
      typeof gs !== 'object' ||
      gs === null ||
      typeof gs['game'] !== 'string' ||
      typeof gs['gameVersion'] !== 'string' ||
      typeof gs['metrics'] !== 'object' ||
      !Array.isArray(gs['flags']) ||
      typeof gs['trials'] !== 'number'
    ) {
      fail(`games[${i}] is not a game score (game, gameVersion, scorerVersion, metrics, flags, trials)`);
    }
  }
  return o as unknown as SessionExport;
}

/** Parses one export file's text (JSON object with sessions, JSON array of sessions, or JSON Lines). */
export function parseSessionExports(text: string, source = 'input'): SessionExport[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  let whole: unknown;
  let parsed = true;
  try {
    whole = JSON.parse(trimmed);
  } catch {
    parsed = false;
  }
  let items: unknown[];
  if (parsed && Array.isArray(whole)) items = whole;
  else if (parsed && typeof whole === 'object' && whole !== null && !('games' in whole)) {
    const o = whole as Record<string, unknown>;
    if (o['format'] !== EXPORT_FORMAT) throw new SessionExportError(`${source}: format must be "${EXPORT_FORMAT}"`);
    if (o['version'] !== EXPORT_VERSION)
      throw new SessionExportError(`${source}: export version ${String(o['version'])} is not supported (expected ${EXPORT_VERSION})`);
    if (!Array.isArray(o['sessions'])) throw new SessionExportError(`${source}: sessions must be an array`);
    items = o['sessions'];
  } else {
    items = trimmed
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l, i) => {
        try {
          return JSON.parse(l) as unknown;
        } catch {
          throw new SessionExportError(`${source}: line ${i + 1} is not JSON`);
        }
      });
  }
  return items.map((s, i) => validateSession(s, `${source}: session ${i}`));
}

export function sessionExportFile(sessions: SessionExport[]): SessionExportFile {
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, sessions };
}
