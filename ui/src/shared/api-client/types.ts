// The REST API's JSON shapes (docs/api.md): snake_case, timestamps as ISO-8601 strings.

export type TargetOptions = { http_version?: string; insecure?: boolean };

export type Target = {
  id: number;
  name: string;
  kind: 'http' | string;
  url: string;
  options: TargetOptions;
  has_credentials: boolean;
  created_at: string;
  updated_at: string;
};

export type TargetInput = {
  name: string;
  kind: string;
  url: string;
  options: TargetOptions;
  credentials?: { headers: Record<string, string> };
};

export type Scenario = {
  id: number;
  name: string;
  description: string | null;
  target_id: number;
  target_name: string;
  plan_yaml: string;
  estimated_seconds: number | null;
  created_at: string;
  updated_at: string;
};

export type ScenarioInput = {
  name: string;
  description: string;
  target_id: number;
  plan_yaml: string;
};

export type PlanValidation = {
  valid: boolean;
  problems: FieldProblem[];
  estimated_seconds: number | null;
};

export type FieldProblem = { path: string; message: string };

export const RUN_STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled', 'interrupted'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export function isActiveStatus(status: RunStatus | undefined): boolean {
  return status === 'queued' || status === 'running';
}

export type RunSummary = {
  id: number;
  scenario_id: number;
  scenario_name: string;
  target_id: number;
  target_name: string;
  status: RunStatus;
  created_by: string | null;
  queued_at: string | null;
  started_at: string | null;
  ended_at: string | null;
  requests: number | null;
  throughput: number | null;
  error_rate: number | null;
  p50_ms: number | null;
  p95_ms: number | null;
  p99_ms: number | null;
  thresholds_passed: boolean | null;
};

export type LatencySummary = {
  count: number;
  min: number;
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  p999: number;
  max: number;
};

export type Distribution = { summary: LatencySummary; histogram?: string };

export type ErrorSample = { error_class: string; message: string; at_seconds: number };

export type StepResult = {
  index: number;
  label: string;
  measured_seconds: number;
  requests: number;
  ok: number;
  errors: number;
  errors_by_class: Record<string, number>;
  dropped: number;
  throughput: number;
  error_rate: number;
  latencies: Record<string, Distribution>;
  error_samples: ErrorSample[];
};

export type ThresholdVerdict = { threshold: string; scope: string; actual: number | null; passed: boolean };

export type EnvironmentInfo = { benchdeck_version?: string; java?: string; cpus?: number; os?: string };

export type RunDetail = RunSummary & {
  plan_yaml: string;
  environment: EnvironmentInfo | null;
  failure: string | null;
  steps: StepResult[];
  overall: StepResult | null;
  verdicts: ThresholdVerdict[];
};

export type IntervalSnapshot = {
  elapsed_seconds: number;
  step: number;
  step_label: string;
  phase: 'ramp' | 'warmup' | 'measure';
  step_elapsed_seconds: number;
  interval_seconds: number;
  completed: number;
  ok: number;
  errors: number;
  dropped: number;
  throughput: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  in_flight: number;
  users: number;
};

export type Page<T> = { items: T[]; page: number; size: number; total: number };

export type Overview = {
  runs_last_7_days: number;
  success_rate: number | null;
  runs_in_progress: number;
  p95_by_scenario: { scenario_id: number; scenario_name: string; p95_ms: number | null }[];
  recent_runs: RunSummary[];
};

export type LiveMessage =
  | { type: 'snapshot'; run: RunDetail; intervals: IntervalSnapshot[] }
  | { type: 'interval'; run_id: number; interval: IntervalSnapshot }
  | { type: 'step'; run_id: number; step: StepResult }
  | { type: 'status'; run_id: number; status: RunStatus };
