import { describe, expect, it } from 'vitest';
import { levelsText, readLoad, stepsFromLevels, writeLoad } from './load-steps';
import { parsePlan } from './plan-yaml';

const loadOf = (yaml: string) => parsePlan(yaml).load;

describe('the load-steps adapter', () => {
  it('switches model from users to rate', () => {
    const load = loadOf('load: {model: closed, users: 10, duration: 30s}');
    expect(writeLoad(load, { ...readLoad(load), model: 'open', amount: '200' })).toEqual({ model: 'open', rate: 200, duration: '30s' });
  });

  it('drops the settings only the other model accepts', () => {
    const open = loadOf('load: {model: open, rate: 5, arrival: poisson, burstiness: 2, max_in_flight: 9}');
    expect(writeLoad(open, { ...readLoad(open), model: 'closed', amount: '4' })).toEqual({ model: 'closed', users: 4 });
    const closed = loadOf('load: {model: closed, users: 5, think_time: 1s}');
    expect(writeLoad(closed, { ...readLoad(closed), model: 'open', amount: '9' })).toEqual({ model: 'open', rate: 9 });
  });

  it('writes steps instead of a single amount, keeping per-step extras', () => {
    const load = loadOf('load: {model: closed, duration: 5s, steps: [{users: 5}, {users: 10, ramp: 1s}]}');
    const fields = readLoad(load);
    expect(fields.steps).toEqual([{ value: '5', duration: '' }, { value: '10', duration: '' }]);
    const next = writeLoad(load, { ...fields, steps: [...fields.steps, { value: '20', duration: '10s' }] });
    expect(next).toMatchObject({ steps: [{ users: 5 }, { users: 10, ramp: '1s' }, { users: 20, duration: '10s' }] });
    expect(next).not.toHaveProperty('users');
  });

  it('reads and writes the request count per step', () => {
    const load = loadOf('load: {users: 2, requests: 500}');
    expect(readLoad(load).requests).toBe('500');
    expect(writeLoad(load, { ...readLoad(load), requests: '' })).not.toHaveProperty('requests');
    expect(writeLoad(load, { ...readLoad(load), requests: 'lots' })).toMatchObject({ requests: 'lots' });
  });

  it('turns a typed sweep into steps and back, keeping per-step durations it does not edit', () => {
    const load = loadOf('load: {model: closed, steps: [{users: 1, duration: 20s}, {users: 2}]}');
    const next = writeLoad(load, { ...readLoad(load), steps: stepsFromLevels('4, 8; 16') });
    expect(next.steps).toEqual([{ users: 4, duration: '20s' }, { users: 8 }, { users: 16 }]);
    expect(levelsText(readLoad(next))).toBe('4, 8, 16');
    expect(levelsText(readLoad(loadOf('load: {users: 3}')))).toBe('3');
    expect(levelsText(readLoad(undefined))).toBe('');
  });
});
