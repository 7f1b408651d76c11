/**
 * The attacks of the witnessed-sessions issue, as pure generators over an honest witnessed record: each returns the
 * record the server would hold after the attack, and names the refusal code that must stop it. The unit tests run
 * every attack through `assessWitnessed`; `npm run attack:issuer` runs them in-process or against a running server.
 *
 * Two kinds of tampering are modelled. Edits of the events (`editEvents`) are what a modified browser can do before
 * uploading: it recomputes the hash chain itself, so the chain holds and only the contents give it away. Edits of
 * the witness (`build`) are what no browser controls — which seeds the server handed out, when batches arrived, the
 * chain the server stored — and model replay, timing and storage attacks.
 */
import { GAMES } from '../../games/registry.ts';
import type { InputEvent, LogEvent, ResponseEvent } from '../log/events.ts';
import { pairTrials } from '../log/trials.ts';
import { GAME_RULES } from './game-rules.ts';
import type { WitnessRecord } from './record.ts';
import { cutBatches, simulatedWitnessedRecord, witnessBatches } from './simulated-record.ts';

export interface Attack {
  id: string;
  /** What the attacker does, in a sentence. */
  title: string;
  /** The refusal code that must stop it. */
  expected: string;
  /** The events as the modified browser uploads them (old seqs kept; rewitness renumbers). */
  editEvents?: (events: LogEvent[]) => LogEvent[];
  /** The whole witnessed record after the attack. */
  build(honest: WitnessRecord): Promise<WitnessRecord>;
  /** How the HTTP runner plays it; absent: it cannot be played through the public endpoints (see `why`). */
  http?: {
    seeds: 'server' | 'none' | 'foreign';
    breakChain?: boolean;
    replay?: boolean;
    dropSessionEnd?: boolean;
    /** The refusal over HTTP when the server stops the attack earlier than the checks can (e.g. at the upload). */
    expected?: string;
  };
  /** Why the attack has no HTTP form. */
  inProcessOnly?: string;
}

const clone = <T>(x: T): T => structuredClone(x);

/**
 * The record as a modified browser would have uploaded it: the same batches with the edited events in them (a batch
 * left empty is not sent), renumbered from 0, each received when the original was, chained afresh.
 */
export async function rewitness(record: WitnessRecord, edit: (events: LogEvent[]) => LogEvent[]): Promise<WitnessRecord> {
  const batchOf = new Map<number, number>();
  record.batches.forEach((b, i) => {
    for (let s = b.fromSeq; s <= b.toSeq; s++) batchOf.set(s, i);
  });
  const kept = edit(clone(record.events));
  kept.sort((a, b) => a.seq - b.seq);
  const renumber = new Map(kept.map((e, i) => [e.seq, i]));
  const groups: { events: LogEvent[]; receivedAt: number }[] = [];
  let current = -1;
  for (const e of kept) {
    // An event the edit inserted (fractional seq) travels in the batch of the event after it.
    const b = batchOf.get(e.seq) ?? batchOf.get(Math.ceil(e.seq)) ?? record.batches.length - 1;
    const moved = { ...e, seq: renumber.get(e.seq)! } as LogEvent;
    if (moved.type === 'response') moved.input = renumber.get(moved.input) ?? moved.input;
    if (b !== current) {
      groups.push({ events: [], receivedAt: record.batches[b]!.receivedAt });
      current = b;
    }
    groups[groups.length - 1]!.events.push(moved);
  }
  const events = groups.flatMap((g) => g.events);
  return { ...clone(record), events, batches: await witnessBatches(record.sessionId, groups) };
}

function designTrial(events: readonly LogEvent[], game: string, block: number, trial: number): unknown {
  const start = events.find((e) => e.type === 'game-start' && e.game === game);
  if (start?.type !== 'game-start') return undefined;
  return GAMES[game]?.design(start.seed).blocks[block]?.trials[trial];
}

/**
 * Applies `fn` to every response of a test trial with a target onset, with its input and the trial's end — the end
 * only when that one answer ends the trial (a Corsi sequence ends with its last tap: moving its end to the first one
 * would run the page clock backwards, which the log gate refuses before any check of the answers' timing).
 */
