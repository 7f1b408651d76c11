import { css, html, LitElement, nothing, svg } from 'lit';
import { I18nController, t, tDynamic } from '../i18n/index.ts';
import type { SessionMode } from '../log/events.ts';
import type { ScanSettings } from './scan-lifecycle.ts';
import { CONSENT_KEYS, CONSENT_VERSION } from './session-messages.ts';
import type { StorageWarning } from './storage-probe.ts';
import { filePick } from './file-pick.ts';
import { base } from './styles.ts';

/** What the candidate asked for on the welcome screen (bubbling, composed events). */
export interface WelcomeStartDetail {
  mode: SessionMode;
}

/** Small line icons for the four facts of the landing (decorative: each fact has its own heading). */
const ICONS = {
  what: svg`<rect x="4" y="9" width="24" height="15" rx="7"></rect><path d="M10 13v6M7 16h6"></path><circle cx="21" cy="14" r="1.5"></circle><circle cx="24" cy="18" r="1.5"></circle>`,
  time: svg`<circle cx="16" cy="17" r="11"></circle><path d="M16 11v6l4 3M13 3h6"></path>`,
  data: svg`<path d="M16 3l11 4v8c0 7-5 12-11 14C10 27 5 22 5 15V7z"></path><path d="M11 16l4 4 6-7"></path>`,
  after: svg`<path d="M16 4l3.6 7.5 8.2 1.1-6 5.7 1.5 8.1L16 22.5l-7.3 3.9 1.5-8.1-6-5.7 8.2-1.1z"></path>`,
} as const;

/**
 * Step 1 of the scan: what it is, how long it takes, what happens with the data and what comes after (icons, short
 * sentences); the two modes with each mode's consent text; Start, and "Continue from a backup". Fires `welcome-start`
 * ({ mode }) once the box is ticked, `welcome-restore` ({ file }) when a backup file is chosen. A scan whose page
 * locked its settings (an embedded pilot's) is certified only, shows the pilot's extra consent lines and offers no backup.
 * Slot `past`: what the shell puts under the title (a finished scan on this device, "Your results from <date>").
 */
export class TsWelcome extends LitElement {
  static override properties = {
    minutes: { attribute: false },
    storageWarning: { attribute: false },
    error: { attribute: false },
    mode: { attribute: false },
    consent: { attribute: false },
    locked: { attribute: false },
    consentHint: { state: true },
  };
  static override styles = [
    base,
    css`
      :host { display: block; }
      .welcome { max-inline-size: 44rem; margin: 1rem auto; display: grid; gap: 1rem; padding-inline: 1rem; }
      .step { margin: 0; color: var(--ink-soft); font-weight: 600; }
      .facts { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fit, minmax(17rem, 1fr)); }
      .facts li { display: flex; gap: 0.75rem; align-items: flex-start; }
      .facts svg { flex: none; inline-size: 40px; block-size: 40px; padding: 6px; border-radius: 12px; background: #ecebfb; fill: none; stroke: var(--accent); stroke-width: 2.2; stroke-linecap: round; stroke-linejoin: round; }
      .facts h2 { font-size: 1rem; margin: 0; }
      .facts p { margin: 0; color: var(--ink-soft); }
      .consent, .mode label { display: flex; gap: 0.75rem; align-items: flex-start; }
      fieldset.mode { border: 1px solid #d9dbe8; border-radius: var(--radius); padding: 0.75rem 1rem; display: grid; gap: 0.75rem; margin: 0; }
      fieldset.mode legend { font-weight: 700; padding-inline: 0.25rem; }
      .mode input, .consent input { inline-size: 24px; block-size: 24px; flex: none; margin-block-start: 0.15rem; accent-color: var(--accent); }
      .mode .hint, .terms li { color: var(--ink-soft); }
      .terms { margin: 0; padding-inline-start: 1.25rem; display: grid; gap: 0.35rem; }
      .terms-box h2 { font-size: 1.05rem; }
      .actions { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; }
      .next { color: var(--ink-soft); margin: 0; }
    `,
  ];

  declare minutes: number;
  /** The storage looks like it ends with the window (storage-probe.ts): why, or null. */
  declare storageWarning: StorageWarning | null;
  /** A message to show at the top (why the last Start did not lead to a scan), already in words. */
  declare error: string | null;
  /** The mode chosen (the shell passes back the last choice when a Start did not lead to a scan). */
  declare mode: SessionMode;
  declare consent: boolean;
  /** Settings an embedding page locked (certified only, extra consent lines), or null. */
  declare locked: ScanSettings | null;
  declare consentHint: boolean;
  private readonly i18n = new I18nController(this);

  constructor() {
    super();
    this.minutes = 10;
    this.storageWarning = null;
    this.error = null;
    this.mode = 'practice';
    this.consent = false;
    this.locked = null;
    this.consentHint = false;
  }

