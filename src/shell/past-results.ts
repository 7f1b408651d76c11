/**
 * The finished sessions this device holds, as the welcome screen offers them again ("Your results from <date>"): a
 * candidate whose page reloaded, closed or crashed after the last game must find the scan, not a blank start.
 * Pure: the recorder worker lists the finished sessions (Recorder.finishedSessions: finished is read from each log,
 * deleted sessions are gone from the store); this orders them and says what each one's credential panel can do.
 */
import type { SessionRow } from '../worker/event-store.ts';
import type { FinishedSession } from '../worker/recorder.ts';

/**
 * What the credential panel can do for a reopened session: `available` (certified, and the server's capability token
 * is still on this device: issue or download as after the scan), `key-lost` (a certified scan whose token this device
 * no longer holds: a practice-only copy from a backup, or a row without its link — the credential can no longer be
 * made here), `none` (a practice scan, which never has one).
 */
export type CredentialAccess = 'available' | 'key-lost' | 'none';

export interface PastResult {
  sessionId: string;
  /** Epoch ms at which the session ended. */
  endedAt: number;
  credential: CredentialAccess;
  /** The server id and token of a certified session whose token is still here (else null). */
  certified: { sessionId: string; token: string } | null;
}

export function credentialAccess(row: SessionRow): CredentialAccess {
  if (row.mode === 'certified' && row.witness) return 'available';
  if (row.mode === 'certified' || row.copyOf === 'certified') return 'key-lost';
  return 'none';
}

/** Newest first (by when each ended; the session id breaks a tie, so the order never depends on the store's). */
export function pastResults(found: readonly FinishedSession[]): PastResult[] {
  return found
    .filter((f) => f.row.finished)
    .map(({ row, endedAt }) => ({
      sessionId: row.sessionId,
      endedAt,
      credential: credentialAccess(row),
      certified: row.mode === 'certified' && row.witness ? { sessionId: row.sessionId, token: row.witness.token } : null,
    }))
    .sort((a, b) => b.endedAt - a.endedAt || (a.sessionId < b.sessionId ? -1 : a.sessionId > b.sessionId ? 1 : 0));
}
