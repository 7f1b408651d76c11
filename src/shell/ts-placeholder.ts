import { html, LitElement } from 'lit';
import { I18nController, t, type MessageKey } from '../i18n/index.ts';
import { base } from './styles.ts';

/** A route that is announced but not built yet: says so plainly instead of pretending. */
export class TsPlaceholder extends LitElement {
  static override properties = { heading: {}, body: {} };
  static override styles = [base];
  declare heading: MessageKey;
  declare body: MessageKey;
  private readonly i18n = new I18nController(this);

  constructor() {
    super();
    this.heading = 'coach.title';
    this.body = 'coach.body';
  }

  override render() {
    return html`<section class="card" style="max-inline-size: 40rem; margin: 1rem auto;">
      <h1>${t(this.heading)}</h1>
      <p>${t(this.body)}</p>
    </section>`;
  }
}

customElements.define('ts-placeholder', TsPlaceholder);
