/**
 * The checks that tie a log to what the server witnessed: whose session it is, which seeds it was handed, whether the
 * stored events are the ones whose hashes were chained on arrival, and whether the page clocks agree with the
 * server's receive times. Pure; WebCrypto only.
 *
 * CLOCKS. The browser's wall clock (`timeOrigin`) may be off by minutes or hours, so no check trusts it absolutely.
 * Only two things are compared: durations on a page's own monotonic clock (`t`), and server times. The server knows
 * when it created the session and when it handed out each game's seed; the page logs `session-start` after the session
 * exists and `game-start` after the seed arrived. Those are anchors: an event `d` ms of page time after an anchor
 * cannot have reached the server less than `d` ms after the anchor's server time. A page clock can run slow (some
 * platforms stop it while the device sleeps), which only makes this bound weaker, never wrong.
 */
import { chainHash, genesisHash } from '../log/witness.ts';
import type { LogEvent } from '../log/events.ts';
import type { OfflineGap, Refusal, WitnessRecord } from './record.ts';

/** Absolute allowance (ms) for an event's arrival against its anchor: timer rounding, batching, the server's own clock steps. */
export const RECEIPT_TOLERANCE_MS = 2000;
/** Relative allowance against clock-rate differences between page and server (0.2 %, far above real quartz drift). */
export const RECEIPT_RATE_TOLERANCE = 0.002;
/**
 * For a page without an anchor of its own (a reload in the middle of a game), the device's wall clock carries the
 * anchor over from the other pages; the wall clock may have been corrected between page loads, hence the wider margin.
 */
export const CROSS_PAGE_TOLERANCE_MS = 120_000;
/** Page time may exceed the server's time span by this much (consent before the session existed, timer rounding). */
export const PAGE_SPAN_TOLERANCE_MS = 30_000;
export const PAGE_SPAN_RATE_TOLERANCE = 0.01;
/** A batch the server received this long after its first event happened was queued offline (the recorder sends within 100 ms). */
export const OFFLINE_LAG_MS = 30_000;

export interface Located {
  /** Index of the batch each event (by seq) arrived in. */
  batchOf: Map<number, number>;
}

const fmtS = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const fmtMin = (ms: number) => `${Math.floor(ms / 60_000)}:${String(Math.round((ms % 60_000) / 1000)).padStart(2, '0')}`;

/** The log must be this session's: its session-start names the session and battery the server created. */
export function sessionRefusals(record: WitnessRecord): Refusal[] {
  const first = record.events[0];
  if (first?.type !== 'session-start') return [{ code: 'session-mismatch', message: 'The witnessed log does not begin with a session-start.' }];
  if (first.sessionId !== record.sessionId) {
    return [
      {
        code: 'session-mismatch',
        message: `The log belongs to session ${first.sessionId}, not to ${record.sessionId}: a log from another session was replayed.`,
      },
    ];
  }
  if (first.battery !== record.battery) {
    return [{ code: 'session-mismatch', message: `The log plays battery "${first.battery}"; the session was started for "${record.battery}".` }];
  }
  return [];
}

/** Every game-start must carry exactly the seed and version the server handed out for that game. */
export function seedRefusals(record: WitnessRecord): Refusal[] {
  const out: Refusal[] = [];
  for (const e of record.events) {
    if (e.type !== 'game-start') continue;
    const handout = record.seeds.find((s) => s.game === e.game);
    if (!handout) {
      out.push({
        code: 'seed-not-handed-out',
        message: `Game ${e.game} started with seed ${e.seed}, but the server never handed out a seed for it: the design was chosen by the browser.`,
      });
    } else if (handout.seed !== e.seed || handout.version !== e.version) {
      out.push({
        code: 'seed-mismatch',
        message: `Game ${e.game} started with ${e.version} seed ${e.seed}; the server handed out ${handout.version} seed ${handout.seed}.`,
      });
    }
  }
  return out;
}

/**
 * Recomputes the chain over the stored batches. Two refusals: the links do not join (a batch missing, reordered or
 * inserted: `hash-chain-broken`), or they join but the stored events no longer hash to what was acknowledged on
 * arrival (`events-altered`).
 */
