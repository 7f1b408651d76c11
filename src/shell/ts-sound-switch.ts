import { css, html, LitElement } from 'lit';
import { I18nController, tDynamic } from '../i18n/index.ts';
import { base } from './styles.ts';
import './sound-messages.ts';
import { feedbackSound, onSoundChange, setSound } from './sound.ts';

/**
 * The switch for the optional feedback sounds: a button with role="switch" (Space and Enter toggle it; its name is the
 * word "Sounds", its state is aria-checked and the word On/Off beside it), and one line saying sound is only for fun.
 * Off unless the candidate turned it on on this device; every switch on the page shows the same state. It is a shell
 * control (`data-shell-control`): a press on it is never read as a game answer.
 */
export class TsSoundSwitch extends LitElement {
  static override properties = { on: { state: true } };
  static override styles = [
    base,
    css`
      :host { display: block; }
      .sound { display: grid; gap: 0.35rem; justify-items: start; }
      button { gap: 0.6rem; padding-inline: 1rem; }
      .track { inline-size: 2.5rem; block-size: 1.4rem; border-radius: 999px; border: 2px solid currentColor; position: relative; flex: none; }
      .knob { position: absolute; inset-block-start: 0.15rem; inset-inline-start: 0.15rem; inline-size: 0.9rem; block-size: 0.9rem; border-radius: 50%; background: currentColor; transition: inset-inline-start 0.15s; }
      [aria-checked='true'] .knob { inset-inline-start: 1.3rem; }
      [aria-checked='true'] { background: var(--accent); color: var(--accent-ink); }
      @media (prefers-reduced-motion: reduce) { .knob { transition: none; } }
      svg { inline-size: 1.3rem; block-size: 1.3rem; flex: none; }
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
      <button type="button" class="secondary" role="switch" aria-checked=${this.on ? 'true' : 'false'} aria-describedby="sound-hint" data-shell-control @click=${this.toggle}>
        ${speaker(this.on)}
        <span>${tDynamic('sound.label')}</span>
        <span class="track" aria-hidden="true"><span class="knob"></span></span>
        <span aria-hidden="true">${tDynamic(this.on ? 'sound.on' : 'sound.off')}</span>
      </button>
      <p class="hint" id="sound-hint">${tDynamic('sound.hint')}</p>
    </div>`;
  }

  private readonly toggle = () => {
    setSound(!this.on);
    // The click is the user gesture the audio needs; the chime lets the candidate hear what they turned on.
    if (this.on) void feedbackSound.preview();
  };
}

/** A speaker, with waves when sound is on and a cross when it is off (decoration: the state is in words). */
function speaker(on: boolean) {
  return html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
    <path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor" />
    ${on ? html`<path d="M16 9a4 4 0 0 1 0 6" /><path d="M18.5 6.5a7.5 7.5 0 0 1 0 11" />` : html`<path d="M17 9l5 6" /><path d="M22 9l-5 6" />`}
  </svg>`;
}

customElements.define('ts-sound-switch', TsSoundSwitch);

declare global {
  interface HTMLElementTagNameMap {
    'ts-sound-switch': TsSoundSwitch;
  }
}
