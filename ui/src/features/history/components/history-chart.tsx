import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type uPlot from 'uplot';
import { WHOLE_INCREMENTS } from '@/shared/charts/axes';
import { UPlotChart } from '@/shared/charts/uplot-chart';
import { focusRing } from '@/shared/components/button';
import { formatDateTime } from '@/shared/format/format';
import { paths } from '@/shared/paths';
import type { BaselineMark, MetricInfo } from '../api/history';
import { formatMetric, labelText, metricLabel, valueRange, type SeriesPoint, type XAxis } from '../api/history-series';

export const LINE_COLOUR = '#4f46e5';
const BASELINE_COLOUR = '#16a34a';
const BAND_FILL = 'rgba(22, 163, 74, 0.12)';

type HistoryChartProps = { series: readonly SeriesPoint[]; metric: MetricInfo; baseline: BaselineMark | undefined; axis: XAxis };

/** Where each point was drawn: CSS pixels within the chart's frame (for the overlays) and canvas pixels (said in data-drawn). */
type Drawn = { css: { left: number; top: number }[]; canvas: [number, number][]; width: number };

const NOTHING_DRAWN: Drawn = { css: [], canvas: [], width: 0 };

/**
 * One metric of one step over the scenario's runs: a point per run, the baseline a next run is held against as a
 * dashed line with a ± 1 sd band, a ring on each point that raised an alert, a tooltip that names the hovered run, and
 * a click that opens it. The frame says where it drew each point (`data-drawn`, canvas pixels) so a test can look there.
 */
export function HistoryChart({ series, metric, baseline, axis }: HistoryChartProps) {
  const navigate = useNavigate();
  const frameRef = useRef<HTMLDivElement>(null);
  const seriesRef = useRef(series);
  const baselineRef = useRef(baseline);
  const navigateRef = useRef(navigate);
  const [drawn, setDrawn] = useState<Drawn>(NOTHING_DRAWN);
  const [hovered, setHovered] = useState<number | null>(null);

  // Layout effects run before the chart's own (passive) effects hand it new data, so its hooks read current values.
  useLayoutEffect(() => {
    seriesRef.current = series;
    baselineRef.current = baseline;
    navigateRef.current = navigate;
  }, [series, baseline, navigate]);

  const data = useMemo<uPlot.AlignedData>(() => [series.map((s) => s.x), series.map((s) => s.value)], [series]);

  const options = useMemo<Omit<uPlot.Options, 'width' | 'height'>>(() => ({
    scales: {
      x: { time: axis === 'date', range: (_u, min, max) => xRange(min, max, axis) },
      y: { range: () => valueRange(seriesRef.current.map((s) => s.value), baselineRef.current) },
    },
    axes: [
      axis === 'number'
        ? { label: 'run number', incrs: WHOLE_INCREMENTS, values: (_u, ticks) => ticks.map((t) => `#${t}`) }
        : { label: 'date' },
      { label: `${metricLabel(metric.name)}${metric.unit ? ` (${metric.unit})` : ''}`, size: 70 },
    ],
    series: [
      { label: axis === 'number' ? 'run' : 'date' },
      { label: metricLabel(metric.name), stroke: LINE_COLOUR, width: 2, points: { show: true, size: 9, fill: LINE_COLOUR, stroke: LINE_COLOUR } },
    ],
    legend: { show: false },
    cursor: { drag: { x: false, y: false }, points: { size: 12 } },
    hooks: {
      drawAxes: [(u) => drawBaseline(u, baselineRef.current)],
      draw: [(u) => setDrawn(whereDrawn(u, frameRef.current))],
      setCursor: [(u) => setHovered(u.cursor.idx ?? null)],
      ready: [(u) => {
        u.over.style.cursor = 'pointer';
        u.over.addEventListener('click', () => {
          const item = u.cursor.idx == null ? undefined : seriesRef.current[u.cursor.idx];
          if (item) navigateRef.current(paths.run(item.point.run_id));
        });
      }],
    },
  }), [axis, metric]);

  const label = `${metricLabel(metric.name)} over runs`;
  const hoveredItem = hovered === null ? undefined : series[hovered];
  const hoveredAt = hovered === null ? undefined : drawn.css[hovered];
  return (
    <div ref={frameRef} className="relative" data-testid="history-chart-frame" data-drawn={JSON.stringify(drawn.canvas)}
      data-baseline={baseline ? baseline.mean : undefined}>
      <UPlotChart options={options} data={data} label={label} testId="history-chart" height={300} />
      {series.map((item, i) => item.alerts.length > 0 && drawn.css[i] && (
        <Link key={item.point.run_id} to={paths.run(item.point.run_id)} data-testid="alert-marker" data-status={item.alerts[0].status}
          aria-label={`Alert on run #${item.point.number}: ${item.alerts.map((a) => a.message).join('; ')}`}
          title={item.alerts.map((a) => a.message).join('\n')}
          style={{ left: drawn.css[i].left, top: drawn.css[i].top }}
          className={`absolute h-5 w-5 -translate-x-1/2 -translate-y-1/2 rounded-full border-[3px] ${markerColour(item.alerts[0].status)} ${focusRing}`} />
      ))}
      {hoveredItem && hoveredAt && <Tooltip item={hoveredItem} metric={metric} at={hoveredAt} frameWidth={drawn.width} />}
    </div>
  );
}

