/**
 * Reaction, Flanker and Corsi reliabilities at our trial counts, from the SRO trial data of both sessions
 * (sro-retest.ts): the shipped tables must carry what the data give. Skips, saying which files are missing and where
 * they come from, when they are not in ../shared/reference/sro/.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import sro2029 from '../../../norms/tables/sro-provisional-20-29.json' with { type: 'json' };
import sroAll from '../../../norms/tables/sro-provisional-all.json' with { type: 'json' };
import { referencePresent } from './reference-files.ts';
import { SRO_RETEST_FILES, sroRetestEntries, sroRetestPresent, sroRetestReliabilities } from './sro-retest.ts';

const present = sroRetestPresent();
if (!present)
  console.info(
    `SRO trial data of both sessions not found (${SRO_RETEST_FILES.filter((f) => !referencePresent(...f))
      .map((f) => f.join('/'))
      .join(
        ', ',
      )} under ../shared/reference; from IanEisenberg/Self_Regulation_Ontology, Data/<release>/Individual_Measures/): skipping the Reaction, Flanker and Corsi reliability check.`,
  );

describe.skipIf(!present)('Reaction, Flanker and Corsi reliabilities on the SRO retest trials', () => {
  // Computed before the tests, not at collection (a skipped suite must not read the files): about 8 MB of gzipped
  // trials, some 20–60 s on a shared machine.
  let all: ReturnType<typeof sroRetestReliabilities> = [];
  let entries: Record<string, unknown> = {};
  beforeAll(() => {
    all = sroRetestReliabilities();
    entries = JSON.parse(JSON.stringify(Object.fromEntries(sroRetestEntries())));
  }, 180_000);
  const get = (key: string) => all.find((m) => `${m.game}:${m.metric}` === key);

  it('reads the SRO tasks at their real lengths and the retest sample at its real size', () => {
    expect(get('reaction:simple.median_rt')?.full.sroTrials).toBe(150);
    expect(get('reaction:choice.median_rt')?.full.sroTrials).toBe(150);
    expect(get('flanker:conflict_rt')?.full.sroTrials).toBe(96);
    expect(get('corsi:backward.span')?.full.sroTrials).toBe(14);
    for (const m of all) expect(m.ours.n).toBeGreaterThanOrEqual(140);
  });

  it('reproduces the published full-length retest figures that the tables used to carry (.68 choice RT, .42 conflict)', () => {
    expect(get('reaction:choice.median_rt')?.full.icc).toBeCloseTo(0.68, 1);
    expect(get('flanker:conflict_rt')?.full.icc).toBeCloseTo(0.42, 1);
  });

  it('finds each figure lower at our shorter length than at SRO’s full one', () => {
    for (const key of ['reaction:simple.median_rt', 'reaction:choice.median_rt', 'flanker:conflict_rt', 'flanker:accuracy']) {
      const m = get(key);
      expect(m?.ours.icc, key).toBeLessThan(m?.full.icc ?? 0);
    }
  });

  it('the shipped tables carry exactly these entries', () => {
    for (const table of [sroAll, sro2029])
      for (const [key, entry] of Object.entries(entries)) {
        const shipped = table.metrics.find((m) => `${m.game}:${m.metric}` === key);
        expect(shipped?.reliability, `${table.id} ${key}`).toEqual(entry);
      }
  });
});
