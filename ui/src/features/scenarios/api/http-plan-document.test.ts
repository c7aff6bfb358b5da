import { describe, expect, it } from 'vitest';
import { applyHttpForm, DEFAULT_HTTP_PLAN_YAML, httpFormFromPlan } from './http-plan-document';
import { parsePlan, planToYaml, thresholdsOf, withThresholds } from './plan-yaml';

describe('HTTP plan document ↔ form', () => {
  it('reads the common fields of a plan', () => {
    const doc = parsePlan(DEFAULT_HTTP_PLAN_YAML);
    expect(httpFormFromPlan(doc)).toMatchObject({ method: 'GET', path: '/', model: 'closed', amount: '10', warmup: '2s', duration: '30s', steps: [] });
    expect(thresholdsOf(doc)).toEqual(['p99 < 100ms']);
  });

  it('writes form changes and keeps keys the form does not know', () => {
    const doc = parsePlan('workload: {driver: http, path: /a, headers: {X-A: "1"}}\nload: {model: closed, users: 5, duration: 10s}\ntimeout: 5s\n');
    const next = applyHttpForm(doc, { ...httpFormFromPlan(doc), amount: '20', path: '/b' });
    const back = parsePlan(planToYaml(next));
    expect(back).toMatchObject({ workload: { path: '/b', headers: { 'X-A': '1' } }, load: { users: 20 }, timeout: '5s' });
  });

  it('keeps invalid numbers as text for the server to name', () => {
    const doc = parsePlan(DEFAULT_HTTP_PLAN_YAML);
    expect(applyHttpForm(doc, { ...httpFormFromPlan(doc), amount: 'ten' }).load).toMatchObject({ users: 'ten' });
  });

  it('writes thresholds on their own, leaving out blank rows, and never touches the workload doing so', () => {
    const db = parsePlan('workload: {driver: jdbc, rows: 1000}\nload: {steps: [{users: 2}]}\n');
    const next = withThresholds(db, ['p99 < 5ms', ' ']);
    expect(next).toEqual({ ...db, thresholds: ['p99 < 5ms'] });
    expect(withThresholds(next, ['', ' '])).not.toHaveProperty('thresholds');
  });

  it('rejects YAML that is not a mapping', () => {
    expect(() => parsePlan('- a\n- b\n')).toThrow(/mapping/);
    expect(parsePlan('')).toEqual({});
  });
});
