import { css, html, LitElement, nothing } from 'lit';
import type { Choices } from '../../coach/recompute.ts';
import type { CandidateRecord, VerificationView } from '../../coach/types.ts';
import { formatNumber, I18nController, lang, tDynamic as t } from '../../i18n/index.ts';
import type { QualityFlag } from '../../runtime/game-contract.ts';
import { normGroupName } from '../norm-name.ts';
import type { Profile } from '../../scoring/profile-types.ts';
import { EXAMPLE_ROLES } from '../../scoring/role-profiles.ts';
import { embeddingLine } from '../embedding-line.ts';
import { describeFlag, mergeFlags } from '../flag-messages.ts';
import { base } from '../styles.ts';
import '../ts-profile.ts';
import { coachStyles } from './coach-styles.ts';
import { rangeChart } from './range-chart.ts';
import { recomputeClient } from './recompute-client.ts';
import { reasonText } from './status.ts';

const fmt = (v: number | undefined, d = 1) => (v === undefined ? '—' : formatNumber(v, d));
const roleName = (id: string, fallback: string) => {
  const key = `role.${id}`;
  return t(key) === key ? fallback : t(key);
};

/**
 * Quality flags as the coach reads them, one line per code (counts of a flag raised per block added): the sentence in
 * the page's language (with the game and part the code names), then the code, small and left-to-right, to look it up in the algorithm card. The scorers' English details are in the
 * profile's audit trail (<ts-profile>); a credential carries the codes only, so those read without their numbers.
 */
function flagList(flags: readonly Pick<QualityFlag, 'code' | 'values'>[]) {
  return html`<ul class="flags">${mergeFlags(flags).map((q) => html`<li>${describeFlag(q).text} <code class="flag-code" dir="ltr">${q.code}</code></li>`)}</ul>`;
}

/**
 * One candidate as the coach reads it with them: the verification (or why not), assurance, each domain with its sten
 * and interval, the norm group's provenance, the metrics, flags and tips behind it (full report), role fits and a
 * range chart against a role, recomputation against another norm group in a worker, notes, and a print view.
 * Fires `record-changed` (detail: the changed record) when the label or notes change, `close` to close.
 */
export class TsCoachCandidate extends LitElement {
  static override properties = {
    record: { attribute: false },
    recomputed: { state: true },
    choices: { state: true },
    working: { state: true },
    role: { state: true },
  };
  static override styles = [
    base,
    coachStyles,
    css`
    :host { display: grid; gap: 1rem; }
    @media print { :host { display: block; } :host > * + * { margin-block-start: 1rem; } }
    .head { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.75rem; align-items: center; }
    .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0; }
    dt { font-weight: 600; }
    dd { margin: 0; }
    .toolbar { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; }
    ul.flags { display: grid; gap: 0.5rem; }
    /* One unit that moves to the next line whole; only a code longer than the line breaks inside. */
    code.flag-code { display: inline-block; max-inline-size: 100%; font-size: 0.85em; color: var(--ink-soft); }
  `,
  ];

  declare record: CandidateRecord;
  declare recomputed: { profile: Profile; identical: boolean } | undefined;
  declare choices: Choices | undefined;
  declare working: boolean;
  declare role: string;
  private readonly i18n = new I18nController(this);

  constructor() {
    super();
    this.recomputed = undefined;
    this.choices = undefined;
    this.working = false;
    this.role = EXAMPLE_ROLES.roles[0]?.id ?? '';
  }

  override willUpdate(changed: Map<string, unknown>): void {
    const prev = changed.get('record') as CandidateRecord | undefined;
    if (changed.has('record') && prev?.id !== this.record.id) this.recomputed = undefined;
  }

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  override render() {
    const r = this.record;
    const v = r.verification;
    return html`
      <section class="card stack" aria-labelledby="cand-title">
        <div class="head">
          <h2 id="cand-title" tabindex="-1">${t('coach.candidate.title', { label: r.label })}</h2>
          <div class="actions no-print">
            <button class="secondary" @click=${() => window.print()}>${t('coach.candidate.print')}</button>
            <button class="secondary" @click=${() => this.dispatchEvent(new Event('close'))}>${t('coach.candidate.close')}</button>
          </div>
        </div>
        <label class="no-print">${t('coach.candidate.label')}<input .value=${r.label} maxlength="60" @change=${(e: Event) => this.change({ label: (e.target as HTMLInputElement).value.trim() || r.label })} /></label>
        ${this.renderVerification(v)}
      </section>
      ${this.renderDomains(r, v)}
      ${r.profile ? this.renderReport(r.profile) : this.renderFitsFromCredential(v)}
      ${this.renderRoleChart(v)}
      ${r.events ? this.renderRecompute(r) : nothing}
      <section class="card stack" aria-labelledby="notes-title">
        <h3 id="notes-title">${t('coach.notes.title')}</h3>
        <label class="no-print">${t('coach.notes.label')}<textarea class="notes" .value=${r.notes} @change=${(e: Event) => this.change({ notes: (e.target as HTMLTextAreaElement).value })}></textarea></label>
        <p class="print-only">${r.notes || '—'}</p>
      </section>
      <footer class="print-only muted">${this.footer(v)}</footer>
    `;
  }

