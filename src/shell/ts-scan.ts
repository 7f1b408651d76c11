import { ContextConsumer } from '@lit/context';
import { proxy } from 'comlink';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { I18nController, lang, t, tDynamic, type MessageKey } from '../i18n/index.ts';
import { automationEnabled, installAutomation } from '../runtime/automation.ts';
import { batteryById, batteryDurationSec, BATTERIES, DEFAULT_BATTERY } from '../runtime/batteries.ts';
import { GameHostController } from '../runtime/game-host.ts';
import type { RecorderClient } from '../runtime/recorder-client.ts';
import { ScanRunner, type RunnerView } from '../runtime/scan-runner.ts';
import { WindowEventsController } from '../runtime/window-events.ts';
import type { LogEvent, SessionMode } from '../log/events.ts';
import { genesisHash } from '../log/witness.ts';
import { DEFAULT_NORM_GROUP } from '../scoring/norm-registry.ts';
import { createSession, startGame, WitnessHttpError } from '../worker/witness-api.ts';
import type { StorageStatus } from '../worker/recorder.ts';
import type { SessionRow, WitnessLink } from '../worker/event-store.ts';
import type { UploadStatus } from '../worker/witness-uploader.ts';
import { recorderContext } from './context.ts';
import { CONSENT_KEYS, CONSENT_VERSION } from './session-messages.ts';
import { askPersistence, probeStorage } from './storage-probe.ts';
import { forgetUnsaved, noteStorage, savedSummary, type SavedSummary } from './saved-summary.ts';
import { base } from './styles.ts';
import './ts-device-check.ts';
import './ts-results.ts';

type Screen = { kind: 'checking' } | { kind: 'welcome'; unfinished: SessionRow | null } | { kind: 'scan'; view: RunnerView };

/** A certified session as the page needs it: the server's id and the capability token. */
interface Certified {
  sessionId: string;
  token: string;
}

/** Longest wait between tries for a game's seed when the server cannot be reached (the candidate sees the break). */
const SEED_RETRY_MAX_MS = 15_000;

/** The candidate's scan: welcome and consent, the battery on one game stage, breaks, results. */
export class TsScan extends LitElement {
  static override properties = {
    screen: { state: true },
    consent: { state: true },
    consentHint: { state: true },
    storage: { state: true },
    mode: { state: true },
    privateWindow: { state: true },
    startError: { state: true },
    upload: { state: true },
    certified: { state: true },
    deviceCheckOpen: { state: true },
    saved: { state: true },
    restoreNotice: { state: true },
  };
  static override styles = [
    base,
    css`
      :host { display: flex; flex-direction: column; flex: 1; min-block-size: 0; }
      .welcome { max-inline-size: 40rem; margin: 1rem auto; display: grid; gap: 1rem; padding-inline: 1rem; }
      .consent, .mode label { display: flex; gap: 0.75rem; align-items: flex-start; }
      fieldset.mode { border: 1px solid #d9dbe8; border-radius: var(--radius); padding: 0.75rem 1rem; display: grid; gap: 0.75rem; margin: 0; }
      fieldset.mode legend { font-weight: 700; padding-inline: 0.25rem; }
      .mode input { inline-size: 24px; block-size: 24px; flex: none; margin-block-start: 0.15rem; accent-color: var(--accent); }
      .mode .hint, .terms li { color: var(--ink-soft); }
      .terms { margin: 0; padding-inline-start: 1.25rem; display: grid; gap: 0.35rem; }
      .terms h2 { font-size: 1.05rem; }
      .restore input { inline-size: 0.1px; block-size: 0.1px; opacity: 0; position: absolute; }
      .restore label { cursor: pointer; }
      .consent input { inline-size: 24px; block-size: 24px; flex: none; margin-block-start: 0.15rem; accent-color: var(--accent); }
      .actions { display: flex; flex-wrap: wrap; gap: 0.75rem; }
      .play { display: flex; flex-direction: column; flex: 1; min-block-size: 0; }
      .stage { flex: 1; min-block-size: 200px; background: var(--stage); position: relative; touch-action: none; user-select: none; -webkit-user-select: none; overflow: hidden; }
      .stage[hidden] { display: none; }
      /* Out of flow, so the canvas never sizes its own container (a ResizeObserver loop otherwise). */
      .stage canvas { position: absolute; inset-block-start: 0; inset-inline-start: 0; }
      .panel { padding: 1rem; display: grid; gap: 0.5rem; background: var(--card); border-block-start: 1px solid #d9dbe8; }
      .panel h2 { font-size: 1.15rem; margin: 0; }
      .panel .eyebrow { font-size: 0.9rem; color: var(--ink-soft); margin: 0; }
      .panel p { margin: 0; }
      .panel .actions { margin-block-start: 0.25rem; }
      .progress { block-size: 8px; background: #d9dbe8; }
      .progress > div { block-size: 100%; background: var(--accent); transition: inline-size 0.3s; }
      @media (prefers-reduced-motion: reduce) { .progress > div { transition: none; } }
    `,
  ];

