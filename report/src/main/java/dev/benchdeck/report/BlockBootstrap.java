package dev.benchdeck.report;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A moving-block bootstrap of the difference of means of two series of per-interval samples. Samples a
 * second apart are autocorrelated (a slow second tends to follow a slow second), so resampling single
 * samples would understate the variance of the mean and overstate significance; resampling blocks of
 * {@code l = ceil(sqrt(n))} consecutive samples keeps the dependence within a block.
 *
 * <p>For each of {@code B} resamples, each series is rebuilt from blocks starting at uniformly drawn
 * positions {@code 0..n-l} until it has {@code n} samples, and {@code d* = mean(other*) − mean(baseline*)}.
 * With {@code d} the observed difference and {@code c = d* − d} the centred resamples, the interval is the
 * basic bootstrap interval {@code [d − c(1−α/2), d − c(α/2)]} and the p-value
 * {@code min(1, 2 (1 + #{c ≥ |d|}) / (B + 1))} (or the lower tail for a negative {@code d}), which falls below
 * {@code α} when the interval excludes 0. The random source is seeded, so a comparison is reproducible.
 */
public final class BlockBootstrap {

    public static final String METHOD = "moving-block bootstrap of the difference of means";
    /** Fewer per-interval samples than this on either side and nothing is tested. */
    public static final int MIN_SAMPLES = 5;

    private BlockBootstrap() {
    }

    /** The block length for {@code n} samples: {@code ceil(sqrt(n))}, at least 1. */
    public static int blockLength(int n) {
        return Math.max(1, (int) Math.ceil(Math.sqrt(n)));
    }

    /** Tests {@code other} against {@code baseline}; both need {@link #MIN_SAMPLES} samples. */
    public static Significance test(double[] baseline, double[] other, double confidence, int resamples, long seed) {
        if (baseline.length < MIN_SAMPLES || other.length < MIN_SAMPLES) {
            throw new IllegalArgumentException("a block bootstrap needs at least " + MIN_SAMPLES + " samples on each side");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0 and 1, not " + confidence);
        }
        int lb = blockLength(baseline.length);
        int lo = blockLength(other.length);
        double observed = mean(other) - mean(baseline);
        SplittableRandom random = new SplittableRandom(seed);
        double[] centred = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            centred[r] = resampledMean(other, lo, random) - resampledMean(baseline, lb, random) - observed;
        }
        Arrays.sort(centred);
        double alpha = 1 - confidence;
        double low = observed - quantile(centred, 1 - alpha / 2);
        double high = observed - quantile(centred, alpha / 2);
        long beyond = 0;
        for (double c : centred) {
            if (observed >= 0 ? c >= observed : c <= observed) {
                beyond++;
            }
        }
        double p = Math.min(1, 2.0 * (1 + beyond) / (resamples + 1));
        return new Significance(METHOD, observed, low, high, p, confidence, p < alpha, baseline.length, other.length,
                lb, lo, resamples);
    }

    private static double resampledMean(double[] series, int block, SplittableRandom random) {
        int n = series.length;
        double sum = 0;
        int taken = 0;
        while (taken < n) {
            int start = random.nextInt(n - block + 1);
            for (int k = 0; k < block && taken < n; k++, taken++) {
                sum += series[start + k];
            }
        }
        return sum / n;
    }

    /** The q-quantile of sorted values, interpolating between neighbours. */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
