/**
 * What a QR code the coach scanned holds. A credential (or a JSON file's text) goes through the same intake as a
 * pasted one. The QR code the candidate's results screen shows is an OpenID4VCI offer for the candidate's OWN wallet:
 * its pre-authorized code can be redeemed once and binds the credential to the key of whoever redeems it, so the
 * workspace does not redeem it (the candidate would lose it, and the coach would get every result instead of the ones
 * the candidate chooses to share); the coach is told so, in words, and asks the wallet instead.
 */
import { IntakeError, parseIntake, type Parsed } from './intake.ts';

export type Scanned =
  | { kind: 'intake'; parsed: Parsed; text: string }
  /** The candidate's credential offer for their own wallet (`openid-credential-offer://`). */
  | { kind: 'offer' }
  /** A presentation request meant for a wallet (`openid4vp://`), e.g. the coach's own. */
  | { kind: 'request' }
  | { kind: 'unknown' };

export function classifyScan(text: string): Scanned {
  const input = text.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(input)?.[1]?.toLowerCase();
  if (scheme === 'openid-credential-offer' || scheme === 'haip-vci') return { kind: 'offer' };
  if (scheme === 'openid4vp' || scheme === 'haip-vp' || scheme === 'eudi-openid4vp') return { kind: 'request' };
  try {
    return { kind: 'intake', parsed: parseIntake(input), text: input };
  } catch (err) {
    if (err instanceof IntakeError) return { kind: 'unknown' };
    throw err;
  }
}
