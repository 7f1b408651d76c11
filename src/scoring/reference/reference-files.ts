/**
 * Reading the public reference data sets (Self-Regulation Ontology, nivlab/sciops) that norm entries are derived from.
 * The files are never part of the product; they sit in `../shared/reference/` beside the repository, and every user
 * (tests, `npm run norms:reference`) says so and skips when they are absent. Node only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export const REFERENCE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/reference');

export function referencePath(...parts: string[]): string {
  return resolve(REFERENCE_DIR, ...parts);
}

export function referencePresent(...parts: string[]): boolean {
  return existsSync(referencePath(...parts));
}

/** A CSV without quoted commas (true of every reference file used here) as rows keyed by the header. */
export function readCsv(...parts: string[]): Record<string, string>[] {
  const path = referencePath(...parts);
  const raw = readFileSync(path);
  const text = (path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  const [head, ...lines] = text.split(/\r?\n/).filter((l) => l.length > 0);
  const cols = (head ?? '').split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
  });
}

export { spearmanBrownLength as spearmanBrown } from '../reliability.ts';
