import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderAt, testUser } from '@/testing/test-utils';
import { RunActions } from './run-actions';

describe('RunActions by role', () => {
  it('a viewer may only download', () => {
    renderAt(<RunActions runId={4} status="running" run={{ created_by: 'vic' }} />, { user: testUser('viewer', 'vic') });
    expect(screen.queryByTestId('cancel-run')).not.toBeInTheDocument();
    expect(screen.queryByTestId('rerun')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Download result JSON' })).toBeInTheDocument();
  });

  it('an editor cancels and re-runs any run, and deletes only their own', () => {
    renderAt(<RunActions runId={4} status="running" run={{ created_by: 'bob' }} />, { user: testUser('editor', 'ann') });
    expect(screen.getByTestId('cancel-run')).toBeInTheDocument();
    expect(screen.getByTestId('rerun')).toBeInTheDocument();
  });

  it('delete shows for the creator of a finished run, not for another editor', () => {
    const own = renderAt(<RunActions runId={4} status="completed" run={{ created_by: 'ann' }} />, { user: testUser('editor', 'ann') });
    expect(screen.getByTestId('delete-run')).toBeInTheDocument();
    own.unmount();
    renderAt(<RunActions runId={4} status="completed" run={{ created_by: 'bob' }} />, { user: testUser('editor', 'ann') });
    expect(screen.queryByTestId('delete-run')).not.toBeInTheDocument();
  });
});
