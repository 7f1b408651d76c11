/** Node-only: gathers what the algorithm card is rendered from (shipped tables, roles, fairness reports in norms/fairness/). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CardInput } from './algorithm-card.ts';
import type { FairnessReport } from './fairness.ts';
import { NORM_GROUPS } from './norm-registry.ts';
import { SCIOPS_REPORT_FILE, type SciopsReport } from './reference/sciops-report.ts';
import { EXAMPLE_ROLES } from './role-profiles.ts';

export function cardInputs(root: string): CardInput {
  const dir = join(root, 'norms', 'fairness');
  const fairness = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => ({ file: `norms/fairness/${f}`, report: JSON.parse(readFileSync(join(dir, f), 'utf8')) as FairnessReport }))
    : [];
  const externalFile = join(root, SCIOPS_REPORT_FILE);
  const external = existsSync(externalFile) ? (JSON.parse(readFileSync(externalFile, 'utf8')) as SciopsReport) : null;
  return { tables: Object.values(NORM_GROUPS), roleSet: EXAMPLE_ROLES, fairness, external };
}
