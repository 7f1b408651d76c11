import type { LogEvent, StimulusEvent } from '../log/events.ts';
import { onsetOf, type OnsetSource, type TrialRecord } from '../log/trials.ts';
import type { Profile } from '../scoring/profile-types.ts';
import type { ScheduledSound } from './feedback-sound.ts';
import type { GameDesign } from './game-contract.ts';
import type { UploadStatus } from '../worker/witness-uploader.ts';
import type { RecorderClient } from './recorder-client.ts';

/**
 * The automation hook (`window.__talentscan`), for browser tests and the timing benchmark.
 *
 * It reports stimulus onsets as they are stamped and the trials the worker paired, so a driver can answer at
 * onset + a known RT. A bot that sees onsets could fake a profile, so the hook exists only in builds made with
 * automation allowed (development and test builds; production only with TALENTSCAN_AUTOMATION=1 at build time)
 * AND only on a page opened with `?automation=1`.
 */
export interface OnsetReport {
  game: string;
  block: number;
  trial: number;
  name: string;
  /** Onset on the page clock (ms) under the current onset rule: what RTs are measured from. */
  t: number;
  /** Which time `t` is: the measured presentation or the rAF onset. */
  source: OnsetSource;
  /** The three times the stimulus event carries (page clock, ms). */
  drawnAt: number;
  rafOnset: number;
  presentedAt?: number;
  /** `performance.timeOrigin` of the page: epoch ms = timeOrigin + t. */
  timeOrigin: number;
  seq: number;
}

export interface AutomationHook {
  readonly version: 1;
  /** Every onset stamped on this page, in order. */
  readonly onsets: OnsetReport[];
  /** Resolves with the first onset stamped after the call (optionally of one stimulus name). */
  nextOnset(name?: string): Promise<OnsetReport>;
  /**
   * Tries to write everything logged so far, then returns how many of the session's events the store holds, read back
   * from it (a failed write is not counted).
   */
  persisted(): Promise<number>;
  /** A certified session's upload to the server as the worker reports it (null: practice, or nothing reported yet). */
  upload(): Promise<UploadStatus | null>;
  /** The current session's log as the worker holds it. */
  events(): Promise<LogEvent[]>;
  /** Trials paired by the worker. */
  trials(game?: string): Promise<TrialRecord[]>;
  /** The profile the worker computes from the log (the same function the issuer runs). */
  profile(normGroup?: string): Promise<Profile>;
  /** The runner's current phase, e.g. 'intro', 'running', 'break', 'done'. */
  phase(): string;
  sessionId(): string | null;
  /** The trial design of the game being played (holds the correct answers: automation only). */
  design(): GameDesign<unknown> | null;
  /** Every feedback sound scheduled on this page (page clock, ms): a test checks them against the log's trial windows. */
  sounds(): ScheduledSound[];
  /** Makes every storage write fail as on a full disk (true) or work again (false): storage-fault tests. */
  simulateFullStorage(full: boolean): Promise<void>;
  /** Stores a finished session's log and shows its results screen (tests of the results and credential flow). */
  showSession(events: LogEvent[]): Promise<void>;
}

declare global {
  interface Window {
    __talentscan?: AutomationHook;
  }
}

export function automationEnabled(): boolean {
  return __AUTOMATION_BUILD__ && new URLSearchParams(location.search).get('automation') === '1';
}

export interface AutomationSource {
  recorder: RecorderClient;
  sessionId(): string | null;
  phase(): string;
  flush(): Promise<void>;
  design(): GameDesign<unknown> | null;
  sounds(): ScheduledSound[];
  showSession(events: LogEvent[]): Promise<void>;
}

/** Installs the hook; returns the function the runner calls with each logged event. */
export function installAutomation(source: AutomationSource): (e: LogEvent) => void {
  const onsets: OnsetReport[] = [];
  const waiting: { name?: string; resolve: (o: OnsetReport) => void }[] = [];
  const session = () => {
    const id = source.sessionId();
    if (!id) throw new Error('No session is running');
    return id;
  };
  window.__talentscan = {
    version: 1,
    onsets,
    nextOnset: (name) => new Promise((resolve) => waiting.push({ ...(name ? { name } : {}), resolve })),
    async persisted() {
      await source.flush().catch(() => undefined);
      return source.recorder.storedCount(session());
    },
    upload: () => source.recorder.uploadStatus(session()),
    events: () => source.recorder.events(session()),
    trials: (game) => source.recorder.trials(session(), game),
    profile: (normGroup) => source.recorder.profile(session(), normGroup),
    phase: () => source.phase(),
    sessionId: () => source.sessionId(),
    design: () => source.design(),
    sounds: () => source.sounds().map((s) => ({ ...s })),
    showSession: (events) => source.showSession(events),
    simulateFullStorage: (full) => source.recorder.simulateFullStorage(full),
  };
  return (e) => {
    if (e.type !== 'stimulus') return;
    const s: StimulusEvent = e;
    const onset = onsetOf(s);
    const report: OnsetReport = {
      game: s.game,
      block: s.block,
      trial: s.trial,
      name: s.name,
      t: onset.t,
      source: onset.source,
      drawnAt: s.drawnAt,
      rafOnset: s.t,
      ...(s.presentedAt === undefined ? {} : { presentedAt: s.presentedAt }),
      timeOrigin: performance.timeOrigin,
      seq: s.seq,
    };
    onsets.push(report);
    for (let i = waiting.length - 1; i >= 0; i--) {
      const w = waiting[i];
      if (w && (w.name === undefined || w.name === s.name)) {
        waiting.splice(i, 1);
        w.resolve(report);
      }
    }
  };
}
