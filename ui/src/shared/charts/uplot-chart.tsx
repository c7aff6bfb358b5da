import { useEffect, useMemo, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { countPoints } from './chart-data';

type UPlotChartProps = {
  /** Built once per shape change (series, scales); data changes do not rebuild the chart. */
  options: Omit<uPlot.Options, 'width' | 'height'>;
  data: uPlot.AlignedData;
  height?: number;
  label: string;
  testId?: string;
};

/**
 * uPlot inside React: the plot is created when the options change and fed with `setData` when
 * only the data does, so a second's new interval costs one redraw, not a React re-render per point.
 * The wrapper says what it was given — `data-chart` (its label) and `data-points` (finite y values
 * of the data last set) — so a test or a person can tell an empty chart from a drawn one.
 */
export function UPlotChart({ options, data, height = 220, label, testId }: UPlotChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<uPlot | null>(null);
  const dataRef = useRef(data);
  // Rendered in the same commit whose effect hands `data` to setData, so the two never disagree.
  const points = useMemo(() => countPoints(data), [data]);

  // Declared before the creating effect so a new plot always starts from the latest data.
  useEffect(() => {
    dataRef.current = data;
    plotRef.current?.setData(data);
  }, [data]);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const width = Math.max(200, container.clientWidth || 600);
    let plot: uPlot;
    try {
      plot = new uPlot({ ...options, width, height } as uPlot.Options, dataRef.current, container);
    } catch {
      return; // no canvas (e.g. a test DOM): the chart's frame and label still render
    }
    plotRef.current = plot;
    const observer = typeof ResizeObserver === 'undefined'
      ? null
      : new ResizeObserver(([entry]) => {
          const newWidth = Math.floor(entry.contentRect.width);
          if (newWidth > 0 && newWidth !== plot.width) plot.setSize({ width: newWidth, height });
        });
    observer?.observe(container);
    return () => {
      observer?.disconnect();
      plot.destroy();
      plotRef.current = null;
    };
  }, [options, height]);

  return (
    <div ref={containerRef} role="img" aria-label={label} data-testid={testId} data-chart={label} data-points={points}
      className="w-full min-w-0" />
  );
}
