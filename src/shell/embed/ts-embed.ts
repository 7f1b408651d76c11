import { ContextConsumer } from '@lit/context';
import { css, html, LitElement, nothing } from 'lit';
import { EmbedChannel } from '../../embed/channel.ts';
import { type PublicPilot, shares } from '../../embed/pilot.ts';
import { isEmbedId, type HostCommand } from '../../embed/protocol.ts';
import { scanResult } from '../../embed/scan-result.ts';
import { playedMs, type ScanContext, statementsFromLog, type XapiStatement } from '../../embed/xapi.ts';
import { I18nController, isLang, lang, LANGUAGES, setLang, t, tDynamic, type Lang } from '../../i18n/index.ts';
import { batteryById, batteryDurationSec } from '../../runtime/batteries.ts';
import type { RecorderClient } from '../../runtime/recorder-client.ts';
import type { Profile } from '../../scoring/profile-types.ts';
import { requestCredential, witnessStatus } from '../../worker/witness-api.ts';
import { recorderContext } from '../context.ts';
import type { ScanLifecycle } from '../scan-lifecycle.ts';
import { base } from '../styles.ts';
import '../ts-scan.ts';
import type { TsScan } from '../ts-scan.ts';
import { scanSettings } from './scan-settings.ts';

type Refusal = 'pilot' | 'origin' | 'framed';
type Phase = { kind: 'loading' } | { kind: 'refused'; why: Refusal } | { kind: 'intro' } | { kind: 'scan' } | { kind: 'stopped' };

/** How long the page waits for the server to hold the whole log before it asks for the credential offer. */
const OFFER_WAIT_MS = 60_000;
/** How long the scan waits for the host's start token before it tries without one (the server then says why). */
const START_TOKEN_WAIT_MS = 20_000;

/**
 * The scan inside a pilot's iframe (`/embed?pilot=…&embedId=…&hostOrigin=…`): no site chrome, the pilot's light
 * branding, and the scan locked to the pilot's settings (certified, its battery, norm group and consent lines).
 *
 * It talks to the host page only through an EmbedChannel bound to the one host origin the URL names — and only when
 * that origin is one of the pilot's and is the page that really frames this one (`location.ancestorOrigins` where the
 * browser has it); otherwise it refuses, and posts nothing to anyone. It turns the scan's lifecycle events into
 * protocol events, in order, with only the result parts the pilot's `share` allows.
 */
export class TsEmbed extends LitElement {
  static override properties = { phase: { state: true }, pilot: { state: true } };
  static override styles = [
    base,
    css`
      :host { display: block; background: var(--paper); }
      header { display: flex; align-items: center; justify-content: space-between; gap: 0.75rem; flex-wrap: wrap; padding-block: 0.5rem; padding-inline: 1rem; background: var(--card); border-block-end: 1px solid #d9dbe8; }
      header img { block-size: 40px; inline-size: auto; }
      .tools { display: flex; align-items: center; gap: 0.5rem; }
      select { font: inherit; min-block-size: 44px; border-radius: 8px; border: 1px solid #8b90b0; padding-inline: 0.5rem; background: var(--card); color: var(--ink); }
      button.stop { min-block-size: 44px; padding-block: 0.3em; padding-inline: 1em; }
      .card { max-inline-size: 40rem; margin: 1rem auto; }
      /* The stage needs a height of its own: the iframe takes its height from this content, never the other way. */
      ts-scan { min-block-size: 560px; }
    `,
  ];

  declare phase: Phase;
  declare pilot: PublicPilot | null;

  private readonly i18n = new I18nController(this);
  private readonly recorderConsumer = new ContextConsumer(this, { context: recorderContext });
  private channel: EmbedChannel | null = null;
  private sessionId: string | null = null;
  private completed = new Set<string>();
  /** Protocol events leave in the order they happened, even when one needs a worker call first. */
  private outbox: Promise<void> = Promise.resolve();
  private readonly resizeObserver = new ResizeObserver(() => this.reportHeight());
  private lastHeight = 0;
  private embedId = '';
  /** The host said (in `hello`) that it answers start-token requests. */
  private hostGivesTokens = false;
  /** Who waits for the host's answer to the current start-token request. */
  private tokenWaiter: ((token: string | null) => void) | null = null;

