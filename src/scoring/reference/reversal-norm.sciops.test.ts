/**
 * Coin hunt's norm entries against the open sciops reversal-learning trials (../shared/reference/sciops/): the
 * shipped entries must be what the game's own learning metrics compute from the first 60 trials of each screened
 * participant, and the metric choice must follow the reliabilities. Skips, saying so, when the data are absent.
 */
import { describe, expect, it } from 'vitest';
import sroAll from '../../../norms/tables/sro-provisional-all.json' with { type: 'json' };
import { reversal } from '../../../games/reversal/index.ts';
import { referencePresent } from './reference-files.ts';
import { NORM_GROUPS_OF_SCIOPS, reversalNormEntries } from './reversal-norm.ts';
import { blockSplitHalf, firstTrials, prlParticipants, SCIOPS_PARTICIPANTS, SCIOPS_QUALITY, SCIOPS_TRIALS } from './sciops-prl.ts';

const present = [SCIOPS_TRIALS, SCIOPS_PARTICIPANTS, SCIOPS_QUALITY].every((f) => referencePresent(...f));
if (!present) console.info('sciops reference data not found in ../shared/reference/sciops: skipping the Coin hunt norm reproduction.');

describe.skipIf(!present)('Coin hunt norms from the sciops trials', () => {
  const people = present ? prlParticipants() : [];

  it('the shipped entries and correlations are what our scorer computes from the first 60 trials', () => {
    const group = NORM_GROUPS_OF_SCIOPS['sro-provisional-all'];
    if (!group) throw new Error('no sciops group for the default table');
    const entry = JSON.parse(JSON.stringify(reversalNormEntries(people, group)));
    expect(sroAll.metrics.filter((m) => m.game === 'reversal')).toEqual(entry.metrics);
    expect(sroAll.correlations?.filter((c) => c.a.startsWith('reversal:'))).toEqual(entry.correlations);
    expect(sroAll.validFor).toContainEqual({ game: 'reversal', versions: [reversal.version] });
    expect(entry.n).toBe(301);
  });

  it('the domain metrics are chosen by reliability at 60 trials: win-stay and lose-shift ≈ .85, best choice and perseveration ≈ .3', () => {
    const screened = people.filter((p) => p.surveyScreened).map((p) => firstTrials(p, 60));
    const rel = (m: 'win_stay' | 'lose_shift' | 'best_choice_rate' | 'perseverative_errors') => blockSplitHalf(screened, m, 60).full;
    expect(rel('win_stay')).toBeGreaterThan(0.85);
    expect(rel('lose_shift')).toBeGreaterThan(0.8);
    expect(rel('best_choice_rate')).toBeLessThan(0.45);
    expect(rel('perseverative_errors')).toBeLessThan(0.35);
    // The manifest's fallback reliabilities are these figures, rounded.
    for (const c of reversal.domainMetrics) expect([c.metric, c.reliability.value]).toEqual([c.metric, Math.round(rel(c.metric as 'win_stay') * 100) / 100]);
  });
});
