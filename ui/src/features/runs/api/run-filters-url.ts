import { RUN_STATUSES, type RunStatus } from '@/shared/api-client/types';
import { DEFAULT_PAGE_SIZE, type RunFilters } from './get-runs';

/** The runs screen keeps its filters in the query string, so a filtered view can be bookmarked and shared. */
export function filtersFromSearch(search: URLSearchParams): RunFilters {
  const status = search.get('status');
  return {
    status: RUN_STATUSES.includes(status as RunStatus) ? (status as RunStatus) : undefined,
    target_id: positiveInt(search.get('target_id')),
    scenario_id: positiveInt(search.get('scenario_id')),
    from: isoDate(search.get('from')),
    to: isoDate(search.get('to')),
    mine: search.get('mine') === 'true' ? true : undefined,
    page: positiveInt(search.get('page'), 0) ?? 0,
    size: positiveInt(search.get('size')) ?? DEFAULT_PAGE_SIZE,
  };
}

export function searchFromFilters(filters: RunFilters): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === '' || value === false) continue;
    if (key === 'page' && value === 0) continue;
    if (key === 'size' && value === DEFAULT_PAGE_SIZE) continue;
    search.set(key, String(value));
  }
  return search;
}

function positiveInt(value: string | null, min = 1): number | undefined {
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n >= min ? n : undefined;
}

function isoDate(value: string | null): string | undefined {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
}
