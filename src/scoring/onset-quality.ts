import type { LogEvent, PresentationCapability } from '../log/events.ts';
import type { QualityFlag } from '../runtime/game-contract.ts';

/**
 * Which onset rule a game's stimuli followed, for the coach and for norms (both must tell measured onsets from rAF
 * onsets apart). Logs recorded before presentation was measured say nothing about it and get no flag.
 */
export interface OnsetRuleSummary {
  /** The browser's capability, from the page-start events (`none` if any page lacked it). */
  presentation: PresentationCapability | 'unknown';
  presented: number;
  raf: number;
}

export function onsetRuleSummary(events: readonly LogEvent[], game: string): OnsetRuleSummary {
  let presentation: OnsetRuleSummary['presentation'] = 'unknown';
  let presented = 0;
  let raf = 0;
  for (const e of events) {
    if (e.type === 'page-start' && e.presentation !== undefined && presentation !== 'none') presentation = e.presentation;
    if (e.type === 'stimulus' && e.game === game) {
      if (e.presentedAt === undefined) raf++;
      else presented++;
    }
  }
  return { presentation, presented, raf };
}

export const ONSET_FLAG_CODES = ['onsets-raf-rule', 'onsets-partly-measured'] as const;

/** The quality flag for a game whose onsets were (partly) not measured; null when all were, or the log predates it. */
export function onsetRuleFlag(events: readonly LogEvent[], game: string): QualityFlag<(typeof ONSET_FLAG_CODES)[number]> | null {
  const s = onsetRuleSummary(events, game);
  if (s.presentation === 'unknown' || s.raf === 0) return null;
  if (s.presentation === 'none') {
    const detail = `This browser does not report when a frame was presented (no Element Timing): all ${s.raf} stimulus onsets follow the rAF rule, `;
    return { code: 'onsets-raf-rule', detail: `${detail}which may lie up to two frames from the presented frame.`, values: { count: s.raf } };
  }
  return {
    code: 'onsets-partly-measured',
    detail: `${s.raf} of ${s.raf + s.presented} stimulus onsets were not measured in time and follow the rAF rule.`,
    values: { count: s.raf, total: s.raf + s.presented },
  };
}