  declare screen: Screen;
  declare consent: boolean;
  /** The optional device check is shown in place of the welcome screen. */
  declare deviceCheckOpen: boolean;
  declare consentHint: boolean;
  declare storage: StorageStatus | null;
  declare mode: SessionMode;
  declare privateWindow: boolean;
  /** Why the last Start (or restore) did not lead to a scan: a message key of src/shell/session-messages.ts. */
  declare startError: { key: string; reason?: string } | null;
  declare upload: UploadStatus | null;
  declare certified: Certified | null;
  /** What the device holds of the unfinished session offered on the resume screen. */
  declare saved: SavedSummary | null;
  /** After importing a backup: a message key of src/shell/session-messages.ts about what the import did. */
  declare restoreNotice: string | null;

  private readonly i18n = new I18nController(this);
  private readonly recorderConsumer = new ContextConsumer(this, { context: recorderContext });
  private readonly host = new GameHostController(this, () => this.renderRoot.querySelector<HTMLElement>('.stage'));
  private runner: ScanRunner | null = null;
  private readonly windowEvents = new WindowEventsController(this, () => ({
    interrupted: (reason) => this.runner?.interrupt(reason),
    leaving: () => this.runner?.leaving(),
  }));
  /** A finished session shown without a runner (automation's showSession). */
  private shownSession: string | null = null;
  private readonly params = new URLSearchParams(location.search);

  constructor() {
    super();
    this.screen = { kind: 'checking' };
    this.consent = false;
    this.deviceCheckOpen = false;
    this.consentHint = false;
    this.storage = null;
    this.mode = 'practice';
    this.privateWindow = false;
    this.startError = null;
    this.upload = null;
    this.certified = null;
    this.saved = null;
    this.restoreNotice = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.check();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.runner?.dispose();
  }

  private get recorder(): RecorderClient {
    const r = this.recorderConsumer.value;
    if (!r) throw new Error('<ts-scan> needs a recorder from <ts-app>');
    return r;
  }

  private get batteryId(): string {
    const asked = this.params.get('battery');
    return asked && Object.hasOwn(BATTERIES, asked) ? asked : DEFAULT_BATTERY;
  }

  private async check(): Promise<void> {
    this.installAutomationHook();
    this.storage = await this.recorder.status();
    await this.recorder.onStatus(
      proxy((s: StorageStatus) => {
        this.storage = s;
        noteStorage(s, this.runner?.sessionId ?? null);
      }),
    );
    await this.recorder.onUpload(proxy((u: UploadStatus) => (this.upload = u)));
    void probeStorage().then((p) => (this.privateWindow = p.private));
    await this.welcome();
  }

  /** The welcome screen, or the resume screen with what the device holds of the unfinished session. */
  private async welcome(): Promise<void> {
    // Finished is read from each log (see Recorder.sessions): a finished session is never offered for resuming.
    const unfinished = (await this.recorder.sessions()).find((s) => !s.finished) ?? null;
    this.saved = unfinished ? await savedSummary(this.recorder, unfinished.sessionId) : null;
    this.screen = { kind: 'welcome', unfinished };
  }

