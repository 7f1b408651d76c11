import { css, html, LitElement, nothing } from 'lit';
import { verifyCredential, type VerifyResult, type VerifySuccess } from '../credential/verify.ts';
import { formatNumber, I18nController, lang, tDynamic } from '../i18n/index.ts';
import { normGroupName } from './norm-name.ts';
import { embeddingLine } from './embedding-line.ts';
import { filePick } from './file-pick.ts';
import { base } from './styles.ts';

/**
 * The /verify page (and the coach workspace's check): a credential pasted or loaded from a file is verified in this
 * browser with src/credential/verify.ts — signature, disclosures, validity period, revocation list, OB 3.0 structure —
 * and the page shows exactly which results the holder disclosed. The deployment's own issuer (GET /issuer/api/info)
 * is the trusted issuer. Only public data is fetched (the issuer's DID document / key and its status list).
 *
 * Property `credential` (string) pre-fills and checks at once (the coach workspace passes an imported file).
 */
export class TsVerify extends LitElement {
  static override properties = {
    credential: { attribute: false },
    result: { state: true },
    checking: { state: true },
    fileName: { state: true },
  };
  static override styles = [
    base,
    css`
      :host { display: block; padding: 1rem; }
      .wrap { max-inline-size: 48rem; margin-inline: auto; display: grid; gap: 1rem; }
      label { display: grid; gap: 0.35rem; font-weight: 600; }
      textarea { font: inherit; font-family: ui-monospace, monospace; font-size: 0.85rem; min-block-size: 8rem; padding: 0.5rem; border-radius: 8px; border: 1px solid #8b90b0; inline-size: 100%; box-sizing: border-box; }
      table { inline-size: 100%; border-collapse: collapse; }
      th, td { text-align: start; padding-block: 0.4rem; padding-inline: 0.5rem; border-block-end: 1px solid #e1e3ee; }
      td.num { font-variant-numeric: tabular-nums; }
      .ok { border-inline-start: 6px solid #1b7f3b; }
      .bad { border-inline-start: 6px solid #b3261e; }
      .muted { color: var(--ink-soft); }
      code { overflow-wrap: anywhere; }
    `,
  ];

  declare credential: string;
  declare result: VerifyResult | undefined;
  declare checking: boolean;
  /** The name of the file the credential was loaded from, until the text is edited. */
  declare fileName: string | null;
  private readonly i18n = new I18nController(this);
  private trusted: Promise<string[] | undefined> | undefined;

