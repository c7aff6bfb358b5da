import { describe, expect, it } from 'vitest';
import { DEFAULT_DB_PLAN_YAML } from './db-plan-document';
import { backToReadable, planState, withFormChange, withThresholdRows, withYaml } from './plan-editor';

describe('the plan editor', () => {
  it('reads every form from the YAML', () => {
    const state = planState(DEFAULT_DB_PLAN_YAML);
    expect(state.forms.db.threads).toBe('20, 40, 80');
    expect(state.yamlError).toBeNull();
    expect(state.touched).toBe(false);
  });

  it('rewrites the YAML from a form edit and keeps the text as typed in that form', () => {
    const state = withFormChange(planState(DEFAULT_DB_PLAN_YAML), 'db', { threads: '2, 4,' });
    expect(state.forms.db.threads).toBe('2, 4,');
    expect(state.yaml).toMatch(/steps:\n\s+- users: 2\n\s+- users: 4\n/);
    expect(state.touched).toBe(true);
  });

  it('keeps the last readable plan and says why when the YAML cannot be read, and can go back to it', () => {
    const good = planState(DEFAULT_DB_PLAN_YAML);
    const broken = withYaml(good, 'load: [1, 2\n');
    expect(broken.yamlError).toMatch(/at line \d+, column \d+$/);
    expect(broken.yamlError).not.toContain('\n');
    expect(broken.yaml).toBe('load: [1, 2\n');
    expect(broken.readableYaml).toBe(DEFAULT_DB_PLAN_YAML);
    const back = backToReadable(broken);
    expect(back.yaml).toBe(DEFAULT_DB_PLAN_YAML);
    expect(back.yamlError).toBeNull();
  });

  it('reads an emptied YAML as an empty plan, with every field empty', () => {
    const empty = withYaml(planState(DEFAULT_DB_PLAN_YAML), '');
    expect(empty.yamlError).toBeNull();
    expect(empty.forms.db.threads).toBe('');
    expect(empty.forms.db.rows).toBe('');
    expect(empty.thresholds).toEqual([]);
  });

  it('edits thresholds without touching the workload (a database plan gets no HTTP method)', () => {
    const state = withThresholdRows(planState(DEFAULT_DB_PLAN_YAML), ['p99 < 5ms', '']);
    expect(state.thresholds).toEqual(['p99 < 5ms', '']);
    expect(state.yaml).toContain('thresholds:\n  - p99 < 5ms\n');
    expect(state.yaml).not.toContain('method');
  });

  it('starts from unreadable YAML with the error and empty forms', () => {
    const state = planState('{');
    expect(state.yamlError).toBeTruthy();
    expect(state.forms.http.path).toBe('');
  });
});
