import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi, renderAt, testUser } from '@/testing/test-utils';
import { ScenariosList } from './scenarios-list';

const scenario = (id: number, name: string, created_by: string | null) => ({
  id, name, description: null, target_id: 1, target_name: 'demo', plan_yaml: '', estimated_seconds: 10,
  created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-01T00:00:00Z', created_by,
});
const all = [scenario(1, 'ann’s', 'ann'), scenario(2, 'bob’s', 'bob'), scenario(3, 'demo', null)];

const rowOf = (name: string) => screen.getByRole('link', { name }).closest('tr') as HTMLElement;

describe('ScenariosList by role', () => {
  it('shows a viewer no button to create, run or delete, and who created each', async () => {
    mockApi([{ path: '/api/v1/scenarios', reply: { body: all } }]);
    renderAt(<ScenariosList />, { user: testUser('viewer', 'vic') });
    await screen.findByRole('link', { name: 'ann’s' });
    expect(screen.queryByRole('link', { name: 'New scenario' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Run / })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
    expect(within(rowOf('bob’s')).getByText('bob')).toBeInTheDocument();
  });

  it('lets an editor run anything but delete only their own', async () => {
    mockApi([{ path: '/api/v1/scenarios', reply: { body: all } }]);
    renderAt(<ScenariosList />, { user: testUser('editor', 'ann') });
    await screen.findByRole('link', { name: 'ann’s' });
    expect(screen.getByRole('link', { name: 'New scenario' })).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /^Run / })).toHaveLength(3);
    expect(within(rowOf('ann’s')).getByRole('button', { name: 'Delete' })).toBeInTheDocument();
    expect(within(rowOf('bob’s')).queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
    expect(within(rowOf('demo')).queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument();
  });

  it('lets an admin delete anyone’s', async () => {
    mockApi([{ path: '/api/v1/scenarios', reply: { body: all } }]);
    renderAt(<ScenariosList />, { user: testUser('admin') });
    await screen.findByRole('link', { name: 'ann’s' });
    expect(screen.getAllByRole('button', { name: 'Delete' })).toHaveLength(3);
  });

  it('"Mine only" asks the server for ?mine=true and keeps it in the address', async () => {
    const api = mockApi([
      { path: '/api/v1/scenarios', reply: { body: all } },
      { path: '/api/v1/scenarios?mine=true', reply: { body: [all[0]] } },
    ]);
    const { router } = renderAt(<ScenariosList />, { user: testUser('editor', 'ann') });
    await screen.findByRole('link', { name: 'bob’s' });
    await userEvent.click(screen.getByLabelText('Mine only'));
    await waitFor(() => expect(screen.queryByRole('link', { name: 'bob’s' })).not.toBeInTheDocument());
    expect(router.state.location.search).toBe('?mine=true');
    expect(api.mock.calls.map((c) => c[0])).toContain('/api/v1/scenarios?mine=true');
  });
});
