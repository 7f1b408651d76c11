import type { Embedding } from '../integrity/record.ts';
import { tDynamic } from '../i18n/index.ts';

/**
 * A pilot's session as a credential states it, in the reader's language: embedded by the pilot, which vouched for it with
 * a start token the issuer verified, or only played with the pilot's settings. `/verify` and the coach's view say it alike.
 */
export function embeddingLine(e: Embedding): string {
  // The name a reader knows; the id is in the credential (and in its English narrative).
  return tDynamic(e.binding === 'start-token' ? 'integrity.assurance.embedded' : 'integrity.assurance.pilotSettings', { pilot: e.pilotName });
}
