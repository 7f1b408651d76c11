/**
 * npm run norms:build -- <session exports …> --group <id> --meta <meta.json> [options]
 *
 * Builds a norm table from anonymised session exports (src/scoring/session-export.ts) and writes it with its
 * provenance to norms/tables/<group>.json (or --out). Refuses groups below the minimum N. Options:
 *   --group <id>            id of the norm table (lower case, digits, hyphens)            required
 *   --meta <file>           JSON with title, population {summary, who, where, ageRange {min, max}, recruitment},
 *                           source {citation, …}, and optionally provisional, provisionalNote     required
 *   --version <x.y.z>       table version (default 1.0.0)
 *   --date <YYYY-MM-DD>     date of the data (default: today)
 *   --age-band <band>       only sessions of this age band, e.g. 20-29
 *   --device <class>        only sessions of this device class (touch, mouse, keyboard)
 *   --min-n <n>             minimum sessions for the group and valid values per metric (default 100)
 *   --min-device-n <n>      minimum values for separate per-device statistics (default: --min-n)
 *   --resamples <n> --seed <n> --level <p>   bootstrap (default 1000, 1, 0.95)
 *   --out <file>            where to write (default norms/tables/<group>.json)
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { buildNormTable, DEFAULT_MIN_N, NormBuildError } from '../src/scoring/norm-build.ts';
import type { NormDevice, NormTable } from '../src/scoring/norm-table.ts';
import { parseSessionExports, SessionExportError, type SessionExport } from '../src/scoring/session-export.ts';

export interface Io {
  log: (line: string) => void;
  error: (line: string) => void;
  today: () => string;
}

const defaultIo: Io = { log: (l) => console.log(l), error: (l) => console.error(l), today: () => new Date().toISOString().slice(0, 10) };

export function readExports(files: readonly string[]): { sessions: SessionExport[]; inputs: { file: string; sha256: string; sessions: number }[] } {
  const sessions: SessionExport[] = [];
  const inputs: { file: string; sha256: string; sessions: number }[] = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const mine = parseSessionExports(text, file);
    sessions.push(...mine);
    inputs.push({ file, sha256: createHash('sha256').update(text).digest('hex'), sessions: mine.length });
  }
  return { sessions, inputs };
}

export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  // biome-ignore lint/suspicious/noImplicitAnyLet: the type follows from the parseArgs options assigned below (TS evolves it).
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        group: { type: 'string' },
        meta: { type: 'string' },
        version: { type: 'string', default: '1.0.0' },
        date: { type: 'string' },
        'age-band': { type: 'string' },
        device: { type: 'string' },
        'min-n': { type: 'string' },
        'min-device-n': { type: 'string' },
        resamples: { type: 'string', default: '1000' },
        seed: { type: 'string', default: '1' },
        level: { type: 'string', default: '0.95' },
        out: { type: 'string' },
      },
    });
  } catch (e) {
    io.error(`norms:build: ${(e as Error).message}`);
    return 2;
  }
  const o = args.values;
  if (!o.group || !o.meta || args.positionals.length === 0) {
    io.error(
      'usage: npm run norms:build -- <session exports …> --group <id> --meta <meta.json> [--age-band 20-29] [--device touch] [--min-n 100] [--out file]',
    );
    return 2;
  }
  if (o.device !== undefined && !['touch', 'mouse', 'keyboard'].includes(o.device)) {
    io.error('norms:build: --device must be touch, mouse or keyboard');
    return 2;
  }
  try {
    const meta = JSON.parse(readFileSync(o.meta, 'utf8')) as Pick<NormTable, 'title' | 'population' | 'source' | 'provisional' | 'provisionalNote'>;
    const { sessions, inputs } = readExports(args.positionals);
    const minN = o['min-n'] ? Number(o['min-n']) : DEFAULT_MIN_N;
    const table = buildNormTable(sessions, {
      id: o.group,
      version: o.version ?? '1.0.0',
      title: meta.title,
      date: o.date ?? io.today(),
      population: meta.population,
      source: meta.source,
      ...(meta.provisional !== undefined ? { provisional: meta.provisional } : {}),
      ...(meta.provisionalNote ? { provisionalNote: meta.provisionalNote } : {}),
      minN,
      ...(o['min-device-n'] ? { minDeviceN: Number(o['min-device-n']) } : {}),
      ...(o['age-band'] ? { ageBand: o['age-band'] } : {}),
      ...(o.device ? { device: o.device as NormDevice } : {}),
      bootstrap: { resamples: Number(o.resamples), seed: Number(o.seed), level: Number(o.level) },
      inputs,
    });
    const out = o.out ?? `norms/tables/${o.group}.json`;
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, `${JSON.stringify(table, null, 2)}\n`);
    io.log(`norms:build: ${table.id} ${table.version}: ${table.n} sessions (of ${sessions.length} read) → ${out}`);
    for (const m of table.metrics) {
      const b = m.bootstrap;
      const devices = m.devices
        ? ` | per device: ${Object.entries(m.devices)
            .map(([d, s]) => `${d} n=${s?.n} mean=${s?.mean}`)
            .join(', ')}`
        : '';
      io.log(
        `  ${m.game}:${m.metric}  n=${m.n}  mean=${m.mean} [${b?.mean.join(', ')}]  sd=${m.sd} [${b?.sd.join(', ')}]  p50=${m.percentiles?.find((p) => p.p === 50)?.value}${devices}`,
      );
    }
    for (const d of table.domains ?? []) io.log(`  domain ${d.domain}: n=${d.n}, SD of domain z=${d.sd}`);
    const omitted = (table.provenance?.['omittedMetrics'] as { metric: string; reason: string }[] | undefined) ?? [];
    for (const x of omitted) io.log(`  left out ${x.metric}: ${x.reason}`);
    return 0;
  } catch (e) {
    if (e instanceof NormBuildError || e instanceof SessionExportError) {
      io.error(`norms:build: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
