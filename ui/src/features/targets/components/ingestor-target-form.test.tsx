import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Target } from '@/shared/api-client/types';
import { mockApi, renderAt } from '@/testing/test-utils';
import { TargetForm } from './target-form';

describe('TargetForm for an ingestor', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('creates an ingestor target with its URL, sink and both secrets', async () => {
    const api = mockApi([{ method: 'POST', path: '/api/v1/targets', reply: { status: 201, body: { id: 4 } } }]);
    const onDone = vi.fn();
    renderAt(<TargetForm onDone={onDone} />);
    await userEvent.type(screen.getByLabelText('Name'), 'my ingestor');
    await userEvent.selectOptions(screen.getByLabelText('Kind'), 'ingestor');
    await userEvent.type(screen.getByLabelText('Ingestor URL'), 'http://127.0.0.1:8003');
    await userEvent.type(screen.getByLabelText('Sink JDBC URL'), 'jdbc:postgresql://127.0.0.1:5432/ingest');
    await userEvent.type(screen.getByLabelText('Sink password'), 'sink-pw');
    await userEvent.type(screen.getByLabelText('Ingestor admin token'), 'ingestor-admin-token-1');
    await userEvent.click(screen.getByRole('button', { name: 'Create target' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(JSON.parse(String(api.mock.calls[0][1]?.body))).toEqual({
      name: 'my ingestor', kind: 'ingestor', url: 'http://127.0.0.1:8003',
      options: { sink: { url: 'jdbc:postgresql://127.0.0.1:5432/ingest', user: 'postgres', table: 'messages' } },
      credentials: { password: 'sink-pw', admin_token: 'ingestor-admin-token-1' },
    });
  });

  it('edits an ingestor as an ingestor, keeping its sink columns and stored secrets; the server’s sink problem shows at its field', async () => {
    const api = mockApi([{ method: 'PUT', path: '/api/v1/targets/4', reply: (init) => {
      const body = JSON.parse(String(init?.body));
      return body.options.sink.url.startsWith('jdbc:')
        ? { status: 200, body: { id: 4 } }
        : { status: 422, body: { title: 'Invalid plan', status: 422, errors: [{ path: 'options.sink.url', message: 'must be a PostgreSQL JDBC URL' }] } };
    } }]);
    const target = { id: 4, name: 'Demo ingestor', kind: 'ingestor', url: 'http://127.0.0.1:8003', has_credentials: true, created_at: '', updated_at: '',
      options: { sink: { url: 'jdbc:postgresql://127.0.0.1:5433/benchdeck_ingest', user: 'benchdeck_ingest', table: 'messages', id_column: 'id' } } } as unknown as Target;
    const onDone = vi.fn();
    renderAt(<TargetForm target={target} onDone={onDone} />);
    expect(screen.getByLabelText('Kind')).toHaveValue('ingestor');
    expect(screen.queryByLabelText('Sink password')).not.toBeInTheDocument();
    const sinkUrl = screen.getByLabelText('Sink JDBC URL');
    await userEvent.clear(sinkUrl);
    await userEvent.type(sinkUrl, 'mysql://x');
    await userEvent.click(screen.getByRole('button', { name: 'Save target' }));
    await waitFor(() => expect(screen.getByLabelText('Sink JDBC URL')).toHaveAccessibleDescription('must be a PostgreSQL JDBC URL'));
    await userEvent.clear(sinkUrl);
    await userEvent.type(sinkUrl, 'jdbc:postgresql://127.0.0.1:5433/benchdeck_ingest');
    await userEvent.click(screen.getByRole('button', { name: 'Save target' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(JSON.parse(String(api.mock.calls[1][1]?.body))).toEqual({ name: 'Demo ingestor', kind: 'ingestor', url: 'http://127.0.0.1:8003',
      options: { sink: { url: 'jdbc:postgresql://127.0.0.1:5433/benchdeck_ingest', user: 'benchdeck_ingest', table: 'messages', id_column: 'id' } } });
  });
});
