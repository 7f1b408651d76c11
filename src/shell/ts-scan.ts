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
import type { LogEvent } from '../log/events.ts';
import type { StorageStatus } from '../worker/recorder.ts';
import type { SessionRow } from '../worker/event-store.ts';
import { recorderContext } from './context.ts';
import { base } from './styles.ts';
import './ts-results.ts';

type Screen = { kind: 'checking' } | { kind: 'welcome'; unfinished: SessionRow | null } | { kind: 'scan'; view: RunnerView };

/** The candidate's scan: welcome and consent, the battery on one game stage, breaks, results. */
export class TsScan extends LitElement {
  static override properties = {
    screen: { state: true },
    consent: { state: true },
    consentHint: { state: true },
    storage: { state: true },
  };
  static override styles = [
    base,
    css`
      :host { display: flex; flex-direction: column; flex: 1; min-block-size: 0; }
      .welcome { max-inline-size: 40rem; margin: 1rem auto; display: grid; gap: 1rem; padding-inline: 1rem; }
      .consent { display: flex; gap: 0.75rem; align-items: flex-start; }
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
  declare consentHint: boolean;
  declare storage: StorageStatus | null;

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
    this.consentHint = false;
    this.storage = null;
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
    await this.recorder.onStatus(proxy((s: StorageStatus) => (this.storage = s)));
    const unfinished = (await this.recorder.sessions()).find((s) => !s.finished) ?? null;
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

  private makeRunner(): ScanRunner {
    this.runner?.dispose();
    this.shownSession = null;
    const automation = automationEnabled();
    const seedParam = Number(this.params.get('seed'));
    const timeScale = Number(this.params.get('timescale'));
    const onEvent = this.automationFeed ?? undefined;
    let runner: ScanRunner;
    runner = new ScanRunner({
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
    });
    this.runner = runner;
    return runner;
  }

  private async begin(): Promise<void> {
    if (!this.consent) {
      this.consentHint = true;
      return;
    }
    this.screen = { kind: 'scan', view: { phase: 'loading' } };
    await this.updateComplete;
    await this.makeRunner().start(this.batteryId, lang());
  }

  private async resume(sessionId: string): Promise<void> {
    this.screen = { kind: 'scan', view: { phase: 'loading' } };
    await this.updateComplete;
    await this.makeRunner().resume(sessionId);
  }

  private async startOver(unfinished: SessionRow): Promise<void> {
    await this.recorder.deleteSession(unfinished.sessionId);
    this.screen = { kind: 'welcome', unfinished: null };
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('screen')) {
      // Move focus to the new step's main action, so keyboard and screen-reader users land where the action is.
      this.renderRoot.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
  }

  override render() {
    return html`${this.renderStorage()}${this.renderScreen()}`;
  }

  private renderStorage() {
    const s = this.storage;
    if (!s || s.state === 'ok') return nothing;
    const key: MessageKey = s.state === 'memory' ? 'storage.memory' : s.reason === 'quota' ? 'storage.quota' : 'storage.failed';
    return html`<p class="notice" role="alert">${t(key)}</p>`;
  }

  private renderScreen() {
    const s = this.screen;
    if (s.kind === 'checking') return nothing;
    if (s.kind === 'welcome') return this.renderWelcome(s.unfinished);
    return this.renderScan(s.view);
  }

  private renderWelcome(unfinished: SessionRow | null) {
    const minutes = Math.max(1, Math.round(batteryDurationSec(batteryById(this.batteryId)) / 60));
    if (unfinished) {
      return html`<section class="welcome card" aria-labelledby="resume-title">
        <h1 id="resume-title">${t('welcome.resumeTitle')}</h1>
        <p>${t('welcome.resumeBody')}</p>
        <div class="actions">
          <button data-autofocus @click=${() => this.resume(unfinished.sessionId)}>${t('welcome.resume')}</button>
          <button class="secondary" @click=${() => this.startOver(unfinished)}>${t('welcome.startOver')}</button>
        </div>
      </section>`;
    }
    return html`<section class="welcome card" aria-labelledby="welcome-title">
      <h1 id="welcome-title">${t('welcome.title')}</h1>
      <p>${t('welcome.body', { minutes })}</p>
      <p>${t('welcome.device')}</p>
      <label class="consent">
        <input type="checkbox" .checked=${this.consent} @change=${(e: Event) => ((this.consent = (e.target as HTMLInputElement).checked), (this.consentHint = false))} />
        <span>${t('welcome.consent')}</span>
      </label>
      ${this.consentHint ? html`<p class="notice" role="alert">${t('welcome.consentNeeded')}</p>` : nothing}
      <div class="actions"><button data-autofocus @click=${() => this.begin()}>${t('welcome.start')}</button></div>
    </section>`;
  }

  private renderScan(view: RunnerView) {
    if (view.phase === 'done') {
      return html`<ts-results .scores=${view.scores} .sessionId=${this.runner?.sessionId ?? this.shownSession ?? ''} .normGroup=${this.params.get('norm') ?? undefined}></ts-results>`;
    }
    const progress = 'progress' in view ? view.progress : 0;
    return html`<div class="play">
      <div class="progress" role="progressbar" aria-label=${t('progress.label')} aria-valuemin="0" aria-valuemax="100" aria-valuenow=${Math.round(progress * 100)}>
        <div style=${styleMap({ inlineSize: `${(progress * 100).toFixed(1)}%` })}></div>
      </div>
      <div class="stage" role="application" aria-label=${t('stage.label')} ?hidden=${view.phase === 'break' || view.phase === 'error'}></div>
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
      case 'error':
        return html`<section class="panel" role="alert"><h2>${t('error.title')}</h2><p>${t('error.body')}</p></section>`;
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
