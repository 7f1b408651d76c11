import { ContextConsumer } from '@lit/context';
import { Task } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { gameById } from '../../games/registry.ts';
import { coachReport } from '../coach/intake.ts';
import { formatNumber, I18nController, lang, t, tDynamic } from '../i18n/index.ts';
import type { GameScore, MetricDefinition } from '../runtime/game-contract.ts';
import { deleteWitnessed, WitnessHttpError } from '../worker/witness-api.ts';
import type { UploadStatus } from '../worker/witness-uploader.ts';
import { recorderContext } from './context.ts';
import { SCAN_LIFECYCLE } from './scan-lifecycle.ts';
import { feedbackKey, parseFeedback } from './feedback.ts';
import { describeFlag, mergeFlags } from './flag-messages.ts';
import { scanGamesOf } from './results-explain.ts';
import { logCsv, myData, saveFile } from './my-data.ts';
import type { PastResult } from './past-results.ts';
import { base } from './styles.ts';
import './ts-candidate-profile.ts';
import './ts-credential.ts';
import './ts-feedback.ts';

/**
 * The end of a scan: the cognitive profile as the candidate reads it (computed in the worker from the log, against the
 * chosen norm group), the two optional closing questions, the raw measurements per game for whoever wants to check
 * them, the credential, and the candidate's data controls: download (JSON, CSV), share with a coach (the full report
 * the coach workspace imports), delete everything (on this device, and on the server for a certified session).
 */
export class TsResults extends LitElement {
  static override properties = {
    scores: { attribute: false },
    sessionId: { attribute: false },
    normGroup: { attribute: false },
    certified: { attribute: false },
    upload: { attribute: false },
    reopened: { attribute: false },
    deleted: { state: true },
    revokeFailed: { state: true },
    confirmDelete: { state: true },
  };
  static override styles = [
    base,
    css`
      :host { display: block; padding: 1rem; }
      /* One column that never grows past the screen: a wide raw table scrolls inside its card (WCAG 1.4.10 reflow). */
      .wrap { max-inline-size: 48rem; margin-inline: auto; display: grid; grid-template-columns: minmax(0, 1fr); gap: 1rem; }
      section.card:has(> table) { overflow-x: auto; }
      section.card li { overflow-wrap: anywhere; }
      table { inline-size: 100%; border-collapse: collapse; }
      th, td { text-align: start; padding-block: 0.45rem; padding-inline: 0.5rem; border-block-end: 1px solid #e1e3ee; vertical-align: top; }
      td.value { font-variant-numeric: tabular-nums; }
      @media (min-width: 30rem) { td.value { white-space: nowrap; } }
      caption { text-align: start; font-weight: 700; font-size: 1.15rem; padding-block-end: 0.5rem; }
      .muted { color: var(--ink-soft); }
      .actions { display: flex; flex-wrap: wrap; gap: 0.75rem; }
      .data { display: grid; gap: 0.75rem; }
      .data h2 { margin: 0; }
      .data p { margin: 0; }
      button.danger { border-color: #b3261e; color: #b3261e; }
      button.danger-solid { border-color: #b3261e; background: #b3261e; color: #fff; }
      ul.flags { display: grid; gap: 0.5rem; padding-inline-start: 1.25rem; }
      details.technical > summary { font-weight: 400; font-size: 0.95rem; }
      details > summary { cursor: pointer; min-block-size: 44px; display: flex; align-items: center; font-weight: 600; color: var(--accent); }
      [role='alert'] { background: var(--warn-bg); color: var(--warn-ink); border-radius: var(--radius); padding: 0.75rem 1rem; }
      /* Reopened results: the title, its date under it, and the way back beside them (under them on a phone). */
      .title { display: grid; grid-template-columns: minmax(0, 1fr) auto; align-items: center; gap: 0.5rem 0.75rem; }
      .title h1 { margin: 0; }
      .title p { margin: 0; color: var(--ink-soft); grid-row: 2; }
      .title button { grid-column: 2; grid-row: 1 / span 2; }
      @media (max-width: 30rem) {
        .title { grid-template-columns: minmax(0, 1fr); }
        .title button { grid-column: 1; grid-row: 3; justify-self: start; }
      }
    `,
  ];