  constructor() {
    super();
    this.credential = '';
    this.result = undefined;
    this.checking = false;
    this.fileName = null;
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('credential') && this.credential && changed.get('credential') !== undefined) void this.check();
  }

  override firstUpdated(): void {
    if (this.credential) void this.check();
  }

  override render() {
    const t = tDynamic;
    return html`<div class="wrap">
      <section class="card">
        <h1>${t('verify.title')}</h1>
        <p>${t('verify.intro')}</p>
        <form @submit=${this.onSubmit} class="wrap">
          <label>${t('verify.input')}<textarea name="credential" .value=${this.credential} @input=${this.onInput} spellcheck="false" autocomplete="off" dir="ltr"></textarea></label>
          <div>${filePick({ id: 'verify-file', label: t('verify.file'), accept: '.jwt,.txt,application/jwt,text/plain', onChange: this.onFile, chosen: this.fileName })}</div>
          <div><button type="submit" ?disabled=${this.checking || !this.credential.trim()}>${t('verify.submit')}</button></div>
        </form>
      </section>
      <div aria-live="polite">${this.checking ? html`<p role="status">${t('verify.checking')}</p>` : this.result ? this.renderResult(this.result) : nothing}</div>
    </div>`;
  }

  private renderResult(r: VerifyResult) {
    const t = tDynamic;
    if (!r.ok) {
      return html`<section class="card bad" role="alert"><h2>${t('verify.fail', { reason: t(`verify.fail.${r.reason}`) })}</h2><p class="muted" dir="ltr" lang="en">${r.detail}</p></section>`;
    }
    const date = (iso?: string) => (iso ? new Intl.DateTimeFormat(lang(), { dateStyle: 'long' }).format(new Date(iso)) : '—');
    const ev = r.credential.evidence?.[0];
    const results = r.credential.credentialSubject?.result?.length ?? 0;
    return html`<section class="card ok">
      <h2>${t('verify.ok', { issuer: r.issuer.name ?? r.issuer.id })}</h2>
      <p>${t('verify.validity', { from: date(r.validFrom), until: date(r.validUntil) })}<br />
        ${r.status.checked ? t('verify.status.checked') : t('verify.status.notChecked')}<br />
        ${t('verify.disclosed', { shown: results, hidden: r.undisclosed })}
        ${r.holderKey ? html`<br />${t('verify.holder')}` : nothing}</p>
      ${
        r.summary.domains.length
          ? html`<table>
            <thead><tr><th scope="col">${t('credential.certificate.domain')}</th><th scope="col">${t('credential.certificate.score')}</th><th scope="col">${t('credential.certificate.interval')}</th></tr></thead>
            <tbody>${r.summary.domains.map(
              (d) =>
                html`<tr><th scope="row">${t(`credential.domain.${d.domain}`)}</th><td class="num">${formatNumber(d.sten, 1)}</td><td class="num">${d.low !== undefined && d.high !== undefined ? `${formatNumber(d.low, 1)}–${formatNumber(d.high, 1)}` : ''}</td></tr>`,
            )}</tbody>
          </table>`
          : nothing
      }
      ${
        r.summary.roles.length
          ? html`<table>
            <thead><tr><th scope="col">${t('credential.certificate.role')}</th><th scope="col">${t('credential.certificate.fit')}</th></tr></thead>
            <tbody>${r.summary.roles.map((x) => html`<tr><th scope="row">${x.name}</th><td class="num">${formatNumber(x.fitPercent)}%</td></tr>`)}</tbody>
          </table>`
          : nothing
      }
      ${
        ev
          ? html`<p>${t('credential.certificate.norm', { population: ev.norm ? normGroupName(ev.norm) : '', id: ev.norm?.id ?? '', version: ev.norm?.version ?? '' })}</p>
            ${ev.norm?.provisional ? html`<p><strong>${t('credential.certificate.provisional')}</strong></p>` : nothing}
            <p class="muted">${t('credential.certificate.recompute', { algorithm: ev.algorithmVersion ?? '', digest: ev.rawLog?.digest ?? '' })}</p>`
          : nothing
      }
      ${this.renderAssurance(r)}
      <h3>${t('verify.claims')}</h3>
      <ul dir="ltr">${r.disclosed.map((d) => html`<li><code>${d.path}</code></li>`)}</ul>
      <p class="muted" dir="ltr">${t('verify.format', { format: r.format })} · <code>${r.issuer.id.length > 60 ? `${r.issuer.id.slice(0, 60)}…` : r.issuer.id}</code></p>
    </section>`;
  }

  /** How the result was obtained: the credential's assurance (certified sessions), or that nobody witnessed it. */
  private renderAssurance(r: VerifySuccess) {
    const t = tDynamic;
    const a = r.assurance;
    if (!a) return html`<h3>${t('integrity.assurance.title')}</h3><p>${t('integrity.assurance.notWitnessed')}</p>`;
    const when = (iso: string) => new Intl.DateTimeFormat(lang(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
    const list = (items: string[]) => new Intl.ListFormat(lang(), { type: 'conjunction' }).format(items);
    return html`<h3>${t('integrity.assurance.title')}</h3>
      <ul class="assurance">
        <li>${t('integrity.assurance.certified', { from: when(a.sessionStart), until: when(a.sessionEnd) })}</li>
        <li>${t('integrity.assurance.games', { games: list(a.games.map((g) => t(`game.${g}`))) })}</li>
        <li>${t('integrity.assurance.unproctored')}</li>
        <li>${t('integrity.assurance.checks', { version: a.checks.version, checks: list(a.checks.passed.map((c) => t(`integrity.check.${c}`))) })}</li>
        ${a.checks.marked.length ? html`<li>${t('integrity.assurance.marked', { signals: a.checks.marked.map((c) => t(`integrity.refusal.${c}`)).join(' ') })}</li>` : nothing}
        ${a.embedding ? html`<li>${embeddingLine(a.embedding)}</li>` : nothing}
        <li>${a.offline.gaps ? t('integrity.assurance.offline', { gaps: a.offline.gaps, minutes: Math.max(1, Math.round(a.offline.totalMs / 60_000)) }) : t('integrity.assurance.online')}</li>
      </ul>`;
  }

  private onSubmit(e: Event): void {
    e.preventDefault();
    void this.check();
  }

  private readonly onFile = async (e: Event): Promise<void> => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (!file || file.size > 200_000) return;
    this.fileName = file.name;
    this.credential = (await file.text()).trim();
    await this.check();
  };

  private readonly onInput = (e: Event): void => {
    this.credential = (e.target as HTMLTextAreaElement).value;
    this.fileName = null;
  };

  private trustedIssuers(): Promise<string[] | undefined> {
    this.trusted ??= fetch('/issuer/api/info', { credentials: 'same-origin' })
      .then(async (r) => (r.ok ? [((await r.json()) as { issuer: string }).issuer] : undefined))
      .catch(() => undefined);
    return this.trusted;
  }

  async check(): Promise<VerifyResult | undefined> {
    const input = this.credential.trim();
    if (!input) return undefined;
    this.checking = true;
    try {
      const trusted = await this.trustedIssuers();
      this.result = await verifyCredential(input, trusted ? { trustedIssuers: trusted } : {});
    } finally {
      this.checking = false;
    }
    return this.result;
  }
}

customElements.define('ts-verify', TsVerify);

declare global {
  interface HTMLElementTagNameMap {
    'ts-verify': TsVerify;
  }
}
