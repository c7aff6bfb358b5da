import { describe, expect, it } from 'vitest';
import { applyForm, DEFAULT_PLAN_YAML, formFromPlan, parsePlan, planToYaml } from './plan-document';

describe('plan document ↔ form', () => {
  it('reads the common fields of a plan', () => {
    const form = formFromPlan(parsePlan(DEFAULT_PLAN_YAML));
    expect(form).toMatchObject({ method: 'GET', path: '/', model: 'closed', amount: '10', warmup: '2s', duration: '30s', thresholds: ['p99 < 100ms'] });
  });

  it('writes form changes and keeps keys the form does not know', () => {
    const doc = parsePlan('workload: {driver: http, path: /a, headers: {X-A: "1"}}\nload: {model: closed, users: 5, duration: 10s}\ntimeout: 5s\n');
    const next = applyForm(doc, { ...formFromPlan(doc), amount: '20', path: '/b' });
    const back = parsePlan(planToYaml(next));
    expect(back).toMatchObject({ workload: { path: '/b', headers: { 'X-A': '1' } }, load: { users: 20 }, timeout: '5s' });
  });

  it('switches model from users to rate', () => {
    const doc = parsePlan(DEFAULT_PLAN_YAML);
    const next = applyForm(doc, { ...formFromPlan(doc), model: 'open', amount: '200' });
    expect(next.load).toMatchObject({ model: 'open', rate: 200 });
    expect(next.load).not.toHaveProperty('users');
  });

  it('drops the settings only the other model accepts', () => {
    const open = parsePlan('load: {model: open, rate: 5, arrival: poisson, max_in_flight: 9}\n');
    expect(applyForm(open, { ...formFromPlan(open), model: 'closed', amount: '4' }).load).toEqual({ model: 'closed', users: 4 });
    const closed = parsePlan('load: {model: closed, users: 5, think_time: 1s}\n');
    expect(applyForm(closed, { ...formFromPlan(closed), model: 'open', amount: '9' }).load).toEqual({ model: 'open', rate: 9 });
  });

  it('writes steps instead of a single amount, keeping per-step extras', () => {
    const doc = parsePlan('load: {model: closed, duration: 5s, steps: [{users: 5}, {users: 10, ramp: 1s}]}\n');
    const form = formFromPlan(doc);
    expect(form.steps).toEqual([{ value: '5', duration: '' }, { value: '10', duration: '' }]);
    const next = applyForm(doc, { ...form, steps: [...form.steps, { value: '20', duration: '10s' }] });
    expect(next.load).toMatchObject({ steps: [{ users: 5 }, { users: 10, ramp: '1s' }, { users: 20, duration: '10s' }] });
    expect(next.load).not.toHaveProperty('users');
  });

  it('drops empty thresholds and keeps invalid numbers as text for the server to flag', () => {
    const doc = parsePlan(DEFAULT_PLAN_YAML);
    const next = applyForm(doc, { ...formFromPlan(doc), thresholds: ['', ' '], amount: 'ten' });
    expect(next).not.toHaveProperty('thresholds');
    expect(next.load).toMatchObject({ users: 'ten' });
  });

  it('rejects YAML that is not a mapping', () => {
    expect(() => parsePlan('- a\n- b\n')).toThrow(/mapping/);
    expect(parsePlan('')).toEqual({});
  });
});
