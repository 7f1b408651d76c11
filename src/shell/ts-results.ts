import { ContextConsumer } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { gameById } from '../../games/registry.ts';
import { formatNumber, I18nController, t, tDynamic } from '../i18n/index.ts';
import type { GameScore, MetricDefinition } from '../runtime/game-contract.ts';
import { recorderContext } from './context.ts';
import { base } from './styles.ts';

/**
 * Raw results of a finished scan. PROVISIONAL: no norm comparison yet (the profile issue adds it); the screen says so.
 */
export class TsResults extends LitElement {
  static override properties = {
    scores: { attribute: false },
    sessionId: { attribute: false },
    deleted: { state: true },
  };
  static override styles = [
    base,
    css`
      :host { display: block; padding: 1rem; }
      .wrap { max-inline-size: 48rem; margin-inline: auto; display: grid; gap: 1rem; }
      table { inline-size: 100%; border-collapse: collapse; }
      th, td { text-align: start; padding-block: 0.45rem; padding-inline: 0.5rem; border-block-end: 1px solid #e1e3ee; vertical-align: top; }
      td.value { font-variant-numeric: tabular-nums; white-space: nowrap; }
      caption { text-align: start; font-weight: 700; font-size: 1.15rem; padding-block-end: 0.5rem; }
      .muted { color: var(--ink-soft); }
      .actions { display: flex; flex-wrap: wrap; gap: 0.75rem; }
    `,
  ];

  declare scores: GameScore[];
  declare sessionId: string;
  declare deleted: boolean;

  private readonly i18n = new I18nController(this);
  private readonly recorder = new ContextConsumer(this, { context: recorderContext });

  constructor() {
    super();
    this.scores = [];
    this.sessionId = '';
    this.deleted = false;
  }

  override render() {
    return html`<div class="wrap">
      <section class="card">
        <h1>${t('results.title')}</h1>
        <p class="muted">${t('results.provisional')}</p>
      </section>
      ${this.scores.map((s) => this.renderGame(s))}
      <section class="card actions">
        ${this.deleted
          ? html`<p role="status">${t('results.deleted')}</p>`
          : html`<button class="secondary" @click=${() => this.download()}>${t('results.download')}</button>
              <button class="secondary" @click=${() => this.deleteData()}>${t('results.delete')}</button>`}
        <a class="button" href="/">${t('results.again')}</a>
      </section>
    </div>`;
  }

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
      ${score.flags.length
        ? html`<h2>${t('results.flags')}</h2><ul>${score.flags.map((f) => html`<li>${f.detail}</li>`)}</ul>`
        : nothing}
      <p class="muted">${score.game} ${score.gameVersion} · scorer ${score.scorerVersion}</p>
    </section>`;
  }

  private async download(): Promise<void> {
    const recorder = this.recorder.value;
    if (!recorder || !this.sessionId) return;
    const events = await recorder.events(this.sessionId);
    const blob = new Blob([JSON.stringify({ sessionId: this.sessionId, events, scores: this.scores }, null, 2)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `talentscan-${this.sessionId}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  private async deleteData(): Promise<void> {
    const recorder = this.recorder.value;
    if (!recorder || !this.sessionId) return;
    await recorder.deleteSession(this.sessionId);
    this.deleted = true;
  }
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
