import { css, html, LitElement, nothing } from 'lit';
import { IntakeError, parseIntake, verifyReport, viewOf } from '../../coach/intake.ts';
import { CSV_COLUMNS, listCsv, queryList, bestFit, type ListQuery, type SortKey } from '../../coach/list.ts';
import { classifyScan } from '../../coach/scan.ts';
import { CoachStore } from '../../coach/store.ts';
import type { CandidateRecord, IntakeSource, VerificationView } from '../../coach/types.ts';
import '../../coach/messages.ts';
import { verifyCredential } from '../../credential/verify.ts';
import { formatNumber, I18nController, lang, tDynamic as t } from '../../i18n/index.ts';
import type { Domain } from '../../runtime/game-contract.ts';
import { DOMAINS } from '../../scoring/profile-types.ts';
import { filePick } from '../file-pick.ts';
import { base } from '../styles.ts';
import { coachStyles } from './coach-styles.ts';
import { CameraError, QrCamera } from './qr-camera.ts';
import { recomputeClient } from './recompute-client.ts';
import './ts-coach-candidate.ts';
import './ts-coach-compare.ts';
import { reasonText, statusBadge } from './status.ts';
import { WalletRequestController, type WalletOutcome, type WalletRequest } from './wallet-request.ts';

const TRUST_KEY = 'talentscan.coach.trust';

/**
 * The printed page: A4 with margins, on white. `@page` works only in the document's own style sheets (not in a shadow
 * root's), so the workspace adds this one to the document while it is shown.
 */
const PRINT_PAGE = new CSSStyleSheet();
PRINT_PAGE.replaceSync('@page { size: A4; margin: 14mm 12mm; } @media print { html, body { background: #fff !important; } }');
const LOCK_MINUTES_KEY = 'talentscan.coach.lockMinutes';

/**
 * The coach workspace (/coach): receive what a candidate shares (wallet presentation, pasted or file credential, full
 * report), verify it on receipt, keep it in this browser only, list, open, compare, note and report. Everything a
 * candidate shared stays in IndexedDB on this device (optionally sealed with a passphrase).
 */
export class TsCoach extends LitElement {
  static override properties = {
    records: { state: true },
    selected: { state: true },
    compare: { state: true },
    query: { state: true },
    message: { state: true },
    error: { state: true },
    locked: { state: true },
    encrypted: { state: true },
    busy: { state: true },
    asked: { state: true },
    trust: { state: true },
    scanning: { state: true },
    fileName: { state: true },
  };
  static override styles = [
    base,
    coachStyles,
    css`
    :host { display: block; padding: 1rem; }
    .wrap { max-inline-size: 72rem; margin-inline: auto; display: grid; gap: 1rem; }
    .intake { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); align-items: start; }
    .qr { inline-size: 14rem; block-size: 14rem; background: #fff; }
    .camera { inline-size: 100%; max-inline-size: 24rem; aspect-ratio: 4 / 3; background: #1a1d33; border-radius: 8px; }
    .toolbar { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: end; }
    .list td, .list th { vertical-align: middle; }
    .row-actions { display: flex; gap: 0.5rem; flex-wrap: wrap; }
    fieldset { border: 1px solid #c5c8da; border-radius: 8px; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
    @media print { .no-print { display: none !important; } :host { padding: 0; } .wrap { display: block; } .wrap > * + * { margin-block-start: 1rem; } }
  `,
  ];

  declare records: CandidateRecord[];
  declare selected: string | undefined;
  declare compare: string | undefined;
  declare query: ListQuery;
  declare message: string;
  declare error: string;
  declare locked: boolean;
  declare encrypted: boolean;
  declare busy: boolean;
  declare asked: Domain[];
  declare trust: string[];
  declare scanning: boolean;
  /** The file last imported, named under its button (the browser's own "No file chosen" is in its language). */
  declare fileName: string | null;
  private readonly i18n = new I18nController(this);
  private readonly wallet = new WalletRequestController(this, (o, r) => void this.onWallet(o, r));
  private store: CoachStore | undefined;
  private ownIssuer: string | undefined;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly onActivity = () => this.armIdleLock();
  private readonly camera = new QrCamera();

