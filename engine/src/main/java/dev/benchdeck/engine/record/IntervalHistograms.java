package dev.benchdeck.engine.record;

import org.HdrHistogram.Histogram;

/**
 * The histograms (µs) behind one {@link IntervalSnapshot}'s percentiles: latency, time to first token and generator
 * lag of the interval. Percentiles of several agents' intervals cannot be combined; these can, exactly.
 */
public record IntervalHistograms(Histogram latency, Histogram ttft, Histogram lag) {

    /** A percentile (100 is the maximum) of a histogram of µs, in ms; {@code null} when it is empty. */
    public static Double millis(Histogram h, double percentile) {
        if (h.getTotalCount() == 0) {
            return null;
        }
        return (percentile == 100 ? h.getMaxValue() : h.getValueAtPercentile(percentile)) / 1000.0;
    }
}
