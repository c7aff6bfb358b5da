import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, renderAt } from '@/testing/test-utils';
import { QueryCheck } from './query-check';

const ok = {
  ok: true, millis: 0.84, rows: 1, rows_capped: false, columns: ['id', 'balance'], plan: 'Index Scan using accounts_pkey on accounts  (cost=0.29..8.31 rows=1 width=12)',
  error_class: null, sql_state: null, message: null, position: null,
};
const syntax = {
  ok: false, millis: null, rows: null, rows_capped: false, columns: [], plan: null,
  error_class: 'syntax', sql_state: '42601', message: 'syntax error at or near "form" (line 2, column 1)', position: 10,
};

function renderCheck(reply: (init: RequestInit | undefined) => { status?: number; body: unknown }) {
  const api = mockApi([{ method: 'POST', path: '/api/v1/targets/7/query-check', reply }]);
  renderAt(<QueryCheck targetId={7} targetName="local pg" />);
  return api;
}

describe('QueryCheck', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('runs the statement and shows its timing, rows, columns and EXPLAIN plan', async () => {
    const api = renderCheck(() => ({ body: ok }));
    const sql = screen.getByLabelText('SQL');
    await userEvent.clear(sql);
    await userEvent.type(sql, 'select id, balance from accounts where id = 1');
    await userEvent.click(screen.getByRole('button', { name: 'Run query check' }));
    const result = await screen.findByTestId('query-check-result');
    expect(result).toHaveAttribute('data-outcome', 'ok');
    expect(result).toHaveTextContent('Took 0.840 ms · 1 row returned');
    expect(result).toHaveTextContent('Columns: id, balance');
    expect(screen.getByTestId('query-plan')).toHaveTextContent('Index Scan using accounts_pkey');
    expect(JSON.parse(String(api.mock.calls[0][1]?.body))).toEqual({ sql: 'select id, balance from accounts where id = 1' });
  });

  it('shows where PostgreSQL stopped reading, once, with the line and a caret', async () => {
    renderCheck(() => ({ body: syntax }));
    const sql = screen.getByLabelText('SQL');
    await userEvent.clear(sql);
    await userEvent.type(sql, 'select *{enter}form accounts');
    await userEvent.click(screen.getByRole('button', { name: 'Run query check' }));
    const result = await screen.findByTestId('query-check-result');
    expect(result).toHaveAttribute('data-outcome', 'failed');
    expect(result).toHaveTextContent('syntax (SQLSTATE 42601): syntax error at or near "form" (line 2, column 1)');
    expect(result.textContent?.match(/line 2, column 1/g)).toHaveLength(1);
    expect(screen.getByLabelText('line 2, column 1')).toHaveTextContent('form accounts ^');
  });

  it('counts changed rows of a statement that returns none, and says it was rolled back', async () => {
    renderCheck(() => ({ body: { ...ok, rows: 3, columns: [], plan: null } }));
    await userEvent.click(screen.getByRole('button', { name: 'Run query check' }));
    expect(await screen.findByTestId('query-check-result')).toHaveTextContent('3 rows changed, then rolled back');
  });

  it('puts the server\u2019s refusal of the text next to it, and cannot run a blank statement', async () => {
    renderCheck(() => ({ status: 400, body: { title: 'Invalid request', status: 400, errors: [{ path: 'sql', message: 'must not be blank' }] } }));
    const sql = screen.getByLabelText('SQL');
    await userEvent.clear(sql);
    expect(screen.getByRole('button', { name: 'Run query check' })).toBeDisabled();
    await userEvent.type(sql, '  ;');
    await userEvent.click(screen.getByRole('button', { name: 'Run query check' }));
    await waitFor(() => expect(sql).toHaveAccessibleDescription('must not be blank'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