  constructor() {
    super();
    this.phase = { kind: 'loading' };
    this.pilot = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver.observe(this);
    void this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver.disconnect();
    this.channel?.close();
  }

  private get recorder(): RecorderClient {
    const r = this.recorderConsumer.value;
    if (!r) throw new Error('<ts-embed> needs a recorder from <ts-app>');
    return r;
  }

  private async load(): Promise<void> {
    const q = new URLSearchParams(location.search);
    const pilotId = q.get('pilot') ?? '';
    const embedId = q.get('embedId');
    const hostOrigin = q.get('hostOrigin') ?? '';
    if (window.parent === window || !isEmbedId(embedId)) return this.refuse('framed');
    const res = /^[a-z0-9-]{1,64}$/.test(pilotId) ? await fetch(`/api/pilots/${pilotId}`).catch(() => null) : null;
    if (!res?.ok) return this.refuse('pilot');
    const pilot = (await res.json()) as PublicPilot;
    if (!pilot.hostOrigins.includes(hostOrigin) || !framedBy(hostOrigin)) return this.refuse('origin');
    this.pilot = pilot;
    this.embedId = embedId;
    this.style.setProperty('--pilot-accent', pilot.branding.accent);
    if (!isLang(q.get('lang'))) setLang(pilot.defaultLang);
    this.channel = new EmbedChannel({
      hostOrigin,
      embedId,
      env: {
        addEventListener: (type, l) => window.addEventListener(type, l),
        removeEventListener: (type, l) => window.removeEventListener(type, l),
        parent: window.parent,
        setTimeout: (fn, ms) => window.setTimeout(fn, ms),
      },
      readyPayload: () => ({ pilot: pilot.id, locale: lang(), battery: pilot.battery }),
      onCommand: (c) => this.command(c),
      onHello: (p) => {
        if (p.startToken) this.hostGivesTokens = true;
      },
    });
    this.channel.open();
    this.phase = { kind: 'intro' };
    this.reportHeight();
  }

  private refuse(why: Refusal): void {
    // Nobody to tell: an origin the pilot did not list never hears from the scan.
    this.phase = { kind: 'refused', why };
  }

  private command(c: HostCommand): void {
    switch (c.type) {
      case 'start':
        if (this.phase.kind === 'intro') this.phase = { kind: 'scan' };
        return;
      case 'setLocale':
        if (isLang(c.payload.locale)) setLang(c.payload.locale);
        return;
      case 'pause':
        this.renderRoot.querySelector<TsScan>('ts-scan')?.pause();
        return;
      case 'startToken': {
        // Only an answer to our own request counts; an unasked token is ignored.
        const waiter = this.tokenWaiter;
        this.tokenWaiter = null;
        waiter?.(c.payload.token);
        return;
      }
      default:
        return;
    }
  }

  /**
   * The pilot's start token for the session about to be created, asked of the host now (a token lives minutes). Not
   * asked when the host gives none and the pilot does not require one; undefined when the host has none in time.
   */
  private readonly startToken = async (): Promise<string | undefined> => {
    if (!this.hostGivesTokens && !this.pilot?.startToken.required) return undefined;
    const token = await new Promise<string | null>((resolve) => {
      const timer = window.setTimeout(() => {
        this.tokenWaiter = null;
        resolve(null);
      }, START_TOKEN_WAIT_MS);
      this.tokenWaiter?.(null);
      this.tokenWaiter = (t) => {
        window.clearTimeout(timer);
        resolve(t);
      };
      // Straight out, not through the ordered queue: the session (and every event after it) waits for the answer.
      this.send('startToken.request', {});
    });
    return token ?? undefined;
  };

