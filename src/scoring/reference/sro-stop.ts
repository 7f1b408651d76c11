/**
 * SSRT reliability at our length from the SRO stop-signal trials (40 participants, the condition with 25 % stop
 * trials, as in Stop): odd–even split-half of the SSRT our scorer computes (ssrtIntegration), and the published
 * test–retest stepped from SRO's number of stop trials to ours, both by Spearman–Brown.
 */
import { STOP_COUNTS } from '../../../games/stop/design.ts';
import { ssrtIntegration } from '../../../games/stop/ssrt.ts';
import { pearson } from '../sample-stats.ts';
import { readCsv, spearmanBrown } from './reference-files.ts';

export const SRO_STOP_FILE = ['sro', 'stop_signal_trials_dev.csv'] as const;
/** SSRT test–retest in the SRO retest data (Enkavi et al. 2019), at SRO's length. */
export const ENKAVI_SSRT_RETEST = 0.5;
export const OUR_STOP_TRIALS = STOP_COUNTS.testBlocks * STOP_COUNTS.testSignalsPerBlock;

interface Trials {
  go: (number | null)[];
  responded: boolean[];
  ssds: number[];
}

function ssrtOf(rows: readonly Record<string, string>[]): number | null {
  const t: Trials = { go: [], responded: [], ssds: [] };
  for (const row of rows) {
    const rt = Number(row['rt']);
    if (row['SS_trial_type'] === 'go') t.go.push(rt < 0 ? null : rt);
    else if (row['SS_trial_type'] === 'stop') {
      t.responded.push(rt >= 0);
      t.ssds.push(Number(row['SS_delay']));
    }
  }
  const r = ssrtIntegration(t.go, t.responded, t.ssds);
  return r.ok ? r.ssrt : null;
}

export function ssrtReliability(): {
  n: number;
  sroStopTrials: number;
  ourStopTrials: number;
  splitHalfR: number;
  splitHalfAtOurs: number;
  retestAtOurs: number;
} {
  const byId = new Map<string, Record<string, string>[]>();
  for (const row of readCsv(...SRO_STOP_FILE)) {
    if (row['condition'] !== 'low') continue;
    const id = row['worker_id'] as string;
    byId.set(id, [...(byId.get(id) ?? []), row]);
  }
  const a: number[] = [];
  const b: number[] = [];
  let stops = 0;
  for (const rows of byId.values()) {
    rows.sort((x, y) => Number(x['trial_num']) - Number(y['trial_num']));
    // Odd and even trials of each type, so each half keeps the 1:4 ratio and its share of the staircase.
    const half = (parity: number) => ['go', 'stop'].flatMap((type) => rows.filter((r) => r['SS_trial_type'] === type).filter((_, i) => i % 2 === parity));
    const x = ssrtOf(half(0));
    const y = ssrtOf(half(1));
    stops = rows.filter((r) => r['SS_trial_type'] === 'stop').length;
    if (x === null || y === null) continue;
    a.push(x);
    b.push(y);
  }
  const r = pearson(a, b);
  return {
    n: a.length,
    sroStopTrials: stops,
    ourStopTrials: OUR_STOP_TRIALS,
    splitHalfR: r,
    splitHalfAtOurs: spearmanBrown(r, OUR_STOP_TRIALS / (stops / 2)),
    retestAtOurs: spearmanBrown(ENKAVI_SSRT_RETEST, OUR_STOP_TRIALS / stops),
  };
}

/**
 * The reliability entry for `stop:ssrt` at our length. The published test–retest is stepped down; the split-half is
 * reported but not used: odd and even trials share one staircase, so both halves share the mean stop-signal delay and
 * the split-half overstates SSRT's reliability.
 */
export function ssrtReliabilityEntry(): { value: number; kind: 'test-retest'; source: string } {
  const r = ssrtReliability();
  return {
    value: Math.round(r.retestAtOurs * 100) / 100,
    kind: 'test-retest',
    source:
      `Enkavi et al. (2019), PNAS 116:5472, Self-Regulation Ontology retest data (n = 150): SSRT test–retest about ${ENKAVI_SSRT_RETEST} with ${r.sroStopTrials} stop trials, ` +
      `stepped to our ${r.ourStopTrials} by Spearman–Brown. (Odd–even split-half of our SSRT on ${r.n} SRO participants: ${r.splitHalfAtOurs.toFixed(2)} at ${r.ourStopTrials} stop trials, ` +
      'not used: both halves share one staircase, which overstates it.)',
  };
}

/**
 * Choice-RT evidence from the same file: the go trials of the stop-signal task are a two-choice RT task (four shapes,
 * two keys). Per participant, all go trials of both conditions in the order shown, split odd/even; each half's median
 * RT of correct answers at ≥ 100 ms within Reaction's 1,500 ms window; the halves correlated and stepped by
 * Spearman–Brown from half the go trials to `trials`. Within one session, so an upper bound of test–retest; and the
 * stop context slows go responses (proactive slowing), so it corroborates rather than replaces a retest figure.
 */
export function goRtSplitHalf(trials: number): { n: number; goTrials: number; r: number; atTrials: number } {
  const byId = new Map<string, Record<string, string>[]>();
  for (const row of readCsv(...SRO_STOP_FILE)) {
    if (row['SS_trial_type'] !== 'go') continue;
    const id = row['worker_id'] as string;
    byId.set(id, [...(byId.get(id) ?? []), row]);
  }
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    const m = s.length >> 1;
    return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
  };
  const halfMedian = (rows: Record<string, string>[]) =>
    median(rows.filter((r) => Number(r['correct']) === 1 && Number(r['rt']) >= 100 && Number(r['rt']) <= 1500).map((r) => Number(r['rt'])));
  const a: number[] = [];
  const b: number[] = [];
  const counts: number[] = [];
  for (const rows of byId.values()) {
    // File order is the order shown: condition blocks in turn, trial_num within each.
    a.push(halfMedian(rows.filter((_, i) => i % 2 === 0)));
    b.push(halfMedian(rows.filter((_, i) => i % 2 === 1)));
    counts.push(rows.length);
  }
  const goTrials = counts.sort((x, y) => x - y)[counts.length >> 1] as number;
  const r = pearson(a, b);
  return { n: a.length, goTrials, r, atTrials: spearmanBrown(r, trials / (goTrials / 2)) };
}
