import { useMemo } from 'react';
import { UPlotChart } from '@/shared/charts/uplot-chart';
import { timeSeriesOptions } from '@/shared/charts/chart-options';
import { Card } from '@/shared/components/layout-parts';
import { useRunTelemetry, type TelemetrySample } from '../api/run-telemetry';
import { chartsFor, telemetryData, type TelemetryChartSpec } from '../api/telemetry-columns';

/** The run's target telemetry under the load charts, on the same elapsed-seconds axis; nothing when the run has none. */
export function RunTelemetry({ runId }: { runId: number }) {
  const samples = useRunTelemetry(runId);
  const charts = chartsFor(samples);
  if (charts.length === 0) return null;
  return (
    <Card title={`Target telemetry (${samples[0].source})`} className="mt-6" testId="run-telemetry">
      <p className="mb-3 text-sm text-slate-600">
        The target's own figures, sampled each second by the server while the run executed, on the run's time axis.
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        {charts.map((spec) => <TelemetryChart key={spec.name} spec={spec} samples={samples} />)}
      </div>
    </Card>
  );
}

function TelemetryChart({ spec, samples }: { spec: TelemetryChartSpec; samples: readonly TelemetrySample[] }) {
  const options = useMemo(() => timeSeriesOptions(spec.series, spec.yLabel, { counts: spec.counts }), [spec]);
  const data = useMemo(() => telemetryData(samples, spec), [samples, spec]);
  return (
    <figure>
      <figcaption className="mb-1 text-sm font-medium text-slate-700">{spec.title}</figcaption>
      <UPlotChart options={options} data={data} label={spec.name} height={200} />
    </figure>
  );
}
