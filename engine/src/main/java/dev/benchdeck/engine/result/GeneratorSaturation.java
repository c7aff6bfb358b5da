package dev.benchdeck.engine.result;

import java.util.Map;

/**
 * When a step's latency includes Benchdeck's own delay: its schedule lag (open model: from each request's intended
 * start until the driver began it) or its think lag (closed model: how much longer than its think time a user
 * slept) has a p99 above 1 ms, or above 10 % of the latency p50 when that is larger. A closed model without think
 * time sends each request as soon as the last one ends, so it has nothing to be late for and is never flagged.
 */
public final class GeneratorSaturation {

    public static final double LIMIT_MS = 1.0;
    public static final double SHARE_OF_LATENCY_P50 = 0.10;
    public static final String MESSAGE = "generator saturated: latency includes Benchdeck's own delay";
    /** The lag distributions, in the order they are judged by. */
    private static final java.util.List<String> LAGS = java.util.List.of(StepResult.SCHEDULE_LAG, StepResult.THINK_LAG);

    private GeneratorSaturation() {
    }

    /** The distribution that says how late the generator was: schedule lag, else think lag; null when there is neither. */
    public static String lagName(Map<String, Distribution> latencies) {
        for (String name : LAGS) {
            Distribution lag = latencies.get(name);
            if (lag != null && lag.summary().count() > 0) {
                return name;
            }
        }
        return null;
    }

    /** The lag p99 above which these distributions say the generator was saturated; null without a lag distribution. */
    public static Double limitMs(Map<String, Distribution> latencies) {
        if (lagName(latencies) == null) {
            return null;
        }
        Distribution latency = latencies.get(StepResult.LATENCY);
        double p50 = latency == null ? 0 : latency.summary().p50();
        return Math.max(LIMIT_MS, SHARE_OF_LATENCY_P50 * p50);
    }

    public static boolean saturated(Map<String, Distribution> latencies) {
        Double limit = limitMs(latencies);
        return limit != null && latencies.get(lagName(latencies)).summary().p99() > limit;
    }
}
