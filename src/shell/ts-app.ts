import { ContextProvider } from '@lit/context';
import { css, html, LitElement } from 'lit';
import { I18nController, isLang, lang, LANGUAGES, setLang, t, type Lang } from '../i18n/index.ts';
import { recorderClient } from '../runtime/recorder-client.ts';
import { recorderContext } from './context.ts';
import './feature-messages.ts';
import { base } from './styles.ts';
import './ts-scan.ts';

const LANG_KEY = 'talentscan.lang';

/** The application shell: header with language choice, and one route: `/` scan, `/coach`, `/embed`. */
export class TsApp extends LitElement {
  static override styles = [
    base,
    css`
      :host { display: flex; flex-direction: column; min-block-size: 100dvh; background: var(--paper); }
      header { display: flex; align-items: center; justify-content: space-between; gap: 0.75rem; padding-block: 0.5rem; padding-inline: 1rem; background: var(--card); border-block-end: 1px solid #d9dbe8; }
      .brand { font-weight: 800; font-size: 1.1rem; color: var(--ink); text-decoration: none; }
      nav { display: flex; align-items: center; gap: 0.75rem; }
      nav a { color: var(--accent); }
      select { font: inherit; min-block-size: 44px; border-radius: 8px; border: 1px solid #8b90b0; padding-inline: 0.5rem; background: var(--card); color: var(--ink); }
      /* Embedded, the page is as tall as its content: the host sizes the iframe to it. */
      :host([embedded]) { min-block-size: 0; }
      main { display: flex; flex-direction: column; flex: 1; min-block-size: 0; }
      .skip { position: absolute; inset-inline-start: -999px; }
      .skip:focus { inset-inline-start: 1rem; z-index: 10; background: var(--card); padding: 0.5rem; }
      @media (max-width: 420px) { .coach-link { display: none; } }
      @media print { header, .skip { display: none; } :host { background: #fff; } }
    `,
  ];

  private readonly i18n = new I18nController(this);
  private readonly provider = new ContextProvider(this, { context: recorderContext, initialValue: recorderClient() });

  constructor() {
    super();
    const asked = new URLSearchParams(location.search).get('lang') ?? localStorage.getItem(LANG_KEY);
    setLang(isLang(asked) ? asked : lang());
  }

  override render() {
    const path = location.pathname.replace(/\/+$/, '') || '/';
    // The scan inside a pilot's page: no site chrome (header, navigation, the coach link).
    this.toggleAttribute('embedded', path === '/embed');
    if (path === '/embed') {
      // Loaded only inside a pilot's iframe, like the coach's workspace: the candidate's page does not carry it.
      void import('./embed/ts-embed.ts');
      return html`<ts-embed></ts-embed>`;
    }
    return html`
      <a class="skip" href="#main">${t('app.skip')}</a>
      <header>
        <a class="brand" href="/">${t('app.title')}</a>
        <nav>
          <a class="coach-link" href="/coach">${t('nav.coach')}</a>
          <label>
            <span class="visually-hidden">${t('lang.label')}</span>
            <select @change=${this.onLang} aria-label=${t('lang.label')}>
              ${Object.entries(LANGUAGES).map(([code, l]) => html`<option value=${code} ?selected=${code === lang()} lang=${code}>${l.name}</option>`)}
            </select>
          </label>
        </nav>
      </header>
      <main id="main" tabindex="-1">${this.route(path)}</main>
    `;
  }

  private route(path: string) {
    switch (path) {
      case '/coach':
        // The workspace is loaded only where it is used, so the candidate's page does not carry it.
        void import('./coach/ts-coach.ts');
        return html`<ts-coach></ts-coach>`;
      case '/verify':
        // The verifier (signature and status-list checks) is loaded only on its page, like the coach workspace.
        void import('./ts-verify.ts');
        return html`<ts-verify></ts-verify>`;
      default:
        return html`<ts-scan></ts-scan>`;
    }
  }

  private onLang(e: Event): void {
    const value = (e.target as HTMLSelectElement).value;
    if (!isLang(value)) return;
    localStorage.setItem(LANG_KEY, value);
    setLang(value as Lang);
  }
}

customElements.define('ts-app', TsApp);