export async function chainRefusals(record: WitnessRecord): Promise<{ refusals: Refusal[]; located: Located }> {
  const batchOf = new Map<number, number>();
  const broken = (message: string) => ({ refusals: [{ code: 'hash-chain-broken', message }], located: { batchOf } });
  const { batches, events } = record;
  if (batches.length === 0) return broken('The server holds no batches for this session.');
  for (let i = 0; i < events.length; i++)
    if (events[i]!.seq !== i) return broken(`The stored events are not numbered without gaps (position ${i} holds seq ${events[i]!.seq}).`);
  let prev = await genesisHash(record.sessionId);
  let next = 0;
  const altered: number[] = [];
  for (let b = 0; b < batches.length; b++) {
    const batch = batches[b]!;
    if (batch.prevHash !== prev) return broken(`Batch ${b} (from seq ${batch.fromSeq}) does not link to the batch before it.`);
    if (batch.fromSeq !== next || batch.toSeq < batch.fromSeq || batch.toSeq >= events.length) {
      return broken(`Batch ${b} covers seq ${batch.fromSeq}–${batch.toSeq}; the next expected seq was ${next} (of ${events.length} stored).`);
    }
    const slice = events.slice(batch.fromSeq, batch.toSeq + 1);
    if ((await chainHash(prev, slice)) !== batch.hash) altered.push(b);
    for (const e of slice) batchOf.set(e.seq, b);
    prev = batch.hash;
    next = batch.toSeq + 1;
  }
  if (next !== events.length) return broken(`The batches end at seq ${next - 1}, but ${events.length} events are stored.`);
  const refusals: Refusal[] = altered.length
    ? [
        {
          code: 'events-altered',
          message: `The stored events of ${altered.length} batch(es) (first: batch ${altered[0]}) no longer hash to what the server acknowledged when they arrived: they were changed afterwards.`,
        },
      ]
    : [];
  return { refusals, located: { batchOf } };
}

interface Anchor {
  page: number;
  seq: number;
  /** Page time of the anchor event. */
  t: number;
  /** Server time before which the anchor event cannot have happened. */
  serverAt: number;
  what: string;
}

function pageOrigins(events: readonly LogEvent[]): Map<number, number> {
  const origins = new Map<number, number>();
  for (const e of events) if (e.type === 'page-start') origins.set(e.page, e.timeOrigin);
  return origins;
}

function anchorsOf(record: WitnessRecord): Anchor[] {
  const anchors: Anchor[] = [];
  for (const e of record.events) {
    if (e.type === 'session-start' && e.sessionId === record.sessionId) {
      anchors.push({ page: e.page, seq: e.seq, t: e.t, serverAt: record.serverStart, what: 'the session was created' });
    }
    if (e.type === 'game-start') {
      const h = record.seeds.find((s) => s.game === e.game && s.seed === e.seed);
      if (h) anchors.push({ page: e.page, seq: e.seq, t: e.t, serverAt: h.handedOutAt, what: `the seed of ${e.game} was handed out` });
    }
  }
  return anchors;
}

/**
 * Events received before they could have happened. Per page, each event is bounded by the latest anchor before it on
 * the same page (server time of the anchor + page time since); on a page without an anchor, by the device's wall clock
 * (`timeOrigin + t`) offset by the tightest anchor of the other pages, with CROSS_PAGE_TOLERANCE_MS.
 */
export function receiptRefusals(record: WitnessRecord, located: Located): Refusal[] {
  const anchors = anchorsOf(record);
  if (anchors.length === 0) return [];
  const origins = pageOrigins(record.events);
  const anchoredPages = new Set(anchors.map((a) => a.page));
  // Device wall clock minus server time is at most this (the anchor event happened after its server time).
  const deviceOffset = Math.min(...anchors.filter((a) => origins.has(a.page)).map((a) => origins.get(a.page)! + a.t - a.serverAt));
  let worst: { excess: number; e: LogEvent; receivedAt: number; bound: number; why: string } | null = null;
  const best = new Map<number, Anchor>();
  const nextAnchor = new Map(anchors.map((a) => [a.seq, a]));
  for (const e of record.events) {
    const a = nextAnchor.get(e.seq);
    if (a) {
      const cur = best.get(a.page);
      if (!cur || a.serverAt - a.t > cur.serverAt - cur.t) best.set(a.page, a);
    }
    const b = located.batchOf.get(e.seq);
    if (b === undefined) continue;
    const receivedAt = record.batches[b]!.receivedAt;
    let bound: number;
    let tolerance: number;
    let why: string;
    const anchor = best.get(e.page);
    if (anchor) {
      const elapsed = Math.max(0, e.t - anchor.t);
      bound = anchor.serverAt + (e.t - anchor.t);
      tolerance = RECEIPT_TOLERANCE_MS + RECEIPT_RATE_TOLERANCE * elapsed;
      why = `${fmtS(elapsed)} of page time after ${anchor.what}`;
    } else if (!anchoredPages.has(e.page) && origins.has(e.page) && Number.isFinite(deviceOffset)) {
      bound = origins.get(e.page)! + e.t - deviceOffset;
      tolerance = CROSS_PAGE_TOLERANCE_MS;
      why = `by the device clock of page ${e.page}, against the session's anchors`;
    } else continue;
    const excess = bound - receivedAt - tolerance;
    if (excess > 0 && (!worst || excess > worst.excess)) worst = { excess, e, receivedAt, bound, why };
  }
  if (!worst) return [];
  return [
    {
      code: 'received-too-early',
      message: `Event ${worst.e.seq} (${worst.e.type}) reached the server ${fmtS(worst.bound - worst.receivedAt)} before it can have happened (${worst.why}); the allowance is ${fmtS(RECEIPT_TOLERANCE_MS)} plus ${RECEIPT_RATE_TOLERANCE * 100} % of the page time.`,
    },
  ];
}

