import { describe, expect, it } from 'vitest';
import { splitCsvLine } from './reference-files.ts';

describe('splitCsvLine', () => {
  it.each([
    ['a,b', ['a', 'b']],
    ['a,"b,c",d', ['a', 'b,c', 'd']],
    ['"x ""y"", z",2,', ['x "y", z', '2', '']],
    ['1,"[77, 90]"', ['1', '[77, 90]']],
    ['"",a', ['', 'a']],
  ])('%s', (line, cells) => {
    expect(splitCsvLine(line)).toEqual(cells);
  });
});
