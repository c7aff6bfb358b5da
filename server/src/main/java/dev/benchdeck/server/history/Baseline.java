package dev.benchdeck.server.history;

import java.util.Arrays;

/**
 * The values a new run is compared with: one per earlier comparable run (same scenario, step and branch, completed,
 * not marked a false positive), at most N of them, the newest last. {@code sd} is the sample standard deviation
 * (n − 1); {@code q1}/{@code q3} the quartiles with linear interpolation between order statistics (R's type 7).
 */
public record Baseline(double[] values, double mean, double sd, double q1, double q3) {

    public static Baseline of(double[] values) {
        double[] copy = values.clone();
        int n = copy.length;
        double mean = Arrays.stream(copy).sum() / Math.max(1, n);
        double squares = 0;
        for (double v : copy) {
            squares += (v - mean) * (v - mean);
        }
        double sd = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
        double[] sorted = copy.clone();
        Arrays.sort(sorted);
        return new Baseline(copy, mean, sd, quantile(sorted, 0.25), quantile(sorted, 0.75));
    }

    public int size() {
        return values.length;
    }

    /** The q-quantile of sorted values, interpolated between the order statistics around (n − 1)·q. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double position = (sorted.length - 1) * q;
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