  /** The automation hook's feed of logged events (null unless automation is on for this page). */
  private automationFeed: ((e: LogEvent) => void) | null = null;

  private installAutomationHook(): void {
    if (!automationEnabled()) return;
    this.automationFeed = installAutomation({
      recorder: this.recorder,
      sessionId: () => this.runner?.sessionId ?? this.shownSession,
      phase: () => this.runner?.phase ?? (this.shownSession ? 'done' : this.screen.kind),
      flush: async () => {
        await this.recorder.flush();
      },
      design: () => this.runner?.currentDesign ?? null,
      showSession: async (events) => {
        this.runner?.dispose();
        this.runner = null;
        const sessionId = await this.recorder.importSession(events);
        this.shownSession = sessionId;
        this.screen = { kind: 'scan', view: { phase: 'done', scores: await this.recorder.scoreAll(sessionId), progress: 1 } };
      },
    });
  }

  private makeRunner(certified: Certified | null): ScanRunner {
    this.runner?.dispose();
    this.shownSession = null;
    this.certified = certified;
    this.upload = null;
    const automation = automationEnabled();
    const seedParam = Number(this.params.get('seed'));
    const timeScale = Number(this.params.get('timescale'));
    const onEvent = this.automationFeed ?? undefined;
    const runner = new ScanRunner({
      recorder: this.recorder,
      stage: {
        show: (manifest, run) => this.host.show(manifest, run),
        stop: () => this.host.stop(),
        remove: (id) => this.host.remove(id),
        element: () => this.renderRoot.querySelector<HTMLElement>('.stage'),
        reducedMotion: () => matchMedia('(prefers-reduced-motion: reduce)').matches,
      },
      onView: (view) => {
        this.screen = { kind: 'scan', view };
        if (view.phase === 'done') this.host.destroy();
      },
      ...(onEvent ? { onEvent } : {}),
      ...(automation && Number.isInteger(seedParam) && seedParam > 0 ? { seed: seedParam } : {}),
      ...(automation && timeScale >= 1 && timeScale <= 10 ? { timeScale } : {}),
      // Certified: the server draws each game's seed when the game starts (the automation seed is ignored).
      ...(certified ? { seedFor: (manifest) => this.seedFromServer(certified, manifest.id) } : {}),
    });
    this.runner = runner;
    return runner;
  }

