import { ContextConsumer } from '@lit/context';
import { proxy } from 'comlink';
import { css, html, LitElement, nothing, type PropertyValues, svg } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { I18nController, lang, t, tDynamic, type MessageKey } from '../i18n/index.ts';
import { gameById } from '../../games/registry.ts';
import { automationEnabled, installAutomation } from '../runtime/automation.ts';
import { type Battery, batteryById, batteryDurationSec, BATTERIES, DEFAULT_BATTERY, introWordsDelayMs } from '../runtime/batteries.ts';
import { GameHostController } from '../runtime/game-host.ts';
import type { RecorderClient } from '../runtime/recorder-client.ts';
import { ScanRunner, type RunnerView } from '../runtime/scan-runner.ts';
import { WindowEventsController } from '../runtime/window-events.ts';
import type { LogEvent, SessionMode } from '../log/events.ts';
import { sessionState } from '../log/resume.ts';
import { batteryProgress } from '../runtime/progress.ts';
import { genesisHash } from '../log/witness.ts';
import { DEFAULT_NORM_GROUP } from '../scoring/norm-registry.ts';
import { createSession, startGame, WitnessHttpError } from '../worker/witness-api.ts';
import type { StorageStatus } from '../worker/recorder.ts';
import type { SessionRow, WitnessLink } from '../worker/event-store.ts';
import type { UploadStatus } from '../worker/witness-uploader.ts';
import { recorderContext } from './context.ts';
import { journey, type JourneyView } from './journey.ts';
import { LifecycleReporter, type ScanSettings } from './scan-lifecycle.ts';
import { CONSENT_VERSION } from './session-messages.ts';
import { type IntroDemo, newIntroDemo, showIntroWords, toggleIntroDemo } from './intro-demo.ts';
import { type PastResult, pastResults } from './past-results.ts';
import { forgetUnsaved, noteStorage, type SavedSummary, savedSummary } from './saved-summary.ts';
import { askPersistence, probeStorage, type StorageWarning } from './storage-probe.ts';
import { filePick } from './file-pick.ts';
import { base } from './styles.ts';
import { feedbackSound, onSoundChange } from './sound.ts';
import './ts-device-check.ts';
import './ts-sound-switch.ts';
import './ts-journey-map.ts';
import './ts-welcome.ts';
import type { WelcomeStartDetail } from './ts-welcome.ts';

/** An unfinished session on this device, with where it stands on the journey (read from its stored log). */
interface Unfinished {
  row: SessionRow;
  journey: JourneyView | null;
  /** The game the candidate stopped in (the station they land back on). */
  game: string | null;
}

type Screen =
  | { kind: 'checking' }
  | { kind: 'welcome'; unfinished: Unfinished | null }
  /** Step 2: the device check, after the mode and consent, before the session is created. */
  | { kind: 'device'; mode: SessionMode }
  | { kind: 'scan'; view: RunnerView };

/** A certified session as the page needs it: the server's id and the capability token. */
interface Certified {
  sessionId: string;
  token: string;
}

/** Longest wait between tries for a game's seed when the server cannot be reached (the candidate sees the break). */
const SEED_RETRY_MAX_MS = 15_000;

