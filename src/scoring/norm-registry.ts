/**
 * The norm groups shipped with the app, validated when this module loads: a bad table stops the app (and the test
 * run) with a NormTableError naming the table and every problem, instead of scoring against wrong numbers.
 */
import sroAll from '../../norms/tables/sro-provisional-all.json' with { type: 'json' };
import sro2029 from '../../norms/tables/sro-provisional-20-29.json' with { type: 'json' };
import { validateNormTable, type NormTable } from './norm-table.ts';

const TABLES: readonly NormTable[] = [sroAll, sro2029].map((t) => validateNormTable(t));

/** The default norm group until Dutch norms exist: all adults (provisional). */
export const DEFAULT_NORM_GROUP = 'sro-provisional-all';

export const NORM_GROUPS: Readonly<Record<string, NormTable>> = Object.fromEntries(TABLES.map((t) => [t.id, t]));

export function normTable(id: string): NormTable {
  const table = NORM_GROUPS[id];
  if (!table) throw new Error(`Unknown norm group "${id}"; known: ${Object.keys(NORM_GROUPS).join(', ')}`);
  return table;
}
