import { describe, expect, it } from 'vitest';
import { runIdsFromSearch } from './compare-url';

const ids = (query: string) => runIdsFromSearch(new URLSearchParams(query));

describe('the runs of a comparison URL', () => {
  it('keeps the order given: the first is the baseline', () => {
    expect(ids('runs=15,12')).toEqual([15, 12]);
    expect(ids('runs=1,2,3,4,5')).toEqual([1, 2, 3, 4, 5]);
    expect(ids('runs=%201%20,2')).toEqual([1, 2]);
  });

  it('refuses fewer than 2, more than 5, repeats and anything but ids', () => {
    expect(ids('')).toBeNull();
    expect(ids('runs=7')).toBeNull();
    expect(ids('runs=1,2,3,4,5,6')).toBeNull();
    expect(ids('runs=3,3')).toBeNull();
    expect(ids('runs=3,x')).toBeNull();
    expect(ids('runs=3,-4')).toBeNull();
  });
});
