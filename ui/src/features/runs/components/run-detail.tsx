import type { ReactNode } from 'react';
import { createdBy } from '@/shared/auth/current-user';
import { Link } from 'react-router';
import { ApiError } from '@/shared/api-client/api-client';
import type { RunDetail as Run, RunStatus, StepResult } from '@/shared/api-client/types';
import { focusRing } from '@/shared/components/button';
import { Card, PageHeader } from '@/shared/components/layout-parts';
import { NotFound } from '@/shared/components/not-found';
import { ErrorState, LoadingState } from '@/shared/components/states';
import { StatusBadge } from '@/shared/components/status-badge';
import { formatDateTime, formatDuration, formatMs, formatPercent, formatRate, secondsBetween } from '@/shared/format/format';
import { paths } from '@/shared/paths';
import { useRun } from '../api/get-run';
import { isStreamingRun } from '../api/stream-metrics';
import { isDatabaseRun } from '../api/thread-sweep';
import { CpuTable, CpuWarning } from './cpu-usage';
import { GeneratorWarning } from './generator-saturation';
import { JourneyFigures, journeyOf } from './journey-figures';
import { ErrorSamples } from './error-samples';
import { PercentileChart } from './percentile-chart';
import { CompareWithPrevious, ReportDownloads } from './report-downloads';
import { RunActions } from './run-actions';
import { cpuText } from './step-marks';
import { StepTable } from './step-table';
import { StreamSweepChart, StreamTable } from './stream-metrics';
import { ThreadSweepCharts, ThreadSweepTable } from './thread-sweep';
import { thresholdsSummary, Verdicts } from './verdicts';

type RunDetailProps = {
  runId: number;
  /** Fresher than the REST copy while the live feed is connected. */
  liveStatus?: RunStatus | null;
  liveSteps?: readonly StepResult[];
  /** The time-series charts, supplied by the page that composes this view with the live feed. */
  charts?: ReactNode;
  /** Setup progress (live or stored), supplied like the charts. */
  setup?: ReactNode;
  /** The run's regression alerts, supplied like the charts (nothing when it raised none). */
  alerts?: ReactNode;
  /** The per-agent breakdown of a run split over agents, supplied like the charts (nothing for a run on the server). */
  agents?: ReactNode;
};

export function RunDetail({ runId, liveStatus, liveSteps, charts, setup, alerts, agents }: RunDetailProps) {
  const run = useRun(runId);
  if (run.isPending) return <LoadingState label="Loading run…" />;
  if (run.isError) {
    if (run.error instanceof ApiError && run.error.status === 404) return <NotFound what="run" />;
    return <ErrorState error={run.error} onRetry={() => void run.refetch()} title={`Could not load run #${runId}.`} />;
  }
  const status = liveStatus ?? run.data.status;
  const steps = liveSteps && liveSteps.length >= (run.data.steps?.length ?? 0) ? liveSteps : run.data.steps ?? [];
  return <RunDetailView run={run.data} status={status} steps={steps} charts={charts} setup={setup} alerts={alerts} agents={agents} />;
}

type ViewProps = { run: Run; status: RunStatus; steps: readonly StepResult[]; charts?: ReactNode; setup?: ReactNode; alerts?: ReactNode; agents?: ReactNode };

function RunDetailView({ run, status, steps, charts, setup, alerts, agents }: ViewProps) {
  const database = isDatabaseRun(run.plan_yaml);
  const verdicts = run.verdicts ?? [];
  const journey = journeyOf(steps, run.overall);
  return (
    <>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            Run #{run.id} <StatusBadge status={status} testId="run-status" />
          </span>
        }
        actions={<RunActions runId={run.id} status={status} run={run} />}
      >
        {run.scenario_id == null ? (
          <span className="font-medium">{run.scenario_name}</span>
        ) : (
          <Link to={paths.scenario(run.scenario_id)} className={`text-indigo-700 hover:underline ${focusRing}`}>{run.scenario_name}</Link>
        )}
        {' against '}
        <span className="font-medium">{run.target_name}</span>
        {createdBy(run) && <> · started by <span data-testid="created-by">{createdBy(run)}</span></>}
      </PageHeader>

      <dl className="mb-6 grid grid-cols-2 gap-4 sm:grid-cols-4">
        <Fact label="Queued" value={formatDateTime(run.queued_at)} />
        <Fact label="Started" value={formatDateTime(run.started_at)} />
        <Fact label="Ended" value={formatDateTime(run.ended_at)} />
        <Fact label="Duration" value={formatDuration(secondsBetween(run.started_at, run.ended_at))} />
        <Fact label="Throughput" value={formatRate(run.throughput, database ? 'ops/s' : 'req/s')} testId="run-throughput" />
        <Fact label="p99 / errors" value={`${formatMs(run.p99_ms)} / ${formatPercent(run.error_rate)}`} />
        <Fact label="Thresholds" value={status === 'queued' || status === 'running' ? '—' : thresholdsSummary(verdicts)} testId="run-thresholds" />
        <Fact label="CPU (Benchdeck)" value={cpuText(run.overall?.cpu)} testId="run-cpu" />
      </dl>

      {run.failure && (
        <div role="alert" className="mb-6 rounded-md border border-red-200 bg-red-50 p-4 text-sm text-red-800">
          <p className="font-medium">The run failed</p>
          <p className="mt-1 whitespace-pre-wrap">{run.failure}</p>
        </div>
      )}
      <div className="mb-6 flex flex-wrap items-center justify-between gap-3">
        <ReportDownloads runId={run.id} />
        <CompareWithPrevious runId={run.id} scenarioId={run.scenario_id} queuedAt={run.queued_at} />
      </div>
      <CpuWarning steps={steps} overall={run.overall} />
      <GeneratorWarning steps={steps} />

      <div className="space-y-6">
        {alerts}
        {setup}
        {charts}
        {database ? (
          <>
            <Card title="Results per thread count"><ThreadSweepTable steps={steps} /></Card>
            <ThreadSweepCharts steps={steps} />
          </>
        ) : (
          <Card title="Steps"><StepTable steps={steps} overall={run.overall} /></Card>
        )}
        {agents}
        {journey && <JourneyFigures journey={journey} />}
        {isStreamingRun(steps) && (
          <>
            <Card title="Stream metrics per step"><StreamTable steps={steps} /></Card>
            <StreamSweepChart steps={steps} />
          </>
        )}
        <Card title="Latency by percentile"><PercentileChart steps={steps} overall={run.overall} /></Card>
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title="Thresholds"><Verdicts verdicts={verdicts} /></Card>
          <Card title="Error samples"><ErrorSamples runId={run.id} /></Card>
        </div>
        <Card title="CPU during the measured time"><CpuTable steps={steps} overall={run.overall} /></Card>
        <Card title="Plan as run">
          <pre className="max-h-96 overflow-auto rounded bg-slate-900 p-3 font-mono text-xs text-slate-100">{run.plan_yaml}</pre>
          {run.environment && (
            <p className="mt-2 text-xs text-slate-500">
              Benchdeck {run.environment.benchdeck_version ?? '?'} · Java {run.environment.java ?? '?'} · {run.environment.cpus ?? '?'} CPUs · {run.environment.os ?? '?'}
            </p>
          )}
        </Card>
      </div>
    </>
  );
}

function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="rounded-lg bg-white p-3 shadow-sm ring-1 ring-slate-200">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="mt-1 text-sm font-medium tabular-nums" data-testid={testId}>{value}</dd>
    </div>
  );
}
