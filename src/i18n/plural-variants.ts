import { type Lang, PLURAL_MARK, pluralRules } from './index.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '');

/** A bundle's keys without its plural variants (`<key>#<category>`): what every language must have. */
export function baseKeys(words: Readonly<Record<string, string>>): string[] {
  return Object.keys(words).filter((k) => !k.includes(PLURAL_MARK));
}

/**
 * What is wrong with a language's plural variants, as sentences (none when all is well): a variant must stand beside
 * its key, name a category the language has (Intl.PluralRules), use only the key's placeholders, and its key must
 * take the number as `count`.
 */
export function pluralVariantProblems(language: Lang, words: Readonly<Record<string, string>>): string[] {
  const categories = new Set<string>(pluralRules(language).resolvedOptions().pluralCategories);
  const problems: string[] = [];
  for (const [key, text] of Object.entries(words)) {
    if (!key.includes(PLURAL_MARK)) continue;
    const [base = '', category = ''] = key.split(PLURAL_MARK);
    const baseText = words[base];
    if (baseText === undefined) problems.push(`${language} ${key}: no "${base}" beside it`);
    else {
      if (!placeholders(baseText).includes('count')) problems.push(`${language} ${key}: "${base}" takes no {count}`);
      const extra = placeholders(text).filter((p) => !placeholders(baseText).includes(p));
      if (extra.length) problems.push(`${language} ${key}: placeholders ${extra.join(', ')} not in "${base}"`);
    }
    if (!categories.has(category)) problems.push(`${language} ${key}: ${language} has no plural category "${category}"`);
  }
  return problems;
}
