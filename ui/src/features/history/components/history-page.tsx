import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '@/shared/api-client/api-client';
import { Button, focusRing } from '@/shared/components/button';
import { inputClasses } from '@/shared/components/field';
import { Card, numClasses, PageHeader, tableClasses, TableScroll, tdClasses, thClasses } from '@/shared/components/layout-parts';
import { NotFound } from '@/shared/components/not-found';
import { EmptyState, ErrorState, LoadingState } from '@/shared/components/states';
import { formatDateTime } from '@/shared/format/format';
import { paths } from '@/shared/paths';
import { useScenarioAlerts, useScenarioHistory, type BaselineMark, type HistoryFilters, type MetricInfo, type ScenarioHistory } from '../api/history';
import { defaultMetric, formatMetric, labelText, metricLabel, metricSeries, stepMetrics, type SeriesPoint, type XAxis } from '../api/history-series';
import { AlertsList } from './alerts-list';
import { HistoryChart } from './history-chart';

/**
 * A scenario's History view: one metric of one step over its runs (picked here, kept in the address so a link
 * reopens the same view), filtered by branch and label on the server, with the baseline, the alerts and the runs.
 */
export function HistoryPage({ scenarioId }: { scenarioId: number }) {
  const [params, setParams] = useSearchParams();
  const limit = RUN_LIMITS.find((n) => String(n) === params.get('runs'));
  const filters: HistoryFilters = { branch: params.get('branch') ?? undefined, label: params.get('label') ?? undefined, limit };
  const history = useScenarioHistory(scenarioId, filters);
  const change = (updates: Record<string, string | null>) => setParams((current) => {
    const next = new URLSearchParams(current);
    for (const [key, value] of Object.entries(updates)) {
      if (value === null || value === '') next.delete(key);
      else next.set(key, value);
    }
    return next;
  }, { replace: true });

  if (history.isPending) return <LoadingState label="Loading history…" />;
  if (history.isError) {
    if (history.error instanceof ApiError && history.error.status === 404) return <NotFound what="scenario" />;
    return <ErrorState error={history.error} onRetry={() => void history.refetch()} title="Could not load the history." />;
  }
  return (
    <>
      <PageHeader title={`History of ${history.data.scenario_name}`}
        actions={<Link to={paths.scenario(scenarioId)} className={`text-sm text-indigo-700 hover:underline ${focusRing}`}>Back to the scenario</Link>}>
        Each completed run is a point; every run is checked against the baseline of the runs before it.
      </PageHeader>
      <div className="space-y-6">
        <Trend history={history.data} filters={filters} params={params} change={change} />
        <ScenarioAlerts scenarioId={scenarioId} />
      </div>
    </>
  );
}

type TrendProps = {
  history: ScenarioHistory;
  filters: HistoryFilters;
  params: URLSearchParams;
  change: (updates: Record<string, string | null>) => void;
};

function Trend({ history, filters, params, change }: TrendProps) {
  const stepIndex = Number(params.get('step') ?? history.steps[0]?.index ?? 0);
  const step = history.steps.find((s) => s.index === stepIndex) ?? history.steps[0];
  const metrics = stepMetrics(step, history.metrics);
  const metricName = defaultMetric(metrics, params.get('metric'));
  const metric = metrics.find((m) => m.name === metricName);
  const axis: XAxis = params.get('x') === 'date' ? 'date' : 'number';
  const series = step && metric ? metricSeries(step, metric.name, axis) : [];
  const filtered = Boolean(filters.branch || filters.label);

  return (
    <Card title="Trend">
      <div className="mb-4 flex flex-wrap items-end gap-4">
        <Picker label="Step" value={step ? String(step.index) : ''} onChange={(v) => change({ step: v })}
          options={history.steps.map((s) => ({ value: String(s.index), text: s.label || `step ${s.index + 1}` }))} />
        <Picker label="Metric" value={metricName ?? ''} onChange={(v) => change({ metric: v })}
          options={metrics.map((m) => ({ value: m.name, text: metricLabel(m.name) }))} />
        <Picker label="Runs" value={String(filters.limit ?? DEFAULT_RUNS)} onChange={(v) => change({ runs: v === String(DEFAULT_RUNS) ? null : v })}
          options={RUN_LIMITS.map((n) => ({ value: String(n), text: `newest ${n}` }))} />
        <div role="group" aria-label="X axis" className="flex rounded-md shadow-sm ring-1 ring-slate-300">
          {(['number', 'date'] as const).map((a) => (
            <button key={a} type="button" aria-pressed={axis === a} onClick={() => change({ x: a === 'number' ? null : a })}
              className={`px-3 py-1.5 text-sm first:rounded-l-md last:rounded-r-md ${focusRing} ${axis === a ? 'bg-indigo-600 text-white' : 'bg-white text-slate-700 hover:bg-slate-50'}`}>
              {a === 'number' ? 'By run number' : 'By date'}
            </button>
          ))}
        </div>
        <FilterForm key={`${filters.branch ?? ''}|${filters.label ?? ''}`} filters={filters}
          onApply={(next) => change({ branch: next.branch ?? null, label: next.label ?? null })} />
      </div>
      {history.steps.length === 0 ? (
        <EmptyState title={filtered ? 'No completed runs match these filters' : 'No completed runs yet'}>
          {filtered
            ? 'Clear the branch or label filter to see every run of this scenario.'
            : 'Run the scenario: each completed run adds a point here, and from the fourth on each is checked against the ones before it.'}
        </EmptyState>
      ) : !metric ? (
        <EmptyState title="Nothing measured in this step">Pick another step.</EmptyState>
      ) : (
        <>
          <HistoryChart series={series} metric={metric} baseline={step.baselines[metric.name]} axis={axis} />
          <Legend metric={metric} baseline={step.baselines[metric.name]} alerts={series.filter((s) => s.alerts.length > 0).length} />
          <PointsTable series={series} metric={metric} baseline={step.baselines[metric.name]} />
        </>
      )}
    </Card>
  );
}

