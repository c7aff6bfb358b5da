import type { components } from '@/shared/api-client/openapi';
import type { StepResult } from '@/shared/api-client/types';
import { Card, numClasses, tableClasses, TableScroll, tdClasses, thClasses } from '@/shared/components/layout-parts';
import { formatCount, formatMs, formatPercent } from '@/shared/format/format';

type Journey = components['schemas']['JourneyFigures'];
type Span = components['schemas']['JourneySpan'];

const percentiles = [['p50', 'p50'], ['p95', 'p95'], ['p99', 'p99'], ['max', 'max']] as const;

/** The journey figures of a run: the merged ones when several load steps ran, else the only step's. */
export function journeyOf(steps: readonly StepResult[], overall: StepResult | null | undefined): Journey | null {
  return overall?.journey ?? steps.find((s) => s.journey)?.journey ?? null;
}

/**
 * The names of a map in the order the sampled iteration met them, then the others as they come. The stored result's
 * maps may come back in another order than the run's (the database keeps JSON objects with sorted keys).
 */
function inJourneyOrder<V>(map: Record<string, V>, spans: readonly Span[] | undefined): [string, V][] {
  const seen = [...new Set((spans ?? []).map((s) => s.name))].filter((name) => name in map);
  const rest = Object.keys(map).filter((name) => !seen.includes(name));
  return [...seen, ...rest].map((name) => [name, map[name]]);
}