/** The candidate's scan: welcome and consent, the battery on one game stage, breaks, results. */
export class TsScan extends LitElement {
  static override properties = {
    screen: { state: true },
    storage: { state: true },
    storageWarning: { state: true },
    startError: { state: true },
    upload: { state: true },
    certified: { state: true },
    settings: { attribute: false },
    pausedByChoice: { state: true },
    saved: { state: true },
    restoreNotice: { state: true },
    introDemo: { state: true },
    past: { state: true },
    reopened: { state: true },
  };
  static override styles = [
    base,
    css`
      :host { display: flex; flex-direction: column; flex: 1; min-block-size: 0; }
      .resume { max-inline-size: 44rem; margin: 1rem auto; display: grid; gap: 1rem; padding-inline: 1rem; }
      .actions { display: flex; flex-wrap: wrap; gap: 0.75rem; }
      .saved { color: var(--ink-soft); margin: 0; }
      .bar { display: flex; align-items: center; gap: 0.75rem; padding-block: 0.25rem; padding-inline: 1rem; background: var(--card); }
      .bar .saved { flex: 1; font-size: 0.9rem; }
      .bar button { min-block-size: 44px; padding-block: 0.2em; padding-inline: 1em; }
      .play { display: flex; flex-direction: column; flex: 1; min-block-size: 0; }
      .stage { flex: 1; min-block-size: 200px; background: var(--stage); position: relative; touch-action: none; user-select: none; -webkit-user-select: none; overflow: hidden; }
      .stage[hidden] { display: none; }
      /* Out of flow, so the canvas never sizes its own container (a ResizeObserver loop otherwise). */
      .stage canvas { position: absolute; inset-block-start: 0; inset-inline-start: 0; }
      .panel { padding: 1rem; display: grid; gap: 0.5rem; background: var(--card); border-block-start: 1px solid #d9dbe8; }
      .panel h2 { font-size: 1.15rem; margin: 0; }
      .panel .eyebrow { font-size: 0.9rem; color: var(--ink-soft); margin: 0; }
      .panel p { margin: 0; }
      /* An intro's words wait until the demo has been watched: out of sight only (opacity keeps them in the
         accessibility tree, so screen readers read them at once) and in their place (nothing moves when they come). */
      .panel .words { transition: opacity 0.5s ease-out; }
      .panel .words.later { opacity: 0; }
      @media (prefers-reduced-motion: reduce) { .panel .words { transition: none; } }
      /* The intro's Start and demo toggle share one row at every width and in every language: Start keeps its size,
         and where the row is too narrow (360 px in Dutch or Ukrainian) the toggle's label wraps inside the button
         instead of the button dropping under Start. */
      .panel .actions.intro { flex-wrap: nowrap; align-items: center; }
      .panel .actions.intro > button:first-child { flex: none; }
      .panel .demo-toggle { gap: 0.5em; flex: 0 1 auto; min-inline-size: 0; }
      .panel .demo-toggle .labels { text-align: center; }
      .panel .demo-toggle svg { inline-size: 1em; block-size: 1em; flex: none; fill: currentColor; }
      /* Both labels share one cell and the hidden one keeps its room, so the button never changes size when pressed
         (on a phone a longer label could wrap the row and resize the stage under the demo). */
      .panel .demo-toggle .labels { display: grid; justify-items: center; }
      .panel .demo-toggle .labels > span { grid-area: 1 / 1; }
      .panel .demo-toggle .labels > [hidden] { display: block; visibility: hidden; }
      .panel .actions { margin-block-start: 0.25rem; }
      .progress { block-size: 8px; background: #d9dbe8; }
      .progress > div { block-size: 100%; background: var(--accent); transition: inline-size 0.3s; }
      @media (prefers-reduced-motion: reduce) { .progress > div { transition: none; } }
      .break { display: grid; gap: 0.75rem; max-inline-size: 44rem; margin-inline: auto; inline-size: 100%; }
      .break h2 { font-size: 1.4rem; }
      .encourage { font-size: 1.1rem; font-weight: 600; }
      /* A finished scan on this device: calm, in the page's own colours, right under the welcome's title. */
      .past { display: grid; gap: 0.5rem; padding: 1rem; border-radius: var(--radius); background: #ecebfb; border-inline-start: 6px solid var(--accent); }
      .past h2 { font-size: 1.15rem; margin: 0; }
      .past p { margin: 0; }
      .past details > summary { cursor: pointer; min-block-size: 44px; display: flex; align-items: center; font-weight: 600; color: var(--accent); }
      .past ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.5rem; }
      .past ul button { background: var(--card); }
    `,
  ];

  declare screen: Screen;
  declare storage: StorageStatus | null;
  declare storageWarning: StorageWarning | null;
  /** The current pause is one the candidate asked for (Pause or Esc), not a lost screen. */
  declare pausedByChoice: boolean;
  /** What the device holds of the unfinished session (the resume screen). */
  declare saved: SavedSummary | null;
  /** A word on how a restored backup was taken in (an i18n key), shown over the next screen. */
  declare restoreNotice: string | null;
  /** Why the last Start (or restore) did not lead to a scan: a message key of src/shell/session-messages.ts. */
  declare startError: { key: string; reason?: string } | null;
  declare upload: UploadStatus | null;
  declare certified: Certified | null;
  /** Set by an embedding page: certified only, with the pilot's battery, norm group and consent lines. */
  declare settings: ScanSettings | null;
  /** The intro panel's demo (moving, paused by the candidate, or still) and whether its words are in sight. */
  declare introDemo: IntroDemo;
  /** Finished sessions on this device, newest first (the welcome's "your results" entry). */
  declare past: PastResult[];
  /** The results shown are a finished session opened again from the welcome screen (not the end of a play). */
  declare reopened: PastResult | null;

  private readonly i18n = new I18nController(this);
  private readonly recorderConsumer = new ContextConsumer(this, { context: recorderContext });
  private readonly host = new GameHostController(this, () => this.renderRoot.querySelector<HTMLElement>('.stage'));
  private runner: ScanRunner | null = null;
  private readonly windowEvents = new WindowEventsController(this, () => ({
    interrupted: (reason) => this.runner?.interrupt(reason),
    leaving: () => this.runner?.leaving(),
  }));
  /** A finished session shown without a runner (automation's showSession). */
  private shownSession: string | null = null;
  private readonly params = new URLSearchParams(location.search);
  /** Tells the page around the scan what happens (`scan-lifecycle` events; src/shell/scan-lifecycle.ts). */
  private readonly lifecycle = new LifecycleReporter(this, {
    sessionId: () => this.runner?.sessionId ?? null,
    battery: () => this.batteryId,
    games: () => batteryById(this.batteryId).games,
    certified: () => this.certified,
  });

