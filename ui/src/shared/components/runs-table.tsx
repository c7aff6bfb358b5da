import { Link } from 'react-router';
import type { RunSummary } from '@/shared/api-client/types';
import { createdBy } from '@/shared/auth/current-user';
import { formatDateTime, formatMs, formatPercent, formatRate } from '@/shared/format/format';
import { paths } from '@/shared/paths';
import { focusRing } from './button';
import { numClasses, tableClasses, TableScroll, tdClasses, thClasses } from './layout-parts';
import { StatusBadge, VerdictBadge } from './status-badge';

/** Ticked runs (e.g. to compare them): which are ticked and what a tick does. */
export type RunSelection = { selected: ReadonlySet<number>; onToggle: (runId: number) => void };

/** Runs as a table: one row per run, newest first as the API returns them; with `selection`, a tick box per run. */
export function RunsTable({ runs, label = 'Runs', selection }: { runs: readonly RunSummary[]; label?: string; selection?: RunSelection }) {
  return (
    <TableScroll label={label}>
      <table className={tableClasses}>
        <thead>
          <tr>
            {selection && <th scope="col" className={thClasses}><span className="sr-only">Pick</span></th>}
            <th scope="col" className={thClasses}>Run</th>
            <th scope="col" className={thClasses}>Status</th>
            <th scope="col" className={thClasses}>Scenario</th>
            <th scope="col" className={thClasses}>Target</th>
            <th scope="col" className={thClasses}>Started</th>
            <th scope="col" className={thClasses}>By</th>
            <th scope="col" className={`${thClasses} text-right`}>Throughput</th>
            <th scope="col" className={`${thClasses} text-right`}>p95</th>
            <th scope="col" className={`${thClasses} text-right`}>p99</th>
            <th scope="col" className={`${thClasses} text-right`}>Errors</th>
            <th scope="col" className={thClasses}>Thresholds</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {runs.map((run) => (
            <tr key={run.id} className="hover:bg-slate-50">
              {selection && (
                <td className={tdClasses}>
                  <input type="checkbox" aria-label={`Pick run #${run.id}`} checked={selection.selected.has(run.id)}
                    onChange={() => selection.onToggle(run.id)} className={focusRing} />
                </td>
              )}
              <td className={tdClasses}>
                <Link to={paths.run(run.id)} className={`font-medium text-indigo-700 hover:underline ${focusRing}`}>
                  #{run.id}
                </Link>
              </td>
              <td className={tdClasses}><StatusBadge status={run.status} /></td>
              <td className={tdClasses}>{run.scenario_name}</td>
              <td className={tdClasses}>{run.target_name}</td>
              <td className={tdClasses}>{formatDateTime(run.started_at ?? run.queued_at)}</td>
              <td className={tdClasses}>{createdBy(run) ?? <span className="text-slate-400">—</span>}</td>
              <td className={numClasses}>{formatRate(run.throughput)}</td>
              <td className={numClasses}>{formatMs(run.p95_ms)}</td>
              <td className={numClasses}>{formatMs(run.p99_ms)}</td>
              <td className={numClasses}>{formatPercent(run.error_rate)}</td>
              <td className={tdClasses}><VerdictBadge passed={run.thresholds_passed} status={run.status} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
