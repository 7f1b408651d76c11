import type { LogEvent, LogEventType } from '../log/events.ts';
import { plausibilityProblems } from '../scoring/log-plausibility.ts';
import type { SessionRow } from './event-store.ts';

/**
 * The emergency copy of a session a candidate can take with them when this device cannot store it (storage full,
 * failing): the session's row and every event the page logged, written or not. The app imports it back to resume.
 * A file from outside is untrusted input: `parseBackup` checks it like any other before a single event is stored.
 *
 * A backup never holds a certified session's capability token, and an imported certified session is a practice-only
 * copy (`SessionRow.copyOf`): a file lies in a downloads folder, a mail or a shared drive, where anyone who holds it
 * could otherwise upload to the server's session; and the answers a backup rescues were never uploaded (uploads follow
 * the local write), so the server could not have witnessed them when they happened. The certified session itself goes
 * on where its link is: on the device that started it, from the last point that device and the server hold.
 */
export const BACKUP_FORMAT = 'talentscan-session-backup';
export const BACKUP_VERSION = 1;
/** Largest backup accepted (characters of JSON); a whole standard battery is far below it. */
export const MAX_BACKUP_CHARS = 20_000_000;
const MAX_EVENTS = 200_000;

export interface SessionBackup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  row: SessionRow;
  events: LogEvent[];
}

export class BackupRejected extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'BackupRejected';
  }
}

const EVENT_TYPES = new Set<LogEventType>([
  'session-start',
  'page-start',
  'game-start',
  'block-start',
  'trial-start',
  'stimulus',
  'input',
  'response',
  'trial-end',
  'block-end',
  'game-end',
  'interruption',
  'consent',
  'sound-setting',
  'session-end',
]);

const LOCAL_OK = new Set(['incomplete', 'time-scaled']);

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const shortString = (v: unknown, max = 512): v is string => typeof v === 'string' && v.length <= max;

export function makeBackup(row: SessionRow, events: readonly LogEvent[]): SessionBackup {
  const { witness: _link, ...kept } = row; // the capability token stays on this device (see above)
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, row: { ...kept, finished: events.at(-1)?.type === 'session-end' }, events: [...events] };
}

/** Checks an imported backup (the text of the file) and returns it typed; throws BackupRejected with the reason. */
export function parseBackup(text: string): SessionBackup {
  if (text.length > MAX_BACKUP_CHARS) throw new BackupRejected('too-large', 'The file is too large to be a Talentscan backup.');
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    throw new BackupRejected('not-json', 'The file is not a Talentscan backup (not JSON).');
  }
  if (!isRecord(input) || input['format'] !== BACKUP_FORMAT) throw new BackupRejected('format', 'The file is not a Talentscan backup.');
  if (input['version'] !== BACKUP_VERSION) throw new BackupRejected('version', `Backup version ${String(input['version'])} is not supported.`);
  const row = input['row'];
  const events = input['events'];
  if (!isRecord(row) || !shortString(row['sessionId'], 128) || !shortString(row['battery'], 64) || typeof row['startedAt'] !== 'number') {
    throw new BackupRejected('row', 'The backup has no valid session.');
  }
  const mode = row['mode'] ?? 'practice';
  if (mode !== 'practice' && mode !== 'certified') throw new BackupRejected('row', 'The backup names an unknown mode.');
  // A server link in the file (backups made before links were left out) is ignored, never imported.
  if (!Array.isArray(events) || events.length === 0 || events.length > MAX_EVENTS) throw new BackupRejected('events', 'The backup holds no valid log.');
  for (const [i, e] of events.entries()) {
    if (
      !isRecord(e) ||
      !EVENT_TYPES.has(e['type'] as LogEventType) ||
      !Number.isInteger(e['seq']) ||
      !Number.isInteger(e['page']) ||
      !Number.isFinite(e['t'])
    ) {
      throw new BackupRejected('events', `Event ${i} of the backup is not a log event.`);
    }
  }
  const log = events as LogEvent[];
  const first = log[0];
  if (first?.type !== 'session-start' || first.sessionId !== row['sessionId'] || first.battery !== row['battery']) {
    throw new BackupRejected('events', 'The backup log does not belong to its session.');
  }
  // The issuer's own plausibility rules, less what is fine on this device: an unfinished session is what a backup
  // usually is, and a time-scaled play (automation builds) is a test play that the issuer refuses anyway.
  const problems = plausibilityProblems(log, Date.now()).filter((p) => !LOCAL_OK.has(p.code));
  if (problems[0]) throw new BackupRejected(problems[0].code, problems[0].message);
  const cleanRow: SessionRow = {
    sessionId: row['sessionId'],
    battery: row['battery'],
    startedAt: row['startedAt'],
    finished: log.at(-1)?.type === 'session-end',
    mode: 'practice',
    ...(mode === 'certified' || row['copyOf'] === 'certified' ? { copyOf: 'certified' as const } : {}),
  };
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, row: cleanRow, events: log };
}
