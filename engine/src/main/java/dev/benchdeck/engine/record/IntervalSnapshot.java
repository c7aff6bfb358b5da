package dev.benchdeck.engine.record;

import org.jspecify.annotations.Nullable;

/**
 * What happened in one interval (normally one second) of a step, for progress lines and live charts.
 * Counts are of requests that completed in the interval, warm-up included ({@code phase} tells).
 * A figure that was not measured in the interval is {@code null}, never 0.
 *
 * @param elapsedSeconds seconds since the run started, at the end of the interval
 * @param stepElapsedSeconds seconds since the step started
 * @param p50 latency percentiles and maximum of the requests completed in the interval, ms ({@code null} when none completed)
 * @param gauges the driver's live gauges at the end of the interval (e.g. {@code pool.active}); may be empty
 * @param outputTokens token streams: output tokens of the streams that ended in the interval ({@code null} when none ended)
 * @param ttftP50 token streams: median time to first token of those streams, ms ({@code null} when none had a first token)
 * @param ttftP99 token streams: 99th percentile of it, ms
 * @param cpuProcess cores this process used during the interval ({@code null} when the platform cannot tell)
 * @param cpuOther cores other processes used during the interval ({@code null} when the platform cannot tell)
 * @param lagP99 99th percentile of the generator's lag in the interval, ms: schedule lag (open model) or think lag (closed model with think time)
 *               ({@code null} for the closed model and when none completed)
 */
public record IntervalSnapshot(double elapsedSeconds, int step, String stepLabel, Phase phase,
                               double stepElapsedSeconds, double intervalSeconds,
                               long completed, long ok, long errors, long dropped, double throughput,
                               @Nullable Double p50, @Nullable Double p90, @Nullable Double p99, @Nullable Double max, int inFlight, int users,
                               java.util.Map<String, Double> gauges, @Nullable Long outputTokens, @Nullable Double ttftP50, @Nullable Double ttftP99,
                               @Nullable Double cpuProcess, @Nullable Double cpuOther, @Nullable Double lagP99) {

    public IntervalSnapshot {
        gauges = gauges == null ? java.util.Map.of() : java.util.Map.copyOf(gauges);
    }

    /** The part of a step an interval belongs to; only {@code MEASURE} counts in results. */
    public enum Phase { RAMP, WARMUP, MEASURE }
}