  private renderVerification(v: VerificationView) {
    const date = (iso?: string) => (iso ? new Intl.DateTimeFormat(lang(), { dateStyle: 'long' }).format(new Date(iso)) : '—');
    return html`<div class=${v.verified ? 'ok-box stack' : 'bad-box stack'} role=${v.verified ? nothing : 'note'}>
      <p><strong>${v.verified ? t('coach.verify.ok') : t('coach.verify.notOk', { reason: reasonText(v.reason) })}</strong></p>
      ${v.detail ? html`<p class="muted" lang="en" dir="ltr">${v.detail}</p>` : nothing}
      <dl>
        <dt>${t('coach.verify.issuer')}</dt><dd>${v.issuer ? html`${v.issuer.name ?? ''} <code dir="ltr">${short(v.issuer.id)}</code>` : '—'}</dd>
        <dt>${t('coach.verify.validUntil')}</dt><dd>${date(v.validUntil)}</dd>
        <dt>${t('coach.verify.status')}</dt><dd>${v.statusChecked ? t('coach.verify.statusChecked') : t('coach.verify.statusNot')}</dd>
        <dt>${t('coach.verify.holder')}</dt><dd>${v.keyBinding === 'verified' ? t('coach.verify.holderOk') : t('coach.verify.holderNot')}</dd>
        <dt>${t('coach.verify.assurance')}</dt><dd>${
          v.assurance
            ? t(v.assurance.witnessed ? 'coach.assurance.witnessed' : 'coach.assurance.notWitnessed', {
                level: v.assurance.level,
                games: v.assurance.games.map((g) => t(`game.${g}`)).join(', ') || '—',
              })
            : t('coach.assurance.notStated')
        }${v.assurance?.embedding ? html`<br />${embeddingLine(v.assurance.embedding)}` : nothing}</dd>
        <dt>${t('coach.verify.disclosed')}</dt><dd>${t('coach.verify.disclosedCount', { shown: v.domains.length + v.roles.length, hidden: v.undisclosed })}</dd>
        ${
          v.log
            ? html`<dt>${t('coach.verify.log')}</dt><dd>${v.log.reproduces ? t('coach.verify.logReproduces') : t('coach.verify.logDiffers')}${v.log.digestMatches === undefined ? '' : ` · ${v.log.digestMatches ? t('coach.verify.digestMatches') : t('coach.verify.digestDiffers')}`}</dd>`
            : nothing
        }
      </dl>
    </div>`;
  }

  private renderDomains(r: CandidateRecord, v: VerificationView) {
    const n = v.norm;
    return html`<section class="card stack" aria-labelledby="dom-title">
      <h3 id="dom-title">${t('coach.domains.title')}</h3>
      ${v.verified ? nothing : html`<p class="bad-box">${t('coach.domains.unverified')}</p>`}
      ${
        v.domains.length === 0
          ? html`<p class="muted">${t('coach.domains.none')}</p>`
          : html`<div class="scroll"><table>
            <thead><tr><th scope="col">${t('profile.domain')}</th><th scope="col">${t('coach.domains.sten')}</th><th scope="col">${t('coach.domains.interval')}</th><th scope="col">${t('coach.domains.chart')}</th></tr></thead>
            <tbody>${v.domains.map((d) => {
              const label = t('coach.domains.chartLabel', { domain: t(`domain.${d.domain}`), sten: fmt(d.sten, 0), low: fmt(d.low), high: fmt(d.high) });
              return html`<tr data-domain=${d.domain}><th scope="row">${t(`domain.${d.domain}`)}</th><td class="num">${fmt(d.sten, 0)}</td><td class="num">${fmt(d.low)}–${fmt(d.high)}</td><td>${rangeChart(label, { a: d })}</td></tr>`;
            })}</tbody>
          </table></div>`
      }
      ${
        n
          ? html`<p>${t('coach.norm.line', { population: normGroupName(n), id: n.id, version: n.version })}</p>
            ${n.provisional ? html`<p class="provisional">${t('coach.norm.provisional')}</p>` : nothing}
            <p class="muted" lang="en" dir="ltr">${n.citation}</p>`
          : nothing
      }
      ${v.algorithmVersion ? html`<p class="muted">${t('coach.algorithm', { version: v.algorithmVersion })}</p>` : nothing}
      ${r.profile ? nothing : v.qualityFlags.length ? html`<p>${t('coach.flags.title')}</p>${flagList(v.qualityFlags.map((code) => ({ code })))}` : html`<p class="muted">${t('coach.flags.none')}</p>`}
    </section>`;
  }

