import type { BlockKind, InputDevice, LogEvent, StimulusEvent, TrialEndReason } from './events.ts';

/**
 * THE ONSET RULE (versioned with the scorers that use it).
 * - 'raf' (rule 1, every scorer 1.0.x): the onset is the stimulus event's `t`, the rAF time of the first frame after
 *   the frame that rendered the stimulus.
 * - 'presented' (rule 2, scorers 1.1.x): the onset is `presentedAt`, the measured presentation of the rendering frame,
 *   when the browser measured it; otherwise the rAF onset as in rule 1. Each trial says which it used per stimulus
 *   (`TrialRecord.onsetRules`). A log recorded before presentation was measured has no `presentedAt`, so rule 2
 *   scores it exactly as rule 1 did.
 */
export type OnsetRule = 'raf' | 'presented';
/** The rule the current scorers use. */
export const CURRENT_ONSET_RULE: OnsetRule = 'presented';

/** Which time a stimulus's onset was taken from: the measured presentation, or the rAF rule. */
export type OnsetSource = 'presented' | 'raf';

/** The onset of one stimulus event under a rule, and where it came from. */
export function onsetOf(e: Pick<StimulusEvent, 't' | 'presentedAt'>, rule: OnsetRule = CURRENT_ONSET_RULE): { t: number; source: OnsetSource } {
  return rule === 'presented' && e.presentedAt !== undefined ? { t: e.presentedAt, source: 'presented' } : { t: e.t, source: 'raf' };
}

/** One response of a trial, timed by the input event it was read from. */
export interface TrialResponse {
  value: string;
  /** The input's `t` (event.timeStamp on the page clock). */
  t: number;
  /** ms from the trial's 'target' onset; negative for a response before the target; null without a target. */
  rt: number | null;
  device: InputDevice;
  inputSeq: number;
}

/** A completed trial, paired from the log: what was shown when, and what the candidate answered when. */
export interface TrialRecord {
  game: string;
  block: number;
  kind: BlockKind;
  /** Attempt of the block (a failed practice block may run twice). */
  attempt: number;
  trial: number;
  page: number;
  start: number;
  end: number;
  endReason: Exclude<TrialEndReason, 'interrupted'>;
  /** Onset per stimulus name (page clock ms), under the onset rule the trials were paired with. */
  onsets: Record<string, number>;
  /** Per stimulus name, which time its onset came from: the measured presentation, or the rAF rule. */
  onsetRules: Record<string, OnsetSource>;
  /** Parameters realised on screen, merged from the trial's stimulus events. */
  params: Record<string, number | string>;
  responses: TrialResponse[];
}

interface OpenTrial {
  record: Omit<TrialRecord, 'end' | 'endReason'>;
}

/**
 * Pairs responses with trial onsets (pure; the worker runs it live, the issuer and scorers re-run it on the log).
 *
 * Rules, in the order they apply:
 * - Onsets follow the onset rule (above); RTs are measured from the 'target' onset.
 * - A trial is the span from its `trial-start` to its `trial-end` on one page.
 * - A response counts only if it names a trusted `input` event on the same page; its time is that input's `t`.
 * - A trial that ended `interrupted`, or never ended (reload, crash), is not a completed trial and is left out.
 * - When a trial ran more than once within one block attempt (re-run after an interruption), the last completed
 *   run is kept.
 */
export function pairTrials(events: readonly LogEvent[], game?: string, rule: OnsetRule = CURRENT_ONSET_RULE): TrialRecord[] {
  const inputs = new Map<number, { page: number; t: number; device: InputDevice; trusted: boolean }>();
  const blocks = new Map<string, { kind: BlockKind; attempt: number }>();
  const open = new Map<string, OpenTrial>();
  const done = new Map<string, TrialRecord>();

  for (const e of events) {
    switch (e.type) {
      case 'input':
        inputs.set(e.seq, { page: e.page, t: e.t, device: e.device, trusted: e.trusted });
        break;
      case 'block-start':
        blocks.set(`${e.game}|${e.block}`, { kind: e.kind, attempt: e.attempt });
        break;
      case 'trial-start': {
        if (game !== undefined && e.game !== game) break;
        const block = blocks.get(`${e.game}|${e.block}`);
        if (!block) break;
        open.set(trialKey(e.game, e.block, e.trial), {
          record: {
            game: e.game,
            block: e.block,
            kind: block.kind,
            attempt: block.attempt,
            trial: e.trial,
            page: e.page,
            start: e.t,
            onsets: {},
            onsetRules: {},
            params: {},
            responses: [],
          },
        });
        break;
      }
      case 'stimulus': {
        const o = open.get(trialKey(e.game, e.block, e.trial));
        if (!o || o.record.page !== e.page) break;
        const onset = onsetOf(e, rule);
        o.record.onsets[e.name] = onset.t;
        o.record.onsetRules[e.name] = onset.source;
        if (e.params) Object.assign(o.record.params, e.params);
        break;
      }
      case 'response': {
        const o = open.get(trialKey(e.game, e.block, e.trial));
        const input = inputs.get(e.input);
        if (!o || !input?.trusted || input.page !== o.record.page) break;
        // rt is filled in at trial-end: the onset may be logged after the input (it is stamped a frame later).
        o.record.responses.push({ value: e.value, t: input.t, rt: null, device: input.device, inputSeq: e.input });
        break;
      }
      case 'trial-end': {
        const key = trialKey(e.game, e.block, e.trial);
        const o = open.get(key);
        open.delete(key);
        if (!o || o.record.page !== e.page || e.reason === 'interrupted') break;
        const target = o.record.onsets['target'];
        const responses = o.record.responses.map((r) => ({ ...r, rt: target === undefined ? null : r.t - target })).sort((a, b) => a.t - b.t);
        done.set(`${key}|${o.record.attempt}`, { ...o.record, responses, end: e.t, endReason: e.reason });
        break;
      }
      case 'page-start':
        // A reload abandons whatever trial was running on the previous page.
        open.clear();
        break;
      default:
        break;
    }
  }
  return [...done.values()].sort((a, b) => a.block - b.block || a.attempt - b.attempt || a.trial - b.trial || a.game.localeCompare(b.game));
}

function trialKey(game: string, block: number, trial: number): string {
  return `${game}|${block}|${trial}`;
}

/** Number of trials a game lost to interruptions (hidden tab, blur, reload), for quality flags. */
export function countInterruptedTrials(events: readonly LogEvent[], game: string): number {
  let n = 0;
  const running = new Set<string>();
  for (const e of events) {
    if (e.type === 'trial-start' && e.game === game) running.add(trialKey(e.game, e.block, e.trial));
    if (e.type === 'trial-end' && e.game === game) {
      running.delete(trialKey(e.game, e.block, e.trial));
      if (e.reason === 'interrupted') n++;
    }
    if (e.type === 'page-start') {
      n += running.size;
      running.clear();
    }
  }
  return n;
}
