import { applyJourneyRows, journeyRowsFromPlan, type JourneyRow } from './journey-plan-document';
import { readLoad, writeLoad, type LoadFields } from './load-steps';
import { asRecord, setOrDelete, text, type PlanDocument } from './plan-yaml';

/** The HTTP scenario form: the request (method, path) or a journey (`null` when there is none), and the load (model, amount or steps, warm-up, duration). */
export type HttpPlanForm = LoadFields & { method: string; path: string; journey: JourneyRow[] | null };

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
  return { method: text(workload.method) || 'GET', path: text(workload.path), journey: journeyRowsFromPlan(doc), ...readLoad(doc.load) };
}

export function applyHttpForm(doc: PlanDocument, form: HttpPlanForm): PlanDocument {
  let workload: PlanDocument = { driver: 'http', ...asRecord(doc.workload) };
  if (form.journey === null) {
    setOrDelete(workload, 'method', form.method);
    setOrDelete(workload, 'path', form.path);
  }
  workload = applyJourneyRows(workload, form.journey);
  return { ...doc, workload, load: writeLoad(doc.load, form) };
}
