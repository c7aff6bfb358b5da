import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '@/shared/api-client/api-client';
import type { Comparison, StepComparison } from '@/shared/api-client/types';
import { buttonClasses, focusRing } from '@/shared/components/button';
import { Card, PageHeader, tableClasses, TableScroll, tdClasses, thClasses } from '@/shared/components/layout-parts';
import { ErrorState, LoadingState } from '@/shared/components/states';
import { formatDateTime } from '@/shared/format/format';
import { paths, type ComparisonReportFormat } from '@/shared/paths';
import { runIdsFromSearch, MAX_COMPARED } from '../api/compare-url';
import { useComparison, useRunsIntervals } from '../api/get-comparison';
import { DistributionChart, OverTimeCharts, RUN_COLOURS, SweepCharts } from './compare-charts';
import { Differences } from './differences';
import { MetricTable } from './metric-table';

const DOWNLOADS: [ComparisonReportFormat, string][] = [['html', 'HTML'], ['md', 'Markdown'], ['csv', 'CSV'], ['junit', 'JUnit'], ['json', 'JSON']];

/** /compare?runs=12,15: 2–5 runs side by side, the first the baseline; the URL reopens the same comparison. */
export function ComparePage() {
  const [search] = useSearchParams();
  const runIds = runIdsFromSearch(search);
  if (!runIds) {
    return (
      <>
        <PageHeader title="Compare runs" />
        <Refusal title="Nothing to compare">
          Pick 2 to {MAX_COMPARED} different runs, e.g. <code>/compare?runs=12,15</code> (the first is the baseline), or tick them in the{' '}
          <Link to={paths.runs} className="underline">runs list</Link>.
        </Refusal>
      </>
    );
  }
  return <Compared runIds={runIds} />;
}

function Compared({ runIds }: { runIds: number[] }) {
  const comparison = useComparison(runIds);
  const intervals = useRunsIntervals(runIds, comparison.isSuccess);
  const runLabels = runIds.map((id) => `#${id}`);
  const header = (
    <PageHeader title={`Compare runs ${runLabels.join(', ')}`}>
      Baseline <RunLink id={runIds[0]} />; every other run is held against it.
    </PageHeader>
  );
  if (comparison.isPending) return <>{header}<LoadingState label="Comparing…" /></>;
  if (comparison.isError) {
    const error = comparison.error;
    if (error instanceof ApiError && (error.status === 422 || error.status === 400 || error.status === 404)) {
      return (
        <>
          {header}
          <Refusal title={error.status === 422 ? 'These runs cannot be compared' : error.status === 404 ? 'A run is missing' : 'This comparison is not valid'}>
            <p className="whitespace-pre-wrap" data-testid="comparison-refusal">{error.problem?.detail ?? error.message}</p>
            {error.problem?.errors?.map((e) => <p key={e.path}><code>{e.path}</code>: {e.message}</p>)}
          </Refusal>
        </>
      );
    }
    return <>{header}<ErrorState error={error} onRetry={() => void comparison.refetch()} title="Could not compare these runs." /></>;
  }
  const loaded = intervals.every((q) => q.isSuccess) ? intervals.map((q) => q.data!) : null;
  return (
    <>
      {header}
      <ComparisonView comparison={comparison.data} runIds={runIds} runLabels={runLabels} intervals={loaded} />
    </>
  );
}

type ViewProps = { comparison: Comparison; runIds: number[]; runLabels: string[]; intervals: Parameters<typeof OverTimeCharts>[0]['intervals'] | null };

function ComparisonView({ comparison, runIds, runLabels, intervals }: ViewProps) {
  const steps: StepComparison[] = comparison.steps;
  return (
    <div className="space-y-6">
      <Card title="Download the comparison">
        <div className="flex flex-wrap gap-2" data-testid="comparison-downloads">
          {DOWNLOADS.map(([format, label]) => (
            <a key={format} href={paths.comparisonReport(runIds, format)} download className={buttonClasses('secondary')}>{label}</a>
          ))}
        </div>
      </Card>
      <Card title="Runs">
        <TableScroll label="Compared runs">
          <table className={tableClasses} data-testid="compared-runs">
            <thead>
              <tr>
                <th scope="col" className={thClasses}>Run</th>
                <th scope="col" className={thClasses}>Plan</th>
                <th scope="col" className={thClasses}>State</th>
                <th scope="col" className={thClasses}>Started</th>
                <th scope="col" className={thClasses}>Labels</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {comparison.runs.map((run, i) => (
                <tr key={run.name}>
                  <td className={tdClasses}>
                    <span className="mr-2 inline-block h-2.5 w-2.5 rounded-full" style={{ background: RUN_COLOURS[i % RUN_COLOURS.length] }} aria-hidden />
                    <RunLink id={runIds[i]} />{i === 0 && <span className="ml-1 text-xs text-slate-500">baseline</span>}
                  </td>
                  <td className={tdClasses}>{run.plan}</td>
                  <td className={tdClasses}>{run.state}{run.partial && <span className="ml-1 text-amber-700">(partial: {run.partial_reason})</span>}</td>
                  <td className={tdClasses}>{formatDateTime(new Date(run.started_at_millis).toISOString())}</td>
                  <td className={`${tdClasses} whitespace-normal`}>{Object.entries(run.labels).map(([k, v]) => `${k}=${v}`).join(', ') || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </Card>
      {comparison.notes.length > 0 && (
        <Card title="Notes">
          <ul className="list-disc pl-5 text-sm text-slate-700" data-testid="comparison-notes">
            {comparison.notes.map((note) => <li key={note}>{note}</li>)}
          </ul>
        </Card>
      )}
      {steps.map((step) => (
        <Card key={step.index} title={step.index < 0 ? 'All steps' : `Step ${step.index + 1}: ${step.label}`} testId="compared-step">
          <MetricTable step={step} runLabels={runLabels} />
        </Card>
      ))}
      {intervals ? <OverTimeCharts runLabels={runLabels} intervals={intervals} /> : <LoadingState label="Loading the runs' intervals…" />}
      {steps.length > 0 && <DistributionChart steps={steps} runLabels={runLabels} />}
      <SweepCharts steps={steps} runLabels={runLabels} />
      <Differences differences={comparison.differences} runLabels={runLabels} />
    </div>
  );
}

function RunLink({ id }: { id: number }) {
  return <Link to={paths.run(id)} className={`font-medium text-indigo-700 hover:underline ${focusRing}`}>#{id}</Link>;
}

function Refusal({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
      <p className="font-medium">{title}</p>
      <div className="mt-1 space-y-1">{children}</div>
    </div>
  );
}
