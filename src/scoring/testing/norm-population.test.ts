import { describe, expect, it } from 'vitest';
import { buildProfile } from '../build-profile.ts';
import { NORM_GROUPS } from '../norm-registry.ts';
import { mean, sampleSd } from '../sample-stats.ts';
import { normPopulation, typicalNormParticipant } from './norm-population.ts';

describe.each(Object.values(NORM_GROUPS))('participants calibrated to norm table $id', (table) => {
  const people = normPopulation(table, 4000, 11);

  it.each(table.metrics.map((m) => [`${m.game}:${m.metric}`, m] as const))('%s: the population reproduces the norm mean and SD', (_key, norm) => {
    const values = people.flatMap((p) => p.scores.filter((s) => s.game === norm.game).map((s) => s.metrics[norm.metric]?.value as number));
    expect(values.length).toBe(4000);
    // Within 0.1 SD of the mean and 10 % of the SD: the sampling error at n = 4000 is about 0.02 SD.
    expect(Math.abs(mean(values) - norm.mean) / norm.sd).toBeLessThan(0.1);
    expect(Math.abs(sampleSd(values) / norm.sd - 1)).toBeLessThan(0.1);
  });

  it('the typical participant scores sten 5–6 on every measured domain', () => {
    const profile = buildProfile(typicalNormParticipant(table).scores, {
      normGroup: table,
      deviceClass: table.deviceClass === 'all' ? 'keyboard' : table.deviceClass,
    });
    const measured = profile.domains.filter((d) => d.status === 'measured');
    expect(measured.length).toBeGreaterThan(0);
    for (const d of measured) expect([d.domain, d.sten]).toEqual([d.domain, expect.toSatisfy((s: number) => s === 5 || s === 6)]);
  });
});
