import { describe, expect, it } from 'vitest';
import { filtersFromSearch, searchFromFilters } from './run-filters-url';

describe('run filters in the URL', () => {
  it('reads valid filters and ignores junk', () => {
    const filters = filtersFromSearch(new URLSearchParams('status=running&target_id=3&scenario_id=x&from=2026-11-01&to=bad&page=2&size=50'));
    expect(filters).toEqual({ status: 'running', target_id: 3, scenario_id: undefined, from: '2026-11-01', to: undefined, page: 2, size: 50 });
    expect(filtersFromSearch(new URLSearchParams('status=weird')).status).toBeUndefined();
  });
  it('writes only what differs from the defaults', () => {
    expect(searchFromFilters({ status: 'failed', page: 0, size: 20 }).toString()).toBe('status=failed');
    expect(searchFromFilters({ page: 3, size: 50 }).toString()).toBe('page=3&size=50');
  });
});