  declare scores: GameScore[];
  declare sessionId: string;
  declare normGroup: string | undefined;
  declare certified: { sessionId: string; token: string } | null;
  declare upload: UploadStatus | null;
  /** Set when a finished session is opened again from the welcome screen: its date, a way back, its credential state. */
  declare reopened: PastResult | null;
  declare deleted: boolean;
  declare revokeFailed: boolean;
  /** "Delete everything" was pressed once: the second press, on the button that says so, deletes. */
  declare confirmDelete: boolean;
  /** The games of the battery this session played (from its log), read with the profile; null when unknown. */
  private scanGames: readonly string[] | null = null;

  private readonly i18n = new I18nController(this);
  private readonly recorder = new ContextConsumer(this, { context: recorderContext });
  private readonly profile = new Task(this, {
    task: async ([sessionId, normGroup]: readonly [string, string | undefined]) => {
      const recorder = this.recorder.value;
      if (!recorder || !sessionId) throw new Error('No session');
      // The played battery comes with the profile (one render): the results tell "not part of this scan" from "could
      // not be measured" by the games the log's session-start planned, not by which scores came out.
      const [profile, events] = await Promise.all([recorder.profile(sessionId, normGroup), recorder.events(sessionId)]);
      this.scanGames = scanGamesOf(events);
      return profile;
    },
    args: () => [this.sessionId, this.normGroup] as const,
  });

  constructor() {
    super();
    this.scores = [];
    this.sessionId = '';
    this.normGroup = undefined;
    this.certified = null;
    this.upload = null;
    this.reopened = null;
    this.deleted = false;
    this.revokeFailed = false;
    this.confirmDelete = false;
  }

  override render() {
    const r = this.reopened;
    return html`<div class="wrap">
      <section class="card ${r ? 'title' : ''}">
        <h1 tabindex="-1">${t('results.title')}</h1>
        ${
          r
            ? html`<p>${tDynamic('past.from', { date: new Intl.DateTimeFormat(lang(), { dateStyle: 'long' }).format(r.endedAt) })}</p>
              <button class="secondary" data-results-back @click=${this.back}>${tDynamic('past.back')}</button>`
            : nothing
        }
      </section>
      ${this.deleted ? this.renderData() : this.renderResults()}
    </div>`;
  }

  /**
   * The profile, the closing questions, the raw measurements and the credential. Once the candidate deleted their data
   * none of it stays on screen: the data is gone, and on a shared device the next person must not read it here.
   */
  private renderResults() {
    const r = this.reopened;
    return html`${this.profile.render({
      pending: () => html`<p class="card" role="status">${t('results.computing')}</p>`,
      complete: (profile) => html`<ts-candidate-profile .profile=${profile} .scanGames=${this.scanGames}></ts-candidate-profile>`,
      error: (err) => html`<p role="alert">${t('results.profileFailed')} ${err instanceof Error ? err.message : String(err)}</p>`,
    })}
      <section class="card"><ts-feedback .sessionId=${this.sessionId}></ts-feedback></section>
      <details class="card">
        <summary>${t('results.raw')}</summary>
        ${this.scores.map((s) => this.renderGame(s))}
      </details>
      <section class="card"><ts-credential .sessionId=${this.sessionId} .scores=${this.scores} .normGroup=${this.normGroup} .certified=${this.certified} .upload=${this.upload} .keyLost=${r?.credential === 'key-lost'} .issuedBefore=${r !== null && this.issuedHere()} @credential-issued=${this.onIssued}></ts-credential></section>
      ${this.revokeFailed ? html`<p role="alert">${t('results.revokeFailed')}</p>` : nothing}
      ${this.renderData()}`;
  }

