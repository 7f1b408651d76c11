/**
 * The learning metrics on the open sciops reversal-learning trials (../shared/reference/sciops/): our definitions must
 * give the values the reference README reports for the survey-screened sample, and the shipped derived statistics
 * (norms/external/sciops-prl.json) must be what they compute. Skips, saying so, when the reference folder is absent.
 */
import { describe, expect, it } from 'vitest';
import shipped from '../../../norms/external/sciops-prl.json' with { type: 'json' };
import { mean, sampleSd } from '../sample-stats.ts';
import { referencePresent } from './reference-files.ts';
import { blockSplitHalf, learningMetrics, type PrlTrial, prlParticipants, SCIOPS_PARTICIPANTS, SCIOPS_QUALITY, SCIOPS_TRIALS } from './sciops-prl.ts';
import { sciopsReport } from './sciops-report.ts';

const present = [SCIOPS_TRIALS, SCIOPS_PARTICIPANTS, SCIOPS_QUALITY].every((f) => referencePresent(...f));
if (!present) console.info('sciops reference data not found in ../shared/reference/sciops: skipping the learning-metric reproduction.');

describe('learning metrics on a hand-made sequence', () => {
  it('counts best choices, perseveration after a change, win-stay and lose-shift', () => {
    const t = (block: number, best: number, choice: number | null, reward: 0 | 1): PrlTrial => ({ block, best, choice, reward });
    // Best is 0 for three trials, then 2. After the change: 0, (none), 0, 2 → a run of 2.
    const trials = [t(1, 0, 0, 1), t(1, 0, 0, 0), t(1, 0, 1, 0), t(2, 2, 0, 1), t(2, 2, null, 0), t(2, 2, 0, 0), t(2, 2, 2, 1)];
    const m = learningMetrics(trials);
    expect(m.best_choice_rate).toBeCloseTo(3 / 7, 10);
    expect(m.perseverative_errors).toBe(2);
    // Pairs with both choices: (0→0 win, stay) (0→1 loss, shift) (1→0 loss, shift) (0→2 loss, shift); 0→null and null→0 skipped.
    expect(m.win_stay).toBe(1);
    expect(m.lose_shift).toBe(1);
    // Only block 2's events: one run (the change into block 2), its trials' pairs.
    expect(learningMetrics(trials, (b) => b === 2).best_choice_rate).toBe(0.25);
    expect(learningMetrics(trials, (b) => b === 2).perseverative_errors).toBe(2);
  });
});

describe.skipIf(!present)('learning metrics on the sciops trials', () => {
  const people = present ? prlParticipants() : [];
  const screened = people.filter((p) => p.surveyScreened);

  it('the sample sizes of the README: 406 in the trial file, 386 in the final sample, 301 survey-screened', () => {
    expect([people.length, people.filter((p) => p.final).length, screened.length]).toEqual([406, 386, 301]);
  });

  it.each([
    ['best_choice_rate', 0.587, 0.108, 0.34],
    ['perseverative_errors', 1.78, 1.4, 0.34],
    ['win_stay', 0.9, 0.16, 0.9],
    ['lose_shift', 0.61, 0.22, 0.9],
  ] as const)('%s: mean %s ± %s, odd–even-block split-half %s as the README reports', (metric, m, sd, rel) => {
    const values = screened.map((p) => learningMetrics(p.trials)[metric]).filter((x): x is number => x !== null);
    expect(values.length).toBe(301);
    // The README rounds to its last digit; split-halves within .015.
    expect(Math.abs(mean(values) - m)).toBeLessThanOrEqual(0.005 + 1e-9);
    expect(Math.abs(sampleSd(values) - sd)).toBeLessThanOrEqual(0.005 + 1e-9);
    expect(Math.abs(blockSplitHalf(screened, metric, 90).full - rel)).toBeLessThan(0.015);
  });

  it('the shipped derived statistics are what the trials give', () => {
    expect(shipped).toEqual(JSON.parse(JSON.stringify(sciopsReport(people))));
  });
});
