/**
 * SSRT's reliability at our number of stop trials, from the SRO stop-signal trials (../shared/reference/sro/): the
 * shipped tables must carry what the data give. Skips, saying so, when the reference folder is absent.
 */
import { describe, expect, it } from 'vitest';
import sro2029 from '../../../norms/tables/sro-provisional-20-29.json' with { type: 'json' };
import sroAll from '../../../norms/tables/sro-provisional-all.json' with { type: 'json' };
import { referencePresent } from './reference-files.ts';
import { goRtSplitHalf, OUR_STOP_TRIALS, SRO_STOP_FILE, ssrtReliability, ssrtReliabilityEntry } from './sro-stop.ts';
import { choiceSplitHalfText } from './sro-retest.ts';

const present = referencePresent(...SRO_STOP_FILE);
if (!present) console.info('SRO stop-signal trials not found in ../shared/reference/sro: skipping the SSRT reliability check.');

describe.skipIf(!present)('SSRT reliability at our length', () => {
  it('steps the published .5 from 60 to our 18 stop trials (.23), and the shipped tables carry it', () => {
    const r = ssrtReliability();
    expect(r.sroStopTrials).toBe(60);
    expect(OUR_STOP_TRIALS).toBe(18);
    // Spearman–Brown by hand: 0.3 · 0.5 / (1 − 0.7 · 0.5) = 0.2308.
    expect(r.retestAtOurs).toBeCloseTo(0.2308, 4);
    // The shared staircase makes the split-half far higher than any retest figure: the reason it is not used.
    expect(r.splitHalfAtOurs).toBeGreaterThan(r.retestAtOurs);
    const entry = JSON.parse(JSON.stringify(ssrtReliabilityEntry()));
    for (const table of [sroAll, sro2029]) expect(table.metrics.find((m) => m.game === 'stop' && m.metric === 'ssrt')?.reliability).toEqual(entry);
  });
});

describe.skipIf(!present)('choice-RT split-half from the stop-signal go trials', () => {
  it('is high within one session (an upper bound), and the shipped choice-RT source quotes it', () => {
    const h = goRtSplitHalf(12);
    expect(h.n).toBe(40);
    expect(h.atTrials).toBeGreaterThan(0.7);
    for (const table of [sroAll, sro2029])
      expect(table.metrics.find((m) => m.game === 'reaction' && m.metric === 'choice.median_rt')?.reliability.source).toContain(choiceSplitHalfText());
  });
});
