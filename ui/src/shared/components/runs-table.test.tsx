import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RunSummary } from '@/shared/api-client/types';
import { renderAt } from '@/testing/test-utils';
import { RunsTable } from './runs-table';

const run = (id: number, fields: Partial<RunSummary>): RunSummary => ({
  id, scenario_id: 1, scenario_name: 's', target_id: 1, target_name: 't', status: 'completed', created_by: 'me', queued_at: '2026-11-23T18:00:00Z',
  started_at: null, ended_at: null, requests: 10, throughput: 1, error_rate: 0, p50_ms: 1, p95_ms: 1, p99_ms: 1, thresholds_passed: null, labels: {}, source: null, ...fields,
});

describe('RunsTable thresholds column', () => {
  it('says passed or failed only for runs that checked thresholds', async () => {
    renderAt(<RunsTable runs={[
      run(1, { thresholds_passed: true }), run(2, { thresholds_passed: false }), run(3, {}), run(4, { status: 'running' }),
    ]} />);
    const cells = (await screen.findAllByRole('row')).slice(1).map((row) => within(row).getAllByRole('cell').at(-1)!.textContent);
    expect(cells).toEqual(['passed', 'failed', 'no thresholds', '—']);
  });
});
