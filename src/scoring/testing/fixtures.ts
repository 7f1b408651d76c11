/** Small hand-made inputs for unit tests of the profile engine. */
import { gameById } from '../../../games/registry.ts';
import type { GameScore, MetricValue, QualityFlag } from '../../runtime/game-contract.ts';
import { modelMetrics } from '../domain-model.ts';
import { validateNormTable, type NormMetric, type NormTable } from '../norm-table.ts';

export function gameScore(game: string, metrics: Record<string, number | null>, flags: QualityFlag[] = [], trials = 100, gameVersion = '1.0.0'): GameScore {
  const m: Record<string, MetricValue> = {};
  for (const [k, v] of Object.entries(metrics)) m[k] = v === null ? { value: null, reason: 'fixture: not computable' } : { value: v };
  return { game, gameVersion, scorerVersion: '1.0.0', metrics: m, flags, trials };
}

/** A valid norm table with mean 0 / SD 1 for each named model metric unless overridden (so z = ±value). */
export function unitTable(metrics: { game: string; metric: string; over?: Partial<NormMetric> }[], over: Partial<NormTable> = {}): NormTable {
  const games = [...new Set(metrics.map((m) => m.game))];
  const rows: NormMetric[] = metrics.map(({ game, metric, over: o }) => {
    const spec = modelMetrics().find((s) => s.game === game && s.metric === metric);
    if (!spec) throw new Error(`fixture: ${game}:${metric} is not in the domain model`);
    return {
      game,
      metric,
      unit: unitOf(game, metric),
      direction: spec.direction,
      n: 500,
      mean: 0,
      sd: 1,
      reliability: { value: spec.reliability.value, kind: 'assumed', source: 'assumed: fixture' },
      ...o,
    };
  });
  return validateNormTable({
    id: 'fixture',
    version: '1.0.0',
    title: 'Fixture',
    provisional: false,
    population: { summary: 'fixture', who: 'fixture', where: 'test', ageRange: { min: 18, max: 65 }, recruitment: 'none' },
    n: 500,
    date: '2025-01-01',
    source: { citation: 'fixture' },
    deviceClass: 'keyboard',
    validFor: games.map((game) => ({ game, versions: ['1.0.0'] })),
    metrics: rows,
    ...over,
  });
}

function unitOf(game: string, metric: string): string {
  return gameById(game).metrics.find((m) => m.id === metric)?.unit ?? '';
}
