import { useMutation } from '@tanstack/react-query';
import { apiRequest } from '@/shared/api-client/api-client';
import type { QueryReport } from '@/shared/api-client/types';

/** POST /targets/{id}/query-check: runs one statement in a transaction that is rolled back, with its plain EXPLAIN plan. */
export function checkQuery({ targetId, sql }: { targetId: number; sql: string }): Promise<QueryReport> {
  return apiRequest<QueryReport>(`/targets/${targetId}/query-check`, { method: 'POST', body: { sql } });
}

/** The answer (ok or not) is the mutation's data; only a failed call (a blank statement, a lost server) is its error. */
export function useQueryCheck() {
  return useMutation({ mutationFn: checkQuery });
}

/** Where a 1-based character position of `sql` is: its line and column (1-based), and that line's text. */
export function locate(sql: string, position: number): { line: number; column: number; text: string } {
  const before = sql.slice(0, Math.max(0, position - 1));
  const lines = before.split('\n');
  const line = lines.length;
  const column = lines[lines.length - 1].length + 1;
  return { line, column, text: sql.split('\n')[line - 1] ?? '' };
}
