import { html } from 'lit';
import type { VerificationView } from '../../coach/types.ts';
import { tDynamic as t } from '../../i18n/index.ts';

/** A verifier or intake reason in words (falls back to the generic text for a reason this page does not know). */
export function reasonText(reason: string | undefined): string {
  const key = `coach.reason.${reason ?? 'unknown'}`;
  const text = t(key);
  return text === key ? t('coach.reason.unknown') : text;
}

export function statusBadge(v: VerificationView) {
  return v.verified
    ? html`<span class="badge ok">${t('coach.status.verified')}</span>`
    : html`<span class="badge bad">${t('coach.status.unverified')}: ${reasonText(v.reason)}</span>`;
}
