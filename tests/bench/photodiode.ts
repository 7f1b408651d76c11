/**
 * A virtual photodiode for headless Chromium: when was the frame that drew each stimulus presented?
 *
 * - Trace only `blink.user_timing` and `disabled-by-default-devtools.timeline.frame` (broader categories add work
 *   that shifts frames), buffered in the browser and read back as a stream (`ReturnAsStream`).
 * - Clock: `performance.mark(name, { startTime })` writes a trace event at the trace time of that page-clock time,
 *   with the startTime in its args; the difference maps trace time onto the page clock exactly.
 * - Presentation: the compositor's `PipelineReporter` for a frame begins at the frame's BeginFrame time (the rAF time
 *   of that frame) and ends when the frame was presented. Take the one without `frame_type` (a FORKED reporter is a
 *   speculative copy) whose state is presented and whose start equals the stimulus's `drawnAt`; its end is the
 *   presentation. When the main thread misses the frame, the compositor presents that frame without the main
 *   thread's update (STATE_PRESENTED_PARTIAL) and the update (canvas and marker) reaches the screen later, under a
 *   reporter with the same start whose state is STATE_PRESENTED_ALL: that one is preferred.
 */
import type { CDPSession, Page } from '@playwright/test';
import type { LogEvent } from '../../src/log/events.ts';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  ts: number;
  id2?: { local?: string; global?: string };
  id?: string;
  args?: { data?: { startTime?: number }; frame_reporter?: { state?: string; frame_type?: string } };
}

/** A frame the compositor presented: start (its BeginFrame, = rAF time) and presentation, on the page clock (ms). */
export interface PresentedFrame {
  start: number;
  presented: number;
  /** All updates of the frame presented (ALL), or only some (PARTIAL: the main thread's came later). */
  all: boolean;
}

const SYNC_MARK = 'talentscan-clock-sync';

export async function startPhotodiode(cdp: CDPSession): Promise<{ stop(page: Page): Promise<PresentedFrame[]> }> {
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { recordMode: 'recordAsMuchAsPossible', includedCategories: ['blink.user_timing', 'disabled-by-default-devtools.timeline.frame'] },
  });
  return {
    async stop(page) {
      await page.evaluate(`performance.mark('${SYNC_MARK}', { startTime: performance.now() })`);
      const complete = new Promise<string>((r) => cdp.once('Tracing.tracingComplete', (e) => r(e.stream ?? '')));
      await cdp.send('Tracing.end');
      const handle = await complete;
      const chunks: string[] = [];
      for (;;) {
        const c = await cdp.send('IO.read', { handle, size: 4 << 20 });
        chunks.push(c.base64Encoded ? Buffer.from(c.data, 'base64').toString('utf8') : c.data);
        if (c.eof) break;
      }
      await cdp.send('IO.close', { handle });
      const parsed = JSON.parse(chunks.join('')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
      return presentedFrames(Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []));
    },
  };
}

/** The presented frames of the page's renderer, on the page clock. */
export function presentedFrames(events: TraceEvent[]): PresentedFrame[] {
  const sync = events.find((e) => e.name === SYNC_MARK && typeof e.args?.data?.startTime === 'number');
  if (!sync) throw new Error('The trace has no clock-sync mark');
  const offsetUs = sync.ts - (sync.args?.data?.startTime ?? 0) * 1000;
  const open = new Map<string, TraceEvent[]>();
  const frames: PresentedFrame[] = [];
  for (const e of events) {
    if (e.name !== 'PipelineReporter' || e.pid !== sync.pid) continue;
    const id = e.id2?.local ?? e.id2?.global ?? e.id ?? '';
    const stack = open.get(id) ?? [];
    open.set(id, stack);
    if (e.ph === 'b') stack.push(e);
    else if (e.ph === 'e') {
      const begin = stack.pop();
      const r = begin?.args?.frame_reporter;
      if (!begin || !r || r.frame_type !== undefined || !r.state?.startsWith('STATE_PRESENTED')) continue;
      frames.push({ start: (begin.ts - offsetUs) / 1000, presented: (e.ts - offsetUs) / 1000, all: r.state === 'STATE_PRESENTED_ALL' });
    }
  }
  return frames;
}

/** Per stimulus matched in the trace: recorded onset − presentation under each rule (ms). */
export interface OnsetComparison {
  stimuli: number;
  measuredCount: number;
  matched: { name: string; measured: number; raf: number; drawnAt: number; t: number; presentedAt?: number; frame: PresentedFrame; others: PresentedFrame[] }[];
}

/** How close the drawing frame's rAF time must be to a reporter's start: the 5 µs clock resolution, and trace µs. */
const START_TOLERANCE_MS = 0.02;

export function compareOnsets(events: readonly LogEvent[], frames: PresentedFrame[]): OnsetComparison {
  const byStart = [...frames].sort((a, b) => a.start - b.start);
  const out: OnsetComparison = { stimuli: 0, measuredCount: 0, matched: [] };
  for (const e of events) {
    if (e.type !== 'stimulus') continue;
    out.stimuli++;
    if (e.presentedAt !== undefined) out.measuredCount++;
    const candidates = byStart.filter((f) => Math.abs(f.start - e.drawnAt) <= START_TOLERANCE_MS);
    const frame = candidates.find((f) => f.all) ?? candidates[0];
    if (!frame) continue;
    const measured = (e.presentedAt ?? e.t) - frame.presented;
    const others = candidates.filter((f) => f !== frame);
    const times = { drawnAt: e.drawnAt, t: e.t, ...(e.presentedAt === undefined ? {} : { presentedAt: e.presentedAt }) };
    out.matched.push({ name: e.name, measured, raf: e.t - frame.presented, ...times, frame, others });
  }
  return out;
}
