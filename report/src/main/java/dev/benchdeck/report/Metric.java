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
 * A figure a comparison puts side by side: its key (as thresholds name it), what reports call it, its unit,
 * which way is better, how to read it from a step, and the per-interval series its significance test
 * uses ({@code null} when intervals do not carry it, e.g. p95). Latency percentiles are read from the
 * step's decoded histogram (which, for all steps together, is the merged histogram): never averaged.
 */
public record Metric(String key, String label, String unit, Direction direction,
                     Function<StepResult, @Nullable Double> value,
                     @Nullable Function<IntervalSnapshot, @Nullable Double> perInterval) {

    /** Every metric in report order; a comparison keeps those that some run measured. */
    public static final List<Metric> ALL = all();

    public @Nullable Double of(StepResult step) {
        return value.apply(step);
    }

    private static List<Metric> all() {
        List<Metric> metrics = new ArrayList<>();
        metrics.add(new Metric("requests", "requests", "", Direction.NEITHER, s -> (double) s.requests(), null));
        metrics.add(new Metric("throughput", "throughput", "/s", Direction.HIGHER_IS_BETTER,
                s -> s.requests() == 0 && s.measuredSeconds() == 0 ? null : s.throughput(), IntervalSnapshot::throughput));
        metrics.add(new Metric("error_rate", "error rate", "%", Direction.LOWER_IS_BETTER,
                s -> s.requests() == 0 ? null : s.errorRate() * 100,
                i -> i.completed() == 0 ? null : 100.0 * i.errors() / i.completed()));
        metrics.add(new Metric("dropped", "dropped", "", Direction.LOWER_IS_BETTER,
                s -> s.dropped() == 0 ? null : (double) s.dropped(), null));
        addPercentiles(metrics, StepResult.LATENCY, "latency", true);
        addPercentiles(metrics, StepResult.TTFT, "TTFT", false);
        addPercentiles(metrics, StepResult.ITL, "ITL", false);
        addPercentiles(metrics, StepResult.TPOT, "TPOT", false);
        addPercentiles(metrics, StepResult.E2E, "e2e", false);
        metrics.add(new Metric("output_tokens_per_second", "output tokens/s", "tokens/s", Direction.HIGHER_IS_BETTER,
                s -> s.stream() == null ? null : s.stream().outputTokensPerSecond(), null));
        metrics.add(new Metric("goodput", "goodput", "/s", Direction.HIGHER_IS_BETTER,
                s -> s.stream() == null ? null : s.stream().goodput(), null));
        for (String count : List.of("lost", "duplicated")) {
            metrics.add(new Metric(count, count + " messages", "", Direction.LOWER_IS_BETTER, s -> {
                Long n = s.counts().get(count);
                return n == null ? null : (double) n;
            }, null));
        }
        return List.copyOf(metrics);
    }

    /**
     * p50, p90, p95, p99, p99.9 and max of a distribution (streams: p50 and p99 only); the interval series
     * exist for latency p50/p90/p99/max and TTFT p50/p99.
     */
    private static void addPercentiles(List<Metric> metrics, String distribution, String label, boolean full) {
        List<String> stats = full ? List.of("p50", "p90", "p95", "p99", "p99.9", "max") : List.of("p50", "p99");
        for (String stat : stats) {
            metrics.add(new Metric(distribution + "." + stat, label + " " + stat, "ms", Direction.LOWER_IS_BETTER,
                    s -> percentile(s, distribution, stat), series(distribution, stat)));
        }
    }

    private static @Nullable Function<IntervalSnapshot, @Nullable Double> series(String distribution, String stat) {
        if (distribution.equals(StepResult.LATENCY)) {
            return switch (stat) {
                case "p50" -> IntervalSnapshot::p50;
                case "p90" -> IntervalSnapshot::p90;
                case "p99" -> IntervalSnapshot::p99;
                case "max" -> IntervalSnapshot::max;
                default -> null;
            };
        }
        if (distribution.equals(StepResult.TTFT)) {
            return switch (stat) {
                case "p50" -> IntervalSnapshot::ttftP50;
                case "p99" -> IntervalSnapshot::ttftP99;
                default -> null;
            };
        }
        return null;
    }

    /** A statistic of a step's distribution in ms, from its decoded histogram (µs); null when not measured. */
    static @Nullable Double percentile(StepResult step, String distribution, String stat) {
        Distribution d = step.latencies().get(distribution);
        if (d == null) {
            return null;
        }
        Histogram h = HistogramCodec.decode(d.histogram());
        if (h.getTotalCount() == 0) {
            return null;
        }
        long micros = switch (stat) {
            case "max" -> h.getMaxValue();
            case "p99.9" -> h.getValueAtPercentile(99.9);
            default -> h.getValueAtPercentile(Double.parseDouble(stat.substring(1)));
        };
        return micros / 1000.0;
    }
}
