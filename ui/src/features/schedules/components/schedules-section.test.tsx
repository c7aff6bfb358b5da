import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi, renderAt, testUser } from '@/testing/test-utils';
import { SchedulesSection } from './schedules-section';

const schedule = {
  id: 4, scenario_id: 3, scenario_name: 'checkout', cron: '0 3 * * *', time_zone: 'UTC', missed: 'run_once', paused: false,
  next_fire_at: '2026-12-04T03:00:00Z', last_fire_at: null, last_run_id: 12, last_problem: null, missed_fires: 2,
  created_by: 'editor', created_at: '2026-12-01T00:00:00Z',
};

describe('SchedulesSection', () => {
  it('lists schedules with their last run, previews the next fire times and sends a new one', async () => {
    let sent: unknown;
    mockApi([
      { path: '/api/v1/scenarios/3/schedules', reply: { body: [schedule] } },
      { path: /\/api\/v1\/schedules\/preview\?/, reply: { body: { valid: true, problems: [], next_fire_times: ['2026-12-04T03:00:00Z', '2026-12-05T03:00:00Z'] } } },
      { method: 'POST', path: '/api/v1/scenarios/3/schedules', reply: (init) => { sent = JSON.parse(String(init?.body)); return { status: 201, body: schedule }; } },
    ]);
    renderAt(<SchedulesSection scenarioId={3} />, { user: testUser('editor') });

    expect(await screen.findByRole('link', { name: 'run 12' })).toHaveAttribute('href', '/runs/12');
    expect(screen.getByText('one run (2 missed)')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Pause' })).toBeInTheDocument();
    expect(await screen.findByTestId('schedule-preview')).toHaveTextContent(/Next: .+ · .+/);

    await userEvent.selectOptions(screen.getByLabelText('Missed fire times'), 'skip');
    await userEvent.click(screen.getByRole('button', { name: 'Add schedule' }));
    expect(sent).toMatchObject({ cron: '0 3 * * *', missed: 'skip' });
  });

  it('shows the server’s problem with the cron next to the field, and no buttons to viewers', async () => {
    mockApi([
      { path: '/api/v1/scenarios/3/schedules', reply: { body: [schedule] } },
      { path: /\/api\/v1\/schedules\/preview\?/, reply: { body: { valid: false, next_fire_times: [],
        problems: [{ path: 'cron', message: 'does not parse: Range exceeds maximum (23)' }] } } },
    ]);
    renderAt(<SchedulesSection scenarioId={3} />, { user: testUser('editor', 'someone-else') });
    expect(await screen.findByText('does not parse: Range exceeds maximum (23)')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Pause' })).not.toBeInTheDocument();
  });
});
