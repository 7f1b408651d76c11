import { ContextConsumer } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { issueErrorKey } from '../credential/messages.ts';
import { summarise, type OpenBadgeCredential } from '../credential/ob-credential.ts';
import { I18nController, lang, LANGUAGES, tDynamic } from '../i18n/index.ts';
import { normGroupName } from './norm-name.ts';
import type { GameScore } from '../runtime/game-contract.ts';
import { requestCredential, WitnessHttpError } from '../worker/witness-api.ts';
import type { UploadStatus } from '../worker/witness-uploader.ts';
import { recorderContext } from './context.ts';
import { base } from './styles.ts';

/** What `POST /api/sessions/:id/credential` answers (the shape of the practice-era issuer answer). */
export interface IssuedCredential {
  credentialId: string;
  credential: OpenBadgeCredential;
  vcSdJwt: string;
  dcSdJwt: string;
  offer: { uri: string; qrSvg: string; expiresAt: string; txCode?: string };
  revocation: { credentialId: string; token: string };
}

/**
 * The candidate's credential panel on the results screen. A credential exists only for a certified session: once the
 * server holds the whole log (the upload is synced), it asks the issuer (same origin) for a credential made from the
 * server's own copy, then offers it to a wallet (QR code + openid-credential-offer link), as files (.jwt, .json)
 * and as a printable certificate, and lets the candidate withdraw it.
 *
 * Inputs: `sessionId` (the log comes from the recorder worker via context), optional `normGroup`, optional
 * `scores` (sent as claimed scores: the issuer refuses to sign when its own re-scoring disagrees).
 * Events (bubbling, composed): `credential-issued` { credentialId, revocationToken, credential } — the shell keeps the
 * token with the session so that "delete my data" can withdraw the credential too, and puts the credential (compact
 * SD-JWT) in the report for a coach; `credential-revoked` { credentialId }.
 */
export class TsCredential extends LitElement {
  static override properties = {
    sessionId: { attribute: false },
    normGroup: { attribute: false },
    scores: { attribute: false },
    certified: { attribute: false },
    upload: { attribute: false },
    keyLost: { attribute: false },
    issuedBefore: { attribute: false },
    state: { state: true },
    issued: { state: true },
    error: { state: true },
  };
  static override styles = [
    base,
    css`
      :host { display: block; }
      .grid { display: grid; gap: 1rem; }
      .actions { display: flex; flex-wrap: wrap; gap: 0.75rem; }
      .qr { inline-size: min(16rem, 70vw); block-size: auto; background: #fff; border: 1px solid #d9dbe8; border-radius: 8px; }
      .code { font-size: 1.5rem; font-weight: 800; letter-spacing: 0.2em; font-variant-numeric: tabular-nums; }
      .muted { color: var(--ink-soft); }
      a.wallet { overflow-wrap: anywhere; }
      [role='alert'] { background: var(--warn-bg); color: var(--warn-ink); border-radius: var(--radius); padding-block: 0.75rem; padding-inline: 1rem; }
    `,
  ];

  declare sessionId: string;
  declare normGroup: string | undefined;
  declare scores: GameScore[] | undefined;
  /** The certified session's server id and token; null for a practice session (no credential). */
  declare certified: { sessionId: string; token: string } | null;
  declare upload: UploadStatus | null;
  /** A certified scan whose capability token this device no longer holds: its credential can no longer be made here. */
  declare keyLost: boolean;
  /** Its credential was issued on this device before (a reopened session): "get it again" asks the server for that one. */
  declare issuedBefore: boolean;
  declare state: 'idle' | 'working' | 'ready' | 'revoked';
  declare issued: IssuedCredential | undefined;
  declare error: string | undefined;

  private readonly i18n = new I18nController(this);
  private readonly recorder = new ContextConsumer(this, { context: recorderContext });

  constructor() {
    super();
    this.sessionId = '';
    this.normGroup = undefined;
    this.scores = undefined;
    this.certified = null;
    this.upload = null;
    this.keyLost = false;
    this.issuedBefore = false;
    this.state = 'idle';
    this.issued = undefined;
    this.error = undefined;
  }

