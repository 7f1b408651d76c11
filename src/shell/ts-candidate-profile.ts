import { css, html, LitElement, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { formatNumber, I18nController, lang, t, tDynamic } from '../i18n/index.ts';
import { normGroupName } from './norm-name.ts';
import type { Domain } from '../runtime/game-contract.ts';
import type { DomainScore, NormRef, Profile, RoleFit } from '../scoring/profile-types.ts';
import { fitCoverage, type NotMeasured, scanCoverage } from './results-explain.ts';
import './results-explain-messages.ts';
import { bandOf, fitBars, gamesOf, strengthsFirst } from './results-view.ts';
import { stenScale, stenScaleStyles } from './sten-scale.ts';
import { fitsSection, tipsSection } from './profile-sections.ts';
import { base } from './styles.ts';

/**
 * The profile as the candidate reads it: strengths first; each domain as a scale with its band in plain words and a
 * "what does this mean" layer (what was measured, in which game, what the band means, against which group); working
 * style tips; each role fit with its range and the "why" as a picture of what each domain adds or takes away. Never
 * worded as a diagnosis. (The coach's view with the numbers is <ts-profile>.)
 *
 * Gaps explain themselves: an area of this scan that could not be scored says so, with its game and a hint from the
 * kind of problem (never as a verdict); the areas the played battery does not cover are one calm line; a role fit says
 * on how many of its areas it rests. `scanGames` is the played battery's games (null when unknown: every area then
 * counts as part of the scan).
 */
export class TsCandidateProfile extends LitElement {
  static override properties = { profile: { attribute: false }, scanGames: { attribute: false } };
  static override styles = [
    base,
    stenScaleStyles,
    css`
      :host { display: grid; gap: 1rem; }
      .domains { display: grid; gap: 1rem; margin: 0; padding: 0; list-style: none; }
      .domain { display: grid; gap: 0.3rem; }
      .strengths .domain { border-inline-start: 4px solid #0b7a4b; padding-inline-start: 0.75rem; }
      .head { display: flex; justify-content: space-between; gap: 0.5rem; flex-wrap: wrap; align-items: baseline; }
      .name { font-weight: 700; }
      .band { font-weight: 600; border-radius: 999px; padding-inline: 0.6rem; }
      .band.high { background: #d7f2e3; color: #0b5132; }
      .band.mid { background: #ecebfb; color: #2a2190; }
      .band.low { background: #eef0f7; color: var(--ink); }
      .muted { color: var(--ink-soft); }
      .provisional { background: var(--warn-bg); color: var(--warn-ink); border-radius: 8px; padding-block: 0.5rem; padding-inline: 0.75rem; }
      details summary { cursor: pointer; min-block-size: 44px; display: flex; align-items: center; color: var(--accent); font-weight: 600; }
      dl { margin: 0; display: grid; gap: 0.35rem; }
      dt { font-weight: 700; }
      dd { margin: 0; }
      ul.tips { margin: 0; padding-inline-start: 1.2rem; display: grid; gap: 0.4rem; }
      .fits { display: grid; gap: 1rem; margin: 0; padding: 0; list-style: none; }
      .fit-track { position: relative; block-size: 18px; background: #e1e3ee; border-radius: 9px; }
      .fit-range { position: absolute; inset-block: 7px; background: #6b6f88; border-radius: 2px; }
      .fit-dot { position: absolute; inset-block-start: 1px; inline-size: 16px; block-size: 16px; margin-inline-start: -8px; border-radius: 50%; background: var(--accent); border: 2px solid #fff; }
      .bars { display: grid; gap: 0.35rem; margin: 0; padding: 0; list-style: none; }
      .bar-row { display: grid; grid-template-columns: minmax(7rem, 1fr) 2fr; gap: 0.5rem; align-items: center; }
      .diverge { position: relative; block-size: 16px; }
      .diverge::before { content: ''; position: absolute; inset-block: -2px; inset-inline-start: 50%; border-inline-start: 2px solid var(--ink-soft); }
      .plus, .minus { position: absolute; inset-block: 0; border-radius: 3px; }
      .plus { inset-inline-start: 50%; background: #0b7a4b; }
      .minus { inset-inline-end: 50%; background: #b3261e; }
      .none { position: absolute; inset-inline-start: calc(50% - 0.5rem); color: var(--ink-soft); font-size: 0.85rem; }
      .unmeasured .domain { border-inline-start: 4px solid #c9cbe0; padding-inline-start: 0.75rem; }
      .unmeasured { display: grid; gap: 0.6rem; }
      .unmeasured h2, .unmeasured p, .domain p { margin: 0; }
      .coverage { font-size: 0.9rem; }
    `,
  ];

  declare profile: Profile | null;
  declare scanGames: readonly string[] | null;
  private readonly i18n = new I18nController(this);

  constructor() {
    super();
    this.profile = null;
    this.scanGames = null;
  }

  override render() {
    const p = this.profile;
    if (!p) return nothing;
    const scan = scanCoverage(p, this.scanGames);
    const { strengths, others } = strengthsFirst(scan.measured);
    // Nothing scored: no strengths section (its "no area stands out" would read as a comparison that was never made).
    const unmeasured = this.renderUnmeasured(scan.notMeasured, scan.measured.length === 0);
    return html`
      ${scan.measured.length === 0 ? unmeasured : nothing}
      ${
        scan.measured.length > 0
          ? html`<section class="card strengths" aria-labelledby="strengths-title">
            <h2 id="strengths-title">${tDynamic('results.strengthsFirst')}</h2>
            ${this.renderProvisional(p)}
            ${
              strengths.length
                ? html`<p class="muted">${tDynamic('results.strengthsBody')}</p>
                  <ul class="domains">${strengths.map((d) => this.renderDomain(d, p.norm))}</ul>`
                : html`<p>${tDynamic('results.noStrength')}</p>`
            }
          </section>`
          : nothing
      }
      ${
        others.length
          ? html`<section class="card" aria-labelledby="others-title">
            <h2 id="others-title">${tDynamic('results.otherAreas')}</h2>
            <p class="muted">${t('profile.scaleHelp')}</p>
            <ul class="domains">${others.map((d) => this.renderDomain(d, p.norm))}</ul>
          </section>`
          : nothing
      }
      ${scan.measured.length > 0 ? unmeasured : nothing}
      ${scan.notInScan.length ? html`<p class="card muted" data-not-in-scan>${tDynamic('notInScan', { domains: this.list(scan.notInScan) })}</p>` : nothing}
      ${tipsSection(p)}
      ${
        p.roleFits.length && p.roleFits.every((f) => f.status === 'not-enough-data')
          ? html`<section class="card" aria-labelledby="fits-title" data-no-fits>
            <h2 id="fits-title">${t('profile.roles')}</h2>
            <p class="muted">${tDynamic('fit.noneComputed')}</p>
          </section>`
          : fitsSection(p, (f) => this.renderFit(f))
      }
      <p class="muted">${t('profile.normGroup', { population: normGroupName(p.norm), n: p.norm.n, id: `${p.norm.id} ${p.norm.version}` })}
        ${t('profile.versions', { version: p.algorithmVersion })}</p>
    `;
  }

  private renderProvisional(p: Profile) {
    return p.norm.provisional
      ? html`<p class="provisional" role="note"><strong>${tDynamic('profile.provisional')}</strong>. ${t('profile.provisionalExplained')}</p>`
      : nothing;
  }

  /** Area names joined as a sentence does in the current language ("A, B and C"). */
  private list(domains: readonly Domain[]): string {
    return new Intl.ListFormat(lang(), { type: 'conjunction' }).format(domains.map((d) => tDynamic(`domain.${d}`)));
  }

  /**
   * The areas of this scan that could not be scored: that it is no judgement, per area its game and a hint from the
   * kind of problem, and that the scan can be done again. `none` (nothing scored at all) says so first.
   */
  private renderUnmeasured(items: readonly NotMeasured[], none: boolean) {
    if (!items.length) return nothing;
    return html`<section class="card unmeasured" aria-labelledby="unmeasured-title" data-unmeasured>
      <h2 id="unmeasured-title">${tDynamic('unmeasured.title')}</h2>
      ${none ? html`<p>${tDynamic('unmeasured.none')}</p>` : nothing}
      <p>${tDynamic('unmeasured.body')}</p>
      <ul class="domains">
        ${items.map(
          (d) => html`<li class="domain" data-domain=${d.domain} data-unmeasured-domain>
            <span class="name">${tDynamic(`domain.${d.domain}`)}</span>
            <span class="muted">${tDynamic(`domain.${d.domain}.about`)}</span>
            ${d.games.map(
              (g) => html`<p>${tDynamic('unmeasured.game', { game: tDynamic(`game.${g.game}`) })}</p>
                <p data-kind=${g.kind}>${tDynamic(`unmeasured.hint.${g.kind}`)}</p>`,
            )}
          </li>`,
        )}
      </ul>
      <p>${tDynamic('unmeasured.again')}</p>
      <p><a class="button" href="/">${t('results.again')}</a></p>
    </section>`;
  }

  private renderDomain(d: DomainScore, norm: NormRef) {
    const name = tDynamic(`domain.${d.domain}`);
    const measured = d.status === 'measured' && d.sten !== undefined;
    const band = measured && d.sten !== undefined ? bandOf(d.sten) : null;
    const ci = d.stenCi;
    const games = gamesOf(d);
    return html`<li class="domain" data-domain=${d.domain}>
      <div class="head">
        <span class="name">${name}</span>
        ${band ? html`<span class="band ${band}">${tDynamic(`band.${band}`)}</span>` : html`<span class="muted">${tDynamic('profile.notMeasured')}</span>`}
      </div>
      ${
        measured && d.sten !== undefined
          ? stenScale(
              d.sten,
              ci?.low,
              ci?.high,
              `${name}: ${t('profile.stenLabel', {
                sten: formatNumber(d.sten),
                low: ci ? formatNumber(ci.low, 1) : '–',
                high: ci ? formatNumber(ci.high, 1) : '–',
                percentile: d.percentile === undefined ? '–' : formatNumber(d.percentile),
              })}`,
            )
          : nothing
      }
      <details class="explain">
        <summary>${tDynamic('explain.button')}</summary>
        <dl>
          <dt>${tDynamic('explain.measured')}</dt>
          <dd>${tDynamic(`domain.${d.domain}.about`)}</dd>
          ${games.length ? html`<dt>${tDynamic('explain.game')}</dt><dd>${games.map((g) => tDynamic(`game.${g}`)).join(', ')}</dd>` : nothing}
          <dt>${tDynamic('explain.band')}</dt>
          <dd>
            ${
              band && d.sten !== undefined
                ? html`${tDynamic(`band.${band}.means`)}
                  ${tDynamic('explain.bandRange', { sten: formatNumber(d.sten), low: formatNumber(ci?.low ?? d.sten, 1), high: formatNumber(ci?.high ?? d.sten, 1) })}`
                : tDynamic('explain.notMeasured')
            }
          </dd>
          <dt>${tDynamic('explain.group')}</dt>
          <dd>${tDynamic('explain.groupBody', { population: normGroupName(norm), n: norm.n })} ${norm.provisional ? tDynamic('profile.provisional') : nothing}</dd>
        </dl>
        <p class="muted">${tDynamic('explain.notDiagnosis')}</p>
      </details>
    </li>`;
  }

  /** A role fit: the percentage on a track with its range, and the why as bars that add to it or take away. */
  private renderFit(f: RoleFit) {
    const computed = f.status !== 'not-enough-data';
    const pct = (v: number) => `${Math.max(0, Math.min(100, v))}%`;
    const range = f.fitRange;
    const cover = fitCoverage(f);
    const partial = cover.measured < cover.total;
    // A fit that rounds to 0 % reads as a verdict on the person: it is named in words, with its range beside it.
    const value = !computed ? tDynamic('profile.notEnoughData') : f.fitPercent < 1 ? tDynamic('fit.veryLow') : `${formatNumber(f.fitPercent)}%`;
    return html`<li class="fit" data-role=${f.role}>
      <div class="head">
        <span class="name">${tDynamic(f.label)}</span>
        <span>
          ${value}
          ${computed && range ? html`<span class="muted">(${tDynamic('fit.range', { low: formatNumber(range.low), high: formatNumber(range.high) })})</span>` : nothing}
        </span>
      </div>
      ${
        partial
          ? html`<p class="muted coverage" data-fit-coverage>
            ${tDynamic('fit.coverage', { measured: formatNumber(cover.measured), count: cover.total })}${computed ? html`. ${tDynamic('fit.rough')}` : nothing}
          </p>`
          : nothing
      }
      ${
        computed
          ? html`<div class="fit-track" aria-hidden="true">
            ${range ? html`<span class="fit-range" style=${styleMap({ insetInlineStart: pct(range.low), inlineSize: `calc(${pct(range.high)} - ${pct(range.low)})` })}></span>` : nothing}
            <span class="fit-dot" style=${styleMap({ insetInlineStart: pct(f.fitPercent) })}></span>
          </div>`
          : nothing
      }
      <details>
        <summary>${tDynamic('fit.why')}</summary>
        <p class="muted">${tDynamic('fit.pictureHelp')}</p>
        <ul class="bars">
          ${fitBars(f).map((b) => {
            const domain = tDynamic(`domain.${b.domain}`);
            const label = b.measured
              ? tDynamic('fit.bar', { domain, points: formatNumber(b.points, 1), effect: tDynamic(b.points < 0 ? 'fit.lowers' : 'fit.helps') })
              : tDynamic('fit.notMeasured', { domain });
            const width = `${(Math.abs(b.share) * 50).toFixed(1)}%`;
            return html`<li class="bar-row">
              <span>${domain}</span>
              <span class="diverge" role="img" aria-label=${label}>
                ${
                  !b.measured
                    ? html`<span class="none" aria-hidden="true">–</span>`
                    : html`<span class=${b.points < 0 ? 'minus' : 'plus'} style=${styleMap({ inlineSize: width })}></span>`
                }
              </span>
            </li>`;
          })}
        </ul>
      </details>
    </li>`;
  }
}

customElements.define('ts-candidate-profile', TsCandidateProfile);

declare global {
  interface HTMLElementTagNameMap {
    'ts-candidate-profile': TsCandidateProfile;
  }
}
