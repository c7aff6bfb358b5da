import { describe, expect, it } from 'vitest';
import { configChange, formFromConfig, MOCK_FIELDS } from './mock-config-form';
import { defaults } from './mock-llm.fixture';

describe('the mock LLM settings form', () => {
  it('has a field for every setting the mock has', () => {
    const paths = MOCK_FIELDS.map((f) => f.path).sort();
    const settings = [...Object.keys(defaults).filter((k) => k !== 'faults'), ...Object.keys(defaults.faults).map((k) => `faults.${k}`)].sort();
    expect(paths).toEqual(settings);
  });

  it('sends only what changed, as numbers, fault shares inside faults', () => {
    const form = { ...formFromConfig(defaults), ttft_ms: '350', 'faults.drop': '0.05', automation_failure_share: '.1' };
    expect(configChange(form, defaults)).toEqual({ change: { ttft_ms: 350, faults: { drop: 0.05 }, automation_failure_share: 0.1 }, problems: {} });
    expect(configChange(formFromConfig(defaults), defaults)).toEqual({ change: {}, problems: {} });
  });

  it('names a text that is not a number next to its field and leaves range rules to the mock', () => {
    const form = { ...formFromConfig(defaults), ttft_ms: '2.5', 'faults.stall': 'lots', itl_spread_ms: '999' };
    const { change, problems } = configChange(form, defaults);
    expect(problems).toEqual({ ttft_ms: ['must be a whole number'], 'faults.stall': ['must be a number such as 0.05'] });
    expect(change).toEqual({ itl_spread_ms: 999 });
  });
});
