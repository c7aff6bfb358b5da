import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, renderAt } from '@/testing/test-utils';
import { CompareWithPrevious, ReportDownloads } from './report-downloads';

describe('report downloads and compare with previous', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('offers the run report in every format', async () => {
    mockApi([]);
    renderAt(<ReportDownloads runId={42} />);
    const links = within(await screen.findByRole('group', { name: 'Download report' })).getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['HTML', '/api/v1/runs/42/report?format=html'], ['Markdown', '/api/v1/runs/42/report?format=md'],
      ['CSV (steps)', '/api/v1/runs/42/report?format=csv'], ['CSV (intervals)', '/api/v1/runs/42/report?format=intervals-csv'],
      ['JUnit', '/api/v1/runs/42/report?format=junit'], ['JSON', '/api/v1/runs/42/report?format=json'],
    ]);
  });

  it('links to the comparison with the scenario\'s previous completed run', async () => {
    const api = mockApi([{ path: /\/api\/v1\/runs\?/, reply: { body: { items: [{ id: 40 }], page: 0, size: 1, total: 3 } } }]);
    renderAt(<CompareWithPrevious runId={42} scenarioId={3} queuedAt="2026-11-23T18:00:00Z" />);
    expect(await screen.findByTestId('compare-with-previous')).toHaveAttribute('href', '/compare?runs=40,42');
    expect(String(api.mock.calls[0][0])).toBe('/api/v1/runs?scenario_id=3&status=completed&to=2026-11-23T18%3A00%3A00Z&size=1');
  });

  it('shows no link for the scenario\'s first run', async () => {
    const api = mockApi([{ path: /\/api\/v1\/runs\?/, reply: { body: { items: [], page: 0, size: 1, total: 0 } } }]);
    renderAt(<CompareWithPrevious runId={42} scenarioId={3} queuedAt="2026-11-23T18:00:00Z" />);
    await vi.waitFor(() => expect(api).toHaveBeenCalled());
    expect(screen.queryByTestId('compare-with-previous')).not.toBeInTheDocument();
  });
});
