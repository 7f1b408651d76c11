/**
 * npm run fairness -- <session exports with group labels …> [options]
 *
 * Writes the fairness report (src/scoring/fairness.ts) as Markdown and JSON. Options:
 *   --norm-group <id>        a shipped norm group (default sro-provisional-all)
 *   --norm-table <file>      or a norm table file (e.g. one built by norms:build)
 *   --roles <ids|file>       comma-separated role ids, or a role-set JSON file (default: the example roles)
 *   --cutoffs <list>         fit cut-offs in % (default 50,60,70,80)
 *   --min-n <n>              minimum group size for figures (default 30)
 *   --attributes <list>      group attributes to report (default: all found)
 *   --no-intersections       leave out intersections of attribute pairs
 *   --out <base>             write <base>.md and <base>.json (default: Markdown to stdout)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_MIN_GROUP_N, fairnessMarkdown, fairnessReport } from '../src/scoring/fairness.ts';
import { DEFAULT_NORM_GROUP, normTable } from '../src/scoring/norm-registry.ts';
import { NormTableError, validateNormTable } from '../src/scoring/norm-table.ts';
import { EXAMPLE_ROLES, RoleSetError, validateRoleSet } from '../src/scoring/role-profiles.ts';
import { SessionExportError } from '../src/scoring/session-export.ts';
import { readExports, type Io } from './norms-build.ts';

const defaultIo: Io = { log: (l) => console.log(l), error: (l) => console.error(l), today: () => new Date().toISOString().slice(0, 10) };

export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  // biome-ignore lint/suspicious/noImplicitAnyLet: the type follows from the parseArgs options assigned below (TS evolves it).
  let args;
  try {
    args = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        'norm-group': { type: 'string' },
        'norm-table': { type: 'string' },
        roles: { type: 'string' },
        cutoffs: { type: 'string' },
        'min-n': { type: 'string' },
        attributes: { type: 'string' },
        'no-intersections': { type: 'boolean', default: false },
        out: { type: 'string' },
      },
    });
  } catch (e) {
    io.error(`fairness: ${(e as Error).message}`);
    return 2;
  }
  const o = args.values;
  if (args.positionals.length === 0) {
    io.error(
      'usage: npm run fairness -- <session exports …> [--norm-group id | --norm-table file] [--roles ids|file] [--cutoffs 50,60,70,80] [--min-n 30] [--out base]',
    );
    return 2;
  }
  try {
    const table = o['norm-table'] ? validateNormTable(JSON.parse(readFileSync(o['norm-table'], 'utf8'))) : normTable(o['norm-group'] ?? DEFAULT_NORM_GROUP);
    const rolesArg = o.roles;
    const roleSet = rolesArg?.endsWith('.json') ? validateRoleSet(JSON.parse(readFileSync(rolesArg, 'utf8'))) : EXAMPLE_ROLES;
    const roleIds =
      rolesArg && !rolesArg.endsWith('.json')
        ? rolesArg
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : undefined;
    const unknown = (roleIds ?? []).filter((id) => !roleSet.roles.some((r) => r.id === id));
    if (unknown.length > 0) {
      io.error(`fairness: unknown role(s) ${unknown.join(', ')}; known: ${roleSet.roles.map((r) => r.id).join(', ')}`);
      return 2;
    }
    const { sessions } = readExports(args.positionals);
    const report = fairnessReport(sessions, table, roleSet, {
      ...(o.cutoffs ? { cutoffs: o.cutoffs.split(',').map(Number) } : {}),
      minGroupN: o['min-n'] ? Number(o['min-n']) : DEFAULT_MIN_GROUP_N,
      ...(roleIds ? { roles: roleIds } : {}),
      ...(o.attributes ? { attributes: o.attributes.split(',').map((s) => s.trim()) } : {}),
      intersections: !o['no-intersections'],
    });
    const md = fairnessMarkdown(report);
    if (o.out) {
      mkdirSync(dirname(o.out), { recursive: true });
      writeFileSync(`${o.out}.md`, `${md}\n`);
      writeFileSync(`${o.out}.json`, `${JSON.stringify(report, null, 2)}\n`);
      io.log(`fairness: ${report.sessions} sessions, ${report.units.length} attribute(s)/intersection(s) → ${o.out}.md, ${o.out}.json`);
      for (const u of report.units) {
        const flagged = u.selection.flatMap((s) => s.groups.filter((g) => g.belowFourFifths).map((g) => `${s.role}@${s.cutoff}: ${g.group} AIR ${g.air}`));
        const diffs = u.smd.flatMap((s) => s.groups.filter((g) => g.difference).map((g) => `${s.score}: ${g.group} d=${g.d}`));
        io.log(
          `  ${u.attribute}: below four-fifths ${flagged.length}${flagged.length ? ` (${flagged.slice(0, 6).join('; ')}${flagged.length > 6 ? '; …' : ''})` : ''}; differences ${diffs.length}${diffs.length ? ` (${diffs.join('; ')})` : ''}`,
        );
      }
    } else io.log(md);
    return 0;
  } catch (e) {
    if (e instanceof SessionExportError || e instanceof NormTableError || e instanceof RoleSetError) {
      io.error(`fairness: ${e.message}`);
      return 1;
    }
    throw e;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
