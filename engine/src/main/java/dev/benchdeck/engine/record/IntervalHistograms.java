package dev.benchdeck.engine.record;

import org.HdrHistogram.Histogram;

/**
 * The histograms (µs) behind one {@link IntervalSnapshot}'s percentiles: latency, time to first token and generator
 * lag of the interval. Percentiles of several agents' intervals cannot be combined; these can, exactly.
 */
public record IntervalHistograms(Histogram latency, Histogram ttft, Histogram lag) {
}
