import type { LogEvent } from '../log/events.ts';
import type { GameScore } from '../runtime/game-contract.ts';
import type { Profile } from '../scoring/profile-types.ts';
import type { Feedback } from './feedback.ts';

/** The named columns of the log as CSV, lab.js style; whatever an event holds beyond them goes to `details` (JSON). */
export const LOG_CSV_COLUMNS = ['seq', 'page', 't', 'type', 'game', 'block', 'trial', 'kind', 'name', 'device', 'key', 'x', 'y', 'value', 'reason'] as const;

/** Everything the candidate's device holds about one session, as one JSON document ("download my data"). */
export interface MyData {
  format: 'talentscan-my-data';
  version: 1;
  sessionId: string;
  /** The raw event log: the source of truth every other number here is derived from. */
  events: LogEvent[];
  scores: GameScore[];
  profile?: Profile;
  /** The two optional closing questions, when answered. */
  feedback?: Feedback;
}

export function myData(sessionId: string, events: LogEvent[], scores: GameScore[], profile?: Profile, feedback?: Feedback): MyData {
  return {
    format: 'talentscan-my-data',
    version: 1,
    sessionId,
    events,
    scores,
    ...(profile ? { profile } : {}),
    ...(feedback ? { feedback } : {}),
  };
}

/**
 * The log as CSV (RFC 4180, CRLF), one row per event in log order, for a spreadsheet. Text cells that a spreadsheet
 * would run as a formula (= + - @ at the start) are prefixed with ' ; numbers stay numbers.
 */
export function logCsv(events: readonly LogEvent[]): string {
  const named = new Set<string>(LOG_CSV_COLUMNS);
  const rows = events.map((e) => {
    const record = e as unknown as Record<string, unknown>;
    const rest = Object.fromEntries(Object.entries(record).filter(([k]) => !named.has(k)));
    return [...LOG_CSV_COLUMNS.map((c) => cell(record[c])), cell(Object.keys(rest).length ? JSON.stringify(rest) : undefined)].join(',');
  });
  return `${[[...LOG_CSV_COLUMNS, 'details'].join(','), ...rows].join('\r\n')}\r\n`;
}

function cell(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  let s = typeof v === 'string' ? v : JSON.stringify(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Saves text as a file through a temporary link (no server round trip: the data never leaves the device). */
export function saveFile(text: string, name: string, type: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
