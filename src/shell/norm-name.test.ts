import { describe, expect, it } from 'vitest';
import { messageIn } from '../i18n/index.ts';
import { NORM_GROUPS } from '../scoring/norm-registry.ts';
import { normGroupName } from './norm-name.ts';

// The page language is the default (nl) here: setLang needs a document.
describe('normGroupName', () => {
  it('names every shipped norm group in the page language, not by its English summary', () => {
    for (const [id, table] of Object.entries(NORM_GROUPS)) {
      const name = normGroupName({ id, population: table.population.summary });
      expect(name).toBe(messageIn('nl', `norm.${id}`));
      expect(name).not.toBe(table.population.summary);
    }
  });

  it('keeps the summary a credential carries when its norm group has no words here', () => {
    expect(normGroupName({ id: 'some-future-table', population: 'Adults in Flanders, N = 900' })).toBe('Adults in Flanders, N = 900');
  });
});
