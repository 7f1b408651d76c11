/**
 * npm run norms:reference — writes the norm entries derived from the public reference data (beside the repository in
 * ../shared/reference/) into the shipped tables: Switch's composite from the SRO cued task-switching trials, SSRT's
 * reliability stepped to our number of stop trials from the SRO stop-signal trials; Coin hunt's learning metrics from
 * the first 60 trials of the sciops reversal-learning participants (all, and those aged 20–29); and the
 * test–retest reliabilities of Reaction, Flanker and Corsi at our trial counts from the SRO trials of both sessions
 * (when those files are there: sro-retest.ts), and the derived statistics of the sciops reversal-learning sample (reliability and fairness of the learning metrics) into
 * norms/external/sciops-prl.json, with the MIT notice of that data beside it. The data files themselves never enter
 * the repository; the entries carry their provenance. Exits with a message when the reference folder is absent.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { NormTable } from '../src/scoring/norm-table.ts';
import { referencePath, referencePresent } from '../src/scoring/reference/reference-files.ts';
import { prlParticipants, SCIOPS_TRIALS } from '../src/scoring/reference/sciops-prl.ts';
import { SCIOPS_REPORT_FILE, sciopsReport } from '../src/scoring/reference/sciops-report.ts';
import { NORM_GROUPS_OF_SCIOPS, reversalNormEntries } from '../src/scoring/reference/reversal-norm.ts';
import { SRO_RETEST_FILES, sroRetestEntries, sroRetestPresent } from '../src/scoring/reference/sro-retest.ts';
import { SRO_STOP_FILE, ssrtReliabilityEntry } from '../src/scoring/reference/sro-stop.ts';
import { SRO_SWITCH_FILE } from '../src/scoring/reference/sro-switch.ts';
import { switchNormEntry } from '../src/scoring/reference/switch-norm.ts';

const TABLES = ['norms/tables/sro-provisional-all.json'];
/** Tables whose SSRT reliability is stepped to our number of stop trials. */
const SSRT_TABLES = ['norms/tables/sro-provisional-all.json', 'norms/tables/sro-provisional-20-29.json'];

for (const file of [SRO_SWITCH_FILE, SRO_STOP_FILE, SCIOPS_TRIALS]) {
  if (!referencePresent(...file)) {
    console.error(`norms:reference: ${file.join('/')} not found beside the repository (../shared/reference); nothing written.`);
    process.exit(1);
  }
}
const { metric, version } = switchNormEntry();
for (const file of TABLES) {
  const path = resolve(file);
  const table = JSON.parse(readFileSync(path, 'utf8')) as NormTable;
  table.metrics = [...table.metrics.filter((m) => !(m.game === metric.game && m.metric === metric.metric)), metric];
  // Earlier versions already listed stay: they differ from this one only in trial counts (see the manifest's `earlier`).
  const listed = table.validFor.find((v) => v.game === metric.game)?.versions ?? [];
  table.validFor = [...table.validFor.filter((v) => v.game !== metric.game), { game: metric.game, versions: [...new Set([...listed, version])].sort() }];
  writeFileSync(path, `${JSON.stringify(table, null, 2)}\n`);
  console.log(
    `${file}: ${metric.game}:${metric.metric} n = ${metric.n}, mean ${metric.mean}, SD ${metric.sd}, reliability ${metric.reliability.value} (${metric.reliability.kind})`,
  );
}

const ssrt = ssrtReliabilityEntry();
for (const file of SSRT_TABLES) {
  const path = resolve(file);
  const table = JSON.parse(readFileSync(path, 'utf8')) as NormTable;
  for (const m of table.metrics) if (m.game === 'stop' && m.metric === 'ssrt') m.reliability = ssrt;
  writeFileSync(path, `${JSON.stringify(table, null, 2)}\n`);
  console.log(`${file}: stop:ssrt reliability ${ssrt.value} (${ssrt.kind}, at our stop-trial count)`);
}

// Reaction, Flanker and Corsi reliabilities at our trial counts from the SRO trial data of both sessions: optional,
// because those files came later than the rest; without them the shipped entries stay as they are.
if (sroRetestPresent()) {
  const entries = sroRetestEntries();
  for (const file of SSRT_TABLES) {
    const path = resolve(file);
    const table = JSON.parse(readFileSync(path, 'utf8')) as NormTable;
    for (const m of table.metrics) m.reliability = entries.get(`${m.game}:${m.metric}`) ?? m.reliability;
    writeFileSync(path, `${JSON.stringify(table, null, 2)}\n`);
  }
  console.log(`SRO retest reliabilities: ${[...entries].map(([k, e]) => `${k} ${e.value}`).join(', ')}`);
} else {
  const missing = SRO_RETEST_FILES.filter((f) => !referencePresent(...f)).map((f) => f.join('/'));
  console.warn(`norms:reference: SRO trial data of both sessions absent (${missing.join(', ')}); Reaction, Flanker and Corsi reliabilities left as they are.`);
}

const prl = prlParticipants();
for (const [id, group] of Object.entries(NORM_GROUPS_OF_SCIOPS)) {
  const path = resolve(`norms/tables/${id}.json`);
  const table = JSON.parse(readFileSync(path, 'utf8')) as NormTable;
  const entry = reversalNormEntries(prl, group);
  table.metrics = [...table.metrics.filter((m) => m.game !== 'reversal'), ...entry.metrics];
  table.validFor = [...table.validFor.filter((v) => v.game !== 'reversal'), { game: 'reversal', versions: [entry.version] }];
  const correlations = [...(table.correlations ?? []).filter((c) => !c.a.startsWith('reversal:')), ...entry.correlations];
  table.correlations = correlations;
  writeFileSync(path, `${JSON.stringify(table, null, 2)}\n`);
  console.log(
    `${id}: reversal ${entry.version}, n = ${entry.n}; ${entry.metrics.map((m) => `${m.metric} ${m.mean} ± ${m.sd}, split-half ${m.reliability.value}`).join('; ')}`,
  );
}

const report = sciopsReport(prl);
mkdirSync(resolve('norms/external'), { recursive: true });
writeFileSync(resolve(SCIOPS_REPORT_FILE), `${JSON.stringify(report, null, 2)}\n`);
copyFileSync(referencePath('sciops', 'LICENSE'), resolve('norms/external/LICENSE-sciops'));
console.log(`${SCIOPS_REPORT_FILE}: ${report.n} participants; ${report.metrics.map((m) => `${m.metric} split-half ${m.splitHalf.full}`).join(', ')}`);
