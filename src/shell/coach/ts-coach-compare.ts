import { css, html, LitElement, nothing } from 'lit';
import type { CandidateRecord } from '../../coach/types.ts';
import { formatNumber, I18nController, tDynamic as t } from '../../i18n/index.ts';
import { DOMAINS } from '../../scoring/profile-types.ts';
import { base } from '../styles.ts';
import { coachStyles } from './coach-styles.ts';
import { rangeChart } from './range-chart.ts';
import { statusBadge } from './status.ts';

/** Two candidates side by side: per domain each sten with its interval, on one chart (circle: first, square: second). */
export class TsCoachCompare extends LitElement {
  static override properties = { a: { attribute: false }, b: { attribute: false } };
  static override styles = [base, coachStyles, css`:host { display: block; }`];
  declare a: CandidateRecord;
  declare b: CandidateRecord;
  private readonly i18n = new I18nController(this);

  override render() {
    const { a, b } = this;
    const fmt = (v: number | undefined) => (v === undefined ? '—' : formatNumber(v));
    return html`<section class="card stack" aria-labelledby="cmp-title">
      <h3 id="cmp-title">${t('coach.compare.title', { a: a.label, b: b.label })}</h3>
      <p class="muted">${t('coach.compare.legend', { a: a.label, b: b.label })}</p>
      <div class="scroll"><table>
        <thead><tr><th scope="col">${t('profile.domain')}</th><th scope="col">${a.label}</th><th scope="col">${b.label}</th><th scope="col">${t('coach.domains.chart')}</th></tr></thead>
        <tbody>
          <tr><th scope="row">${t('coach.list.col.status')}</th><td>${statusBadge(a.verification)}</td><td>${statusBadge(b.verification)}</td><td></td></tr>
          ${DOMAINS.map((d) => {
            const x = a.verification.domains.find((v) => v.domain === d);
            const y = b.verification.domains.find((v) => v.domain === d);
            if (!x && !y) return nothing;
            const label = t('coach.compare.chartLabel', { domain: t(`domain.${d}`), a: a.label, sa: fmt(x?.sten), b: b.label, sb: fmt(y?.sten) });
            return html`<tr><th scope="row">${t(`domain.${d}`)}</th><td class="num">${fmt(x?.sten)}</td><td class="num">${fmt(y?.sten)}</td>
              <td>${rangeChart(label, { ...(x ? { a: x } : {}), ...(y ? { b: y } : {}) })}</td></tr>`;
          })}
        </tbody>
      </table></div>
      ${a.verification.norm?.id !== b.verification.norm?.id ? html`<p class="provisional">${t('coach.compare.otherNorms')}</p>` : nothing}
    </section>`;
  }
}

customElements.define('ts-coach-compare', TsCoachCompare);

declare global {
  interface HTMLElementTagNameMap {
    'ts-coach-compare': TsCoachCompare;
  }
}