  private renderData() {
    if (this.deleted) {
      return html`<section class="card data">
        <p role="status">${t('results.deleted')}</p>
        <div class="actions">
          ${this.reopened ? html`<button class="secondary" data-deleted-back @click=${this.back}>${tDynamic('past.back')}</button>` : nothing}
          <a class="button" href="/">${t('results.again')}</a>
        </div>
      </section>`;
    }
    return html`<section class="card data" aria-labelledby="data-title">
      <h2 id="data-title">${tDynamic('data.title')}</h2>
      <p>${tDynamic('data.body')}</p>
      <div class="actions">
        <button class="secondary" @click=${() => void this.download('json')}>${tDynamic('data.json')}</button>
        <button class="secondary" @click=${() => void this.download('csv')}>${tDynamic('data.csv')}</button>
      </div>
      <p class="muted">${tDynamic('data.coachHint')}</p>
      <div class="actions"><button class="secondary" @click=${() => void this.shareWithCoach()}>${tDynamic('data.shareCoach')}</button></div>
      <p class="muted">${tDynamic(this.certified ? 'data.deleteHintServer' : this.reopened?.credential === 'key-lost' ? 'past.deleteHintKeyLost' : 'data.deleteHint')}</p>
      <div class="actions">
        ${
          this.confirmDelete
            ? html`<p role="alert" class="confirm">${tDynamic('data.deleteConfirm')}</p>
              <button class="danger-solid" data-confirm-delete @click=${() => void this.deleteData()}>${tDynamic('data.deleteAll')}</button>
              <button class="secondary" @click=${() => (this.confirmDelete = false)}>${tDynamic('data.cancel')}</button>`
            : html`<button class="secondary danger" @click=${this.askDelete}>${tDynamic('data.deleteAll')}</button>`
        }
      </div>
      <div class="actions"><a class="button" href="/">${t('results.again')}</a></div>
    </section>`;
  }

  /** Focus for a keyboard or screen-reader user arriving on reopened results: the title, which names the screen. */
  focusMain(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }

  /** Back to the welcome screen (reopened results only): `<ts-scan>` reads the list of finished scans again. */
  private readonly back = () => {
    this.dispatchEvent(new CustomEvent('results-back', { bubbles: true, composed: true }));
  };

  /** A credential of this session was issued on this device before (its revocation token is kept here). */
  private issuedHere(): boolean {
    return localStorage.getItem(revocationKey(this.sessionId)) !== null;
  }

  private readonly askDelete = () => {
    this.confirmDelete = true;
    // The confirming button is where the keyboard goes next.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[data-confirm-delete]')?.focus());
  };

  /** Keeps the credential's revocation token with the session, so deleting the data can withdraw the credential. */
  private readonly onIssued = (e: Event) => {
    const { credentialId, revocationToken, credential } = (e as CustomEvent<{ credentialId: string; revocationToken: string; credential: string }>).detail;
    localStorage.setItem(revocationKey(this.sessionId), JSON.stringify({ credentialId, revocationToken }));
    this.credential = credential;
  };

  /** The credential issued on this page (compact SD-JWT): it travels in the report for a coach, who verifies it. */
  private credential: string | undefined;

  private renderGame(score: GameScore) {
    const definitions = gameById(score.game).metrics;
    return html`<section class="card">
      <table>
        <caption>${tDynamic(`game.${score.game}`)}</caption>
        <thead><tr><th scope="col">${t('results.metric')}</th><th scope="col">${t('results.value')}</th></tr></thead>
        <tbody>
          ${definitions.map((d) => {
            const v = score.metrics[d.id];
            return html`<tr>
              <th scope="row">${tDynamic(`metric.${score.game}.${d.id}`)}</th>
              <td class="value">${v && v.value !== null ? formatMetric(v.value, d) : html`<span class="muted">${t('results.notComputable')}</span>`}</td>
            </tr>`;
          })}
        </tbody>
      </table>
      ${score.flags.length ? this.renderFlags(score) : nothing}
      <p class="muted">${score.game} ${score.gameVersion} · scorer ${score.scorerVersion}</p>
    </section>`;
  }

  /**
   * The game's quality flags in the candidate's words and direction (src/shell/flag-messages.ts), one line per code
   * (a flag raised in two blocks reads once, its counts added); a code this version has no words for shows beside the
   * general sentence. The scorers' English details, with the codes, stay one click
   * further for whoever checks the raw measurements (the algorithm card's language).
   */
  private renderFlags(score: GameScore) {
    return html`<h2>${t('results.flags')}</h2>
      <ul class="flags">
        ${mergeFlags(score.flags).map((f) => {
          const words = describeFlag(f, score.game);
          return html`<li>${words.text}${words.known ? nothing : html` <code dir="ltr">${f.code}</code>`}</li>`;
        })}
      </ul>
      <details class="technical">
        <summary>${tDynamic('flag.technical')}</summary>
        <ul lang="en" dir="ltr">${score.flags.map((f) => html`<li><code>${f.code}</code>: ${f.detail}</li>`)}</ul>
      </details>`;
  }

