/**
 * npm run algorithm-card [-- --check]
 * Renders docs/algorithm.md from src/scoring and norms/. With --check, exits 1 when the file is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { renderAlgorithmCard } from '../src/scoring/algorithm-card.ts';
import { cardInputs } from '../src/scoring/card-inputs.ts';

export const CARD_PATH = 'docs/algorithm.md';

export function main(argv: readonly string[], root = '.'): number {
  const text = renderAlgorithmCard(cardInputs(root));
  const path = `${root}/${CARD_PATH}`;
  if (argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      /* missing counts as out of date */
    }
    if (current !== text) {
      console.error(`${CARD_PATH} is out of date: run npm run algorithm-card`);
      return 1;
    }
    console.log(`${CARD_PATH} is up to date`);
    return 0;
  }
  writeFileSync(path, text);
  console.log(`wrote ${CARD_PATH} (${text.length} characters)`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exit(main(process.argv.slice(2)));
}
