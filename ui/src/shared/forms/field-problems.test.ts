import { describe, expect, it } from 'vitest';
import { describeStep, placeProblems, problemsOf } from './field-problems';

describe('placing problems next to fields', () => {
  it('puts each message next to the first field that claims its path, and counts what is shown', () => {
    const placed = placeProblems(
      { 'workload.rows': ['must be a whole number'], 'load.users': ['is required for the closed model'], workload: ['is required'] },
      [{ field: 'rows', paths: ['workload.rows'] }, { field: 'threads', paths: ['load.steps', 'load.users'] }],
    );
    expect(problemsOf(placed, 'rows')).toEqual(['must be a whole number']);
    expect(problemsOf(placed, 'threads')).toEqual(['is required for the closed model']);
    expect(placed.unplaced).toEqual([{ path: 'workload', message: 'is required' }]);
    expect(placed.count).toBe(3);
  });

  it('shows a message once when several claimed paths say the same (a load default repeated by each step)', () => {
    const placed = placeProblems(
      { 'load.requests': ['must be ≥ 1'], 'load.steps[0].requests': ['must be ≥ 1'], 'load.steps[1].requests': ['must be ≥ 1'] },
      [{ field: 'requests', paths: ['load.requests', 'load.steps[*].requests'] }],
    );
    expect(problemsOf(placed, 'requests')).toEqual(['must be ≥ 1']);
    expect(placed.count).toBe(1);
  });

  it('says which step a message is about when one field holds every step', () => {
    const placed = placeProblems(
      { 'load.steps[0].users': ['must be ≥ 1'], 'load.steps[2].users': ['must be a whole number'] },
      [{ field: 'threads', paths: ['load.steps[*].users'], describe: describeStep }],
    );
    expect(problemsOf(placed, 'threads')).toEqual(['step 1: must be ≥ 1', 'step 3: must be a whole number']);
    expect(describeStep('load.users', 'is required')).toBe('is required');
  });

  it('matches indices exactly, and nested claims take everything under a path but not a longer name', () => {
    const placed = placeProblems(
      { 'thresholds[1]': ['unknown metric'], 'thresholds[1].x': ['odd'], 'load.steps[10].users': ['bad'], thresholdsExtra: ['no'] },
      [{ field: 'threshold-1', paths: ['thresholds[1]'], nested: true }, { field: 'step-1', paths: ['load.steps[1].users'] }],
    );
    expect(problemsOf(placed, 'threshold-1')).toEqual(['unknown metric', 'odd']);
    expect(problemsOf(placed, 'step-1')).toEqual([]);
    expect(placed.unplaced.map((p) => p.path)).toEqual(['load.steps[10].users', 'thresholdsExtra']);
    expect(placed.count).toBe(4);
  });

  it('is empty without problems', () => {
    expect(placeProblems({}, [{ field: 'a', paths: ['a'] }])).toEqual({ byField: {}, unplaced: [], count: 0 });
  });
});
