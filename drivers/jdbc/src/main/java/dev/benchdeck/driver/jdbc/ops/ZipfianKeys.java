package dev.benchdeck.driver.jdbc.ops;

import java.util.SplittableRandom;

/**
 * Zipfian over {@code [min, max]}: value {@code min + k - 1} comes with probability proportional to
 * {@code 1 / k^skew}, so {@code min} is the hottest. Exact, in constant time per draw, by
 * rejection-inversion (Hörmann and Derflinger, "Rejection-inversion to generate variates from
 * monotone discrete distributions", 1996): invert the integral of {@code x^-skew}, accept the
 * nearest integer unless it falls in the thin part where the integral overestimates.
 */
public final class ZipfianKeys implements KeyChooser {

    private final long min;
    private final long n;
    private final double exponent;
    private final double integralAtOne;
    private final double integralAtN;
    private final double squeeze;

    public ZipfianKeys(long min, long max, double skew) {
        if (!(skew > 0)) {
            throw new IllegalArgumentException("skew must be > 0, was " + skew);
        }
        this.min = min;
        this.n = max - min + 1;
        this.exponent = skew;
        this.integralAtOne = integral(1.5) - 1;
        this.integralAtN = integral(n + 0.5);
        this.squeeze = 2 - inverseIntegral(integral(2.5) - density(2));
    }

    @Override
    public long next(SplittableRandom random) {
        if (n == 1) {
            return min;
        }
        while (true) {
            double u = integralAtN + random.nextDouble() * (integralAtOne - integralAtN);
            double x = inverseIntegral(u);
            long k = Math.min(Math.max(Math.round(x), 1), n);
            if (k - x <= squeeze || u >= integral(k + 0.5) - density(k)) {
                return min + k - 1;
            }
        }
    }

    /** x^-skew. */
    private double density(double x) {
        return Math.exp(-exponent * Math.log(x));
    }

    /** The integral of t^-skew from 1 to x, written to stay accurate for skew near 1. */
    private double integral(double x) {
        double logX = Math.log(x);
        return ratioExpm1((1 - exponent) * logX) * logX;
    }

    private double inverseIntegral(double y) {
        double t = y * (1 - exponent);
        if (t < -1) {
            t = -1; // rounding at the far end of the range
        }
        return Math.exp(ratioLog1p(t) * y);
    }

    /** expm1(t) / t, 1 at 0. */
    private static double ratioExpm1(double t) {
        return Math.abs(t) > 1e-8 ? Math.expm1(t) / t : 1 + t / 2 * (1 + t / 3);
    }

    /** log1p(t) / t, 1 at 0. */
    private static double ratioLog1p(double t) {
        return Math.abs(t) > 1e-8 ? Math.log1p(t) / t : 1 - t * (0.5 - t / 3);
    }
}
