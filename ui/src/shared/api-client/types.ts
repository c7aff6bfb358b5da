// The REST API's JSON shapes (docs/api.md): snake_case, timestamps as ISO-8601 strings.

export type PoolOptions = { size?: number; overflow?: number; max_lifetime?: string; acquire_timeout?: string };

/** Databricks Lakebase login settings without secrets (token and client_secret are credentials). */
export type LakebaseOptions = { workspace_url?: string; instance?: string; endpoint?: string; profile?: string; client_id?: string };

/** http targets use http_version/insecure; postgres targets hold the jdbc plan's target section without secrets. */
export type TargetOptions = {
  http_version?: string;
  insecure?: boolean;
  host?: string;
  port?: number;
  database?: string;
  user?: string;
  sslmode?: string;
  connect_timeout?: string;
  password_env?: string;
  pool?: PoolOptions;
  lakebase?: LakebaseOptions;
  /** llm targets: provider and default model; automation targets: id, api, description, default inputs. */
  provider?: string;
  model?: string;
  automation_id?: string;
  api?: string;
  description?: string;
  inputs?: Record<string, unknown>;
};

export type TargetKind = 'http' | 'postgres' | 'llm' | 'automation';

export type Target = {
  id: number;
  name: string;
  kind: TargetKind | string;
  url: string;
  options: TargetOptions;
  has_credentials: boolean;
  created_at: string;
  updated_at: string;
};

/** Secrets are write-only: headers (http), password and Lakebase secrets (postgres), api_key (llm, automation). */
export type TargetCredentials = {
  headers?: Record<string, string>;
  password?: string;
  lakebase?: { token?: string; client_secret?: string };
  api_key?: string;
};

export type TargetInput = {
  name: string;
  kind: string;
  url?: string;
  options: TargetOptions;
  credentials?: TargetCredentials;
};

export type CheckStep = { name: string; outcome: 'ok' | 'warning' | 'failed' | 'skipped'; millis: number; detail: string | null };

/** POST /targets/{id}/test for a postgres target. */
export type ConnectionReport = {
  ok: boolean;
  server_version: string | null;
  round_trip_millis: number | null;
  can_create_table: boolean | null;
  user: string | null;
  database: string | null;
  schema: string | null;
  error_class: string | null;
  message: string | null;
  steps: CheckStep[];
};

/** POST /targets/{id}/test for an http target. */
export type HttpCheckReport = { ok: boolean; status: number | null; millis: number | null; error_class: string | null; message: string | null };

export type TargetTestReport = ConnectionReport | HttpCheckReport;

export type QueryReport = {
  ok: boolean;
  millis: number | null;
  rows: number | null;
  rows_capped: boolean;
  columns: string[];
  plan: string | null;
  error_class: string | null;
  sql_state: string | null;
  message: string | null;
  position: number | null;
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
  /** Token-stream figures (LLM and SSE runs); null when no request streamed. */
  stream?: StreamFigures | null;
  /** True when the step ended before its planned duration or request count (cancelled, failed, deadline…). */
  partial?: boolean;
  /** CPU over the step's measured time; null when the platform cannot tell. */
  cpu?: CpuUsage | null;
};

/** Cores busy during a step: Benchdeck's own process and everything else on the machine. */
export type CpuUsage = {
  cores: number;
  process_cores: number;
  other_cores: number;
  /** Set when other processes used more than a little CPU, so the figures may be distorted. */
  warning: string | null;
};

/** docs/metrics.md: token counts from the server's usage where sent, else counted content events. */
export type StreamFigures = {
  streams: number;
  output_tokens: number;
  usage_streams: number;
  good_requests: number;
  output_tokens_per_second: number;
  goodput: number;
};

/** `unit` of `actual`: "ms", "%", "/s", "tokens", "tokens/s", or "" for counts. */
export type ThresholdVerdict = { threshold: string; scope: string; actual: number | null; passed: boolean; unit?: string };

export type EnvironmentInfo = { benchdeck_version?: string; java?: string; cpus?: number; os?: string };

/** A driver's setup phase (create, load, index…) as the engine reports it; total 0 means unknown. */
export type SetupProgress = {
  phase: string;
  message: string | null;
  done: number;
  total: number;
  unit: string | null;
  rate_per_second: number;
  elapsed_seconds: number;
  finished: boolean;
};

export type RunDetail = RunSummary & {
  plan_yaml: string;
  environment: EnvironmentInfo | null;
  failure: string | null;
  /** The last report of each setup phase; null until the run ends. */
  setup?: SetupProgress[] | null;
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
  /** Latencies of the interval (ms); null when it completed nothing. */
  p50: number | null;
  p90: number | null;
  p99: number | null;
  max: number | null;
  in_flight: number;
  users: number;
  /** The driver's live gauges, e.g. pool.active, pool.idle, pool.waiting, pool.total. */
  gauges?: Record<string, number>;
  /** Token streams: output tokens completed in this interval, and its TTFT p50/p99 (ms); null when the interval measured no stream. */
  output_tokens?: number | null;
  ttft_p50?: number | null;
  ttft_p99?: number | null;
};

export type Page<T> = { items: T[]; page: number; size: number; total: number };

export type Overview = {
  runs_last_7_days: number;
  success_rate: number | null;
  runs_in_progress: number;
  p95_by_scenario: { scenario_id: number; scenario_name: string; p95_ms: number | null }[];
  recent_runs: RunSummary[];
  streaming?: StreamingOverview;
};

export type Percentiles = { count: number; p50: number; p95: number; p99: number };

/** The overview's figures of LLM and other streaming runs (docs/api.md). */
export type StreamingOverview = {
  total_runs: number;
  success_rate: number | null;
  e2e_ms: Percentiles | null;
  ttft_ms: Percentiles | null;
  recent_runs: RunSummary[];
};

export type LiveMessage =
  | { type: 'snapshot'; run: RunDetail; intervals: IntervalSnapshot[]; setup?: SetupProgress[] }
  | { type: 'setup'; run_id: number; progress: SetupProgress }
  | { type: 'interval'; run_id: number; interval: IntervalSnapshot }
  | { type: 'step'; run_id: number; step: StepResult }
  | { type: 'status'; run_id: number; status: RunStatus };