function eachAnsweredTrial(events: LogEvent[], fn: (r: ResponseEvent, input: InputEvent, onset: number, end: LogEvent | undefined) => void): LogEvent[] {
  const bySeq = new Map(events.map((e) => [e.seq, e]));
  for (const trial of pairTrials(events)) {
    const onset = trial.onsets['target'];
    const first = trial.responses[0];
    if (trial.kind !== 'test' || onset === undefined || !first || trial.endReason !== 'response') continue;
    const input = bySeq.get(first.inputSeq) as InputEvent;
    const r = events.find((e): e is ResponseEvent => e.type === 'response' && e.input === first.inputSeq);
    const end = events.find((e) => e.type === 'trial-end' && e.game === trial.game && e.block === trial.block && e.trial === trial.trial && e.seq > input.seq);
    if (r) fn(r, input, onset, trial.responses.length === 1 ? end : undefined);
  }
  return events;
}

/** Every event of one trial (and the inputs its answers name). */
function trialEvents(events: readonly LogEvent[], game: string, block: number, trial: number): Set<number> {
  const seqs = new Set<number>();
  for (const e of events) {
    if ('trial' in e && e.game === game && e.block === block && e.trial === trial) {
      seqs.add(e.seq);
      if (e.type === 'response') seqs.add(e.input);
    }
  }
  return seqs;
}

const fromEdit = (editEvents: (events: LogEvent[]) => LogEvent[]) => ({ editEvents, build: (h: WitnessRecord) => rewitness(h, editEvents) });

export const EDITS = {
  /** Every two-choice answer made the correct one; the inputs are left as they were. */
  correctAnswers(events: LogEvent[]): LogEvent[] {
    for (const e of events) {
      if (e.type !== 'response') continue;
      const right = GAME_RULES[e.game]?.correct?.(designTrial(events, e.game, e.block, e.trial));
      if (right !== undefined) e.value = right;
    }
    return events;
  },
  /** Every RT 40 % faster: the answer's input and response moved towards the onset. */
  fasterRts(events: LogEvent[]): LogEvent[] {
    return eachAnsweredTrial(events, (r, input, onset) => {
      const t = onset + 0.6 * (input.t - onset);
      input.t = t;
      r.t = t;
    });
  },
  /** Every answer exactly 180 ms after the target, the trial ending with it. */
  identicalRts(events: LogEvent[]): LogEvent[] {
    return eachAnsweredTrial(events, (r, input, onset, end) => {
      input.t = onset + 180;
      r.t = onset + 180;
      if (end) end.t = onset + 180;
    });
  },
  /** A bot: the correct answer 250 ± 8 ms after every target. */
  regularBot(events: LogEvent[]): LogEvent[] {
    // The jitter depends on the trial alone, so the edit of a log does not change when more games are added to it.
    return eachAnsweredTrial(events, (r, input, onset, end) => {
      const t = onset + 250 + 8 * Math.sin(r.trial * 2.3 + r.block * 1.7 + r.game.length);
      input.t = t;
      r.t = t;
      if (end) end.t = t;
    });
  },
  /** A bot: the correct answer 110–145 ms after every two-choice target — faster than the stimulus can be told apart. */
  fastCorrectBot(events: LogEvent[]): LogEvent[] {
    EDITS.correctAnswers(events);
    // The key pressed matches the answer, so nothing but the timing gives the bot away.
    const bySeq = new Map(events.map((e) => [e.seq, e]));
    for (const e of events) {
      if (e.type !== 'response') continue;
      const right = GAME_RULES[e.game]?.correct?.(designTrial(events, e.game, e.block, e.trial));
      const input = bySeq.get(e.input);
      if (input?.type === 'input' && input.device === 'keyboard' && (right === 'left' || right === 'right'))
        input.key = right === 'left' ? 'ArrowLeft' : 'ArrowRight';
    }
    return eachAnsweredTrial(events, (r, input, onset, end) => {
      const t = onset + 110 + ((r.trial * 7 + r.block * 3 + r.game.length) % 35);
      input.t = t;
      r.t = t;
      if (end) end.t = t;
    });
  },
  /** Every input made by a script (dispatchEvent): isTrusted false. */
  scriptedInputs(events: LogEvent[]): LogEvent[] {
    for (const e of events) if (e.type === 'input') e.trusted = false;
    return events;
  },
  /** The five slowest test trials of the second game left out. */
  dropSlowTrials(events: LogEvent[]): LogEvent[] {
    const game =
      events.filter((e) => e.type === 'game-start')[1]?.type === 'game-start'
        ? (events.filter((e) => e.type === 'game-start')[1] as { game: string }).game
        : undefined;
    const slow = pairTrials(events)
      .filter((t) => t.game === game && t.kind === 'test')
      .sort((a, b) => (b.responses[0]?.rt ?? 1e9) - (a.responses[0]?.rt ?? 1e9))
      .slice(0, 5);
    const drop = new Set(slow.flatMap((t) => [...trialEvents(events, t.game, t.block, t.trial)]));
    return events.filter((e) => !drop.has(e.seq));
  },
  /** The second game of the battery left out entirely (its seed was handed out; its events never sent). */
  dropGame(events: LogEvent[]): LogEvent[] {
    const starts = events.filter((e) => e.type === 'game-start');
    const start = starts[1] ?? starts[0];
    if (start?.type !== 'game-start') return events;
    const end = events.find((e) => e.type === 'game-end' && e.game === start.game)!;
    return events.filter((e) => e.seq < start.seq || e.seq > end.seq);
  },
  /** The session never ends (no session-end). */
  dropSessionEnd(events: LogEvent[]): LogEvent[] {
    return events.filter((e) => e.type !== 'session-end');
  },
};

