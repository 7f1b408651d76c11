import { css, html, LitElement } from 'lit';
import { I18nController, tDynamic } from '../i18n/index.ts';
import { type Feedback, FUN_ANSWERS, feedbackKey, LENGTH_ANSWERS, parseFeedback } from './feedback.ts';
import { base } from './styles.ts';

/**
 * The two optional questions at the end (was it fun; was it too long). Either may be left open; nothing is stored
 * until the candidate presses Send. Answers are kept beside the session on this device (feedback.ts).
 */
export class TsFeedback extends LitElement {
  static override properties = { sessionId: { attribute: false }, fun: { state: true }, length: { state: true }, sent: { state: true } };
  static override styles = [
    base,
    css`
      :host { display: block; }
      form { display: grid; gap: 0.75rem; }
      fieldset { border: 0; padding: 0; margin: 0; display: grid; gap: 0.4rem; }
      legend { font-weight: 700; padding: 0; margin-block-end: 0.35rem; }
      .options { display: flex; flex-wrap: wrap; gap: 0.5rem; }
      label { display: inline-flex; gap: 0.4rem; align-items: center; min-block-size: 44px; padding-inline: 0.8rem; border: 1px solid #8b90b0; border-radius: 999px; cursor: pointer; }
      label:has(input:checked) { border-color: var(--accent); background: #ecebfb; font-weight: 600; }
      input { inline-size: 20px; block-size: 20px; accent-color: var(--accent); margin: 0; }
      .muted { color: var(--ink-soft); margin: 0; }
    `,
  ];

  declare sessionId: string;
  declare fun: Feedback['fun'];
  declare length: Feedback['length'];
  declare sent: boolean;
  private readonly i18n = new I18nController(this);

  constructor() {
    super();
    this.sessionId = '';
    this.fun = undefined;
    this.length = undefined;
    this.sent = false;
  }

  override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('sessionId') && this.sessionId) this.sent = parseFeedback(localStorage.getItem(feedbackKey(this.sessionId))) !== undefined;
  }

  override render() {
    if (this.sent) return html`<p role="status">${tDynamic('feedback.thanks')}</p>`;
    return html`<form @submit=${this.send} aria-labelledby="feedback-title">
      <h2 id="feedback-title">${tDynamic('feedback.title')}</h2>
      <p class="muted">${tDynamic('feedback.optional')}</p>
      ${this.question('fun', FUN_ANSWERS, this.fun, (v) => (this.fun = v))}
      ${this.question('length', LENGTH_ANSWERS, this.length, (v) => (this.length = v))}
      <div><button type="submit" class="secondary" ?disabled=${!this.fun && !this.length}>${tDynamic('feedback.send')}</button></div>
    </form>`;
  }

  private question<T extends string>(id: 'fun' | 'length', answers: readonly T[], chosen: T | undefined, set: (v: T) => void) {
    return html`<fieldset>
      <legend>${tDynamic(`feedback.${id}`)}</legend>
      <div class="options">
        ${answers.map(
          (a) =>
            html`<label><input type="radio" name=${id} value=${a} .checked=${chosen === a} @change=${() => set(a)} />${tDynamic(`feedback.${id}.${a}`)}</label>`,
        )}
      </div>
    </fieldset>`;
  }

  private readonly send = (e: Event) => {
    e.preventDefault();
    if (!this.sessionId || (!this.fun && !this.length)) return;
    const answer: Feedback = { at: Date.now(), ...(this.fun ? { fun: this.fun } : {}), ...(this.length ? { length: this.length } : {}) };
    localStorage.setItem(feedbackKey(this.sessionId), JSON.stringify(answer));
    this.sent = true;
    this.dispatchEvent(new CustomEvent('feedback-sent', { detail: answer, bubbles: true, composed: true }));
  };
}

customElements.define('ts-feedback', TsFeedback);

declare global {
  interface HTMLElementTagNameMap {
    'ts-feedback': TsFeedback;
  }
}