  override render() {
    const t = tDynamic;
    if (!this.certified) {
      return html`<section class="card grid" aria-labelledby="credential-title">
        <h2 id="credential-title">${t('credential.title')}</h2>
        ${this.keyLost ? html`<p class="key-lost">${t('past.keyLost')}</p>` : html`<p class="practice-none">${t('credential.practiceNone')}</p>`}
      </section>`;
    }
    const u = this.upload;
    const synced = u?.state === 'synced' && u.pending === 0;
    return html`<section class="card grid" aria-labelledby="credential-title">
      <h2 id="credential-title">${t('credential.title')}</h2>
      ${this.error ? html`<p role="alert">${this.error}</p>` : nothing}
      ${u?.state === 'refused' ? html`<p role="alert">${t('upload.refused', { reason: u.detail ?? '' })}</p>` : nothing}
      ${
        this.state === 'idle' || this.state === 'working'
          ? html`<p>${t(this.issuedBefore ? 'past.issuedBefore' : 'credential.intro')}</p>
            ${synced || u?.state === 'refused' ? nothing : html`<p role="status" class="upload-waiting">${t('upload.waiting', { count: u?.pending ?? 0 })}</p>`}
            <div class="actions">
              <button @click=${() => void this.issue()} ?disabled=${this.state === 'working' || !this.sessionId || !synced}>${t(this.issuedBefore ? 'past.getAgain' : 'credential.get')}</button>
            </div>
            ${this.state === 'working' ? html`<p role="status">${t('credential.working')}</p>` : nothing}`
          : nothing
      }
      ${this.state === 'ready' && this.issued ? this.renderReady(this.issued) : nothing}
      ${this.state === 'revoked' ? html`<p role="status">${t('credential.revoked')}</p>` : nothing}
    </section>`;
  }