  private send(type: Parameters<EmbedChannel['send']>[0], payload: unknown): void {
    this.channel?.send(type, payload);
  }

  /** Queues work whose events must follow the ones before it. */
  private later(work: () => Promise<void>): void {
    this.outbox = this.outbox.then(work).catch((err: unknown) => {
      console.error(err);
      this.send('error', { code: 'embed', message: err instanceof Error ? err.message : String(err) });
    });
  }

  private reportHeight(): void {
    const height = Math.ceil(this.getBoundingClientRect().height);
    if (!this.channel || height <= 0 || height === this.lastHeight) return;
    this.lastHeight = height;
    this.send('resize', { height });
  }

  private readonly onLifecycle = (e: CustomEvent<ScanLifecycle>) => {
    const d = e.detail;
    const pilot = this.pilot;
    if (!pilot) return;
    switch (d.type) {
      case 'started':
        this.sessionId = d.sessionId;
        this.requestUpdate(); // the header's Stop button
        return this.later(async () => this.send('scan.started', { sessionId: d.sessionId, battery: d.battery, games: d.games }));
      case 'game-started':
        return this.later(async () => this.send('game.started', { game: d.game, index: d.index, of: d.of }));
      case 'game-completed':
        return this.later(async () => {
          this.send('game.completed', { game: d.game, index: d.index, of: d.of, progress: d.progress });
          if (pilot.xapi.enabled) for (const s of await this.statements(d.sessionId, `games/${d.game}`)) this.send('xapi.statement', s);
        });
      case 'completed':
        if (this.completed.has(d.sessionId)) return;
        this.completed.add(d.sessionId);
        this.requestUpdate();
        return this.later(async () => {
          const events = await this.recorder.events(d.sessionId);
          const profile = await this.profile(d.sessionId);
          const offer = shares(pilot.share, 'credential-offer') && d.certified ? await credentialOffer(d.certified) : null;
          const games = d.scores.map((s) => s.game);
          // Played time over the whole log (pages summed), as the xAPI scan statement states it.
          const durationMs = playedMs(events, 0, events.length - 1);
          const result = scanResult({ share: pilot.share, games, durationMs, profile, roles: pilot.roles, credentialOffer: offer });
          this.send('scan.completed', { sessionId: d.sessionId, result });
          if (pilot.xapi.enabled) for (const s of await this.statements(d.sessionId, `scan/${pilot.battery}`)) this.send('xapi.statement', s);
        });
      case 'deleted':
        return this.later(async () => this.send('scan.aborted', { sessionId: d.sessionId, reason: 'deleted' }));
      case 'error':
        return this.later(async () => this.send('error', { code: d.code, message: d.message }));
    }
  };

  private async profile(sessionId: string): Promise<Profile | null> {
    if (!this.pilot || !shares(this.pilot.share, 'domains')) return null;
    return this.recorder.profile(sessionId, this.pilot.normGroup).catch(() => null);
  }

  /** The statement of one activity (a game, or the scan) from the log as it stands, built like the server's. */
  private async statements(sessionId: string, activity: string): Promise<XapiStatement[]> {
    const pilot = this.pilot;
    if (!pilot) return [];
    const ctx: ScanContext = {
      origin: location.origin,
      pilot: pilot.id,
      sessionId,
      battery: pilot.battery,
      lang: lang(),
      shareDomains: shares(pilot.share, 'domains'),
      uuid: () => crypto.randomUUID(),
    };
    const events = await this.recorder.events(sessionId);
    const profile = await this.profile(sessionId);
    return statementsFromLog(ctx, events, profile?.domains ?? null, new Date()).filter((s) => s.object.id.endsWith(`/activities/${activity}`));
  }

  private stop(): void {
    const sessionId = this.sessionId;
    this.phase = { kind: 'stopped' };
    if (sessionId) this.later(async () => this.send('scan.aborted', { sessionId, reason: 'stopped' }));
  }

