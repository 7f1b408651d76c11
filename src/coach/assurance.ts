/**
 * How a result was obtained, as the coach's list and profile show it. The credential states it in an `Assurance`
 * evidence entry (src/integrity, read strictly by the shared verifier: `VerifySuccess.assurance`); a credential
 * without one is shown as "not stated", never as witnessed.
 */
import type { Assurance } from '../integrity/record.ts';
import type { AssuranceView } from './types.ts';

export function assuranceView(a: Assurance | undefined): AssuranceView | undefined {
  if (!a) return undefined;
  return {
    level: a.mode,
    witnessed: a.mode === 'certified' && a.witnessed === true,
    games: [...a.games],
    ...(a.embedding ? { embedding: { ...a.embedding } } : {}),
  };
}