  private renderFitsFromCredential(v: VerificationView) {
    if (!v.roles.length) return nothing;
    return html`<section class="card stack" aria-labelledby="fit-title">
      <h3 id="fit-title">${t('coach.fits.title')}</h3>
      <table><thead><tr><th scope="col">${t('coach.fits.role')}</th><th scope="col">${t('coach.fits.fit')}</th></tr></thead>
      <tbody>${v.roles.map((x) => html`<tr><th scope="row">${roleName(x.role, x.name)}</th><td class="num">${formatNumber(x.fitPercent)}%</td></tr>`)}</tbody></table>
      <p class="muted">${t('coach.fits.contributionsNeedReport')}</p>
    </section>`;
  }

  /** The full report: the profile view, and what is behind it — metrics, flags with reasons, tips with their rule. */
  private renderReport(shared: Profile) {
    const p = this.recomputed?.profile ?? shared;
    return html`<ts-profile .profile=${p}></ts-profile>
      <section class="card stack" aria-labelledby="behind-title">
        <h3 id="behind-title">${t('coach.behind.title')}</h3>
        <div class="scroll"><table>
          <thead><tr><th scope="col">${t('profile.domain')}</th><th scope="col">${t('coach.behind.metric')}</th><th scope="col">${t('coach.behind.value')}</th><th scope="col">z</th><th scope="col">${t('coach.behind.used')}</th></tr></thead>
          <tbody>${p.metrics.map(
            (m) => html`<tr>
            <td>${m.domain ? t(`domain.${m.domain}`) : '—'}</td><th scope="row">${t(`metric.${m.game}.${m.metric}`)}</th>
            <td class="num">${m.value === null ? '—' : formatNumber(m.value, 3)}</td><td class="num">${m.z === null ? '—' : formatNumber(m.z, 2)}</td>
            <td>${m.included ? t('coach.behind.yes') : html`<span lang="en" dir="ltr">${m.excludedReason ?? ''}</span>`}</td></tr>`,
          )}</tbody>
        </table></div>
        <h4>${t('coach.flags.title')}</h4>
        ${p.quality.length ? flagList(p.quality) : html`<p class="muted">${t('coach.flags.none')}</p>`}
        <h4>${t('coach.tips.title')}</h4>
        ${p.tips.length ? html`<ul>${p.tips.map((tip) => html`<li>${t(tip.message)} <span class="muted">(${t('coach.tips.rule', { rule: tip.rule })})</span></li>`)}</ul>` : html`<p class="muted">—</p>`}
        <h4>${t('coach.fits.title')}</h4>
        <div class="scroll"><table>
          <thead><tr><th scope="col">${t('coach.fits.role')}</th><th scope="col">${t('coach.fits.fit')}</th><th scope="col">${t('coach.fits.contributions')}</th></tr></thead>
          <tbody>${p.roleFits.map(
            (f) => html`<tr><th scope="row">${t(f.label)}${f.example ? ` (${t('coach.fits.example')})` : ''}</th>
            <td class="num">${f.status === 'not-enough-data' ? t('profile.notEnoughData') : `${formatNumber(f.fitPercent)}%`}</td>
            <td>${f.contributions.map((c) => `${t(`domain.${c.domain}`)} ${formatNumber(c.contribution, 1)}`).join(' · ')}</td></tr>`,
          )}</tbody>
        </table></div>
      </section>`;
  }

