package dev.benchdeck.engine.record;

import org.HdrHistogram.Histogram;

/**
 * The usual statistics of a latency histogram recorded in microseconds, reported in milliseconds.
 * Percentiles are HdrHistogram's (a value is reported at 3 significant digits); never averaged.
 */
public record LatencySummary(long count, double min, double mean, double p50, double p90, double p95, double p99,
                             double p999, double max) {

    public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0, 0);

    public static LatencySummary of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return EMPTY;
        }
        return new LatencySummary(micros.getTotalCount(),
                ms(micros.getMinValue()), micros.getMean() / 1000.0,
                ms(micros.getValueAtPercentile(50)), ms(micros.getValueAtPercentile(90)),
                ms(micros.getValueAtPercentile(95)), ms(micros.getValueAtPercentile(99)),
                ms(micros.getValueAtPercentile(99.9)), ms(micros.getMaxValue()));
    }

    /** A statistic by name as thresholds write it: {@code p99}, {@code p99.9}, {@code max}… */
    public Double stat(String name) {
        return switch (name) {
            case "min" -> min;
            case "mean" -> mean;
            case "p50" -> p50;
            case "p90" -> p90;
            case "p95" -> p95;
            case "p99" -> p99;
            case "p99.9" -> p999;
            case "max" -> max;
            default -> null;
        };
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
