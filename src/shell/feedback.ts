/**
 * The two optional questions at the end of a scan (was it fun; was it too long). Motivation research only: never read
 * by a scorer. Kept beside the session on this device (see `feedbackKey`), in the candidate's data download, and
 * deleted with it.
 */
export const FUN_ANSWERS = ['no', 'somewhat', 'yes'] as const;
export const LENGTH_ANSWERS = ['too-long', 'right', 'short'] as const;

export interface Feedback {
  fun?: (typeof FUN_ANSWERS)[number];
  length?: (typeof LENGTH_ANSWERS)[number];
  /** Epoch ms when the candidate sent the answers. */
  at: number;
}

export function feedbackKey(sessionId: string): string {
  return `talentscan.feedback.${sessionId}`;
}

/** Reads stored answers defensively (local storage is editable by anyone at the keyboard). */
export function parseFeedback(text: string | null): Feedback | undefined {
  if (!text) return undefined;
  try {
    const o = JSON.parse(text) as Record<string, unknown>;
    if (typeof o['at'] !== 'number') return undefined;
    const fun = FUN_ANSWERS.find((a) => a === o['fun']);
    const length = LENGTH_ANSWERS.find((a) => a === o['length']);
    return { at: o['at'], ...(fun ? { fun } : {}), ...(length ? { length } : {}) };
  } catch {
    return undefined;
  }
}
