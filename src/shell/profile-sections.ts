import { html, nothing, type TemplateResult } from 'lit';
import { t, tDynamic } from '../i18n/index.ts';
import type { Profile, RoleFit } from '../scoring/profile-types.ts';
import './results-explain-messages.ts';

/** The working-style tips, with the reminder that they are not a diagnosis (the candidate's and the coach's view). */
export function tipsSection(p: Profile) {
  if (!p.tips.length) return nothing;
  return html`<section class="card" aria-labelledby="tips-title">
    <h2 id="tips-title">${t('profile.tips')}</h2>
    <ul class="tips">${p.tips.map((tip) => html`<li>${tDynamic(tip.message)}</li>`)}</ul>
    <p class="muted">${tDynamic('profile.notDiagnosis')}</p>
  </section>`;
}

/** The role fits, labelled as examples where they are; each view draws a fit its own way. */
export function fitsSection(p: Profile, renderFit: (f: RoleFit) => TemplateResult) {
  if (!p.roleFits.length) return nothing;
  return html`<section class="card" aria-labelledby="fits-title">
    <h2 id="fits-title">${t('profile.roles')}</h2>
    ${
      p.roleFits.some((f) => f.example)
        ? html`<p class="provisional" role="note"><strong>${tDynamic('profile.example')}</strong>. ${t('profile.rolesExample')}</p>`
        : nothing
    }
    <p class="muted">${tDynamic('fit.notJudgement')}</p>
    <ul class="fits">${p.roleFits.map(renderFit)}</ul>
  </section>`;
}
