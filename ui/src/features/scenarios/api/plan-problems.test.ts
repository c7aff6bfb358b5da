import { describe, expect, it } from 'vitest';
import { planFieldErrors } from './plan-problems';

describe('plan problems by field path', () => {
  it('maps scenario-write paths onto plan paths and drops duplicates', () => {
    const errors = planFieldErrors(
      [{ path: 'load.users', message: 'must be ≥ 1' }],
      [{ path: 'plan_yaml.load.users', message: 'must be ≥ 1' }, { path: 'name', message: 'already taken' }],
    );
    expect(errors).toEqual({ 'load.users': ['must be ≥ 1'], name: ['already taken'] });
  });

  it('puts problems of the YAML as a whole at the empty path, without eating other names', () => {
    expect(planFieldErrors([{ path: 'plan_yaml', message: 'not valid YAML: line 1, column 3: oops' }])).toEqual({ '': ['not valid YAML: line 1, column 3: oops'] });
    expect(planFieldErrors([{ path: 'planet', message: 'x' }])).toEqual({ planet: ['x'] });
  });
});