type TooltipProps = { item: SeriesPoint; metric: MetricInfo; at: { left: number; top: number }; frameWidth: number };

/** Beside the hovered point, on its left in the right half so it stays inside the chart. */
function Tooltip({ item, metric, at, frameWidth }: TooltipProps) {
  const labels = labelText(item.point.labels);
  const side = frameWidth > 0 && at.left > frameWidth / 2 ? { right: frameWidth - at.left + 12 } : { left: at.left + 12 };
  return (
    <div role="tooltip" data-testid="history-tooltip" style={{ ...side, top: at.top + 12 }}
      className="pointer-events-none absolute z-10 w-max max-w-xs rounded-md bg-slate-900 px-3 py-2 text-xs text-white shadow-lg">
      <p className="font-semibold">Run #{item.point.number} · {formatMetric(item.value, metric)}</p>
      <p>{formatDateTime(item.point.at)}</p>
      {labels && <p className="text-slate-300">{labels}</p>}
      {item.alerts.map((a) => <p key={a.id} className="text-red-300">{a.message}</p>)}
      <p className="mt-1 text-slate-400">Click to open the run</p>
    </div>
  );
}

function markerColour(status: string): string {
  if (status === 'open') return 'border-red-600';
  if (status === 'acknowledged') return 'border-amber-500';
  return 'border-slate-400';
}

/** Room either side of the runs; one run sits mid-chart (a run either side, or an hour on a date axis). */
function xRange(min: number | null, max: number | null, axis: XAxis): [number, number] {
  if (min === null || max === null || !Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  const unit = axis === 'number' ? 1 : 3600;
  if (min === max) return [min - unit, max + unit];
  const pad = axis === 'number' ? 0.5 : (max - min) * 0.05;
  return [min - pad, max + pad];
}

function drawBaseline(u: uPlot, baseline: BaselineMark | undefined) {
  if (!baseline) return;
  const { left, top, width, height } = u.bbox;
  const y = (v: number) => u.valToPos(v, 'y', true);
  const ctx = u.ctx;
  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top, width, height);
  ctx.clip();
  if (baseline.sd > 0) {
    ctx.fillStyle = BAND_FILL;
    ctx.fillRect(left, y(baseline.mean + baseline.sd), width, y(baseline.mean - baseline.sd) - y(baseline.mean + baseline.sd));
  }
  ctx.strokeStyle = BASELINE_COLOUR;
  ctx.lineWidth = 2;
  ctx.setLineDash([8, 6]);
  ctx.beginPath();
  ctx.moveTo(left, y(baseline.mean));
  ctx.lineTo(left + width, y(baseline.mean));
  ctx.stroke();
  ctx.restore();
}

function whereDrawn(u: uPlot, frame: HTMLDivElement | null): Drawn {
  if (!frame) return NOTHING_DRAWN;
  const over = u.over.getBoundingClientRect();
  const box = frame.getBoundingClientRect();
  const xs = u.data[0] as ArrayLike<number>;
  const ys = u.data[1] as ArrayLike<number | null>;
  const drawn: Drawn = { css: [], canvas: [], width: box.width };
  for (let i = 0; i < xs.length; i++) {
    const value = ys[i] ?? 0;
    drawn.css.push({ left: over.left - box.left + u.valToPos(xs[i], 'x'), top: over.top - box.top + u.valToPos(value, 'y') });
    drawn.canvas.push([Math.round(u.valToPos(xs[i], 'x', true)), Math.round(u.valToPos(value, 'y', true))]);
  }
  return drawn;
}
