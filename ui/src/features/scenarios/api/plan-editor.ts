import { errorMessage } from '@/shared/api-client/api-client';
import { applyDbForm, dbFormFromPlan, type DbPlanForm } from './db-plan-document';
import { applyHttpForm, httpFormFromPlan, type HttpPlanForm } from './http-plan-document';
import { applyLlmForm, llmFormFromPlan, type LlmPlanForm } from './llm-plan-document';
import { parsePlan, planToYaml, thresholdsOf, withThresholds, type PlanDocument } from './plan-yaml';

/**
 * The scenario form's plan: the YAML text and, read from it, what each kind of form shows. The YAML
 * always wins: typing in it re-reads every form; a form edit rewrites the YAML. While the YAML cannot
 * be read, `yamlError` says why and the forms keep the last readable plan, which the page must not
 * show as if it were the YAML.
 */
export type PlanForms = { http: HttpPlanForm; db: DbPlanForm; llm: LlmPlanForm };
export type PlanKind = keyof PlanForms;

export type PlanState = {
  yaml: string;
  /** The last readable document. */
  doc: PlanDocument;
  forms: PlanForms;
  thresholds: string[];
  yamlError: string | null;
  /** The YAML of `doc`, to go back to from unreadable text. */
  readableYaml: string;
  /** Edited by the user: a new scenario's default plan is swapped with the target's kind only until then. */
  touched: boolean;
};

const editors: { [K in PlanKind]: { read: (doc: PlanDocument) => PlanForms[K]; apply: (doc: PlanDocument, form: PlanForms[K]) => PlanDocument } } = {
  http: { read: httpFormFromPlan, apply: applyHttpForm },
  db: { read: dbFormFromPlan, apply: applyDbForm },
  llm: { read: llmFormFromPlan, apply: applyLlmForm },
};

function readAll(doc: PlanDocument): PlanForms {
  return { http: editors.http.read(doc), db: editors.db.read(doc), llm: editors.llm.read(doc) };
}

/** The YAML parser's message without the code excerpt it appends (the text is right above the message). */
function yamlProblem(error: unknown): string {
  return errorMessage(error).split('\n')[0].replace(/:\s*$/, '');
}

function readable(yaml: string, doc: PlanDocument, touched: boolean): PlanState {
  return { yaml, doc, forms: readAll(doc), thresholds: thresholdsOf(doc), yamlError: null, readableYaml: yaml, touched };
}

export function planState(yaml: string, touched = false): PlanState {
  try {
    return readable(yaml, parsePlan(yaml), touched);
  } catch (e) {
    return { ...readable('', {}, touched), yaml, yamlError: yamlProblem(e) };
  }
}

/** Text typed into the YAML: every form follows it, or, when it cannot be read, only the error changes. */
export function withYaml(state: PlanState, yaml: string): PlanState {
  try {
    return readable(yaml, parsePlan(yaml), true);
  } catch (e) {
    return { ...state, yaml, yamlError: yamlProblem(e), touched: true };
  }
}

/** A form edit: the YAML is rewritten; the edited form keeps its text as typed (e.g. "20, 40,"), the others re-read. */
export function withFormChange<K extends PlanKind>(state: PlanState, kind: K, change: Partial<PlanForms[K]>): PlanState {
  const form = { ...state.forms[kind], ...change };
  const doc = editors[kind].apply(state.doc, form);
  const next = readable(planToYaml(doc), doc, true);
  return { ...next, forms: { ...next.forms, [kind]: form }, thresholds: state.thresholds };
}

export function withThresholdRows(state: PlanState, thresholds: string[]): PlanState {
  const doc = withThresholds(state.doc, thresholds);
  return { ...readable(planToYaml(doc), doc, true), thresholds };
}

/** Back from unreadable YAML to the last plan that could be read. */
export function backToReadable(state: PlanState): PlanState {
  return readable(state.readableYaml, state.doc, true);
}
