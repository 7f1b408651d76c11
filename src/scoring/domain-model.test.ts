/**
 * The domain model's reliability figures (the games' manifests, shown in the algorithm card) are the ones the shipped
 * norm tables carry for the same metrics, so the card never shows one figure while the profiles use another.
 */
import { describe, expect, it } from 'vitest';
import { DOMAIN_MODEL } from './domain-model.ts';
import { NORM_GROUPS } from './norm-registry.ts';

describe('domain model reliabilities', () => {
  const metrics = DOMAIN_MODEL.flatMap((d) => d.metrics);
  for (const table of Object.values(NORM_GROUPS)) {
    it(`equal ${table.id}'s for every metric it norms, and none it norms is assumed`, () => {
      let normed = 0;
      for (const m of metrics) {
        const entry = table.metrics.find((t) => t.game === m.game && t.metric === m.metric);
        if (!entry) continue;
        normed++;
        expect({ metric: `${m.game}:${m.metric}`, value: m.reliability.value, kind: m.reliability.kind }).toEqual({
          metric: `${m.game}:${m.metric}`,
          value: entry.reliability.value,
          kind: entry.reliability.kind,
        });
        expect(entry.reliability.kind).not.toBe('assumed');
      }
      expect(normed).toBeGreaterThan(0);
    });
  }
});