  /** "Download my data": the log, the scores, the profile and the closing answers (JSON), or the log as CSV. */
  private async download(kind: 'json' | 'csv'): Promise<void> {
    const recorder = this.recorder.value;
    if (!recorder || !this.sessionId) return;
    const events = await recorder.events(this.sessionId);
    if (kind === 'csv') {
      saveFile(logCsv(events), `talentscan-${this.sessionId}.csv`, 'text/csv');
      return;
    }
    const feedback = parseFeedback(localStorage.getItem(feedbackKey(this.sessionId)));
    const data = myData(this.sessionId, events, this.scores, this.profile.value, feedback);
    saveFile(JSON.stringify(data, null, 2), `talentscan-${this.sessionId}.json`, 'application/json');
  }

  /** The full report (profile + raw log) for a coach's workspace, which recomputes and checks it (src/coach/intake.ts). */
  private async shareWithCoach(): Promise<void> {
    const recorder = this.recorder.value;
    const profile = this.profile.value;
    if (!recorder || !this.sessionId || !profile) return;
    const report = coachReport(profile, await recorder.events(this.sessionId), this.credential);
    saveFile(JSON.stringify(report), `talentscan-report-${this.sessionId}.json`, 'application/json');
  }

  private async deleteData(): Promise<void> {
    const recorder = this.recorder.value;
    if (!recorder || !this.sessionId) return;
    // A certified session: delete the server's copy too, which also revokes its credentials.
    if (this.certified) {
      // The server no longer knowing the session means its copy is already gone (deleted earlier, e.g. from a page
      // that crashed before deleting this device's copy): that is the outcome asked for, not a failure.
      const gone = await deleteWitnessed(this.certified.sessionId, this.certified.token).then(
        () => true,
        (err: unknown) => err instanceof WitnessHttpError && err.status === 404 && err.code === 'unknown-session',
      );
      if (!gone) {
        this.revokeFailed = true;
        return;
      }
    }
    // Withdraw an issued credential first: deleting the data must not leave a valid credential of it behind.
    const stored = localStorage.getItem(revocationKey(this.sessionId));
    if (stored) {
      const { credentialId, revocationToken } = JSON.parse(stored) as { credentialId: string; revocationToken: string };
      const res = await fetch('/issuer/api/revoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ credentialId, token: revocationToken }),
        credentials: 'same-origin',
      }).catch(() => undefined);
      if (!res?.ok) {
        this.revokeFailed = true;
        return; // keep the data and the token: the candidate can try again
      }
      localStorage.removeItem(revocationKey(this.sessionId));
    }
    await recorder.deleteSession(this.sessionId);
    localStorage.removeItem(feedbackKey(this.sessionId));
    this.deleted = true;
    this.dispatchEvent(new CustomEvent(SCAN_LIFECYCLE, { detail: { type: 'deleted', sessionId: this.sessionId }, bubbles: true, composed: true }));
    this.confirmDelete = false;
    // The buttons the focus was on are gone: a keyboard user goes on from the way out.
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[data-deleted-back], .data a.button')?.focus();
  }
}

function revocationKey(sessionId: string): string {
  return `talentscan.revocation.${sessionId}`;
}

/** Formats a metric value with its unit for the candidate (the stored number is never rounded by this). */
export function formatMetric(value: number, d: MetricDefinition): string {
  switch (d.unit) {
    case 'ms':
      return `${formatNumber(value)} ms`;
    case 'proportion':
      return `${formatNumber(value * 100)}%`;
    case '1/s':
      return `${formatNumber(value, 2)} ${t('unit.perSecond')}`;
    case 'count':
      return `${formatNumber(value)}${t('unit.times')}`;
    default:
      return formatNumber(value, 2);
  }
}

customElements.define('ts-results', TsResults);

declare global {
  interface HTMLElementTagNameMap {
    'ts-results': TsResults;
  }
}
