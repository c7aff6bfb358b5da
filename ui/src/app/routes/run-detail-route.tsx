import { AgentBreakdown } from '@/features/agents/components/agent-breakdown';
import { RunAlertsPanel } from '@/features/history/components/alert-panels';
import { useLiveRun } from '@/features/live/api/use-live-run';
import { LiveCharts } from '@/features/live/components/live-charts';
import { PoolGauges } from '@/features/live/components/pool-gauges';
import { SetupProgressPanel } from '@/features/live/components/setup-progress';
import { StreamLive } from '@/features/live/components/stream-live';
import { RunDetail } from '@/features/runs/components/run-detail';
import { RunTelemetry } from '@/features/telemetry/components/telemetry-charts';
import { isActiveStatus } from '@/shared/api-client/types';
import { NotFound } from '@/shared/components/not-found';
import { useIdParam } from './route-parts';

/** The run screen joins features: the stored run, its live feed, its target's telemetry and, split over agents, its per-agent breakdown. */
export function RunDetailRoute() {
  const runId = useIdParam();
  const live = useLiveRun(runId ?? 0);
  if (runId === undefined) return <NotFound />;
  return (
    <RunDetail
      runId={runId}
      liveStatus={live.status}
      liveSteps={live.hasSnapshot ? live.steps : undefined}
      setup={<SetupProgressPanel setup={live.setup} />}
      alerts={<RunAlertsPanel runId={runId} runStatus={live.status ?? undefined} />}
      agents={<AgentBreakdown runId={runId} runActive={isActiveStatus(live.status ?? undefined)} />}
      charts={
        <>
          <StreamLive intervals={live.intervals} />
          <LiveCharts intervals={live.intervals} />
          <PoolGauges intervals={live.intervals} />
          <RunTelemetry runId={runId} />
        </>
      }
    />
  );
}
