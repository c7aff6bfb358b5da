import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applyDbForm, DEFAULT_DB_PLAN_YAML, dbFormFromPlan, estimateDbRun, parseThreadCounts, type DbPlanForm } from './db-plan-document';
import { parseDurationSeconds, parsePlan, planToYaml } from './plan-yaml';

const validForm = (): DbPlanForm => dbFormFromPlan(parsePlan(DEFAULT_DB_PLAN_YAML));

describe('database plan form', () => {
  it('reads the default plan into the fields people think in', () => {
    const form = validForm();
    expect(form.threads).toBe('20, 40, 80');
    expect(form.rows).toBe('1000000');
    expect(form.duration).toBe('30s');
    expect(form.batchSize).toBe('10000');
    expect(form.mix.point_select).toBe('80');
    expect(form.mix.update).toBe('20');
    expect(form.mix.delete).toBe('');
  });

  it('writes thread counts as closed-model steps and keeps what it does not know', () => {
    const doc = parsePlan('workload: {driver: jdbc, prepared: false, statement_timeout: 5s}\nload: {model: closed, steps: [{users: 1, ramp: 2s}]}\nthresholds: [p99 < 5ms]\n');
    const form = { ...dbFormFromPlan(doc), threads: '2, 4', rows: '1,000', duration: '10s', batchSize: '500' };
    form.mix = { ...form.mix, point_select: '3', insert: '1', update: '0' };
    const written = parse(planToYaml(applyDbForm(doc, form)));
    expect(written.workload).toEqual({ driver: 'jdbc', prepared: false, statement_timeout: '5s', rows: 1000, batch_size: 500, mix: { point_select: 3, insert: 1 } });
    expect(written.load).toEqual({ model: 'closed', duration: '10s', steps: [{ users: 2, ramp: '2s' }, { users: 4 }] });
    expect(written.thresholds).toEqual(['p99 < 5ms']);
    expect(dbFormFromPlan(written).threads).toBe('2, 4');
  });

  it('passes what it cannot read on as typed, for the server to name (it keeps no rules of its own)', () => {
    const doc = applyDbForm(parsePlan(DEFAULT_DB_PLAN_YAML), { ...validForm(), threads: '20, x', rows: 'many', duration: '5s' });
    expect(doc.workload).toMatchObject({ rows: 'many' });
    expect(doc.load).toMatchObject({ duration: '5s', steps: [{ users: 20 }, { users: 'x' }] });
    const empty = applyDbForm(parsePlan(DEFAULT_DB_PLAN_YAML), { ...validForm(), threads: ' ' });
    expect(empty.load).not.toHaveProperty('steps');
    expect(empty.load).not.toHaveProperty('users');
  });

  it('reads a single operation as that operation at full weight, and a mix replaces it', () => {
    const doc = parsePlan('workload: {driver: jdbc, operation: range_scan}\n');
    const form = dbFormFromPlan(doc);
    expect(form.mix.range_scan).toBe('100');
    const written = applyDbForm(doc, { ...form, mix: { ...form.mix, range_scan: '1', update: '1' } });
    expect(written.workload).toMatchObject({ mix: { range_scan: 1, update: 1 } });
    expect(written.workload).not.toHaveProperty('operation');
  });

  it('estimates steps × (warm-up + duration) plus the setup, preferring the server\u2019s step estimate', () => {
    const form = { ...validForm(), threads: '2, 4, 8', warmup: '5s', duration: '30s', rows: '500000', setup: 'reuse' };
    const estimate = estimateDbRun(form)!;
    expect(estimate.loadSeconds).toBe(105);
    expect(estimate.setupSeconds).toBe(2);
    expect(estimate.totalSeconds).toBe(107);
    expect(estimateDbRun(form, 120)!.totalSeconds).toBe(122);
    expect(estimateDbRun({ ...form, setup: 'none' })!.setupSeconds).toBe(0);
    expect(estimateDbRun({ ...form, threads: '' })).toBeNull();
    expect(estimateDbRun({ ...form, rows: 'many' })).toBeNull();
  });

  it('parses thread counts and durations like the engine', () => {
    expect(parseThreadCounts('20, 40 80;160')).toEqual([20, 40, 80, 160]);
    expect(parseThreadCounts('20, -1')).toBeNull();
    expect(parseDurationSeconds('1m30s')).toBe(90);
    expect(parseDurationSeconds('250ms')).toBe(0.25);
    expect(parseDurationSeconds('12')).toBe(12);
    expect(parseDurationSeconds('1.5m')).toBe(90);
    expect(parseDurationSeconds('10 s')).toBeNull();
    expect(parseDurationSeconds('')).toBeNull();
  });
});
