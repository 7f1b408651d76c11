import { css, html, LitElement, nothing } from 'lit';
import { probeDevice } from '../runtime/device-probe.ts';
import { I18nController, tDynamic } from '../i18n/index.ts';
import { assessDevice, type CheckItem, type CheckLevel, overall } from '../runtime/device-check.ts';
import '../runtime/device-check-messages.ts';
import { base } from './styles.ts';
import './ts-sound-switch.ts';

export interface DeviceCheckResult {
  items: CheckItem[];
  overall: CheckLevel;
  /** The candidate answered the practice target (their input reaches the page). */
  practiced: boolean;
}

const ICON: Record<CheckLevel, string> = { ok: '✓', advice: '!', unsuitable: '✕' };

/**
 * The device check before a scan: screen size and orientation, refresh rate, full screen, timer precision, and one
 * practice answer by tap, click or key; and the switch for the optional feedback sounds (off unless turned on). Explains anything unsuitable kindly and never blocks: the candidate decides.
 * Fires `device-checked` (detail: DeviceCheckResult) when the candidate goes on.
 */
export class TsDeviceCheck extends LitElement {
  static override properties = { step: { attribute: false }, items: { state: true }, practiced: { state: true } };
  static override styles = [
    base,
    css`
      :host { display: block; }
      section { max-inline-size: 40rem; margin: 1rem auto; padding-inline: 1rem; display: grid; gap: 1rem; }
      ul { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.5rem; }
      li { display: flex; gap: 0.75rem; align-items: flex-start; }
      .icon { flex: none; inline-size: 1.75rem; block-size: 1.75rem; border-radius: 50%; display: grid; place-items: center; font-weight: 800; }
      .ok { background: #d7f2e3; color: #0b5132; }
      .advice { background: var(--warn-bg); color: var(--warn-ink); }
      .unsuitable { background: #fde2e1; color: #8a1c17; }
      .practice { display: grid; gap: 0.5rem; justify-items: start; }
      .actions { display: flex; flex-wrap: wrap; gap: 0.75rem; }
      .note { background: var(--warn-bg); color: var(--warn-ink); padding: 0.75rem; border-radius: 8px; margin: 0; }
      .step { margin: 0; color: var(--ink-soft); font-weight: 600; }
    `,
  ];

  /** The step of the start this check is (shown as "Step 2 of 3"); none when shown on its own. */
  declare step: number | null;
  declare items: CheckItem[] | null;
  declare practiced: boolean;
  private readonly i18n = new I18nController(this);

  constructor() {
    super();
    this.step = null;
    this.items = null;
    this.practiced = false;
  }

  /** Focus for keyboard users arriving here: the practice answer, the one thing that is asked of them. */
  focusMain(): void {
    this.renderRoot.querySelector<HTMLElement>('.practice button')?.focus();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void probeDevice().then((m) => (this.items = assessDevice(m)));
  }

  override render() {
    const items = this.items;
    const level = items ? overall(items) : null;
    return html`<section aria-labelledby="device-h">
      ${this.step ? html`<p class="step">${tDynamic('landing.steps', { step: this.step })}</p>` : nothing}
      <h1 id="device-h">${tDynamic('device.title')}</h1>
      <p>${tDynamic('device.intro')}</p>
      ${
        items
          ? html`<ul>
            ${items.filter((i) => !i.researcherOnly).map((i) => html`<li><span class="icon ${i.level}" aria-hidden="true">${ICON[i.level]}</span><span>${tDynamic(i.message)}</span></li>`)}
          </ul>`
          : html`<p role="status">${tDynamic('device.measuring')}</p>`
      }
      <div class="practice">
        <h2>${tDynamic('device.practice.title')}</h2>
        <p>${tDynamic('device.practice.body')}</p>
        <button class="secondary" @click=${this.practice}>${tDynamic('device.practice.button')}</button>
        <p role="status">${this.practiced ? tDynamic('device.practice.done') : nothing}</p>
      </div>
      <ts-sound-switch></ts-sound-switch>
      ${level === 'unsuitable' ? html`<p class="note">${tDynamic('device.unsuitable')}</p>` : nothing}
      <div class="actions">
        ${
          document.fullscreenEnabled
            ? html`<button class="secondary" @click=${() => void document.documentElement.requestFullscreen().catch(() => undefined)}>
              ${tDynamic('device.fullscreen.button')}
            </button>`
            : nothing
        }
        <button data-autofocus ?disabled=${!items || !this.practiced} @click=${this.done}>
          ${level === 'unsuitable' ? tDynamic('device.continueAnyway') : tDynamic('device.continue')}
        </button>
      </div>
    </section>`;
  }

  private readonly practice = () => {
    this.practiced = true;
    // The way on is the next thing to reach, by keyboard too.
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.actions button[data-autofocus]')?.focus());
  };

  private done(): void {
    if (!this.items) return;
    const detail: DeviceCheckResult = { items: this.items, overall: overall(this.items), practiced: this.practiced };
    this.dispatchEvent(new CustomEvent('device-checked', { detail, bubbles: true, composed: true }));
  }
}

customElements.define('ts-device-check', TsDeviceCheck);

declare global {
  interface HTMLElementTagNameMap {
    'ts-device-check': TsDeviceCheck;
  }
}
