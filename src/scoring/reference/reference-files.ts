/**
 * Reading the public reference data sets (Self-Regulation Ontology, nivlab/sciops) that norm entries are derived from.
 * The files are never part of the product; they sit in `../shared/reference/` beside the repository, and every user
 * (tests, `npm run norms:reference`) says so and skips when they are absent. Node only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

/**
 * `../shared/reference` beside the repository; TALENTSCAN_REFERENCE_DIR points elsewhere (a copy of the same layout),
 * so a developer can check a derivation against files that are not (yet) in the shared folder.
 */
export const REFERENCE_DIR = process.env['TALENTSCAN_REFERENCE_DIR'] ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../../shared/reference');

export function referencePath(...parts: string[]): string {
  return resolve(REFERENCE_DIR, ...parts);
}

export function referencePresent(...parts: string[]): boolean {
  return existsSync(referencePath(...parts));
}

/**
 * A CSV as rows keyed by the header. Fields may be quoted (RFC 4180: a quoted field may hold commas and doubled quotes,
 * as the SRO trial files' stimulus HTML does); a line break inside quotes is not expected in any reference file.
 */
export function readCsv(...parts: string[]): Record<string, string>[] {
  const path = referencePath(...parts);
  const raw = readFileSync(path);
  const text = (path.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  const [head, ...lines] = text.split(/\r?\n/).filter((l) => l.length > 0);
  const cols = splitCsvLine(head ?? '');
  return lines.map((line) => {
    const cells = splitCsvLine(line);
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
  });
}

/** One CSV line's fields; slices between delimiters rather than building fields a character at a time (the SRO files are large). */
export function splitCsvLine(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let cell = '';
      let j = i + 1;
      for (;;) {
        const q = line.indexOf('"', j);
        if (q < 0) {
          cell += line.slice(j);
          i = line.length;
          break;
        }
        cell += line.slice(j, q);
        if (line[q + 1] === '"') {
          cell += '"';
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      cells.push(cell);
      if (line[i] !== ',') break;
      i++;
    } else {
      const c = line.indexOf(',', i);
      if (c < 0) {
        cells.push(line.slice(i));
        break;
      }
      cells.push(line.slice(i, c));
      i = c + 1;
    }
  }
  return cells;
}

export { spearmanBrownLength as spearmanBrown } from '../reliability.ts';
