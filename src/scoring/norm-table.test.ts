import { existsSync, readFileSync } from 'node:fs';
import Ajv2019 from 'ajv/dist/2019';
import { describe, expect, it } from 'vitest';
import schema from '../../norms/schema/norm-table.schema.json' with { type: 'json' };
import sroAll from '../../norms/tables/sro-provisional-all.json' with { type: 'json' };
import { NORM_GROUPS, normTable } from './norm-registry.ts';
import { NormTableError, validateNormTable } from './norm-table.ts';

const ajv = new Ajv2019({ allErrors: true, strict: false });
const schemaValid = ajv.compile(schema);

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** Broken variants of a valid table: each must be refused by the loader and by the JSON Schema. */
// biome-ignore lint/suspicious/noExplicitAny: broken variants reach into the table's JSON at any depth, on purpose.
const broken: [string, (t: Record<string, any>) => void, RegExp][] = [
  ['missing population', (t) => delete t['population'], /population: must be an object/],
  ['SD of zero', (t) => (t['metrics'][0]['sd'] = 0), /metrics\[0\]\.sd: must be a number > 0/],
  ['reliability above 1', (t) => (t['metrics'][0]['reliability']['value'] = 1.3), /reliability\.value: must be a number in 0…1/],
  ['percentile p outside (0, 100)', (t) => (t['metrics'][0]['percentiles'][0]['p'] = 0), /percentiles\[0\]: must be \{p in \(0, 100\), value\}/],
  ['bad version', (t) => (t['version'] = 'v1'), /version: must be a version like 1\.0\.0/],
  ['bad date', (t) => (t['date'] = '16-02-2019'), /date: must be YYYY-MM-DD/],
  ['unknown direction', (t) => (t['metrics'][0]['direction'] = 'up'), /direction: must be higher-is-better or lower-is-better/],
  ['no validFor', (t) => (t['validFor'] = []), /validFor: must list the task versions/],
];

describe('norm tables', () => {
  it('ships the provisional SRO groups: all adults and age 20–29, labelled provisional', () => {
    expect(Object.keys(NORM_GROUPS).sort()).toEqual(['sro-provisional-20-29', 'sro-provisional-all']);
    for (const t of Object.values(NORM_GROUPS)) {
      expect(t.provisional).toBe(true);
      expect(t.provisionalNote).toBe('provisional — other population and task version');
      expect(t.source.citation).toMatch(/Eisenberg/);
      expect(schemaValid(t), JSON.stringify(schemaValid.errors)).toBe(true);
      for (const m of t.metrics) expect(m.reliability.source.length).toBeGreaterThan(10);
    }
    expect(normTable('sro-provisional-20-29').population.ageRange).toEqual({ min: 20, max: 29 });
    expect(() => normTable('nl-2030')).toThrow(/Unknown norm group "nl-2030"/);
  });

  for (const [name, breakIt, message] of broken) {
    it(`refuses a table with ${name}, with a clear error (loader and JSON Schema agree)`, () => {
      // biome-ignore lint/suspicious/noExplicitAny: the test breaks the table's JSON at any depth, on purpose.
      const t = clone(sroAll) as Record<string, any>;
      breakIt(t);
      expect(() => validateNormTable(t)).toThrow(NormTableError);
      expect(() => validateNormTable(t)).toThrow(message);
      expect(schemaValid(t)).toBe(false);
    });
  }

  it('checks meaning the schema cannot: metric exists, direction and unit as the game defines, percentiles ordered', () => {
    // biome-ignore lint/suspicious/noExplicitAny: the test breaks the table's JSON at any depth, on purpose.
    const t = clone(sroAll) as Record<string, any>;
    t['metrics'][0]['metric'] = 'simple.fastest';
    t['metrics'][1]['direction'] = 'higher-is-better';
    t['metrics'][2]['percentiles'][3]['value'] = 1;
    t['metrics'][3]['game'] = 'tetris';
    let error: NormTableError | null = null;
    try {
      validateNormTable(t);
    } catch (e) {
      error = e as NormTableError;
    }
    expect(error?.problems).toEqual([
      'metrics[0].metric: game "reaction" has no metric "simple.fastest"',
      'metrics[1].direction: the game defines lower-is-better',
      'metrics[2].percentiles[3]: values must not decrease as p increases',
      'metrics[3]: game "tetris" is not in validFor',
      'metrics[3].game: unknown game "tetris"',
    ]);
    expect(error?.message).toMatch(/^Norm table "sro-provisional-all" is invalid:/);
  });
});

const SRO = '../shared/reference/sro/provisional_norms_sro.json';
describe.skipIf(!existsSync(SRO))('provenance: the shipped numbers are the SRO reference numbers', () => {
  it('copies n, mean, SD and percentiles of each reference measure exactly', () => {
    const ref = JSON.parse(readFileSync(SRO, 'utf8')) as {
      metrics: Record<string, { groups: Record<string, { n: number; mean: number; sd: number; percentiles: Record<string, number> }> }>;
    };
    const groups: Record<string, string> = { 'sro-provisional-all': 'all', 'sro-provisional-20-29': 'age_20_29' };
    for (const [id, group] of Object.entries(groups)) {
      // Entries built from trial files (norms:reference) are checked by their own tests in src/scoring/reference/.
      for (const m of normTable(id).metrics.filter((x) => !(x.game === 'switch' && x.metric === 'composite') && x.game !== 'reversal')) {
        const r = ref.metrics[m.reference?.measure ?? '']?.groups[group];
        expect(r, `${id} ${m.metric}`).toBeDefined();
        expect([m.n, m.mean, m.sd]).toEqual([r?.n, r?.mean, r?.sd]);
        expect(m.percentiles?.map((p) => [String(p.p), p.value])).toEqual(Object.entries(r?.percentiles ?? {}).sort((a, b) => Number(a[0]) - Number(b[0])));
      }
    }
  });
});
if (!existsSync(SRO)) console.warn(`norm-table.test: ${SRO} not found; the provenance check is skipped.`);
