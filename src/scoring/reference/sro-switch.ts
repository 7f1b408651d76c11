/**
 * The Self-Regulation Ontology cued task-switching task (`threebytwo`, retest session, 150 adults) scored with the
 * Switch game's own rule (`rateCorrect` in games/switch/score.ts), for Switch's provisional norm entry and its
 * reliability. Which SRO trials count, and why:
 * - test stage, CTI 900 ms only (ours: 900 ms), the first test trial dropped (no previous task: ours drops it too);
 * - "repeat" = same task and same cue, "switch" = another task (either cue). SRO also has cue-only switches (same
 *   task, the other of its two word cues); Switch has one cue per rule, so such a trial cannot occur in it and is left out;
 * - an answer is correct when it is the right key at ≥ 100 ms within the 2,000 ms window; a trial without an answer is
 *   charged the 2,000 ms window (SRO's window; ours is the same from Switch 1.1.0).
 */
import { rateCorrect, type TrialOutcome } from '../../../games/switch/score.ts';
import { ANTICIPATION_MS } from '../../../games/switch/score.ts';
import { pearson } from '../sample-stats.ts';
import { readCsv, spearmanBrown } from './reference-files.ts';

export const SRO_SWITCH_FILE = ['sro', 'threebytwo_trials_retest.csv.gz'] as const;
export const SRO_WINDOW_MS = 2000;
export const SRO_CTI_MS = 900;

export interface SroSwitchTrial {
  kind: 'repeat' | 'switch' | 'cue-switch';
  outcome: TrialOutcome;
}

export interface SroSwitchParticipant {
  id: string;
  trials: SroSwitchTrial[];
  /** Our composite over repeat and switch trials (count-weighted, as the game scores). */
  composite: number;
  /** The derivation's variant: accuracy of repeat and switch weighted 50/50, divided by the mean seconds per trial. */
  composite5050: number;
  /** Median correct RT on switch minus repeat trials (ms), as switch_cost_rt. */
  switchCost: number | null;
}

function outcome(row: Record<string, string>): TrialOutcome {
  const key = Number(row['key_press']);
  const rt = Number(row['rt']);
  if (key === -1 || !(rt >= 0)) return { rt: null, correct: false, answered: false, early: false, chargedMs: SRO_WINDOW_MS };
  const early = rt < ANTICIPATION_MS;
  return {
    rt,
    correct: !early && rt <= SRO_WINDOW_MS && key === Number(row['correct_response']),
    answered: true,
    early,
    chargedMs: Math.min(SRO_WINDOW_MS, Math.max(0, rt)),
  };
}

const kindOf = (row: Record<string, string>): SroSwitchTrial['kind'] =>
  (row['task_switch'] ?? '').startsWith('switch') ? 'switch' : row['cue_switch'] === 'stay' ? 'repeat' : 'cue-switch';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

export function composite5050(trials: readonly SroSwitchTrial[]): number {
  const acc = (k: SroSwitchTrial['kind']) => {
    const set = trials.filter((t) => t.kind === k);
    return set.filter((t) => t.outcome.correct).length / set.length;
  };
  const scored = trials.filter((t) => t.kind !== 'cue-switch');
  const seconds = scored.reduce((s, t) => s + t.outcome.chargedMs, 0) / 1000 / scored.length;
  return (0.5 * acc('repeat') + 0.5 * acc('switch')) / seconds;
}

function switchCost(trials: readonly SroSwitchTrial[]): number | null {
  const rts = (k: SroSwitchTrial['kind']) => trials.filter((t) => t.kind === k && t.outcome.correct).map((t) => t.outcome.rt as number);
  const sw = rts('switch');
  const rep = rts('repeat');
  return sw.length >= 5 && rep.length >= 5 ? median(sw) - median(rep) : null;
}

const ours = (trials: readonly SroSwitchTrial[]) => rateCorrect(trials.filter((t) => t.kind !== 'cue-switch')).value as number;

/** Every participant with scored trials, in file order. */
export function sroSwitchParticipants(): SroSwitchParticipant[] {
  const byId = new Map<string, Record<string, string>[]>();
  for (const row of readCsv(...SRO_SWITCH_FILE)) {
    if (row['exp_stage'] !== 'test') continue;
    const id = row['worker_id'] as string;
    byId.set(id, [...(byId.get(id) ?? []), row]);
  }
  const out: SroSwitchParticipant[] = [];
  for (const [id, rows] of byId) {
    rows.sort((a, b) => Number(a['trial_num']) - Number(b['trial_num']));
    const trials = rows
      .slice(1)
      .filter((r) => Number(r['CTI']) === SRO_CTI_MS)
      .map((r) => ({ kind: kindOf(r), outcome: outcome(r) }));
    if (trials.length === 0) continue;
    out.push({ id, trials, composite: ours(trials), composite5050: composite5050(trials), switchCost: switchCost(trials) });
  }
  return out;
}

export interface SplitHalf {
  /** Correlation of the odd and even halves. */
  r: number;
  /** Spearman–Brown to the participants' full length. */
  full: number;
  /** Spearman–Brown to `trials` trials (our block). */
  atTrials: number;
  trials: number;
  meanTrialsPerParticipant: number;
  n: number;
}

/** Odd–even split-half reliability of a per-participant score, stepped to `trials` trials with Spearman–Brown. */
export function splitHalf(people: readonly SroSwitchParticipant[], score: (trials: readonly SroSwitchTrial[]) => number | null, trials: number): SplitHalf {
  const a: number[] = [];
  const b: number[] = [];
  let total = 0;
  for (const p of people) {
    const used = p.trials.filter((t) => t.kind !== 'cue-switch');
    const x = score(used.filter((_, i) => i % 2 === 0));
    const y = score(used.filter((_, i) => i % 2 === 1));
    if (x === null || y === null || !Number.isFinite(x) || !Number.isFinite(y)) continue;
    a.push(x);
    b.push(y);
    total += used.length;
  }
  const r = pearson(a, b);
  const mean = total / a.length;
  return { r, full: spearmanBrown(r, 2), atTrials: spearmanBrown(r, trials / (mean / 2)), trials, meanTrialsPerParticipant: mean, n: a.length };
}

export const compositeOf = ours;
export { switchCost as switchCostOf };