function Picker({ label, value, onChange, options }: {
  label: string; value: string; onChange: (value: string) => void; options: { value: string; text: string }[];
}) {
  return (
    <label className="text-sm font-medium text-slate-700">
      {label}
      <select className={`${inputClasses} mt-1 min-w-40`} value={value} onChange={(e) => onChange(e.target.value)} disabled={options.length === 0}>
        {options.map((o) => <option key={o.value} value={o.value}>{o.text}</option>)}
      </select>
    </label>
  );
}

/** How many of the newest runs the trend shows: the server's default (200) unless the address says otherwise. */
const DEFAULT_RUNS = 200;
const RUN_LIMITS = [50, DEFAULT_RUNS, 1000];

function FilterForm({ filters, onApply }: { filters: HistoryFilters; onApply: (filters: HistoryFilters) => void }) {
  const [branch, setBranch] = useState(filters.branch ?? '');
  const [label, setLabel] = useState(filters.label ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ branch: branch.trim() || undefined, label: label.trim() || undefined });
  };
  return (
    <form aria-label="Filter runs" onSubmit={submit} className="flex flex-wrap items-end gap-2">
      <label className="text-sm font-medium text-slate-700">
        Branch
        <input className={`${inputClasses} mt-1 w-36`} value={branch} placeholder="any" onChange={(e) => setBranch(e.target.value)} />
      </label>
      <label className="text-sm font-medium text-slate-700">
        Label
        <input className={`${inputClasses} mt-1 w-40`} value={label} placeholder="key:value" onChange={(e) => setLabel(e.target.value)} />
      </label>
      <Button type="submit" variant="secondary">Filter</Button>
      {(filters.branch || filters.label) && (
        <Button variant="ghost" onClick={() => onApply({})}>Clear</Button>
      )}
    </form>
  );
}

function Legend({ metric, baseline, alerts }: { metric: MetricInfo; baseline: BaselineMark | undefined; alerts: number }) {
  return (
    <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600" data-testid="history-legend">
      <span><span className="font-semibold" style={{ color: '#16a34a' }}>- - -</span>{' '}
        {baseline
          ? <>baseline: {formatMetric(baseline.mean, metric)} ± {formatMetric(baseline.sd, metric)}, the mean of the last {baseline.runs} comparable runs</>
          : 'no baseline yet: it needs a few comparable runs on the newest run’s branch'}
      </span>
      <span><span className="inline-block h-2.5 w-2.5 rounded-full border-2 border-red-600 align-middle" /> {alerts === 1 ? '1 run' : `${alerts} runs`} raised an alert on this metric</span>
      <span>{metric.worse === 'higher_is_worse' ? 'higher is worse' : 'lower is worse'}</span>
    </p>
  );
}

/**
 * The drawn points as a table, newest first: the run each came from (a link), whether it is in this metric's baseline,
 * when it ran, its labels, its value and alerts.
 */
function PointsTable({ series, metric, baseline }: { series: readonly SeriesPoint[]; metric: MetricInfo; baseline: BaselineMark | undefined }) {
  const rows = [...series].reverse();
  const inBaseline = new Set(baseline?.run_ids ?? []);
  return (
    <div className="mt-4 max-h-80 overflow-y-auto">
      <TableScroll label="Runs in the trend">
        <table className={tableClasses}>
          <thead>
            <tr>
              <th scope="col" className={thClasses}>Run</th>
              <th scope="col" className={thClasses}>Date</th>
              <th scope="col" className={thClasses}>Labels</th>
              <th scope="col" className={`${thClasses} text-right`}>{metricLabel(metric.name)}</th>
              <th scope="col" className={thClasses}>Alerts</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((s) => (
              <tr key={s.point.run_id} data-testid="history-point">
                <td className={tdClasses}>
                  <Link to={paths.run(s.point.run_id)} className={`text-indigo-700 hover:underline ${focusRing}`}>#{s.point.number}</Link>
                  {inBaseline.has(s.point.run_id) && <span className="ml-2 text-xs text-green-700" title="part of the baseline the next run is held against">baseline</span>}
                </td>
                <td className={tdClasses}>{formatDateTime(s.point.at)}</td>
                <td className={`${tdClasses} text-xs text-slate-600`}>{labelText(s.point.labels) || '—'}</td>
                <td className={numClasses}>{formatMetric(s.value, metric)}</td>
                <td className={`${tdClasses} text-xs`}>
                  {s.alerts.length === 0 ? '—' : s.alerts.map((a) => <span key={a.id} className="mr-2 text-red-700">{a.test} ({a.status.replace('_', ' ')})</span>)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </div>
  );
}

function ScenarioAlerts({ scenarioId }: { scenarioId: number }) {
  const alerts = useScenarioAlerts(scenarioId);
  return (
    <Card title="Alerts" testId="scenario-alerts">
      {alerts.isPending ? (
        <LoadingState label="Loading alerts…" />
      ) : alerts.isError ? (
        <ErrorState error={alerts.error} onRetry={() => void alerts.refetch()} title="Could not load the alerts." />
      ) : alerts.data.length === 0 ? (
        <EmptyState title="No alerts">A run that is worse than its baseline on a checked metric raises one here.</EmptyState>
      ) : (
        <AlertsList alerts={alerts.data} />
      )}
    </Card>
  );
}
