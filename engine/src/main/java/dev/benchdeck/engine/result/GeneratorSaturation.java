package dev.benchdeck.engine.result;

import java.util.Map;

/**
 * When a step's latency includes Benchdeck's own delay: its schedule lag (from each request's intended
 * start until the driver began it) has a p99 above 1 ms, or above 10 % of the latency p50 when that is
 * larger. Only the open model has intended starts that are not "now", so only it can be flagged.
 */
public final class GeneratorSaturation {

    public static final double LIMIT_MS = 1.0;
    public static final double SHARE_OF_LATENCY_P50 = 0.10;
    public static final String MESSAGE = "generator saturated: latency includes Benchdeck's own delay";

    private GeneratorSaturation() {
    }

    /** The lag p99 above which these distributions say the generator was saturated; null without a lag distribution. */
    public static Double limitMs(Map<String, Distribution> latencies) {
        Distribution lag = latencies.get(StepResult.SCHEDULE_LAG);
        if (lag == null || lag.summary().count() == 0) {
            return null;
        }
        Distribution latency = latencies.get(StepResult.LATENCY);
        double p50 = latency == null ? 0 : latency.summary().p50();
        return Math.max(LIMIT_MS, SHARE_OF_LATENCY_P50 * p50);
    }

    public static boolean saturated(Map<String, Distribution> latencies) {
        Double limit = limitMs(latencies);
        return limit != null && latencies.get(StepResult.SCHEDULE_LAG).summary().p99() > limit;
    }
}
