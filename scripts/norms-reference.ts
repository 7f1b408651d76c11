/**
 * npm run norms:reference — writes the norm entries derived from the public reference data (beside the repository in
 * ../shared/reference/) into the shipped tables: Switch's composite from the SRO cued task-switching trials. The data
 * files themselves never enter the repository; the entries carry their provenance. Exits with a message when the
 * reference folder is absent.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { NormTable } from '../src/scoring/norm-table.ts';
import { referencePresent } from '../src/scoring/reference/reference-files.ts';
import { SRO_SWITCH_FILE } from '../src/scoring/reference/sro-switch.ts';
import { switchNormEntry } from '../src/scoring/reference/switch-norm.ts';

const TABLES = ['norms/tables/sro-provisional-all.json'];

if (!referencePresent(...SRO_SWITCH_FILE)) {
  console.error(`norms:reference: ${SRO_SWITCH_FILE.join('/')} not found beside the repository (../shared/reference); nothing written.`);
  process.exit(1);
}
const { metric, version } = switchNormEntry();
for (const file of TABLES) {
  const path = resolve(file);
  const table = JSON.parse(readFileSync(path, 'utf8')) as NormTable;
  table.metrics = [...table.metrics.filter((m) => !(m.game === metric.game && m.metric === metric.metric)), metric];
  table.validFor = [...table.validFor.filter((v) => v.game !== metric.game), { game: metric.game, versions: [version] }];
  writeFileSync(path, `${JSON.stringify(table, null, 2)}\n`);
  console.log(`${file}: ${metric.game}:${metric.metric} n = ${metric.n}, mean ${metric.mean}, SD ${metric.sd}, reliability ${metric.reliability.value} (${metric.reliability.kind})`);
}