  override render() {
    const locked = this.locked;
    const mode = locked ? 'certified' : this.mode;
    const facts = [
      ['what', 'landing.what.title', 'landing.what.body'],
      ['time', 'landing.time.title', 'landing.time.body'],
      ['data', 'landing.data.title', 'landing.data.body'],
      ['after', 'landing.after.title', 'landing.after.body'],
    ] as const;
    return html`<section class="welcome card" aria-labelledby="welcome-title">
      <p class="step">${tDynamic('landing.steps', { step: 1 })}</p>
      <h1 id="welcome-title" tabindex="-1">${t('welcome.title')}</h1>
      ${
        this.storageWarning === 'private-window'
          ? html`<p class="notice private-window">${tDynamic('storage.private')}</p>`
          : this.storageWarning === 'framed'
            ? html`<p class="notice framed-storage">${tDynamic('storage.framed')}</p>`
            : nothing
      }
      ${this.error ? html`<p class="notice" role="alert">${this.error}</p>` : nothing}
      <slot name="past"></slot>
      <ul class="facts">
        ${facts.map(
          ([icon, title, body]) => html`<li>
            <svg viewBox="0 0 32 32" aria-hidden="true" focusable="false">${ICONS[icon]}</svg>
            <div><h2>${tDynamic(title)}</h2><p>${tDynamic(body, { count: this.minutes })}</p></div>
          </li>`,
        )}
      </ul>
      <p>${t('welcome.device')}</p>
      ${
        locked
          ? nothing
          : html`<fieldset class="mode">
        <legend>${tDynamic('mode.title')}</legend>
        ${(['practice', 'certified'] as const).map(
          (m) => html`<label>
            <input type="radio" name="mode" value=${m} .checked=${mode === m} @change=${() => this.chooseMode(m)} />
            <span><strong>${tDynamic(`mode.${m}`)}</strong><br /><span class="hint">${tDynamic(`mode.${m}Hint`)}</span></span>
          </label>`,
        )}
      </fieldset>`
      }
      <section class="terms-box" aria-labelledby="terms-title" data-consent-version=${CONSENT_VERSION[mode] + (locked?.consentVersionSuffix ?? '')}>
        <h2 id="terms-title">${tDynamic('consent.title')}</h2>
        <ul class="terms">
          ${CONSENT_KEYS[mode].map((k) => html`<li>${tDynamic(k)}</li>`)}
          ${locked?.consentExtra.map((c) => html`<li>${tDynamic(c.key, c.params)}</li>`) ?? nothing}
        </ul>
      </section>
      <label class="consent">
        <input type="checkbox" .checked=${this.consent} @change=${(e: Event) => this.setConsent((e.target as HTMLInputElement).checked)} />
        <span>${mode === 'certified' ? tDynamic('consent.certified.check') : t('welcome.consent')}</span>
      </label>
      ${this.consentHint ? html`<p class="notice" role="alert">${t('welcome.consentNeeded')}</p>` : nothing}
      <p class="next">${tDynamic('landing.deviceNext')}</p>
      <div class="actions">
        <button data-start @click=${this.start}>${t('welcome.start')}</button>
        ${locked ? nothing : filePick({ id: 'restore-file', label: tDynamic('restore.label'), accept: 'application/json,.json', onChange: this.restore })}
      </div>
    </section>`;
  }

  /**
   * Focus on the page's title, for keyboard and screen-reader users arriving on this step: a screen reader starts at
   * the top, and the next Tab reaches the controls in reading order (mode, consent, Start, backup). Not on Start: that
   * sits at the end of a long page, and focusing it scrolled a phone to the bottom before the candidate had read what
   * the scan is (360×640: scrollY 1180 in Dutch).
   */
  focusMain(): void {
    this.renderRoot.querySelector<HTMLElement>('#welcome-title')?.focus();
  }

  private chooseMode(mode: SessionMode): void {
    this.mode = mode;
    this.consent = false;
    this.dispatchEvent(new CustomEvent('welcome-mode', { detail: { mode }, bubbles: true, composed: true }));
  }

  private setConsent(given: boolean): void {
    this.consent = given;
    this.consentHint = false;
  }

  private readonly start = () => {
    if (!this.consent) {
      this.consentHint = true;
      return;
    }
    const detail: WelcomeStartDetail = { mode: this.locked ? 'certified' : this.mode };
    this.dispatchEvent(new CustomEvent('welcome-start', { detail, bubbles: true, composed: true }));
  };

  private readonly restore = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) this.dispatchEvent(new CustomEvent('welcome-restore', { detail: { file }, bubbles: true, composed: true }));
  };
}

customElements.define('ts-welcome', TsWelcome);

declare global {
  interface HTMLElementTagNameMap {
    'ts-welcome': TsWelcome;
  }
}
