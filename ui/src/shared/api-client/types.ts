// The REST API's JSON shapes (docs/api.md): snake_case, timestamps as ISO-8601 strings. They are the
// server's OpenAPI document's schemas (openapi.d.ts, made by `npm run api-types` from ui/openapi.json),
// so a change on the server shows here as a type error instead of a surprise at run time.
import type { components } from './openapi';

type Schemas = components['schemas'];

export type PoolOptions = { size?: number; overflow?: number; max_lifetime?: string; acquire_timeout?: string };

/** Databricks Lakebase login settings without secrets (token and client_secret are credentials). */
export type LakebaseOptions = { workspace_url?: string; instance?: string; endpoint?: string; profile?: string; client_id?: string };

/**
 * A target's options, which the document leaves a free-form object (their keys depend on the kind):
 * http targets use http_version/insecure; postgres targets hold the jdbc plan's target section without secrets.
 */
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
  /** any kind: a Prometheus endpoint whose chosen series runs record beside the load. */
  metrics?: { url: string; series: string[] };
  /** ingestor targets: the PostgreSQL table the ingestor writes to (the ingest driver's target.sink without the password). */
  sink?: SinkOptions;
};

export type SinkOptions = { url?: string; user?: string; table?: string; id_column?: string; timestamp_column?: string };

export type TargetKind = Schemas['Target']['kind'];

export type Target = Omit<Schemas['Target'], 'options'> & { options: TargetOptions };

/** Secrets are write-only: headers (http), password and Lakebase secrets (postgres), api_key (llm, automation). */
export type TargetCredentials = Schemas['Credentials'];

export type TargetInput = Omit<Schemas['TargetRequest'], 'options'> & { options: TargetOptions };

export type CheckStep = Schemas['CheckStep'];

/** POST /targets/{id}/test for a postgres target. */
export type ConnectionReport = Schemas['ConnectionReport'];

/** POST /targets/{id}/test for an http target. */
export type HttpCheckReport = Schemas['HttpCheckReport'];

/** POST /targets/{id}/test for an ingestor target: its /health. */
export type IngestorCheckReport = Schemas['IngestorCheckReport'];

export type TargetTestReport = ConnectionReport | HttpCheckReport | IngestorCheckReport;

export type QueryReport = Schemas['QueryReport'];

export type Scenario = Schemas['Scenario'];

/** One second of the target's own figures during a run (GET /runs/{id}/telemetry), on the run's time axis. */
export type TelemetrySample = Schemas['TelemetrySample'];

export type ScenarioInput = Schemas['ScenarioRequest'];

export type PlanValidation = Schemas['PlanValidation'];

export type FieldProblem = Schemas['FieldProblem'];

export type RunStatus = Schemas['RunSummary']['status'];

/** Every run status in lifecycle order (types.test.ts checks it against the document's enum). */
export const RUN_STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled', 'interrupted'] as const satisfies readonly RunStatus[];

export function isActiveStatus(status: RunStatus | undefined): boolean {
  return status === 'queued' || status === 'running';
}

export type RunSummary = Schemas['RunSummary'];

export type LatencySummary = Schemas['LatencySummary'];

export type Distribution = Schemas['Distribution'];

export type ErrorSample = Schemas['ErrorSample'];

/** `stream` holds the token-stream figures (null when no request streamed); `partial` marks a step that ended early. */
export type StepResult = Schemas['StepResult'];

/** Cores busy during a step: Benchdeck's own process and everything else on the machine. */
export type CpuUsage = Schemas['CpuFigures'];

/** docs/metrics.md: token counts from the server's usage where sent, else counted content events. */
export type StreamFigures = Schemas['StreamFigures'];

/** `unit` of `actual`: "ms", "%", "/s", "tokens", "tokens/s", or "" for counts. */
export type ThresholdVerdict = Schemas['ThresholdVerdict'];

export type EnvironmentInfo = Schemas['EnvironmentInfo'];

/** A driver's setup phase (create, load, index…) as the engine reports it; total 0 means unknown. */
export type SetupProgress = Schemas['SetupProgress'];

export type RunDetail = Schemas['RunDetail'];

/** One interval (normally a second); a figure the interval did not measure is null, never 0. */
export type IntervalSnapshot = Schemas['IntervalSnapshot'];

export type RunPage = Schemas['RunPage'];

/** A registered load agent (GET /agents): online while its last heartbeat is under 5 s old; clock offset in ms, server − agent. */
export type Agent = Schemas['AgentView'];

export type Overview = Schemas['Overview'];

export type Percentiles = Schemas['Percentiles'];

/** The overview's figures of LLM and other streaming runs (docs/api.md). */
export type StreamingOverview = Schemas['StreamingOverview'];

/** The live feed's messages (a WebSocket, so not in the OpenAPI document). */
export type LiveMessage =
  | { type: 'snapshot'; run: RunDetail; intervals: IntervalSnapshot[]; setup?: SetupProgress[] }
  | { type: 'setup'; run_id: number; progress: SetupProgress }
  | { type: 'interval'; run_id: number; interval: IntervalSnapshot }
  | { type: 'step'; run_id: number; step: StepResult }
  | { type: 'status'; run_id: number; status: RunStatus };

/** GET /comparisons: 2–5 runs side by side, the first the baseline (docs/reports.md). */
export type Comparison = Omit<Schemas['Comparison'], 'steps'> & { steps: StepComparison[] };

export type ComparedRun = Schemas['ComparedRun'];

export type StepComparison = Omit<Schemas['StepComparison'], 'metrics'> & { metrics: MetricRow[] };

/** One metric of a step: `values` has one entry per run (null where not measured), `changes` one per run after the baseline. */
export type MetricRow = Omit<Schemas['MetricRow'], 'values'> & { values: (number | null)[] };

export type MetricChange = Schemas['Change'];

export type Significance = Schemas['Significance'];

export type RunDifferences = Schemas['RunDifferences'];