  private renderReady(c: IssuedCredential) {
    const t = tDynamic;
    const time = new Intl.DateTimeFormat(lang(), { timeStyle: 'short' }).format(new Date(c.offer.expiresAt));
    const qr = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(c.offer.qrSvg)}`;
    return html`<p role="status">${t('credential.ready')}</p>
      <div class="grid">
        <h3>${t('credential.wallet.title')}</h3>
        <p>${t('credential.wallet.body')}</p>
        <img class="qr" src=${qr} alt=${t('credential.wallet.qrAlt')} width="256" height="256" />
        <p><a class="button secondary wallet" href=${c.offer.uri}>${t('credential.wallet.link')}</a></p>
        ${c.offer.txCode ? html`<p>${t('credential.wallet.txCode', { code: '' })}<span class="code" dir="ltr">${c.offer.txCode}</span></p>` : nothing}
        <p class="muted">${t('credential.wallet.expires', { time })}</p>
      </div>
      <div class="grid">
        <h3>${t('credential.download.title')}</h3>
        <div class="actions">
          <button class="secondary" @click=${() => this.save(c.vcSdJwt, 'jwt', 'application/jwt')}>${t('credential.download.jwt')}</button>
          <button class="secondary" @click=${() => this.save(JSON.stringify(c.credential, null, 2), 'json', 'application/json')}>${t('credential.download.json')}</button>
          <button class="secondary" @click=${() => this.print(c)}>${t('credential.print')}</button>
        </div>
      </div>
      <div class="actions">
        <button class="secondary" @click=${() => void this.revoke()}>${t('credential.revoke')}</button>
      </div>`;
  }

  private async issue(): Promise<void> {
    const c = this.certified;
    if (!c) return;
    this.state = 'working';
    this.error = undefined;
    try {
      // The issuer scores the copy it witnessed; this page sends no log, only the language of the credential.
      const answer = await requestCredential<Partial<IssuedCredential>>(c.sessionId, c.token, { lang: lang() }).catch((err: unknown) => {
        throw new IssueError(err instanceof WitnessHttpError ? (err.status === 0 ? 'network' : err.code) : undefined);
      });
      if (!answer.vcSdJwt) throw new IssueError(undefined);
      this.issued = answer as IssuedCredential;
      this.state = 'ready';
      this.dispatchEvent(
        new CustomEvent('credential-issued', {
          bubbles: true,
          composed: true,
          detail: { credentialId: this.issued.credentialId, revocationToken: this.issued.revocation.token, credential: this.issued.vcSdJwt },
        }),
      );
    } catch (err) {
      this.state = 'idle';
      const code = err instanceof IssueError ? err.code : undefined;
      this.error = tDynamic('credential.error', { reason: tDynamic(issueErrorKey(code)) });
    }
  }

  /** Withdraws the credential (also callable by the shell when the candidate deletes their data). */
  async revoke(confirmFirst = true): Promise<boolean> {
    const c = this.issued;
    if (!c) return false;
    if (confirmFirst && !confirm(tDynamic('credential.revokeConfirm'))) return false;
    const res = await fetch('/issuer/api/revoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ credentialId: c.revocation.credentialId, token: c.revocation.token }),
      credentials: 'same-origin',
    }).catch(() => undefined);
    if (!res?.ok) {
      this.error = tDynamic('credential.error.generic');
      return false;
    }
    this.state = 'revoked';
    this.dispatchEvent(new CustomEvent('credential-revoked', { bubbles: true, composed: true, detail: { credentialId: c.credentialId } }));
    return true;
  }

  private save(text: string, ext: string, type: string): void {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([text], { type }));
    a.download = `talentscan-credential.${ext}`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  /** A standalone, printable certificate (no script; same-origin blob) printed from this page. */
  private print(c: IssuedCredential): void {
    const url = URL.createObjectURL(new Blob([certificateHtml(c.credential, location.origin)], { type: 'text/html' }));
    const w = window.open(url, '_blank');
    if (!w) {
      location.assign(url);
      return;
    }
    w.addEventListener('load', () => w.print(), { once: true });
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

class IssueError extends Error {
  constructor(readonly code: string | undefined) {
    super(code ?? 'error');
  }
}

const esc = (s: unknown) => String(s).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The human-readable certificate, in the current shell language (HTML; all values escaped). */
export function certificateHtml(vc: OpenBadgeCredential, origin: string): string {
  const t = tDynamic;
  const l = lang();
  const date = (iso: string) => new Intl.DateTimeFormat(l, { dateStyle: 'long' }).format(new Date(iso));
  const s = summarise(vc);
  const ev = vc.evidence[0];
  const nf = (n: number) => new Intl.NumberFormat(l, { maximumFractionDigits: 1 }).format(n);
  return `<!doctype html><html lang="${esc(l)}" dir="${LANGUAGES[l].dir}"><head><meta charset="utf-8"><title>${esc(t('credential.certificate.title'))}</title>
<style>
body{font-family:system-ui,'Noto Sans','Noto Sans Arabic',sans-serif;color:#1a1d33;margin:2rem;line-height:1.5}
h1{font-size:1.6rem;margin-block:0 .5rem}table{border-collapse:collapse;inline-size:100%;margin-block:1rem}
th,td{text-align:start;padding-block:.4rem;padding-inline:.5rem;border-block-end:1px solid #ccd}
.muted{color:#4a4f6a;font-size:.9rem}.num{font-variant-numeric:tabular-nums}code{overflow-wrap:anywhere}
@page{margin:1.5cm}
</style></head><body>
<h1>${esc(t('credential.certificate.title'))}</h1>
<p>${esc(t('credential.certificate.issuer', { issuer: vc.issuer.name }))}<br>${esc(t('credential.certificate.valid', { from: date(vc.validFrom), until: date(vc.validUntil) }))}</p>
<table><thead><tr><th>${esc(t('credential.certificate.domain'))}</th><th>${esc(t('credential.certificate.score'))}</th><th>${esc(t('credential.certificate.interval'))}</th></tr></thead><tbody>
${s.domains.map((d) => `<tr><th scope="row">${esc(t(`credential.domain.${d.domain}`))}</th><td class="num">${esc(nf(d.sten))}</td><td class="num">${d.low !== undefined && d.high !== undefined ? `${esc(nf(d.low))}–${esc(nf(d.high))}` : ''}</td></tr>`).join('')}
</tbody></table>
${s.roles.length ? `<table><thead><tr><th>${esc(t('credential.certificate.role'))}</th><th>${esc(t('credential.certificate.fit'))}</th></tr></thead><tbody>${s.roles.map((r) => `<tr><th scope="row">${esc(r.name)}</th><td class="num">${esc(nf(r.fitPercent))}%</td></tr>`).join('')}</tbody></table>` : ''}
<p>${esc(t('credential.certificate.norm', { population: normGroupName(ev.norm), id: ev.norm.id, version: ev.norm.version }))}</p>
${ev.norm.provisional ? `<p><strong>${esc(t('credential.certificate.provisional'))}</strong></p>` : ''}
<p class="muted">${esc(t('credential.certificate.recompute', { algorithm: ev.algorithmVersion, digest: `${ev.rawLog.digest.slice(0, 23)}…` }))}<br>
${esc(t('credential.certificate.id', { id: vc.id }))}<br>${esc(t('credential.certificate.check', { url: `${origin}/verify` }))}</p>
</body></html>`;
}

customElements.define('ts-credential', TsCredential);

declare global {
  interface HTMLElementTagNameMap {
    'ts-credential': TsCredential;
  }
}
