import { pageStart } from '../capture/page-info.ts';
import type { LogEvent, SessionMode, UnsequencedEvent } from '../log/events.ts';
import { LOG_SCHEMA_VERSION } from '../log/events.ts';
import type { WitnessLink } from '../worker/event-store.ts';
import type { RecorderClient } from './recorder-client.ts';

export interface NewSession {
  battery: string;
  lang: string;
  mode: SessionMode;
  /** Version of the consent text the candidate accepted for `mode`. */
  consentVersion: string;
  /** Certified: the id the server gave the session and the link to upload with. */
  witness?: { sessionId: string; link: WitnessLink };
  timeScale?: number;
}

export const APP_VERSION = '0.1.0';

/**
 * The main-thread end of the log: gives each event its place (seq, page), mirrors the log for the runner, and hands
 * events to the recorder worker in one message per task (comlink preserves order).
 */
export class SessionLog {
  readonly events: LogEvent[];
  private outbox: LogEvent[] = [];
  private listeners = new Set<(e: LogEvent) => void>();

  private constructor(
    private readonly recorder: RecorderClient,
    readonly sessionId: string,
    prior: LogEvent[],
    private seq: number,
    private readonly page: number,
  ) {
    this.events = prior;
  }

  /** Opens a session: its start, the page and the candidate's consent are written before this resolves (or it throws). */
  static async create(recorder: RecorderClient, s: NewSession): Promise<SessionLog> {
    const { battery, lang, mode } = s;
    const sessionId = s.witness?.sessionId ?? crypto.randomUUID();
    const log = new SessionLog(recorder, sessionId, [], 0, 0);
    const first = [
      log.place({ type: 'session-start', t: performance.now(), sessionId, schema: LOG_SCHEMA_VERSION, appVersion: APP_VERSION, battery, lang }),
      log.place(pageStart(s.timeScale ?? 1)),
      log.place({ type: 'consent', t: performance.now(), mode, textVersion: s.consentVersion }),
    ];
    const row = { sessionId, battery, startedAt: Date.now(), finished: false, mode, ...(s.witness ? { witness: s.witness.link } : {}) };
    await recorder.startSession(row, first);
    return log;
  }

  static async resume(recorder: RecorderClient, sessionId: string, timeScale = 1, loaded?: LogEvent[]): Promise<SessionLog> {
    const prior = loaded ?? (await recorder.resume(sessionId));
    const last = prior.at(-1);
    const page = prior.reduce((m, e) => Math.max(m, e.page), -1) + 1;
    const log = new SessionLog(recorder, sessionId, prior, (last?.seq ?? -1) + 1, page);
    log.emit(pageStart(timeScale));
    return log;
  }

  emit(e: UnsequencedEvent): LogEvent {
    const event = this.place(e);
    if (this.outbox.length === 0) queueMicrotask(() => this.send());
    this.outbox.push(event);
    for (const l of this.listeners) l(event);
    return event;
  }

  subscribe(listener: (e: LogEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends what is queued and waits until the worker has written it. */
  async flush(): Promise<void> {
    this.send();
    await this.recorder.flush();
  }

  private place(e: UnsequencedEvent): LogEvent {
    const event = { ...e, seq: this.seq++, page: this.page } as LogEvent;
    this.events.push(event);
    return event;
  }

  private send(): void {
    if (this.outbox.length === 0) return;
    const batch = this.outbox;
    this.outbox = [];
    void this.recorder.append(this.sessionId, batch);
  }
}
