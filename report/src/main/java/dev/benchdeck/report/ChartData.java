package dev.benchdeck.report;

import dev.benchdeck.engine.record.HistogramCodec;
import dev.benchdeck.engine.record.IntervalSnapshot;
import dev.benchdeck.engine.result.Distribution;
import dev.benchdeck.engine.result.StepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * The points charts and interval tables draw, kept small: at most {@value #MAX_POINTS} per series. When a
 * run has more intervals, consecutive ones are grouped into buckets; a bucket's throughput is its
 * requests over its seconds and its latency the highest per-interval figure among them (percentiles of
 * different seconds cannot be merged from the interval figures, and the highest hides no spike).
 */
final class ChartData {

    static final int MAX_POINTS = 600;
    /** Percentiles of the distribution chart, as far as the count of values supports them. */
    private static final double[] PERCENTILES = {0, 25, 50, 75, 90, 95, 97.5, 99, 99.5, 99.9, 99.95, 99.99, 99.995, 99.999};

    private ChartData() {
    }

    /** One bucket of intervals as a chart point or table row. */
    record Bucket(double elapsedSeconds, int step, String stepLabel, IntervalSnapshot.Phase phase, double seconds,
                  long completed, long errors, double throughput, @Nullable Double p50, @Nullable Double p99,
                  @Nullable Double max, int intervals) {
    }

    /** The run's intervals, grouped so that there are at most {@code maxBuckets}; a bucket never spans two steps. */
    static List<Bucket> buckets(List<IntervalSnapshot> intervals, int maxBuckets) {
        int size = Math.max(1, (int) Math.ceil(intervals.size() / (double) maxBuckets));
        List<Bucket> buckets = new ArrayList<>();
        int i = 0;
        while (i < intervals.size()) {
            int end = i;
            while (end < intervals.size() && end - i < size && intervals.get(end).step() == intervals.get(i).step()) {
                end++;
            }
            buckets.add(bucket(intervals.subList(i, end)));
            i = end;
        }
        return buckets;
    }

    private static Bucket bucket(List<IntervalSnapshot> group) {
        IntervalSnapshot last = group.get(group.size() - 1);
        double seconds = 0;
        long completed = 0;
        long errors = 0;
        for (IntervalSnapshot s : group) {
            seconds += s.intervalSeconds();
            completed += s.completed();
            errors += s.errors();
        }
        double throughput = group.size() == 1 ? last.throughput() : seconds > 0 ? completed / seconds : 0;
        return new Bucket(last.elapsedSeconds(), last.step(), last.stepLabel(), last.phase(), seconds, completed, errors,
                throughput, highest(group, IntervalSnapshot::p50), highest(group, IntervalSnapshot::p99),
                highest(group, IntervalSnapshot::max), group.size());
    }

    private static @Nullable Double highest(List<IntervalSnapshot> group, Function<IntervalSnapshot, @Nullable Double> figure) {
        Double highest = null;
        for (IntervalSnapshot s : group) {
            Double v = figure.apply(s);
            if (v != null && (highest == null || v > highest)) {
                highest = v;
            }
        }
        return highest;
    }

    static List<double[]> points(List<Bucket> buckets, Function<Bucket, @Nullable Double> figure) {
        List<double[]> points = new ArrayList<>();
        for (Bucket b : buckets) {
            Double v = figure.apply(b);
            if (v != null) {
                points.add(new double[] {b.elapsedSeconds(), v});
            }
        }
        return points;
    }

    /**
     * A distribution's percentile curve from its histogram: {x = log10(1 / (1 − q)), latency ms}, for the
     * percentiles its count supports, and the maximum at x = log10(count).
     */
    static List<double[]> percentileCurve(@Nullable StepResult step, String distribution) {
        List<double[]> points = new ArrayList<>();
        Distribution d = step == null ? null : step.latencies().get(distribution);
        if (d == null) {
            return points;
        }
        Histogram h = HistogramCodec.decode(d.histogram());
        long count = h.getTotalCount();
        if (count == 0) {
            return points;
        }
        double maxX = Math.log10(Math.max(count, 10));
        for (double p : PERCENTILES) {
            double x = logAxis(p);
            if (x < maxX) {
                points.add(new double[] {x, h.getValueAtPercentile(p) / 1000.0});
            }
        }
        points.add(new double[] {maxX, h.getMaxValue() / 1000.0});
        return points;
    }

    /** The spans of elapsed time outside the measured phase (ramp, warm-up), as {from, to} seconds, for shading. */
    static List<double[]> unmeasured(List<Bucket> buckets) {
        List<double[]> spans = new ArrayList<>();
        for (Bucket b : buckets) {
            if (b.phase() == IntervalSnapshot.Phase.MEASURE) {
                continue;
            }
            double from = b.elapsedSeconds() - b.seconds();
            if (!spans.isEmpty() && Math.abs(spans.get(spans.size() - 1)[1] - from) < 1e-6) {
                spans.get(spans.size() - 1)[1] = b.elapsedSeconds();
            } else {
                spans.add(new double[] {from, b.elapsedSeconds()});
            }
        }
        return spans;
    }

    static double logAxis(double percentile) {
        return Math.log10(100 / (100 - percentile));
    }

    /** Ticks of the distribution chart: 0 %, 90 %, 99 %, … up to the largest x drawn. */
    static SvgChart.Axis percentileAxis(double maxX) {
        List<Double> ticks = new ArrayList<>();
        for (int k = 0; k <= Math.max(2, Math.ceil(maxX)); k++) {
            ticks.add((double) k);
        }
        return new SvgChart.Axis("percentile (log scale: each tick one more nine)", ticks, x -> {
            if (x == 0) {
                return "0%";
            }
            double p = 100 - 100 / Math.pow(10, x);
            return java.math.BigDecimal.valueOf(p).round(new java.math.MathContext((int) x + 2)).stripTrailingZeros().toPlainString() + "%";
        });
    }
}