  constructor() {
    super();
    this.records = [];
    this.selected = undefined;
    this.compare = undefined;
    this.query = { sort: 'added', verified: 'all' };
    this.message = '';
    this.error = '';
    this.locked = false;
    this.encrypted = false;
    this.busy = false;
    this.asked = ['processing-speed', 'working-memory'];
    this.trust = [];
    this.scanning = false;
    this.fileName = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    for (const e of ['pointerdown', 'keydown']) window.addEventListener(e, this.onActivity, { passive: true });
    if (!document.adoptedStyleSheets.includes(PRINT_PAGE)) document.adoptedStyleSheets = [...document.adoptedStyleSheets, PRINT_PAGE];
    void this.init();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const e of ['pointerdown', 'keydown']) window.removeEventListener(e, this.onActivity);
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== PRINT_PAGE);
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.camera.stop();
    this.store?.close();
  }

  private async init(): Promise<void> {
    this.store = await CoachStore.open();
    this.encrypted = this.store.encrypted;
    this.locked = this.store.locked;
    try {
      const info = await fetch('/issuer/api/info');
      if (info.ok) this.ownIssuer = ((await info.json()) as { issuer: string }).issuer;
    } catch {
      // Without the deployment's issuer the trust list is only what the coach entered.
    }
    const saved = localStorage.getItem(TRUST_KEY);
    this.trust = saved ? (JSON.parse(saved) as string[]) : this.ownIssuer ? [this.ownIssuer] : [];
    if (!this.locked) await this.reload();
    this.armIdleLock();
  }

  private async reload(): Promise<void> {
    if (!this.store || this.store.locked) return;
    this.records = await this.store.list();
  }

  private lockMinutes(): number {
    return Number(localStorage.getItem(LOCK_MINUTES_KEY) ?? 10);
  }

  private armIdleLock(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (!this.store?.encrypted || this.locked) return;
    this.idleTimer = setTimeout(() => this.lockNow(), this.lockMinutes() * 60_000);
  }

  private lockNow(): void {
    this.stopScan();
    this.store?.lock();
    this.records = [];
    this.selected = undefined;
    this.compare = undefined;
    this.locked = true;
  }

  override render() {
    if (this.locked) return this.renderLocked();
    const list = queryList(this.records, this.query);
    const selected = this.records.find((r) => r.id === this.selected);
    const other = this.records.find((r) => r.id === this.compare);
    return html`<div class="wrap">
      <section class="card no-print">
        <h1>${t('coach.title')}</h1>
        <p>${t('coach.intro')}</p>
      </section>
      <div role="status" aria-live="polite" class="no-print">${this.message ? html`<p class="notice">${this.message}</p>` : nothing}</div>
      ${this.error ? html`<p class="bad-box no-print" role="alert">${this.error}</p>` : nothing}
      <div class="intake no-print">${this.renderWallet()}${this.renderImport()}</div>
      ${this.renderList(list)}
      ${
        selected
          ? html`<ts-coach-candidate .record=${selected} @record-changed=${(e: CustomEvent<CandidateRecord>) => void this.save(e.detail)}
            @close=${() => (this.selected = undefined)}></ts-coach-candidate>`
          : nothing
      }
      ${selected && other ? html`<ts-coach-compare .a=${selected} .b=${other}></ts-coach-compare>` : nothing}
      ${this.renderSettings()}
    </div>`;
  }

  private renderLocked() {
    return html`<div class="wrap"><section class="card">
      <h1>${t('coach.locked.title')}</h1>
      <p>${t('coach.locked.body')}</p>
      <form @submit=${this.onUnlock} class="stack">
        <label>${t('coach.passphrase')}<input name="passphrase" type="password" autocomplete="current-password" required /></label>
        <div><button type="submit">${t('coach.unlock')}</button></div>
      </form>
      ${this.error ? html`<p class="bad-box" role="alert">${this.error}</p>` : nothing}
    </section></div>`;
  }

  private renderWallet() {
    const r = this.wallet.request;
    return html`<section class="card stack" aria-labelledby="wallet-title">
      <h2 id="wallet-title">${t('coach.wallet.title')}</h2>
      <p>${t('coach.wallet.body')}</p>
      <fieldset>
        <legend>${t('coach.wallet.domains')}</legend>
        ${DOMAINS.map(
          (d) =>
            html`<label class="check"><input type="checkbox" .checked=${this.asked.includes(d)} @change=${(e: Event) => this.toggleAsked(d, (e.target as HTMLInputElement).checked)} />${t(`domain.${d}`)}</label>`,
        )}
      </fieldset>
      <div class="row-actions">
        <button @click=${() => void this.wallet.start(this.asked)} ?disabled=${this.asked.length === 0}>${t('coach.wallet.ask')}</button>
        ${r ? html`<button class="secondary" @click=${() => this.wallet.cancel()}>${t('coach.wallet.cancel')}</button>` : nothing}
      </div>
      ${this.wallet.error ? html`<p class="bad-box" role="alert">${t('coach.wallet.error', { reason: this.wallet.error })}</p>` : nothing}
      ${
        r
          ? html`<div class="stack" data-request=${r.uri}>
            <img class="qr" alt=${t('coach.wallet.qrAlt')} src=${`data:image/svg+xml;charset=utf-8,${encodeURIComponent(r.qrSvg)}`} />
            <a href=${r.uri}>${t('coach.wallet.link')}</a>
            <p class="muted">${t('coach.wallet.waiting', { domains: r.domains.map((d) => t(`domain.${d}`)).join(', '), time: new Intl.DateTimeFormat(lang(), { timeStyle: 'short' }).format(new Date(r.expiresAt)) })}</p>
          </div>`
          : nothing
      }
    </section>`;
  }

  private renderImport() {
    return html`<section class="card stack" aria-labelledby="import-title">
      <h2 id="import-title">${t('coach.import.title')}</h2>
      <p>${t('coach.import.body')}</p>
      <form class="stack" @submit=${this.onPaste}>
        <label>${t('coach.import.label')}<input name="label" autocomplete="off" maxlength="60" /></label>
        <label>${t('coach.import.paste')}<textarea name="text" spellcheck="false" autocomplete="off" dir="ltr"></textarea></label>
        <div class="row-actions"><button type="submit" ?disabled=${this.busy}>${t('coach.import.submit')}</button></div>
      </form>
      <div>${filePick({ id: 'import-file', label: t('coach.import.file'), accept: '.jwt,.txt,.json,application/jwt,application/json,text/plain', onChange: this.onFile, chosen: this.fileName, disabled: this.busy })}</div>
      <div class="row-actions">
        ${
          this.scanning
            ? html`<button class="secondary" @click=${() => this.stopScan()}>${t('coach.scan.stop')}</button>`
            : html`<button class="secondary" @click=${() => void this.startScan()} ?disabled=${this.busy}>${t('coach.scan.start')}</button>`
        }
      </div>
      ${
        this.scanning
          ? html`<video class="camera" aria-label=${t('coach.scan.video')} muted playsinline></video>
            <p class="muted">${t('coach.scan.hint')}</p>`
          : nothing
      }
    </section>`;
  }

  /** Opens the camera under the import form; a refused or missing camera is said in words, with what to do instead. */
  private async startScan(): Promise<void> {
    this.error = '';
    this.message = '';
    this.scanning = true;
    await this.updateComplete;
    const video = this.renderRoot.querySelector('video.camera') as HTMLVideoElement | null;
    if (!video) return;
    try {
      await this.camera.start(video, (text) => void this.onScanned(text));
      this.message = t('coach.scan.looking');
    } catch (err) {
      this.scanning = false;
      this.error = t(`coach.scan.problem.${err instanceof CameraError ? err.problem : 'failed'}`);
    }
  }

  private stopScan(): void {
    this.camera.stop();
    this.scanning = false;
  }

  private async onScanned(text: string): Promise<void> {
    this.scanning = false;
    this.message = '';
    const scanned = classifyScan(text);
    if (scanned.kind === 'intake') {
      const label = (this.renderRoot.querySelector('input[name="label"]') as HTMLInputElement | null)?.value ?? '';
      await this.intake(scanned.text, 'qr', label);
      return;
    }
    this.error = t(`coach.scan.${scanned.kind}`);
  }

  private renderList(list: CandidateRecord[]) {
    const q = this.query;
    const roles = [...new Map(this.records.flatMap((r) => r.verification.roles.map((x) => [x.role, x.name] as const))).entries()];
    return html`<section class="card stack no-print" aria-labelledby="list-title">
      <h2 id="list-title">${t('coach.list.title')}</h2>
      <div class="toolbar">
        <label>${t('coach.list.search')}<input type="search" .value=${q.search ?? ''} @input=${(e: Event) => (this.query = { ...q, search: (e.target as HTMLInputElement).value })} /></label>
        <label>${t('coach.list.sort')}<select @change=${(e: Event) => (this.query = { ...q, sort: (e.target as HTMLSelectElement).value as SortKey })}>
          ${(['added', 'label', 'best-fit'] as const).map((s) => html`<option value=${s} ?selected=${q.sort === s}>${t(`coach.list.sort.${s}`)}</option>`)}
        </select></label>
        <label>${t('coach.list.verified')}<select @change=${(e: Event) => (this.query = { ...q, verified: (e.target as HTMLSelectElement).value as 'yes' | 'no' | 'all' })}>
          ${(['all', 'yes', 'no'] as const).map((s) => html`<option value=${s} ?selected=${q.verified === s}>${t(`coach.list.verified.${s}`)}</option>`)}
        </select></label>
        <label>${t('coach.list.role')}<select @change=${(e: Event) => this.onRoleFilter((e.target as HTMLSelectElement).value)}>
          <option value="">${t('coach.list.anyRole')}</option>
          ${roles.map(([id, name]) => html`<option value=${id} ?selected=${q.role === id}>${t(`role.${id}`) === `role.${id}` ? name : t(`role.${id}`)}</option>`)}
        </select></label>
        <label>${t('coach.list.minFit')}<input type="number" min="0" max="100" step="5" .value=${String(q.minFit ?? '')} @input=${(e: Event) => this.onMinFit((e.target as HTMLInputElement).value)} /></label>
        <label class="check"><input type="checkbox" .checked=${q.witnessedOnly === true} @change=${(e: Event) => (this.query = { ...q, witnessedOnly: (e.target as HTMLInputElement).checked })} />${t('coach.list.witnessed')}</label>
        <label class="check"><input type="checkbox" .checked=${q.noFlagsOnly === true} @change=${(e: Event) => (this.query = { ...q, noFlagsOnly: (e.target as HTMLInputElement).checked })} />${t('coach.list.noFlags')}</label>
      </div>
      ${
        list.length === 0
          ? html`<p class="muted">${this.records.length ? t('coach.list.noMatch') : t('coach.list.empty')}</p>`
          : html`<div class="scroll"><table class="list">
            <caption class="visually-hidden">${t('coach.list.title')}</caption>
            <thead><tr>
              <th scope="col">${t('coach.list.col.label')}</th><th scope="col">${t('coach.list.col.added')}</th><th scope="col">${t('coach.list.col.status')}</th>
              <th scope="col">${t('coach.list.col.fit')}</th><th scope="col">${t('coach.list.col.actions')}</th>
            </tr></thead>
            <tbody>${list.map((r) => this.renderRow(r))}</tbody>
          </table></div>`
      }
      <div class="row-actions">
        <button class="secondary" @click=${this.exportCsv} ?disabled=${list.length === 0}>${t('coach.list.csv')}</button>
        <button class="secondary danger" @click=${this.deleteAll} ?disabled=${this.records.length === 0}>${t('coach.list.deleteAll')}</button>
      </div>
    </section>`;
  }

  private renderRow(r: CandidateRecord) {
    const fit = bestFit(r, this.query.role);
    const date = new Intl.DateTimeFormat(lang(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(r.addedAt));
    return html`<tr class=${r.id === this.selected ? 'current' : ''}>
      <th scope="row">${r.label}</th>
      <td>${date}</td>
      <td>${statusBadge(r.verification)}</td>
      <td class="num">${fit === undefined ? html`<span aria-hidden="true">—</span><span class="visually-hidden">${t('coach.list.noFit')}</span>` : `${formatNumber(fit)}%`}</td>
      <td><div class="row-actions">
        <button class="small" aria-label=${t('coach.list.openNamed', { label: r.label })} @click=${() => this.open(r.id)}>${t('coach.list.open')}</button>
        ${
          this.selected && this.selected !== r.id
            ? html`<button class="small secondary" aria-label=${t('coach.list.compareNamed', { label: r.label })} @click=${() => (this.compare = r.id)}>${t('coach.list.compare')}</button>`
            : nothing
        }
        <button class="small secondary danger" aria-label=${t('coach.list.deleteNamed', { label: r.label })} @click=${() => void this.deleteOne(r)}>${t('coach.list.delete')}</button>
      </div></td>
    </tr>`;
  }

  private renderSettings() {
    return html`<details class="card no-print">
      <summary>${t('coach.settings.title')}</summary>
      <div class="stack">
        <h3>${t('coach.settings.passphrase')}</h3>
        <p>${this.encrypted ? t('coach.settings.encrypted') : t('coach.settings.plain')}</p>
        <form class="stack" @submit=${this.onSetPassphrase}>
          <label>${t('coach.settings.newPassphrase')}<input name="passphrase" type="password" minlength="8" autocomplete="new-password" required /></label>
          <label>${t('coach.settings.lockAfter')}<input name="minutes" type="number" min="1" max="240" .value=${String(this.lockMinutes())} /></label>
          <div class="row-actions"><button type="submit">${t('coach.settings.setPassphrase')}</button>
            ${this.encrypted ? html`<button type="button" class="secondary" @click=${() => this.lockNow()}>${t('coach.settings.lockNow')}</button>` : nothing}</div>
        </form>
        <h3>${t('coach.settings.trust')}</h3>
        <p>${t('coach.settings.trustBody')}</p>
        <label>${t('coach.settings.trustList')}<textarea dir="ltr" spellcheck="false" .value=${this.trust.join('\n')} @change=${this.onTrust}></textarea></label>
      </div>
    </details>`;
  }

  private toggleAsked(d: Domain, on: boolean): void {
    this.asked = on ? DOMAINS.filter((x) => x === d || this.asked.includes(x)) : this.asked.filter((x) => x !== d);
  }

  private onRoleFilter(value: string): void {
    const { role: _r, ...rest } = this.query;
    this.query = value ? { ...rest, role: value } : rest;
  }

  private onMinFit(value: string): void {
    const { minFit: _m, ...rest } = this.query;
    const n = Number(value);
    this.query = value !== '' && Number.isFinite(n) ? { ...rest, minFit: n } : rest;
  }

  private open(id: string): void {
    this.selected = id;
    if (this.compare === id) this.compare = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector('ts-coach-candidate')?.focusHeading());
  }

  private verifyOptions() {
    return { trustedIssuers: this.trust };
  }

  private nextLabel(): string {
    return t('coach.defaultLabel', { n: this.records.length + 1 });
  }

  /** Imports pasted or file text; a failure is explained and nothing else changes. */
  private async intake(text: string, source: IntakeSource, label: string): Promise<void> {
    this.error = '';
    this.message = '';
    this.busy = true;
    try {
      const parsed = parseIntake(text);
      let record: CandidateRecord;
      const base = { id: crypto.randomUUID(), label: label.trim() || this.nextLabel(), addedAt: new Date().toISOString(), notes: '' };
      if (parsed.kind === 'credential') {
        const view = viewOf(await verifyCredential(parsed.credential, this.verifyOptions()));
        record = { ...base, source, credential: parsed.credential, verification: view };
      } else {
        const worker = recomputeClient();
        const view = await verifyReport(parsed.report, { recompute: (ev, n, r) => worker.recompute([...ev], n, r), verifyOptions: this.verifyOptions() });
        const { profile, events, credential } = parsed.report;
        record = { ...base, source: 'report', profile, events, ...(credential ? { credential } : {}), verification: view };
      }
      await this.store?.put(record);
      await this.reload();
      this.message = t(record.verification.verified ? 'coach.import.done' : 'coach.import.doneUnverified', { label: record.label });
      this.open(record.id);
    } catch (err) {
      this.error = err instanceof IntakeError ? t(`coach.intake.error.${err.code}`) : t('coach.intake.error.generic', { reason: (err as Error).message });
    } finally {
      this.busy = false;
    }
  }

  private async onWallet(o: WalletOutcome, r: WalletRequest): Promise<void> {
    if (o.status === 'expired') {
      this.error = t('coach.wallet.expired');
      return;
    }
    if (o.status === 'refused') {
      this.error = t('coach.wallet.refused', { reason: reasonText(o.reason) });
      return;
    }
    // The server checked the holder proof for this request; the page checks the credential again before keeping it.
    const result = await verifyCredential(o.presentation, this.verifyOptions());
    const view: VerificationView = { ...viewOf(result), ...(result.ok ? { keyBinding: 'verified' as const } : {}) };
    const record: CandidateRecord = {
      id: crypto.randomUUID(),
      label: this.nextLabel(),
      addedAt: new Date().toISOString(),
      source: 'wallet',
      credential: o.presentation,
      verification: view,
      notes: '',
    };
    await this.store?.put(record);
    await this.reload();
    this.message = t('coach.wallet.received', { label: record.label, domains: r.domains.map((d) => t(`domain.${d}`)).join(', ') });
    this.open(record.id);
  }

  private async save(record: CandidateRecord): Promise<void> {
    await this.store?.put(record);
    await this.reload();
  }

  private async deleteOne(r: CandidateRecord): Promise<void> {
    if (!confirm(t('coach.list.deleteConfirm', { label: r.label }))) return;
    await this.store?.delete(r.id);
    if (this.selected === r.id) this.selected = undefined;
    if (this.compare === r.id) this.compare = undefined;
    await this.reload();
    this.message = t('coach.list.deleted', { label: r.label });
  }

  private async deleteAll(): Promise<void> {
    if (!confirm(t('coach.list.deleteAllConfirm'))) return;
    await this.store?.deleteAll();
    this.selected = undefined;
    this.compare = undefined;
    this.encrypted = false;
    await this.reload();
    this.message = t('coach.list.deletedAll');
  }

  private exportCsv(): void {
    const csv = listCsv(queryList(this.records, this.query));
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([`\ufeff${csv}`], { type: 'text/csv;charset=utf-8' }));
    a.download = `talentscan-candidates-${new Date().toISOString().slice(0, 10)}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    this.message = t('coach.list.csvDone', { columns: CSV_COLUMNS.length });
  }

  private onPaste(e: SubmitEvent): void {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    void this.intake(String(data.get('text') ?? ''), 'paste', String(data.get('label') ?? '')).then(() => {
      if (!this.error) form.reset();
    });
  }

  private async onFile(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    this.fileName = file.name;
    const label = (this.renderRoot.querySelector('input[name="label"]') as HTMLInputElement | null)?.value ?? '';
    await this.intake(await file.text(), 'file', label);
    input.value = '';
  }

  private async onUnlock(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const pass = String(new FormData(e.target as HTMLFormElement).get('passphrase') ?? '');
    if (!(await this.store?.unlock(pass))) {
      this.error = t('coach.locked.wrong');
      return;
    }
    this.error = '';
    this.locked = false;
    await this.reload();
    this.armIdleLock();
  }

  private async onSetPassphrase(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    // Captured now: a shadow-DOM event's target is cleared once dispatch ends, before the awaits below.
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const minutes = Number(data.get('minutes'));
    if (Number.isFinite(minutes) && minutes >= 1) localStorage.setItem(LOCK_MINUTES_KEY, String(Math.min(240, Math.round(minutes))));
    await this.store?.setPassphrase(String(data.get('passphrase') ?? ''));
    this.encrypted = true;
    form.reset();
    this.message = t('coach.settings.sealed');
    this.armIdleLock();
  }

  private onTrust(e: Event): void {
    this.trust = (e.target as HTMLTextAreaElement).value
      .split(/\s+/)
      .map((s) => s.trim())
      .filter(Boolean)
      .slice(0, 50);
    localStorage.setItem(TRUST_KEY, JSON.stringify(this.trust));
  }
}

customElements.define('ts-coach', TsCoach);

declare global {
  interface HTMLElementTagNameMap {
    'ts-coach': TsCoach;
  }
}
