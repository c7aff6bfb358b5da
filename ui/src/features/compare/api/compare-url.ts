/** The most runs a comparison takes (the server's limit too). */
export const MAX_COMPARED = 5;

/**
 * The run ids of `?runs=12,15`, in the order given (the first the baseline); null when the parameter
 * is missing or holds anything but 2–5 distinct ids, so the page can say what is wrong before asking.
 */
export function runIdsFromSearch(search: URLSearchParams): number[] | null {
  const parts = (search.get('runs') ?? '').split(',').map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2 || parts.length > MAX_COMPARED || parts.some((p) => !/^\d+$/.test(p))) return null;
  const ids = parts.map(Number);
  return new Set(ids).size === ids.length ? ids : null;
}
