import { LOG_SCHEMA_VERSION, type InputDevice, type LogEvent, type PageStartEvent, type SessionEndEvent, type SessionStartEvent } from './events.ts';

export interface JoinOptions {
  sessionId: string;
  battery: string;
  /** Epoch ms of the page's t = 0. */
  timeOrigin?: number;
  /** Scene clock speed of an automated play (recorded in page-start when not 1). */
  timeScale?: number;
  /** Every input as if from this device (default: keep what each log says). */
  device?: InputDevice;
  /** Pause between two games (ms): the break screen. */
  gapMs?: number;
}

/**
 * Joins per-game logs (each numbered from seq 0 on its own clock, as a game's `simulate()` writes them) into one
 * session log as the runtime writes it: session-start and page-start first, the games one after another on one page
 * clock, session-end last. Every seq is renumbered and every `response.input` with it; every time (`t`, `drawnAt`)
 * is shifted so that the clock keeps running forward. For tests, benchmarks and synthetic norm data.
 */
export function joinGameLogs(gameLogs: readonly (readonly LogEvent[])[], opts: JoinOptions): LogEvent[] {
  const events: LogEvent[] = [];
  let seq = 0;
  let t = 1000;
  const stamp = <E extends LogEvent>(e: Omit<E, 'seq' | 'page'>): E => ({ ...e, seq: seq++, page: 0 }) as unknown as E;
  events.push(
    stamp<SessionStartEvent>({
      type: 'session-start',
      t: 900,
      sessionId: opts.sessionId,
      schema: LOG_SCHEMA_VERSION,
      appVersion: '0.1.0',
      battery: opts.battery,
      lang: 'nl',
    }),
  );
  const touch = opts.device === 'touch' || opts.device === 'pen';
  events.push(
    stamp<PageStartEvent>({
      type: 'page-start',
      t: 950,
      timeOrigin: opts.timeOrigin ?? 1_767_000_000_000,
      crossOriginIsolated: true,
      userAgent: 'simulated',
      viewport: touch ? { width: 390, height: 844, dpr: 3 } : { width: 1280, height: 800, dpr: 1 },
      pointer: opts.device === undefined || touch ? 'coarse' : 'fine',
      ...(opts.timeScale !== undefined && opts.timeScale !== 1 ? { timeScale: opts.timeScale } : {}),
    }),
  );
  for (const log of gameLogs) {
    const shift = t - (log[0]?.t ?? 0);
    const seqOffset = seq;
    for (const e of log) {
      const moved = { ...e, seq: e.seq + seqOffset, page: 0, t: e.t + shift } as LogEvent;
      if (moved.type === 'response') moved.input += seqOffset;
      if (moved.type === 'stimulus') {
        moved.drawnAt += shift;
        if (moved.presentedAt !== undefined) moved.presentedAt += shift;
        if (moved.paintedAt !== undefined) moved.paintedAt += shift;
      }
      if (moved.type === 'input' && opts.device) moved.device = opts.device;
      events.push(moved);
    }
    seq = seqOffset + log.length;
    t = (events[events.length - 1]?.t ?? t) + (opts.gapMs ?? 15_000);
  }
  events.push(stamp<SessionEndEvent>({ type: 'session-end', t }));
  return events;
}
