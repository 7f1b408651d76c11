import { css, html, LitElement, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { formatNumber, I18nController, t, tDynamic } from '../i18n/index.ts';
import { normGroupName } from './norm-name.ts';
import type { DomainScore, Profile, RoleFit } from '../scoring/profile-types.ts';
import { stenScale, stenScaleStyles } from './sten-scale.ts';
import { fitsSection, tipsSection } from './profile-sections.ts';
import { base } from './styles.ts';

/**
 * The cognitive profile as the coach reads it (the coach workspace; the candidate's own view is <ts-candidate-profile>):
 * each domain on the sten scale with its 90% interval, the norm group and how far to trust it, role fits with the
 * reason per domain, working-style tips. It speaks about the candidate, not to them.
 */
export class TsProfile extends LitElement {
  static override properties = { profile: { attribute: false } };
  static override styles = [
    base,
    stenScaleStyles,
    css`
      :host { display: grid; gap: 1rem; }
      .domains { display: grid; gap: 0.9rem; margin: 0; padding: 0; list-style: none; }
      .domain { display: grid; gap: 0.25rem; }
      .domain-head { display: flex; justify-content: space-between; gap: 0.5rem; flex-wrap: wrap; }
      .domain-name { font-weight: 600; }
      .muted { color: var(--ink-soft); }
      .provisional { background: var(--warn-bg); color: var(--warn-ink); border-radius: 8px; padding: 0.5rem 0.75rem; }
      .fits { display: grid; gap: 0.75rem; margin: 0; padding: 0; list-style: none; }
      .fit-head { display: flex; justify-content: space-between; gap: 0.5rem; }
      .bar { block-size: 10px; background: #e1e3ee; border-radius: 5px; overflow: hidden; }
      .bar > div { block-size: 100%; background: var(--accent); }
      details summary { cursor: pointer; min-block-size: 44px; display: flex; align-items: center; color: var(--accent); }
      table { inline-size: 100%; border-collapse: collapse; font-size: 0.95rem; }
      th, td { text-align: start; padding-block: 0.3rem; padding-inline: 0.4rem; border-block-end: 1px solid #e1e3ee; }
      td.num { font-variant-numeric: tabular-nums; }
      ul.tips { margin: 0; padding-inline-start: 1.2rem; display: grid; gap: 0.4rem; }
    `,
  ];

  declare profile: Profile | null;
  private readonly i18n = new I18nController(this);

  constructor() {
    super();
    this.profile = null;
  }

  override render() {
    const p = this.profile;
    if (!p) return nothing;
    return html`
      <section class="card" aria-labelledby="profile-title">
        <h2 id="profile-title">${t('profile.title')}</h2>
        <p class="muted">${t('profile.scaleHelp')}</p>
        ${
          p.norm.provisional
            ? html`<p class="provisional" role="note"><strong>${tDynamic('profile.provisional')}</strong>. ${t('profile.provisionalExplained')}</p>`
            : nothing
        }
        <ul class="domains">${p.domains.map((d) => this.renderDomain(d))}</ul>
        <p class="muted">${t('profile.normGroup', { population: normGroupName(p.norm), n: p.norm.n, id: `${p.norm.id} ${p.norm.version}` })}</p>
      </section>
      ${tipsSection(p)}
      ${fitsSection(p, (f) => this.renderFit(f))}
      ${this.renderDetails(p)}
      <p class="muted">${t('profile.versions', { version: p.algorithmVersion })}</p>
    `;
  }

  /**
   * The audit trail for a coach: why a domain is not measured, data-quality flags, where the norms come from. These
   * texts come from the scoring rules and norm tables and are in English (the algorithm card's language).
   */
  private renderDetails(p: Profile) {
    const reasons = p.domains.filter((d) => d.status !== 'measured' && d.reason);
    if (reasons.length === 0 && p.quality.length === 0 && !p.norm.provisionalNote) return nothing;
    return html`<details class="card">
      <summary>${t('profile.details')}</summary>
      <p class="muted">${t('profile.detailsLanguage')}</p>
      <ul lang="en" dir="ltr">
        ${reasons.map((d) => html`<li>${d.domain}: ${d.reason}</li>`)}
        ${p.quality.map((q) => html`<li>${q.detail}</li>`)}
        ${p.norm.provisionalNote ? html`<li>${p.norm.citation} — ${p.norm.provisionalNote}</li>` : nothing}
      </ul>
    </details>`;
  }

  private renderDomain(d: DomainScore) {
    const name = tDynamic(`domain.${d.domain}`);
    if (d.status !== 'measured' || d.sten === undefined) {
      return html`<li class="domain">
        <div class="domain-head"><span class="domain-name">${name}</span><span class="muted">${tDynamic('profile.notMeasured')}</span></div>
      </li>`;
    }
    const ci = d.stenCi;
    const label = t('profile.stenLabel', {
      sten: formatNumber(d.sten),
      low: ci ? formatNumber(ci.low, 1) : '–',
      high: ci ? formatNumber(ci.high, 1) : '–',
      percentile: d.percentile === undefined ? '–' : formatNumber(d.percentile),
    });
    return html`<li class="domain">
      <div class="domain-head"><span class="domain-name">${name}</span><span>${label}</span></div>
      ${stenScale(d.sten, ci?.low, ci?.high, `${name}: ${label}`)}
      <span class="muted">${tDynamic(`domain.${d.domain}.about`)}</span>
    </li>`;
  }

  private renderFit(f: RoleFit) {
    const computed = f.status !== 'not-enough-data';
    return html`<li>
      <div class="fit-head">
        <span class="domain-name">${tDynamic(f.label)}</span>
        <span>${computed ? `${formatNumber(f.fitPercent)}%` : tDynamic('profile.notEnoughData')}</span>
      </div>
      ${
        computed
          ? html`<div class="bar" aria-hidden="true"><div style=${styleMap({ inlineSize: `${Math.max(0, Math.min(100, f.fitPercent))}%` })}></div></div>`
          : nothing
      }
      <details>
        <summary>${t('profile.why')}</summary>
        <table>
          <thead><tr><th scope="col">${t('profile.domain')}</th><th scope="col">${t('profile.target')}</th><th scope="col">${t('profile.you')}</th><th scope="col">${t('profile.points')}</th></tr></thead>
          <tbody>
            ${f.contributions.map(
              (c) => html`<tr>
                <th scope="row">${tDynamic(`domain.${c.domain}`)}</th>
                <td class="num">${formatNumber(c.target.low)}–${formatNumber(c.target.high)}</td>
                <td class="num">${c.sten === null ? tDynamic('profile.notMeasured') : formatNumber(c.sten)}</td>
                <td class="num">${formatNumber(c.contribution, 1)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </details>
    </li>`;
  }
}

customElements.define('ts-profile', TsProfile);

declare global {
  interface HTMLElementTagNameMap {
    'ts-profile': TsProfile;
  }
}