  private renderRoleChart(v: VerificationView) {
    const role = EXAMPLE_ROLES.roles.find((x) => x.id === this.role);
    const stens = this.recomputed?.profile.domains ?? this.record.profile?.domains;
    return html`<section class="card stack" aria-labelledby="role-title">
      <h3 id="role-title">${t('coach.role.title')}</h3>
      <label class="no-print">${t('coach.role.choose')}<select @change=${(e: Event) => (this.role = (e.target as HTMLSelectElement).value)}>
        ${EXAMPLE_ROLES.roles.map((x) => html`<option value=${x.id} ?selected=${x.id === this.role}>${t(x.label)}</option>`)}
      </select></label>
      ${EXAMPLE_ROLES.example ? html`<p class="provisional">${t('coach.role.example')}</p>` : nothing}
      ${
        role
          ? html`<table><thead><tr><th scope="col">${t('profile.domain')}</th><th scope="col">${t('coach.role.target')}</th><th scope="col">${t('coach.domains.sten')}</th><th scope="col">${t('coach.domains.chart')}</th></tr></thead>
          <tbody>${Object.entries(role.targets).map(([domain, target]) => {
            const fromView = v.domains.find((d) => d.domain === domain);
            const fromProfile = stens?.find((d) => d.domain === domain && d.sten !== undefined);
            const a = fromProfile?.sten !== undefined ? { sten: fromProfile.sten, ...(fromProfile.stenCi ?? {}) } : fromView;
            const label = t('coach.role.chartLabel', {
              domain: t(`domain.${domain}`),
              low: target.sten[0],
              high: target.sten[1],
              sten: a ? fmt(a.sten, 0) : t('coach.role.notShared'),
            });
            return html`<tr><th scope="row">${t(`domain.${domain}`)}</th><td class="num">${target.sten[0]}–${target.sten[1]}</td><td class="num">${a ? fmt(a.sten, 0) : t('coach.role.notShared')}</td>
              <td>${rangeChart(label, { target: target.sten, ...(a ? { a } : {}) })}</td></tr>`;
          })}</tbody></table>`
          : nothing
      }
    </section>`;
  }

  private renderRecompute(r: CandidateRecord) {
    const c = this.choices;
    if (!c)
      void recomputeClient()
        .choices()
        .then((x) => (this.choices = x));
    const p = r.profile;
    return html`<section class="card stack no-print" aria-labelledby="re-title">
      <h3 id="re-title">${t('coach.recompute.title')}</h3>
      <p>${t('coach.recompute.body')}</p>
      <form class="toolbar" @submit=${this.onRecompute}>
        <label>${t('coach.recompute.norm')}<select name="norm">${(c?.normGroups ?? []).map(
          (n) =>
            html`<option value=${n.id} ?selected=${n.id === (this.recomputed?.profile.norm.id ?? p?.norm.id)}>${normGroupName(n)} (${n.id} ${n.version})</option>`,
        )}</select></label>
        <label>${t('coach.recompute.roles')}<select name="roles">${(c?.roleSets ?? []).map((s) => html`<option value=${s.id}>${s.id} ${s.version}</option>`)}</select></label>
        <button type="submit" ?disabled=${this.working || !c}>${t('coach.recompute.run')}</button>
      </form>
      <div role="status" aria-live="polite">
        ${this.working ? html`<p>${t('coach.recompute.working')}</p>` : nothing}
        ${
          this.recomputed
            ? html`<p><strong>${t('coach.recompute.done', { norm: `${this.recomputed.profile.norm.id} ${this.recomputed.profile.norm.version}`, version: this.recomputed.profile.algorithmVersion })}</strong>
              ${this.recomputed.identical ? t('coach.recompute.identical') : t('coach.recompute.different')}</p>`
            : nothing
        }
      </div>
    </section>`;
  }

  private async onRecompute(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const r = this.record;
    if (!r.events) return;
    const data = new FormData(e.target as HTMLFormElement);
    this.working = true;
    try {
      const profile = await recomputeClient().recompute(r.events, String(data.get('norm')), String(data.get('roles')));
      this.recomputed = { profile, identical: JSON.stringify(profile) === JSON.stringify(r.profile) };
    } finally {
      this.working = false;
    }
  }

  private footer(v: VerificationView): string {
    return t('coach.print.footer', {
      status: v.verified ? t('coach.status.verified') : `${t('coach.status.unverified')}: ${reasonText(v.reason)}`,
      issuer: v.issuer?.id ? short(v.issuer.id) : '—',
      checked: new Intl.DateTimeFormat(lang(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(v.checkedAt)),
      digest: v.logDigest ? short(v.logDigest) : '—',
    });
  }

  private change(patch: Partial<Pick<CandidateRecord, 'label' | 'notes'>>): void {
    this.dispatchEvent(new CustomEvent('record-changed', { detail: { ...this.record, ...patch } }));
  }
}

function short(id: string): string {
  return id.length > 48 ? `${id.slice(0, 32)}…${id.slice(-8)}` : id;
}

customElements.define('ts-coach-candidate', TsCoachCandidate);

declare global {
  interface HTMLElementTagNameMap {
    'ts-coach-candidate': TsCoachCandidate;
  }
}