  constructor() {
    super();
    this.screen = { kind: 'checking' };
    this.storage = null;
    this.storageWarning = null;
    this.pausedByChoice = false;
    this.saved = null;
    this.restoreNotice = null;
    this.startError = null;
    this.upload = null;
    this.certified = null;
    this.settings = null;
    this.introDemo = { demo: 'still', wordsShown: true };
    this.past = [];
    this.reopened = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A reload always lands on the landing or the resume screen, a new screen: the browser's restoring of the old
    // scroll position would open it scrolled away from its title.
    history.scrollRestoration = 'manual';
    addEventListener('keydown', this.onEscape);
    this.addEventListener('click', this.unlockSound);
    this.stopSoundWatch = onSoundChange(() => this.runner?.noteSound());
    void this.check();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('keydown', this.onEscape);
    this.removeEventListener('click', this.unlockSound);
    this.stopSoundWatch?.();
    clearTimeout(this.wordsTimer);
    this.runner?.dispose();
  }

  /** Counts intro panels, so a demo that starts late never reveals the words of a later panel early. */
  private introSerial = 0;
  private wordsTimer: ReturnType<typeof setTimeout> | undefined;

  private get reducedMotion(): boolean {
    return matchMedia('(prefers-reduced-motion: reduce)').matches;
  }

  /** A new intro panel: its words wait for its demo (language-free first, words second), unless motion is reduced. */
  private newIntro(): void {
    this.introSerial++;
    clearTimeout(this.wordsTimer);
    this.introDemo = newIntroDemo(this.reducedMotion);
  }

  /** The intro's demo is on the stage: the words come once it has been watched (introWordsDelayMs). */
  private demoStarted(serial: number, timeScale: number): void {
    if (serial !== this.introSerial || this.introDemo.wordsShown) return;
    const delay = introWordsDelayMs({ reducedMotion: this.reducedMotion, timeScale });
    this.wordsTimer = setTimeout(() => {
      if (serial === this.introSerial) this.introDemo = showIntroWords(this.introDemo);
    }, delay);
  }

  /**
   * The intro's pause/play toggle: the demo's scene stands still or plays on (GameHostController.setDemoPaused, which
   * never pauses a block), and a paused demo brings its words at once. Only on an intro panel.
   */
  private toggleDemo(): void {
    if (this.screen.kind !== 'scan' || this.screen.view.phase !== 'intro') return;
    const next = toggleIntroDemo(this.introDemo);
    if (next === this.introDemo) return;
    if (next.wordsShown) clearTimeout(this.wordsTimer);
    this.introDemo = next;
    void this.host.setDemoPaused(next.demo === 'paused');
  }

  private stopSoundWatch: (() => void) | null = null;

  /**
   * A click on one of the shell's buttons (Start, Continue, Next…) is the user gesture the audio needs after a reload
   * with sound on; a tap on the stage (a game answer) never starts it, so no audio start-up lands in a trial.
   */
  private readonly unlockSound = (e: Event) => {
    if (feedbackSound.enabled && e.composedPath().some((n) => n instanceof HTMLButtonElement)) feedbackSound.unlock();
  };

