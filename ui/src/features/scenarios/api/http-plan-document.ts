import { readLoad, writeLoad, type LoadFields } from './load-steps';
import { asRecord, setOrDelete, text, type PlanDocument } from './plan-yaml';

/** The HTTP scenario form: the request (method, path) and the load (model, amount or steps, warm-up, duration). */
export type HttpPlanForm = LoadFields & { method: string; path: string };

export const DEFAULT_HTTP_PLAN_YAML = `workload:
  driver: http
  method: GET
  path: /
load:
  model: closed
  users: 10
  warmup: 2s
  duration: 30s
thresholds:
  - p99 < 100ms
`;

export function httpFormFromPlan(doc: PlanDocument): HttpPlanForm {
  const workload = asRecord(doc.workload);
  return { method: text(workload.method) || 'GET', path: text(workload.path), ...readLoad(doc.load) };
}

export function applyHttpForm(doc: PlanDocument, form: HttpPlanForm): PlanDocument {
  const workload: PlanDocument = { driver: 'http', ...asRecord(doc.workload) };
  setOrDelete(workload, 'method', form.method);
  setOrDelete(workload, 'path', form.path);
  return { ...doc, workload, load: writeLoad(doc.load, form) };
}
