import { describe, expect, it } from 'vitest';
import { locate } from './query-check';

describe('locating a PostgreSQL error position', () => {
  it('gives line, column and the line of a 1-based position', () => {
    expect(locate('selec 1', 1)).toEqual({ line: 1, column: 1, text: 'selec 1' });
    expect(locate('select *\nfrom nowhere\nwhere x', 15)).toEqual({ line: 2, column: 6, text: 'from nowhere' });
  });

  it('copes with positions past the end or before the start', () => {
    expect(locate('select', 99)).toEqual({ line: 1, column: 7, text: 'select' });
    expect(locate('select', 0)).toEqual({ line: 1, column: 1, text: 'select' });
  });
});