  /** The game's seed from the server; offline, tried again with backoff until the server answers or refuses. */
  private async seedFromServer(c: Certified, game: string): Promise<number> {
    for (let wait = 1000; ; wait = Math.min(SEED_RETRY_MAX_MS, wait * 2)) {
      try {
        return (await startGame(c.sessionId, c.token, game)).seed;
      } catch (err) {
        if (!(err instanceof WitnessHttpError) || !err.transient) throw err;
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  }

  private async begin(): Promise<void> {
    if (!this.consent) {
      this.consentHint = true;
      return;
    }
    this.startError = null;
    this.restoreNotice = null;
    void askPersistence();
    const mode = this.mode;
    let witness: { sessionId: string; link: WitnessLink } | undefined;
    if (mode === 'certified') {
      try {
        const created = await createSession({
          battery: this.batteryId,
          normGroup: this.params.get('norm') ?? DEFAULT_NORM_GROUP,
          lang: lang(),
          consent: { textVersion: CONSENT_VERSION.certified, mode: 'certified', acceptedAt: Date.now() },
        });
        witness = { sessionId: created.sessionId, link: { token: created.token, ackSeq: -1, hash: await genesisHash(created.sessionId) } };
      } catch (err) {
        console.error(err);
        this.startError = { key: 'consent.certifiedFailed' };
        return;
      }
    }
    this.screen = { kind: 'scan', view: { phase: 'loading' } };
    await this.updateComplete;
    const runner = this.makeRunner(witness ? { sessionId: witness.sessionId, token: witness.link.token } : null);
    try {
      await runner.start({ battery: this.batteryId, lang: lang(), mode, consentVersion: CONSENT_VERSION[mode], ...(witness ? { witness } : {}) });
    } catch (err) {
      // Nothing was stored: say so on the welcome screen, where Start can be pressed again.
      console.error(err);
      runner.dispose();
      this.runner = null;
      this.startError = { key: err instanceof Error && err.name === 'QuotaExceededError' ? 'storage.startFull' : 'storage.startFailed' };
      this.screen = { kind: 'welcome', unfinished: null };
    }
  }

  private async resume(sessionId: string): Promise<void> {
    this.screen = { kind: 'scan', view: { phase: 'loading' } };
    await this.updateComplete;
    const row = await this.recorder.session(sessionId);
    const runner = this.makeRunner(row?.mode === 'certified' && row.witness ? { sessionId, token: row.witness.token } : null);
    try {
      await runner.resume(sessionId);
    } catch (err) {
      console.error(err);
      this.screen = { kind: 'scan', view: { phase: 'error', message: err instanceof Error ? err.message : String(err) } };
    }
  }

  /** Imports a backup file the candidate chose, then continues its session. */
  private async restore(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    this.startError = null;
    try {
      const { sessionId, outcome } = await this.recorder.restore(await file.text());
      forgetUnsaved(sessionId);
      this.restoreNotice = outcome === 'practice-copy' ? 'restore.practiceCopy' : outcome === 'certified-here' ? 'restore.certifiedHere' : null;
      await this.resume(sessionId);
    } catch (err) {
      this.startError = { key: 'restore.failed', reason: err instanceof Error ? err.message : String(err) };
      await this.welcome();
    }
  }

  /** The emergency download: every event logged on this page, written to the device or not. */
  private async downloadBackup(): Promise<void> {
    const sessionId = this.runner?.sessionId ?? this.shownSession;
    if (!sessionId) return;
    const backup = await this.recorder.backup(sessionId);
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([JSON.stringify(backup)], { type: 'application/json' }));
    a.download = `talentscan-backup-${sessionId}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  private async startOver(unfinished: SessionRow): Promise<void> {
    await this.recorder.deleteSession(unfinished.sessionId);
    forgetUnsaved(unfinished.sessionId);
    this.screen = { kind: 'welcome', unfinished: null };
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('screen')) {
      // Move focus to the new step's main action, so keyboard and screen-reader users land where the action is.
      this.renderRoot.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
  }

  override render() {
    const notice = this.restoreNotice ? html`<p class="notice restore-notice" role="status">${tDynamic(this.restoreNotice)}</p>` : nothing;
    return html`${this.renderStorage()}${notice}${this.renderScreen()}`;
  }

  private renderStorage() {
    const s = this.storage;
    if (!s || s.state === 'ok') return nothing;
    if (s.state === 'memory') return html`<p class="notice" role="alert">${t('storage.memory')}</p>`;
    const key: MessageKey = s.reason === 'quota' ? 'storage.quota' : 'storage.failed';
    const session = this.runner?.sessionId ?? this.shownSession;
    return html`<div class="notice storage-fault" role="alert">
      <p>${t(key)}</p>
      ${s.pendingTrials > 0 ? html`<p>${tDynamic('storage.unsaved', { count: s.pendingTrials })}</p>` : s.pending > 0 ? html`<p>${tDynamic('storage.unsavedSteps')}</p>` : nothing}
      ${session ? this.renderBackupButton() : nothing}
    </div>`;
  }

  private renderBackupButton() {
    return html`<div class="actions"><button class="secondary" @click=${() => this.downloadBackup()}>${tDynamic('storage.download')}</button></div>
      <p>${tDynamic('storage.downloadHint')}</p>`;
  }

  /** Pending events only in memory, as the worker last reported them. */
  private get unsaved(): number {
    return this.storage?.state === 'error' ? this.storage.pending : 0;
  }

  private renderScreen() {
    const s = this.screen;
    if (s.kind === 'checking') return nothing;
    if (s.kind === 'welcome' && this.deviceCheckOpen) {
      return html`<ts-device-check @device-checked=${() => (this.deviceCheckOpen = false)}></ts-device-check>`;
    }
    if (s.kind === 'welcome') return this.renderWelcome(s.unfinished);
    return this.renderScan(s.view);
  }

  private chooseMode(mode: SessionMode): void {
    this.mode = mode;
    this.consent = false;
    this.startError = null;
  }

  private setConsent(given: boolean): void {
    this.consent = given;
    this.consentHint = false;
  }

  private renderWelcome(unfinished: SessionRow | null) {
    const minutes = Math.max(1, Math.round(batteryDurationSec(batteryById(this.batteryId)) / 60));
    const error = this.startError
      ? html`<p class="notice" role="alert">${tDynamic(this.startError.key, { reason: this.startError.reason ?? '' })}</p>`
      : nothing;
    const privateWarning = this.privateWindow ? html`<p class="notice private-window">${tDynamic('storage.private')}</p>` : nothing;
    if (unfinished) {
      return html`<section class="welcome card" aria-labelledby="resume-title">
        <h1 id="resume-title">${t('welcome.resumeTitle')}</h1>
        ${error}
        <p>${t('welcome.resumeBody')}</p>
        ${this.renderSaved()}
        <div class="actions">
          <button data-autofocus @click=${() => this.resume(unfinished.sessionId)}>${t('welcome.resume')}</button>
          <button class="secondary" @click=${() => this.startOver(unfinished)}>${t('welcome.startOver')}</button>
          ${this.renderRestore()}
        </div>
      </section>`;
    }
    const mode = this.mode;
    return html`<section class="welcome card" aria-labelledby="welcome-title">
      <h1 id="welcome-title">${t('welcome.title')}</h1>
      ${privateWarning} ${error}
      <p>${t('welcome.body', { minutes })}</p>
      <p>${t('welcome.device')}</p>
      <p><button class="secondary" @click=${() => (this.deviceCheckOpen = true)}>${tDynamic('device.open')}</button></p>
      <fieldset class="mode">
        <legend>${tDynamic('mode.title')}</legend>
        ${(['practice', 'certified'] as const).map(
          (m) => html`<label>
            <input type="radio" name="mode" value=${m} .checked=${mode === m} @change=${() => this.chooseMode(m)} />
            <span><strong>${tDynamic(`mode.${m}`)}</strong><br /><span class="hint">${tDynamic(`mode.${m}Hint`)}</span></span>
          </label>`,
        )}
      </fieldset>
      <section aria-labelledby="terms-title" data-consent-version=${CONSENT_VERSION[mode]}>
        <h2 id="terms-title">${tDynamic('consent.title')}</h2>
        <ul class="terms">${CONSENT_KEYS[mode].map((k) => html`<li>${tDynamic(k)}</li>`)}</ul>
      </section>
      <label class="consent">
        <input type="checkbox" .checked=${this.consent} @change=${(e: Event) => this.setConsent((e.target as HTMLInputElement).checked)} />
        <span>${mode === 'certified' ? tDynamic('consent.certified.check') : t('welcome.consent')}</span>
      </label>
      ${this.consentHint ? html`<p class="notice" role="alert">${t('welcome.consentNeeded')}</p>` : nothing}
      <div class="actions">
        <button data-autofocus @click=${() => this.begin()}>${t('welcome.start')}</button>
        ${this.renderRestore()}
      </div>
    </section>`;
  }

  private renderRestore() {
    return html`<span class="restore">
      <input id="restore-file" type="file" accept="application/json,.json" @change=${(e: Event) => this.restore(e)} />
      <label class="button secondary" for="restore-file">${tDynamic('restore.label')}</label>
    </span>`;
  }

  /** How much is saved, read back from the store; and, when the page closed with answers unsaved, that they are not. */
  private renderSaved() {
    const s = this.saved;
    if (!s) return nothing;
    const unsaved =
      s.unsavedAtClose === null
        ? nothing
        : html`<p class="notice unsaved-at-close">
            ${s.unsavedAtClose > 0 ? tDynamic('resume.unsavedAtClose', { count: s.unsavedAtClose }) : tDynamic('resume.unsavedAtCloseSome')}
          </p>`;
    return html`<p class="saved-summary">${tDynamic('resume.saved', { count: s.savedTrials })}</p>
      ${unsaved}`;
  }

  private renderScan(view: RunnerView) {
    if (view.phase === 'done') {
      return html`<ts-results
        .scores=${view.scores}
        .sessionId=${this.runner?.sessionId ?? this.shownSession ?? ''}
        .normGroup=${this.params.get('norm') ?? undefined}
        .certified=${this.certified}
        .upload=${this.upload}
      ></ts-results>`;
    }
    const progress = 'progress' in view ? view.progress : 0;
    return html`<div class="play">
      <div class="progress" role="progressbar" aria-label=${t('progress.label')} aria-valuemin="0" aria-valuemax="100" aria-valuenow=${Math.round(progress * 100)}>
        <div style=${styleMap({ inlineSize: `${(progress * 100).toFixed(1)}%` })}></div>
      </div>
      <div class="stage" role="application" aria-label=${t('stage.label')} ?hidden=${view.phase === 'break' || view.phase === 'error' || view.phase === 'saving'}></div>
      ${this.renderPanel(view)}
    </div>`;
  }

  private renderPanel(view: RunnerView) {
    const runner = this.runner;
    switch (view.phase) {
      case 'intro': {
        const games = batteryById(this.batteryId).games;
        const heading: MessageKey = view.kind === 'test' ? 'intro.test' : view.attempt > 0 ? 'intro.retry' : 'intro.practice';
        return html`<section class="panel" aria-live="polite">
          <p class="eyebrow">${t('intro.game', { index: games.indexOf(view.game) + 1, count: games.length })} · ${tDynamic(`game.${view.game}`)}</p>
          <h2>${view.resumed ? t('intro.resumed') : t(heading)}</h2>
          <p>${tDynamic(view.instruction)}</p>
          <div class="actions"><button data-autofocus @click=${() => runner?.beginBlock()}>${t('intro.start')}</button></div>
        </section>`;
      }
      case 'paused':
        return html`<section class="panel" role="alertdialog" aria-labelledby="paused-title">
          <h2 id="paused-title">${t('paused.title')}</h2>
          <p>${t('paused.body')}</p>
          <div class="actions"><button data-autofocus @click=${() => runner?.continueAfterPause()}>${t('paused.continue')}</button></div>
        </section>`;
      case 'break':
        return html`<section class="panel">
          <h2>${t('break.title')}</h2>
          <p>${t('break.body')}</p>
          <div class="actions"><button data-autofocus @click=${() => runner?.continueAfterBreak()}>${t('break.next')}</button></div>
        </section>`;
      case 'saving':
        return html`<section class="panel" role="alert" aria-labelledby="saving-title">
          <h2 id="saving-title">${tDynamic('saving.title')}</h2>
          <p>${tDynamic('saving.body')}</p>
          ${this.renderBackupButton()}
        </section>`;
      case 'error':
        // "Saved" only when the worker confirmed it: with events still in memory, the advice is the backup first.
        return html`<section class="panel" role="alert">
          <h2>${t('error.title')}</h2>
          ${this.unsaved > 0 ? html`<p>${tDynamic('error.unsaved', { count: this.unsaved })}</p>${this.renderBackupButton()}` : html`<p>${t('error.body')}</p>`}
        </section>`;
      default:
        return nothing;
    }
  }
}

customElements.define('ts-scan', TsScan);

declare global {
  interface HTMLElementTagNameMap {
    'ts-scan': TsScan;
  }
}