  private onLang(e: Event): void {
    const value = (e.target as HTMLSelectElement).value;
    if (isLang(value)) setLang(value as Lang);
  }

  override render() {
    const p = this.phase;
    if (p.kind === 'loading') return html`<p class="card" role="status">${tDynamic('embed.loading')}</p>`;
    if (p.kind === 'refused') {
      return html`<section class="card" role="alert"><h1>${tDynamic('embed.refused.title')}</h1><p>${tDynamic(`embed.refused.${p.why}`)}</p></section>`;
    }
    const pilot = this.pilot;
    if (!pilot) return nothing;
    return html`${this.renderHeader(pilot, p.kind === 'scan')}<main>${this.renderBody(pilot, p)}</main>`;
  }

  private renderHeader(pilot: PublicPilot, scanning: boolean) {
    return html`<header>
      ${pilot.branding.logo ? html`<img src=${pilot.branding.logo} alt=${pilot.name} />` : html`<strong>${pilot.name}</strong>`}
      <div class="tools">
        ${scanning && this.sessionId && !this.completed.has(this.sessionId) ? html`<button class="secondary stop" @click=${() => this.stop()}>${tDynamic('embed.stop')}</button>` : nothing}
        <select @change=${this.onLang} aria-label=${t('lang.label')}>
          ${Object.entries(LANGUAGES).map(([code, l]) => html`<option value=${code} ?selected=${code === lang()} lang=${code}>${l.name}</option>`)}
        </select>
      </div>
    </header>`;
  }

  private renderBody(pilot: PublicPilot, p: Phase) {
    if (p.kind === 'stopped') {
      return html`<section class="card">
        <h1>${tDynamic('embed.stopped.title')}</h1>
        <p>${tDynamic('embed.stopped.body')}</p>
        <button @click=${() => (this.phase = { kind: 'scan' })}>${tDynamic('embed.stopped.continue')}</button>
      </section>`;
    }
    if (p.kind === 'intro') {
      const minutes = Math.max(1, Math.round(batteryDurationSec(batteryById(pilot.battery)) / 60));
      return html`<section class="card" aria-labelledby="embed-title">
        <h1 id="embed-title">${tDynamic('embed.intro.title', { pilot: pilot.name })}</h1>
        <p>${tDynamic('embed.intro.body', { minutes })}</p>
        <button @click=${() => (this.phase = { kind: 'scan' })}>${t('welcome.start')}</button>
      </section>`;
    }
    return html`<ts-scan .settings=${{ ...scanSettings(pilot), embedId: this.embedId, startToken: this.startToken }} @scan-lifecycle=${this.onLifecycle}></ts-scan>`;
  }
}

/** Whether the page that frames this one is `origin` (where the browser says; the CSP already allows only the pilot's). */
function framedBy(origin: string): boolean {
  const ancestors = location.ancestorOrigins;
  return ancestors === undefined || ancestors.length === 0 || ancestors[0] === origin;
}

/**
 * The wallet offer of the session's one credential, for a pilot that may receive it: once the server holds the whole
 * log it makes the credential from its own copy (the candidate's results screen then shows the same one). Null when
 * that is not possible (the server refused it, or could not be reached in time).
 */
async function credentialOffer(c: { sessionId: string; token: string }): Promise<{ uri: string; expiresAt: string } | null> {
  const until = Date.now() + OFFER_WAIT_MS;
  while (Date.now() < until) {
    const status = await witnessStatus(c.sessionId, c.token).catch(() => null);
    if (status?.finished) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  const answer = await requestCredential<{ offer: { uri: string; expiresAt: string } }>(c.sessionId, c.token, { lang: lang() }).catch(() => null);
  return answer ? { uri: answer.offer.uri, expiresAt: answer.offer.expiresAt } : null;
}

customElements.define('ts-embed', TsEmbed);

declare global {
  interface HTMLElementTagNameMap {
    'ts-embed': TsEmbed;
  }
}