  /** Esc pauses a running block: the one key the input capture never takes as an answer (and never logs). */
  private readonly onEscape = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && this.screen.kind === 'scan' && this.screen.view.phase === 'running') this.pauseByChoice();
  };

  private pauseByChoice(): void {
    this.pausedByChoice = true;
    this.runner?.pause('paused');
  }

  /** The embedding page asked for a pause (embed protocol `pause`): the running block stops as on any interruption. */
  pause(): void {
    this.runner?.pause('host-pause');
  }

  private get recorder(): RecorderClient {
    const r = this.recorderConsumer.value;
    if (!r) throw new Error('<ts-scan> needs a recorder from <ts-app>');
    return r;
  }

  private get batteryId(): string {
    if (this.settings) return this.settings.battery;
    const asked = this.params.get('battery');
    return asked && Object.hasOwn(BATTERIES, asked) ? asked : DEFAULT_BATTERY;
  }

  private async check(): Promise<void> {
    this.storage = await this.recorder.status();
    await this.recorder.onStatus(
      proxy((s: StorageStatus) => {
        this.storage = s;
        noteStorage(s, this.runner?.sessionId ?? null);
      }),
    );
    await this.recorder.onUpload(proxy((u: UploadStatus) => (this.upload = u)));
    void probeStorage().then((p) => (this.storageWarning = p.warning));
    await this.findPast();
    this.screen = { kind: 'welcome', unfinished: await this.findUnfinished() };
    // Only now: a test's showSession before this point would be overwritten by the welcome screen set just above.
    this.installAutomationHook();
  }

  /**
   * The session to offer for resuming, with its place on the journey. Finished is read from each log (see
   * Recorder.sessions): a finished session is never offered. The log is read without loading the session.
   */
  private async findUnfinished(): Promise<Unfinished | null> {
    const row = (await this.recorder.sessions()).find((s) => !s.finished) ?? null;
    this.saved = row ? await savedSummary(this.recorder, row.sessionId) : null;
    if (!row) return null;
    try {
      const { events } = await this.recorder.backup(row.sessionId);
      const state = sessionState(events);
      const battery = batteryById(state?.battery ?? row.battery);
      const blocks = state?.current ? gameById(state.current.game).design(state.current.seed).blocks.length : null;
      return {
        row,
        journey: journey(battery, state?.completedGames ?? [], batteryProgress(battery, state, blocks)),
        game: state?.current?.game ?? battery.games.find((g) => !state?.completedGames.includes(g)) ?? null,
      };
    } catch (err) {
      console.error(err); // the resume screen still works without its map
      return { row, journey: null, game: null };
    }
  }

  /** The finished sessions to offer again (a failure to read them costs only the entry, never the welcome). */
  private async findPast(): Promise<void> {
    try {
      this.past = pastResults(await this.recorder.finishedSessions());
    } catch (err) {
      console.error(err);
      this.past = [];
    }
  }

  /**
   * Opens a finished session's results again, as right after the scan: its log is loaded into the worker (for a
   * certified session whose token is still here, the upload goes on from where the server stands, so the credential
   * can be asked for), and no runner is made, so no lifecycle `completed` is told again to an embedding page.
   */
  private async openPast(past: PastResult): Promise<void> {
    this.startError = null;
    this.restoreNotice = null;
    try {
      await this.recorder.resume(past.sessionId);
      const scores = await this.recorder.scoreAll(past.sessionId);
      await loadResults();
      this.runner?.dispose();
      this.runner = null;
      this.shownSession = past.sessionId;
      this.certified = past.certified;
      this.upload = past.certified ? await this.recorder.uploadStatus(past.sessionId) : null;
      this.reopened = past;
      this.screen = { kind: 'scan', view: { phase: 'done', scores, progress: 1 } };
    } catch (err) {
      console.error(err);
      this.startError = { key: 'past.openFailed', reason: err instanceof Error ? err.message : String(err) };
      await this.findPast();
      this.screen = { kind: 'welcome', unfinished: await this.findUnfinished() };
    }
  }

  /** Back from reopened results (or after deleting them) to the welcome, with the list read again. */
  private readonly backToStart = async () => {
    this.shownSession = null;
    this.certified = null;
    this.upload = null;
    this.reopened = null;
    await this.findPast();
    this.screen = { kind: 'welcome', unfinished: await this.findUnfinished() };
  };

  /** The automation hook's feed of logged events (null unless automation is on for this page). */
  private automationFeed: ((e: LogEvent) => void) | null = null;

  private installAutomationHook(): void {
    if (!automationEnabled()) return;
    this.automationFeed = installAutomation({
      recorder: this.recorder,
      sessionId: () => this.runner?.sessionId ?? this.shownSession,
      phase: () => this.runner?.phase ?? (this.shownSession ? 'done' : this.screen.kind),
      flush: async () => {
        await this.recorder.flush();
      },
      design: () => this.runner?.currentDesign ?? null,
      sounds: () => feedbackSound.scheduled,
      showSession: async (events) => {
        this.runner?.dispose();
        this.runner = null;
        const sessionId = await this.recorder.importSession(events);
        this.shownSession = sessionId;
        this.reopened = null;
        await loadResults();
        this.screen = { kind: 'scan', view: { phase: 'done', scores: await this.recorder.scoreAll(sessionId), progress: 1 } };
      },
    });
  }

  private get normGroup(): string | undefined {
    return this.settings?.normGroup ?? this.params.get('norm') ?? undefined;
  }

  private makeRunner(certified: Certified | null, resumed = false): ScanRunner {
    this.runner?.dispose();
    this.shownSession = null;
    this.reopened = null;
    this.certified = certified;
    this.upload = null;
    const automation = automationEnabled();
    const seedParam = Number(this.params.get('seed'));
    const timeScale = Number(this.params.get('timescale'));
    const feed = this.automationFeed;
    this.lifecycle.reset(resumed);
    const runner = new ScanRunner({
      recorder: this.recorder,
      stage: {
        show: (manifest, run) => {
          const shown = this.host.show(manifest, run);
          if (run.mode === 'demo') {
            const serial = this.introSerial;
            // A demo that cannot be shown must not keep the words away: they come at once then.
            void shown.then(
              () => this.demoStarted(serial, run.timeScale),
              () => {
                if (serial === this.introSerial) this.introDemo = showIntroWords(this.introDemo, true);
              },
            );
          }
          return shown;
        },
        stop: () => this.host.stop(),
        remove: (id) => this.host.remove(id),
        element: () => this.renderRoot.querySelector<HTMLElement>('.stage'),
        reducedMotion: () => this.reducedMotion,
      },
      onView: (view) => {
        if (view.phase !== 'paused') this.pausedByChoice = false;
        if (view.phase === 'intro') this.newIntro();
        // A gentle phrase when a game is done (the break) and at the end: no trial is open then.
        if (view.phase === 'break' || view.phase === 'done') feedbackSound.cue(view.phase === 'break' ? 'break' : 'end');
        this.lifecycle.viewed(view);
        if (view.phase !== 'done') {
          this.screen = { kind: 'scan', view };
          return;
        }
        this.host.destroy();
        // The results screen (profile, credential, sharing) is loaded when it is first needed, not with the landing.
        void loadResults().then(() => (this.screen = { kind: 'scan', view }));
      },
      onEvent: (e) => {
        feed?.(e);
        this.lifecycle.logged(e);
      },
      ...(automation && Number.isInteger(seedParam) && seedParam > 0 ? { seed: seedParam } : {}),
      ...(automation && timeScale >= 1 && timeScale <= 10 ? { timeScale } : {}),
      sound: feedbackSound,
      // Certified: the server draws each game's seed when the game starts (the automation seed is ignored).
      ...(certified ? { seedFor: (manifest) => this.seedFromServer(certified, manifest.id) } : {}),
    });
    this.runner = runner;
    return runner;
  }

  /** The game's seed from the server; offline, tried again with backoff until the server answers or refuses. */
  private async seedFromServer(c: Certified, game: string): Promise<number> {
    for (let wait = 1000; ; wait = Math.min(SEED_RETRY_MAX_MS, wait * 2)) {
      try {
        return (await startGame(c.sessionId, c.token, game)).seed;
      } catch (err) {
        if (!(err instanceof WitnessHttpError) || !err.transient) throw err;
        await new Promise((r) => setTimeout(r, wait));
      }
    }
  }

  /** What the candidate chose on the welcome screen, shown again if a Start does not lead to a scan. */
  private choice: { mode: SessionMode; consent: boolean } = { mode: 'practice', consent: false };

  /** Step 1 done (mode chosen, consent given): the device check comes next. */
  private readonly onWelcomeStart = (e: Event) => {
    const { mode } = (e as CustomEvent<WelcomeStartDetail>).detail;
    this.choice = { mode, consent: true };
    this.startError = null;
    this.screen = { kind: 'device', mode };
  };

  private async begin(chosen: SessionMode): Promise<void> {
    this.startError = null;
    this.restoreNotice = null;
    void askPersistence();
    const mode = this.settings ? 'certified' : chosen;
    const consentVersion = CONSENT_VERSION[mode] + (this.settings?.consentVersionSuffix ?? '');
    let witness: { sessionId: string; link: WitnessLink } | undefined;
    if (mode === 'certified') {
      try {
        // Asked only now: a start token lives minutes, and the candidate may have read the consent for longer.
        const startToken = await this.settings?.startToken?.();
        const created = await createSession({
          battery: this.batteryId,
          normGroup: this.normGroup ?? DEFAULT_NORM_GROUP,
          lang: lang(),
          consent: { textVersion: consentVersion, mode: 'certified', acceptedAt: Date.now() },
          ...(this.settings ? { pilot: this.settings.pilot } : {}),
          ...(this.settings?.embedId ? { embedId: this.settings.embedId } : {}),
          ...(startToken ? { startToken } : {}),
        });
        witness = { sessionId: created.sessionId, link: { token: created.token, ackSeq: -1, hash: await genesisHash(created.sessionId) } };
      } catch (err) {
        console.error(err);
        // The server refused the page's start token: not a connection problem, and the candidate cannot fix it by waiting.
        const tokenRefused = err instanceof WitnessHttpError && err.code.startsWith('start-token');
        this.startError = { key: tokenRefused ? 'consent.startTokenRefused' : 'consent.certifiedFailed' };
        if (tokenRefused) this.lifecycle.failed('start-token', `${err.code}: ${err.message}`);
        else this.lifecycle.failed('session-create', err instanceof Error ? err.message : String(err));
        this.screen = { kind: 'welcome', unfinished: null };
        return;
      }
    }
    this.screen = { kind: 'scan', view: { phase: 'loading' } };
    await this.updateComplete;
    const runner = this.makeRunner(witness ? { sessionId: witness.sessionId, token: witness.link.token } : null);
    try {
      await runner.start({ battery: this.batteryId, lang: lang(), mode, consentVersion, ...(witness ? { witness } : {}) });
    } catch (err) {
      // Nothing was stored: say so on the welcome screen, where Start can be pressed again.
      console.error(err);
      runner.dispose();
      this.runner = null;
      this.startError = { key: err instanceof Error && err.name === 'QuotaExceededError' ? 'storage.startFull' : 'storage.startFailed' };
      this.screen = { kind: 'welcome', unfinished: null };
    }
  }

  private async resume(sessionId: string): Promise<void> {
    this.screen = { kind: 'scan', view: { phase: 'loading' } };
    await this.updateComplete;
    const row = await this.recorder.session(sessionId);
    const runner = this.makeRunner(row?.mode === 'certified' && row.witness ? { sessionId, token: row.witness.token } : null, true);
    try {
      await runner.resume(sessionId);
    } catch (err) {
      console.error(err);
      this.screen = { kind: 'scan', view: { phase: 'error', message: err instanceof Error ? err.message : String(err) } };
    }
  }

  /** Imports a backup file the candidate chose, then continues its session. */
  private async restore(file: File): Promise<void> {
    this.startError = null;
    try {
      const { sessionId, outcome } = await this.recorder.restore(await file.text());
      forgetUnsaved(sessionId);
      this.restoreNotice = outcome === 'practice-copy' ? 'restore.practiceCopy' : outcome === 'certified-here' ? 'restore.certifiedHere' : null;
      await this.resume(sessionId);
    } catch (err) {
      this.startError = { key: 'restore.failed', reason: err instanceof Error ? err.message : String(err) };
      this.screen = { kind: 'welcome', unfinished: await this.findUnfinished() };
    }
  }

  /** The emergency download: every event logged on this page, written to the device or not. */
  private async downloadBackup(): Promise<void> {
    const sessionId = this.runner?.sessionId ?? this.shownSession;
    if (!sessionId) return;
    const backup = await this.recorder.backup(sessionId);
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([JSON.stringify(backup)], { type: 'application/json' }));
    a.download = `talentscan-backup-${sessionId}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  }

  private async startOver(unfinished: Unfinished): Promise<void> {
    await this.recorder.deleteSession(unfinished.row.sessionId);
    forgetUnsaved(unfinished.row.sessionId);
    this.screen = { kind: 'welcome', unfinished: null };
  }

  protected override updated(changed: PropertyValues<this>): void {
    const before = changed.get('screen') as Screen | undefined;
    const s = this.screen;
    // Move focus to the new step's main action, so keyboard and screen-reader users land where the action is — on a
    // new step or a new phase, not on every progress update of the same one.
    const same =
      before &&
      before.kind === s.kind &&
      (before.kind !== 'scan' || s.kind !== 'scan' || before.view.phase === s.view.phase) &&
      (before.kind !== 'welcome' || s.kind !== 'welcome' || !before.unfinished === !s.unfinished);
    if (!changed.has('screen') || same) return;
    // The landing and the resume screen open at their top, with their title in view, wherever the page was scrolled
    // (a reload, or Start over from the bottom of the resume screen). Their focus then goes where it belongs without
    // moving the view: the resume's way on sits under the map, below the fold of a phone.
    const landing = s.kind === 'welcome';
    if (landing) window.scrollTo(0, 0);
    const own = this.renderRoot.querySelector<HTMLElement>('[data-autofocus]');
    const reopened = s.kind === 'scan' && s.view.phase === 'done' && this.reopened ? this.renderRoot.querySelector('ts-results') : null;
    // A control slotted into <ts-welcome> is focusable only once the welcome has rendered its slot.
    const slottedIn = own?.closest('ts-welcome');
    if (own && slottedIn) void slottedIn.updateComplete.then(() => own.focus({ preventScroll: true }));
    else if (own) own.focus({ preventScroll: landing });
    else if (reopened) void reopened.updateComplete.then(() => reopened.focusMain());
    else {
      const step = this.renderRoot.querySelector('ts-welcome') ?? this.renderRoot.querySelector('ts-device-check');
      if (step) void step.updateComplete.then(() => step.focusMain());
    }
  }

  override render() {
    const notice = this.restoreNotice ? html`<p class="notice restore-notice" role="status">${tDynamic(this.restoreNotice)}</p>` : nothing;
    return html`${this.renderStorage()}${notice}${this.renderScreen()}`;
  }

  private renderStorage() {
    const s = this.storage;
    if (!s || s.state === 'ok') return nothing;
    if (s.state === 'memory') return html`<p class="notice" role="alert">${t('storage.memory')}</p>`;
    const key: MessageKey = s.reason === 'quota' ? 'storage.quota' : 'storage.failed';
    const session = this.runner?.sessionId ?? this.shownSession;
    return html`<div class="notice storage-fault" role="alert">
      <p>${t(key)}</p>
      ${s.pendingTrials > 0 ? html`<p>${tDynamic('storage.unsaved', { count: s.pendingTrials })}</p>` : s.pending > 0 ? html`<p>${tDynamic('storage.unsavedSteps')}</p>` : nothing}
      ${session ? this.renderBackupButton() : nothing}
    </div>`;
  }

  private renderBackupButton() {
    return html`<div class="actions"><button class="secondary" @click=${() => this.downloadBackup()}>${tDynamic('storage.download')}</button></div>
      <p>${tDynamic('storage.downloadHint')}</p>`;
  }

  /** Pending events only in memory, as the worker last reported them. */
  private get unsaved(): number {
    return this.storage?.state === 'error' ? this.storage.pending : 0;
  }

  private renderScreen() {
    const s = this.screen;
    if (s.kind === 'checking') return nothing;
    if (s.kind === 'device') {
      return html`<ts-device-check .step=${2} @device-checked=${() => void this.begin(s.mode)}></ts-device-check>`;
    }
    if (s.kind === 'welcome' && s.unfinished) return this.renderResume(s.unfinished);
    if (s.kind === 'welcome') {
      const minutes = Math.max(1, Math.round(batteryDurationSec(batteryById(this.batteryId)) / 60));
      const error = this.startError ? tDynamic(this.startError.key, { reason: this.startError.reason ?? '' }) : null;
      return html`<ts-welcome
        .minutes=${minutes}
        .storageWarning=${this.storageWarning}
        .error=${error}
        .mode=${this.choice.mode}
        .consent=${this.choice.consent}
        .locked=${this.settings}
        @welcome-mode=${() => (this.startError = null)}
        @welcome-start=${this.onWelcomeStart}
        @welcome-restore=${(e: CustomEvent<{ file: File }>) => void this.restore(e.detail.file)}
      >${this.renderPast(true)}</ts-welcome>`;
    }
    return this.renderScan(s.view);
  }

  /** An interrupted session lands back on the map, at the station where the candidate stopped. */
  private renderResume(unfinished: Unfinished) {
    const error = this.startError
      ? html`<p class="notice" role="alert">${tDynamic(this.startError.key, { reason: this.startError.reason ?? '' })}</p>`
      : nothing;
    const j = unfinished.journey;
    return html`<section class="resume card" aria-labelledby="resume-title">
      <h1 id="resume-title">${tDynamic('journey.welcomeBack')}</h1>
      ${error}
      ${
        j && unfinished.game
          ? html`<p>${tDynamic('journey.resumeAt', { index: j.here + 1, game: tDynamic(`game.${unfinished.game}`) })}</p>
            <ts-journey-map .view=${j}></ts-journey-map>`
          : html`<p>${t('welcome.resumeBody')}</p>`
      }
      ${this.renderSaved()}
      <div class="actions">
        <button data-autofocus @click=${() => this.resume(unfinished.row.sessionId)}>${t('welcome.resume')}</button>
        <button class="secondary" @click=${() => this.startOver(unfinished)}>${t('welcome.startOver')}</button>
        ${
          this.settings
            ? nothing
            : filePick({ id: 'restore-file', label: tDynamic('restore.label'), accept: 'application/json,.json', onChange: this.onRestoreFile })
        }
      </div>
      ${this.renderPast(false)}
    </section>`;
  }

  /**
   * "Your results from <date>": the latest finished session, with a way to open it; earlier ones behind one
   * disclosure, each a button named by its date and time. On the welcome screen it takes the focus (it sits at the
   * top, so a phone shows it first); on the resume screen the resume keeps the focus and the one filled button, and
   * this comes after.
   */
  private renderPast(onWelcome: boolean) {
    const [latest, ...earlier] = this.past;
    if (!latest) return nothing;
    const day = new Intl.DateTimeFormat(lang(), { dateStyle: 'long' });
    const moment = new Intl.DateTimeFormat(lang(), { dateStyle: 'long', timeStyle: 'short' });
    return html`<section class="past" slot="past" aria-labelledby="past-title">
      <h2 id="past-title">${tDynamic('past.title', { date: day.format(latest.endedAt) })}</h2>
      <p>${tDynamic('past.body')}</p>
      <div class="actions">
        <button class=${onWelcome ? '' : 'secondary'} ?data-autofocus=${onWelcome} data-past-open @click=${() => void this.openPast(latest)}>${tDynamic('past.open')}</button>
      </div>
      ${
        earlier.length
          ? html`<details>
            <summary>${tDynamic('past.earlier', { count: earlier.length })}</summary>
            <ul>
              ${earlier.map(
                (p) =>
                  html`<li><button class="secondary" @click=${() => void this.openPast(p)}>${tDynamic('past.item', { date: moment.format(p.endedAt) })}</button></li>`,
              )}
            </ul>
          </details>`
          : nothing
      }
    </section>`;
  }

  private readonly onRestoreFile = (e: Event) => {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) void this.restore(file);
  };

  /** How much is saved, read back from the store; and, when the page closed with answers unsaved, that they are not. */
  private renderSaved() {
    const s = this.saved;
    if (!s) return nothing;
    const unsaved =
      s.unsavedAtClose === null
        ? nothing
        : html`<p class="notice unsaved-at-close">
            ${s.unsavedAtClose > 0 ? tDynamic('resume.unsavedAtClose', { count: s.unsavedAtClose }) : tDynamic('resume.unsavedAtCloseSome')}
          </p>`;
    return html`<p class="saved-summary">${tDynamic('resume.saved', { count: s.savedTrials })}</p>
      ${unsaved}`;
  }

  private get battery(): Battery {
    return batteryById(this.batteryId);
  }

  /** The journey while playing: the games before `game` are done (a battery is played in its order). */
  private journeyAt(game: string, progress: number): JourneyView {
    const games = this.battery.games;
    return journey(this.battery, games.slice(0, Math.max(0, games.indexOf(game))), progress);
  }

  private renderScan(view: RunnerView) {
    if (view.phase === 'done') {
      return html`<ts-results
        .scores=${view.scores}
        .sessionId=${this.runner?.sessionId ?? this.shownSession ?? ''}
        .normGroup=${this.normGroup}
        .certified=${this.certified}
        .upload=${this.upload}
        .reopened=${this.reopened}
        @results-back=${this.backToStart}
      ></ts-results>`;
    }
    const progress = 'progress' in view ? view.progress : 0;
    return html`<div class="play">
      <div class="progress" role="progressbar" aria-label=${t('progress.label')} aria-valuemin="0" aria-valuemax="100" aria-valuenow=${Math.round(progress * 100)}>
        <div style=${styleMap({ inlineSize: `${(progress * 100).toFixed(1)}%` })}></div>
      </div>
      ${
        view.phase === 'running'
          ? html`<div class="bar">
            <p class="saved">${tDynamic('play.canStop')}</p>
            <button class="secondary" data-shell-control @click=${() => this.pauseByChoice()} aria-keyshortcuts="Escape">${tDynamic('pause.button')}</button>
          </div>`
          : nothing
      }
      <div class="stage" role="application" aria-label=${t('stage.label')} ?hidden=${view.phase === 'break' || view.phase === 'error' || view.phase === 'saving'}></div>
      ${this.renderPanel(view)}
    </div>`;
  }

  private renderPanel(view: RunnerView) {
    const runner = this.runner;
    switch (view.phase) {
      case 'intro': {
        const games = this.battery.games;
        const heading: MessageKey = view.kind === 'test' ? 'intro.test' : view.attempt > 0 ? 'intro.retry' : 'intro.practice';
        return html`<section class="panel" aria-live="polite">
          ${view.resumed ? html`<ts-journey-map .view=${this.journeyAt(view.game, view.progress)}></ts-journey-map>` : nothing}
          <p class="eyebrow">${t('intro.game', { index: games.indexOf(view.game) + 1, count: games.length })} · ${tDynamic(`game.${view.game}`)}</p>
          <h2>${view.resumed ? t('intro.resumed') : t(heading)}</h2>
          <p class="words ${this.introDemo.wordsShown ? '' : 'later'}">${tDynamic(view.instruction)}</p>
          <div class="actions intro">
            <button data-autofocus @click=${() => runner?.beginBlock()}>${t('intro.start')}</button>
            ${this.renderDemoToggle()}
          </div>
        </section>`;
      }
      case 'paused':
        return html`<section class="panel" role="alertdialog" aria-labelledby="paused-title" aria-describedby="paused-body">
          <h2 id="paused-title">${this.pausedByChoice ? tDynamic('pause.title') : t('paused.title')}</h2>
          <p id="paused-body">${this.pausedByChoice ? tDynamic('pause.body') : t('paused.body')}</p>
          ${this.pausedByChoice ? html`<p>${tDynamic('pause.turn')}</p>` : nothing}
          <ts-sound-switch></ts-sound-switch>
          <div class="actions"><button data-autofocus @click=${() => runner?.continueAfterPause()}>${t('paused.continue')}</button></div>
        </section>`;
      case 'break':
        return this.renderBreak(view.nextGame, view.progress);
      case 'saving':
        return html`<section class="panel" role="alert" aria-labelledby="saving-title">
          <h2 id="saving-title">${tDynamic('saving.title')}</h2>
          <p>${tDynamic('saving.body')}</p>
          ${this.renderBackupButton()}
        </section>`;
      case 'error':
        // "Saved" only when the worker confirmed it: with events still in memory, the advice is the backup first.
        return html`<section class="panel" role="alert">
          <h2>${t('error.title')}</h2>
          ${this.unsaved > 0 ? html`<p>${tDynamic('error.unsaved', { count: this.unsaved })}</p>${this.renderBackupButton()}` : html`<p>${t('error.body')}</p>`}
        </section>`;
      default:
        return nothing;
    }
  }

  /**
   * Pause or play the demo (WCAG 2.2.2), after Start in the tab order (Start keeps the focus). Its label says what a
   * press does, so no aria-pressed (a toggle's pressed state wants a label that does not change); the panel is a
   * polite live region, so the new label is read out. None for a still demo: nothing moves.
   */
  private renderDemoToggle() {
    const demo = this.introDemo.demo;
    if (demo === 'still') return nothing;
    const paused = demo === 'paused';
    // Media convention: the play triangle points right in every writing direction.
    const icon = paused
      ? svg`<path d="M3 1.5v13l11.5-6.5z" />`
      : svg`<rect x="2.5" y="1.5" width="4" height="13" rx="1" /><rect x="9.5" y="1.5" width="4" height="13" rx="1" />`;
    return html`<button class="secondary demo-toggle" @click=${() => this.toggleDemo()}>
      <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">${icon}</svg>
      <span class="labels"><span ?hidden=${paused}>${t('intro.demoPause')}</span><span ?hidden=${!paused}>${t('intro.demoPlay')}</span></span>
    </button>`;
  }

  /** Between games: the map with the next station, a word of encouragement, and the reminder that stopping is fine. */
  private renderBreak(nextGame: string, progress: number) {
    const j = this.journeyAt(nextGame, progress);
    const left = j.stations.length - j.here;
    const encourage = left <= 1 ? 'break.last' : j.here * 2 >= j.stations.length ? 'break.half' : 'break.early';
    return html`<section class="panel" aria-labelledby="break-title">
      <div class="break">
        <h2 id="break-title">${t('break.title')}</h2>
        <p class="encourage">${tDynamic(encourage)}</p>
        <ts-journey-map .view=${j}></ts-journey-map>
        <p>${tDynamic('break.rest')}</p>
        <p class="saved">${tDynamic('journey.saved')}</p>
        <div class="actions"><button data-autofocus @click=${() => this.runner?.continueAfterBreak()}>${t('break.next')}</button></div>
      </div>
    </section>`;
  }
}

/** Loads the results screen's code once (it carries the profile view, the credential and sharing). */
function loadResults(): Promise<unknown> {
  return import('./ts-results.ts');
}

customElements.define('ts-scan', TsScan);

declare global {
  interface HTMLElementTagNameMap {
    'ts-scan': TsScan;
  }
}
