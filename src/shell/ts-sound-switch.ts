import { css, html, LitElement, svg } from 'lit';
import { I18nController, tDynamic } from '../i18n/index.ts';
import { base } from './styles.ts';
import './sound-messages.ts';
import { feedbackSound, onSoundChange, setSound } from './sound.ts';

/**
 * The switch for the optional feedback sounds: a native checkbox with role="switch" inside its label (Space toggles it;
 * its name is the word "Sounds", its state is `checked` and the word On/Off beside it), and one line saying sound is
 * only for fun. Native, not a button: the panel around it keeps a single button, its main action. Off unless the
 * candidate turned it on on this device; every switch on the page shows the same state. It is a shell control
 * (`data-shell-control`): a press on it is never read as a game answer.
 */
export class TsSoundSwitch extends LitElement {
  static override properties = { on: { state: true } };
  static override styles = [
    base,
    css`
      :host { display: block; }
      .sound { display: grid; gap: 0.25rem; justify-items: start; }
      label { display: inline-flex; align-items: center; gap: 0.6rem; min-block-size: 48px; cursor: pointer; font-weight: 600; }
      input {
        appearance: none; margin: 0; flex: none; position: relative; cursor: pointer;
        inline-size: 3rem; block-size: 1.6rem; border-radius: 999px; border: 2px solid var(--accent); background: var(--card);
      }
      input::before {
        content: ''; position: absolute; inset-block-start: 0.15rem; inset-inline-start: 0.15rem;
        inline-size: 1.05rem; block-size: 1.05rem; border-radius: 50%; background: var(--accent); transition: inset-inline-start 0.15s;
      }
      input:checked { background: var(--accent); }
      input:checked::before { inset-inline-start: calc(100% - 1.2rem); background: var(--accent-ink); }
      @media (prefers-reduced-motion: reduce) { input::before { transition: none; } }
      svg { inline-size: 1.4rem; block-size: 1.4rem; flex: none; color: var(--accent); }
      .state { min-inline-size: 3ch; }
      .hint { margin: 0; color: var(--ink-soft); font-size: 0.9rem; }
    `,
  ];

  declare on: boolean;
  private readonly i18n = new I18nController(this);
  private unsubscribe: (() => void) | null = null;

  constructor() {
    super();
    this.on = feedbackSound.enabled;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.on = feedbackSound.enabled;
    this.unsubscribe = onSoundChange((on) => (this.on = on));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  override render() {
    return html`<div class="sound">
      <label>
        ${speaker(this.on)}
        <span>${tDynamic('sound.label')}</span>
        <input type="checkbox" role="switch" .checked=${this.on} aria-describedby="sound-hint" data-shell-control @change=${this.toggle} />
        <span class="state" aria-hidden="true">${tDynamic(this.on ? 'sound.on' : 'sound.off')}</span>
      </label>
      <p class="hint" id="sound-hint">${tDynamic('sound.hint')}</p>
    </div>`;
  }

  private readonly toggle = (e: Event) => {
    setSound((e.target as HTMLInputElement).checked);
    // The change comes from a click or Space: the user gesture the audio needs. The chime lets them hear what it is.
    if (this.on) void feedbackSound.preview();
  };
}

/** A speaker, with waves when sound is on and a cross when it is off (decoration: the state is in words). */
function speaker(on: boolean) {
  return html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
    <path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor" />
    ${on ? svg`<path d="M16 9a4 4 0 0 1 0 6" /><path d="M18.5 6.5a7.5 7.5 0 0 1 0 11" />` : svg`<path d="M17 9l5 6" /><path d="M22 9l-5 6" />`}
  </svg>`;
}

customElements.define('ts-sound-switch', TsSoundSwitch);

declare global {
  interface HTMLElementTagNameMap {
    'ts-sound-switch': TsSoundSwitch;
  }
}
