import { Link } from 'react-router';
import { buttonClasses, focusRing } from '@/shared/components/button';
import { paths, type RunReportFormat } from '@/shared/paths';
import { usePreviousRun } from '../api/get-previous-run';

const FORMATS: [RunReportFormat, string][] = [
  ['html', 'HTML'], ['md', 'Markdown'], ['csv', 'CSV (steps)'], ['intervals-csv', 'CSV (intervals)'], ['junit', 'JUnit'], ['json', 'JSON'],
];

/** The run's report in every format the server writes (docs/reports.md), as plain downloads. */
export function ReportDownloads({ runId }: { runId: number }) {
  return (
    <div role="group" aria-label="Download report" className="flex flex-wrap items-center gap-2" data-testid="report-downloads">
      <span className="text-sm font-medium text-slate-700">Download report</span>
      {FORMATS.map(([format, label]) => (
        <a key={format} href={paths.runReport(runId, format)} download className={buttonClasses('secondary', 'py-1 text-xs')}>{label}</a>
      ))}
    </div>
  );
}

/** A link to the comparison with the scenario's previous completed run, when there is one. */
export function CompareWithPrevious({ runId, scenarioId, queuedAt }: { runId: number; scenarioId: number | null; queuedAt: string }) {
  const previous = usePreviousRun(scenarioId, queuedAt);
  if (!previous.data) return null;
  return (
    <Link to={paths.compare([previous.data.id, runId])} data-testid="compare-with-previous" className={`text-sm text-indigo-700 hover:underline ${focusRing}`}>
      Compare with previous (#{previous.data.id})
    </Link>
  );
}