/** Page time summed over pages, and the server's span from creating the session to its last batch. */
export function spans(record: WitnessRecord): { pageMs: number; serverMs: number } {
  const byPage = new Map<number, { min: number; max: number }>();
  // On the first page, time counts from session-start: what the page logged before (by its clock) may precede the
  // session (consent read before it was created); session-start itself cannot, as it names the server's session id.
  const first = record.events[0];
  const from = first?.type === 'session-start' && first.sessionId === record.sessionId ? { page: first.page, t: first.t } : undefined;
  for (const e of record.events) {
    if (from && e.page === from.page && e.t < from.t) continue;
    const s = byPage.get(e.page);
    if (!s) byPage.set(e.page, { min: e.t, max: e.t });
    else {
      s.min = Math.min(s.min, e.t);
      s.max = Math.max(s.max, e.t);
    }
  }
  const pageMs = [...byPage.values()].reduce((sum, s) => sum + (s.max - s.min), 0);
  const last = record.batches.reduce((m, b) => Math.max(m, b.receivedAt), record.serverStart);
  return { pageMs, serverMs: last - record.serverStart };
}

/**
 * Page clocks implausible against the server's timeline: pages follow each other, so together they cannot have run
 * longer than the server's span from creating the session to receiving its last batch (a 20-minute battery received in
 * 2 minutes). Durations only: no wall clock is read.
 */
export function pageClockRefusals(record: WitnessRecord): Refusal[] {
  const { pageMs, serverMs } = spans(record);
  const allowed = serverMs * (1 + PAGE_SPAN_RATE_TOLERANCE) + PAGE_SPAN_TOLERANCE_MS;
  if (pageMs <= allowed) return [];
  return [
    {
      code: 'page-clock-implausible',
      message: `The page clocks say the session took ${fmtMin(pageMs)} (min:s), but the server received all of it within ${fmtMin(serverMs)} of creating the session.`,
    },
  ];
}

/**
 * Offline stretches from the receive times: per page, the wall-clock offset is estimated from the batch that arrived
 * soonest after its events (taken as arriving at once); a batch whose first event then waited more than
 * OFFLINE_LAG_MS was queued; consecutive queued batches form one gap.
 */
export function offlineGaps(record: WitnessRecord, located: Located): OfflineGap[] {
  const origins = pageOrigins(record.events);
  const offset = new Map<number, number>();
  for (const e of record.events) {
    const b = located.batchOf.get(e.seq);
    const o = origins.get(e.page);
    if (b === undefined || o === undefined) continue;
    const ahead = o + e.t - record.batches[b]!.receivedAt;
    offset.set(e.page, Math.max(offset.get(e.page) ?? -Infinity, ahead));
  }
  const gaps: OfflineGap[] = [];
  let open: OfflineGap | null = null;
  for (const batch of record.batches) {
    const first = record.events[batch.fromSeq];
    const o = first ? origins.get(first.page) : undefined;
    const s = first ? offset.get(first.page) : undefined;
    const lag = first && o !== undefined && s !== undefined ? batch.receivedAt - (o + first.t - s) : 0;
    if (lag > OFFLINE_LAG_MS) {
      if (open) {
        open.toSeq = batch.toSeq;
        open.durationMs = Math.max(open.durationMs, lag);
      } else open = { fromSeq: batch.fromSeq, toSeq: batch.toSeq, durationMs: lag };
    } else if (open) {
      gaps.push(open);
      open = null;
    }
  }
  if (open) gaps.push(open);
  return gaps.map((g) => ({ ...g, durationMs: Math.round(g.durationMs) }));
}
