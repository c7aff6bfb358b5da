package dev.benchdeck.engine.record;

/**
 * What happened in one interval (normally one second) of a step, for progress lines and live charts.
 * Counts are of requests that completed in the interval, warm-up included ({@code phase} tells).
 *
 * @param elapsedSeconds seconds since the run started, at the end of the interval
 * @param stepElapsedSeconds seconds since the step started
 * @param gauges the driver's live gauges at the end of the interval (e.g. {@code pool.active}); may be empty
 * @param outputTokens token streams: output tokens of the streams that ended in the interval (0 without streams)
 * @param ttftP50 token streams: median time to first token of those streams, ms (0 without streams)
 * @param ttftP99 token streams: 99th percentile of it, ms
 */
public record IntervalSnapshot(double elapsedSeconds, int step, String stepLabel, Phase phase,
                               double stepElapsedSeconds, double intervalSeconds,
                               long completed, long ok, long errors, long dropped, double throughput,
                               double p50, double p90, double p99, double max, int inFlight, int users,
                               java.util.Map<String, Double> gauges, long outputTokens, double ttftP50, double ttftP99) {

    public IntervalSnapshot {
        gauges = gauges == null ? java.util.Map.of() : java.util.Map.copyOf(gauges);
    }

    /** The part of a step an interval belongs to; only {@code MEASURE} counts in results. */
    public enum Phase { RAMP, WARMUP, MEASURE }
}