export const ATTACKS: readonly Attack[] = [
  {
    id: 'offline-simulate',
    title: "A log written offline with the games' simulate() and self-chosen seeds, uploaded at once",
    expected: 'seed-not-handed-out',
    http: { seeds: 'none' },
    async build(h) {
      const fake = await simulatedWitnessedRecord({ seed: 424_242, battery: h.battery, sessionId: h.sessionId, serverStart: h.serverStart, typical: true });
      return { ...fake, seeds: [], batches: fake.batches.map((b, i) => ({ ...b, receivedAt: h.serverStart + 2000 + 5 * i })) };
    },
  },
  {
    id: 'edited-responses',
    title: 'Every two-choice answer made correct in the browser before upload',
    expected: 'response-input-mismatch',
    http: { seeds: 'server' },
    ...fromEdit(EDITS.correctAnswers),
  },
  {
    id: 'edited-rts',
    title: 'Every RT made 40 % faster in the browser before upload',
    expected: 'response-end-gap',
    http: { seeds: 'server' },
    ...fromEdit(EDITS.fasterRts),
  },
  {
    id: 'dropped-trials',
    title: 'The five slowest trials of a game left out of the upload',
    expected: 'trials-missing',
    http: { seeds: 'server' },
    ...fromEdit(EDITS.dropSlowTrials),
  },
  {
    id: 'dropped-game',
    title: 'A whole game of the battery left out of the upload',
    expected: 'games-missing',
    http: { seeds: 'server' },
    ...fromEdit(EDITS.dropGame),
  },
  {
    id: 'identical-rts',
    title: 'Every answer exactly 180 ms after its target',
    expected: 'rt-identical',
    http: { seeds: 'server' },
    ...fromEdit(EDITS.identicalRts),
  },
  {
    id: 'regular-bot',
    title: 'A bot answering 250 ± 8 ms after every target',
    expected: 'rt-too-regular',
    http: { seeds: 'server' },
    ...fromEdit(EDITS.regularBot),
  },
  {
    id: 'fast-correct-bot',
    title: 'A bot answering correctly 110–145 ms after every two-choice target',
    expected: 'fast-correct',
    http: { seeds: 'server' },
    ...fromEdit(EDITS.fastCorrectBot),
  },
  {
    id: 'scripted-inputs',
    title: 'Answers given by a script (untrusted input events)',
    expected: 'untrusted-input',
    http: { seeds: 'server' },
    ...fromEdit(EDITS.scriptedInputs),
  },
  {
    id: 'unfinished',
    title: 'A session that never ended asks for a credential',
    expected: 'session-not-finished',
    http: { seeds: 'server', dropSessionEnd: true },
    ...fromEdit(EDITS.dropSessionEnd),
  },
  {
    id: 'time-compressed',
    title: 'A 20-minute battery uploaded within 2 minutes (seeds fetched as fast)',
    expected: 'page-clock-implausible',
    http: { seeds: 'server' },
    async build(h) {
      const squeeze = (t: number) => Math.round(h.serverStart + (t - h.serverStart) / 10);
      return {
        ...clone(h),
        seeds: h.seeds.map((s) => ({ ...s, handedOutAt: squeeze(s.handedOutAt) })),
        batches: h.batches.map((b) => ({ ...b, receivedAt: squeeze(b.receivedAt) })),
      };
    },
  },
  {
    id: 'instant-after-seed',
    title: 'The last game played offline in advance; its seed fetched late and the game uploaded seconds later',
    expected: 'received-too-early',
    inProcessOnly:
      'needs the real seed before the game is played, then waiting the length of the battery; over HTTP every fast upload is already refused as time-compressed',
    async build(h) {
      const r = clone(h);
      const last = r.seeds[r.seeds.length - 1]!;
      const start = r.events.find((e) => e.type === 'game-start' && e.game === last.game)!;
      const firstBatch = r.batches.findIndex((b) => b.toSeq >= start.seq);
      const end = r.batches[r.batches.length - 1]!.receivedAt;
      last.handedOutAt = end - 5000;
      r.batches.forEach((b, i) => {
        if (i >= firstBatch) b.receivedAt = end - 4000 + 10 * (i - firstBatch);
      });
      return r;
    },
  },
  {
    id: 'replayed-session',
    title: "Another session's witnessed log replayed into a new session",
    expected: 'session-mismatch',
    http: { seeds: 'server', replay: true },
    async build(h) {
      const day = 86_400_000;
      const sessionId = `${h.sessionId}-replay`;
      const groups = h.batches.map((b) => ({ events: h.events.slice(b.fromSeq, b.toSeq + 1), receivedAt: b.receivedAt + day }));
      return {
        ...clone(h),
        sessionId,
        serverStart: h.serverStart + day,
        seeds: h.seeds.map((s, i) => ({ ...s, seed: s.seed + 1000 + i, handedOutAt: s.handedOutAt + day })),
        batches: await witnessBatches(sessionId, groups),
      };
    },
  },
  {
    id: 'foreign-seed',
    title: 'A game played with a seed of its own choosing instead of the one handed out',
    expected: 'seed-mismatch',
    http: { seeds: 'foreign' },
    ...fromEdit((events) => {
      const start = events.find((e) => e.type === 'game-start');
      if (start?.type === 'game-start') start.seed += 1;
      return events;
    }),
  },
  {
    id: 'broken-chain',
    title: 'A batch that does not link to the one before it',
    expected: 'hash-chain-broken',
    // The server refuses the unlinked batch when it arrives (409 chain-broken) and never stores it; the check of the
    // stored chain (hash-chain-broken) guards against a chain broken behind the API.
    http: { seeds: 'server', breakChain: true, expected: 'chain-broken' },
    async build(h) {
      const r = clone(h);
      const k = Math.floor(r.batches.length / 2);
      r.batches[k]!.prevHash = '0'.repeat(64);
      return r;
    },
  },
  {
    id: 'altered-after-witness',
    title: "Answers edited in the server's stored copy after they were witnessed",
    expected: 'events-altered',
    inProcessOnly: 'edits storage behind the server; no endpoint changes a stored event',
    async build(h) {
      const r = clone(h);
      return { ...r, events: EDITS.correctAnswers(r.events) };
    },
  },
];

export { cutBatches };
