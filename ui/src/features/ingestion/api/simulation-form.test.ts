import { describe, expect, it } from 'vitest';
import { DEFAULT_SIMULATION, simulationRequest } from './simulation-form';

describe('simulation form', () => {
  it('takes a preset burst size, a rate and the content', () => {
    expect(simulationRequest({ ...DEFAULT_SIMULATION, size: '1000', rate: '200' }).request)
      .toEqual({ count: 1000, rate: 200, content: 'Simulation burst #{n}' });
  });

  it('takes a custom size and an empty rate as as-fast-as-possible', () => {
    expect(simulationRequest({ ...DEFAULT_SIMULATION, size: 'custom', custom: ' 42 ', rate: '' }).request?.count).toBe(42);
    expect(simulationRequest({ ...DEFAULT_SIMULATION, rate: '' }).request?.rate).toBe(0);
  });

  it('names each bad field', () => {
    const { request, problems } = simulationRequest({ size: 'custom', custom: '2.5', rate: '-1', content: '' });
    expect(request).toBeNull();
    expect(Object.keys(problems).sort()).toEqual(['content', 'count', 'rate']);
    expect(simulationRequest({ ...DEFAULT_SIMULATION, size: 'custom', custom: '1000001' }).problems.count).toHaveLength(1);
  });
});
