import { lang, messageIn } from '../i18n/index.ts';

/**
 * The comparison group's name in the page's language (the profile's words `norm.<norm group id>`). A profile or
 * credential from a norm table that has no words here yet keeps the summary it carries, in the table's own language.
 */
export function normGroupName(norm: { id: string; population: string }): string {
  return messageIn(lang(), `norm.${norm.id}`) ?? norm.population;
}