/** A journey's results: per request step, per group, per check, and one sampled iteration as a waterfall. */
export function JourneyFigures({ journey }: { journey: Journey }) {
  const groups = inJourneyOrder(journey.groups, journey.sample?.groups);
  const checks = Object.entries(journey.checks);
  return (
    <>
      <Card title={`Journey steps (${formatCount(journey.iterations)} iterations)`} testId="journey-steps-card">
        <JourneyStepTable journey={journey} />
        {journey.users_stopped > 0 && (
          <p className="mt-2 text-sm text-amber-800">{formatCount(journey.users_stopped)} users stopped: {journey.stop_reason}</p>
        )}
      </Card>
      {groups.length > 0 && (
        <Card title="Groups (one pass, pauses inside included)">
          <TableScroll label="Journey groups">
            <table className={tableClasses} data-testid="journey-groups">
              <thead><tr>
                <th scope="col" className={thClasses}>Group</th>
                <th scope="col" className={`${thClasses} text-right`}>Passes</th>
                {percentiles.map(([, label]) => <th key={label} scope="col" className={`${thClasses} text-right`}>{label}</th>)}
              </tr></thead>
              <tbody className="divide-y divide-slate-100">
                {groups.map(([name, d]) => (
                  <tr key={name}>
                    <th scope="row" className={`${tdClasses} text-left font-medium`}>{name}</th>
                    <td className={numClasses}>{formatCount(d.summary.count)}</td>
                    {percentiles.map(([key]) => <td key={key} className={numClasses}>{formatMs(d.summary[key])}</td>)}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </Card>
      )}
      {checks.length > 0 && (
        <Card title={`Checks (${formatPercent(journey.checks_passed)} passed)`}>
          <TableScroll label="Journey checks">
            <table className={tableClasses} data-testid="journey-checks">
              <thead><tr>
                <th scope="col" className={thClasses}>Check</th>
                <th scope="col" className={`${thClasses} text-right`}>Passed</th>
                <th scope="col" className={`${thClasses} text-right`}>Failed</th>
                <th scope="col" className={`${thClasses} text-right`}>Pass rate</th>
              </tr></thead>
              <tbody className="divide-y divide-slate-100">
                {checks.map(([name, c]) => (
                  <tr key={name}>
                    <th scope="row" className={`${tdClasses} text-left font-medium`}>{name}</th>
                    <td className={numClasses}>{formatCount(c.passed)}</td>
                    <td className={numClasses}>{formatCount(c.failed)}</td>
                    <td className={`${numClasses} ${c.pass_rate < 1 ? 'text-red-700' : ''}`} data-testid="check-pass-rate">{formatPercent(c.pass_rate)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </Card>
      )}
      {journey.sample && journey.sample.steps.length > 0 && (
        <Card title="One sampled iteration">
          <JourneyWaterfall steps={journey.sample.steps} groups={journey.sample.groups} />
        </Card>
      )}
    </>
  );
}

function JourneyStepTable({ journey }: { journey: Journey }) {
  return (
    <TableScroll label="Journey steps">
      <table className={tableClasses} data-testid="journey-steps">
        <thead><tr>
          <th scope="col" className={thClasses}>Step</th>
          <th scope="col" className={`${thClasses} text-right`}>Requests</th>
          <th scope="col" className={`${thClasses} text-right`}>OK</th>
          <th scope="col" className={`${thClasses} text-right`}>Check failures</th>
          <th scope="col" className={`${thClasses} text-right`}>Errors</th>
          {percentiles.map(([, label]) => <th key={label} scope="col" className={`${thClasses} text-right`}>{label}</th>)}
        </tr></thead>
        <tbody className="divide-y divide-slate-100">
          {inJourneyOrder(journey.steps, journey.sample?.steps).map(([name, s]) => {
            const errors = Object.entries(s.errors_by_class);
            const errorCount = errors.reduce((n, [, v]) => n + v, 0);
            return (
              <tr key={name}>
                <th scope="row" className={`${tdClasses} text-left font-medium`}>{name}</th>
                <td className={numClasses}>{formatCount(s.requests)}</td>
                <td className={numClasses}>{formatCount(s.ok)}</td>
                <td className={numClasses}>{formatCount(s.check_failed)}</td>
                <td className={numClasses} title={errors.map(([k, v]) => `${k}: ${v}`).join(', ') || undefined}>{formatCount(errorCount)}</td>
                {percentiles.map(([key]) => <td key={key} className={numClasses}>{formatMs(s.latency?.summary[key])}</td>)}
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

const LABEL_WIDTH = 150;
const CHART_WIDTH = 560;
const ROW = 22;
const OUTCOME_COLOURS: Record<string, string> = { ok: '#4f46e5', check_failed: '#d97706' };

/**
 * The sampled iteration on one time axis: a bar per request step in the order they were sent, then a bar per group
 * pass; the gaps between one step's last byte and the next send (think times, and the client's own time) are drawn
 * as dashed lines.
 */
export function JourneyWaterfall({ steps, groups }: { steps: readonly Span[]; groups: readonly Span[] }) {
  const rows = [...steps.map((s) => ({ span: s, group: false })), ...groups.map((g) => ({ span: g, group: true }))];
  const end = Math.max(1, ...rows.map(({ span }) => span.start_micros + span.micros));
  const x = (micros: number) => LABEL_WIDTH + (micros / end) * CHART_WIDTH;
  const height = rows.length * ROW + 24;
  return (
    <div className="overflow-x-auto">
      <svg role="img" aria-label="Waterfall of one sampled journey iteration" data-testid="journey-waterfall"
        width={LABEL_WIDTH + CHART_WIDTH + 70} height={height} className="text-xs">
        {rows.map(({ span, group }, i) => {
          const y = i * ROW;
          const previous = !group && i > 0 ? steps[i - 1] : undefined;
          const gapStart = previous ? previous.start_micros + previous.micros : 0;
          const colour = group ? '#94a3b8' : OUTCOME_COLOURS[span.outcome ?? ''] ?? '#dc2626';
          return (
            <g key={`${group ? 'g' : 's'}-${i}`}>
              <text x={LABEL_WIDTH - 6} y={y + 15} textAnchor="end" fill="#334155">{group ? `▸ ${span.name}` : span.name}</text>
              {previous && span.start_micros > gapStart && (
                <line data-testid="waterfall-gap" x1={x(gapStart)} x2={x(span.start_micros)} y1={y + 11} y2={y + 11} stroke="#94a3b8" strokeDasharray="3 3">
                  <title>{`pause ${formatMs((span.start_micros - gapStart) / 1000)} before ${span.name}`}</title>
                </line>
              )}
              <rect data-testid="waterfall-bar" data-kind={group ? 'group' : 'step'} x={x(span.start_micros)} y={y + 4}
                width={Math.max(1, (span.micros / end) * CHART_WIDTH)} height={ROW - 8} rx={2} fill={colour} opacity={group ? 0.6 : 1}>
                <title>{`${group ? 'group ' : ''}${span.name}: ${formatMs(span.micros / 1000)} from ${formatMs(span.start_micros / 1000)}${span.outcome && span.outcome !== 'ok' ? ` (${span.outcome})` : ''}`}</title>
              </rect>
              <text x={x(span.start_micros + span.micros) + 4} y={y + 15} fill="#64748b">{formatMs(span.micros / 1000)}</text>
            </g>
          );
        })}
        <line x1={LABEL_WIDTH} x2={LABEL_WIDTH + CHART_WIDTH} y1={height - 18} y2={height - 18} stroke="#cbd5e1" />
        <text x={LABEL_WIDTH} y={height - 4} fill="#64748b">0</text>
        <text x={LABEL_WIDTH + CHART_WIDTH} y={height - 4} textAnchor="end" fill="#64748b">{formatMs(end / 1000)}</text>
      </svg>
    </div>
  );
}
