package dev.benchdeck.driver.jdbc.ops;

import java.util.SplittableRandom;

/**
 * Zipfian over {@code [min, max]}: value {@code min + k - 1} comes with probability proportional to
 * {@code 1 / k^skew}, so {@code min} is the hottest. Uses the closed-form inversion of Gray et al.,
 * "Quickly generating billion-record synthetic databases" (SIGMOD 1994), valid for 0 &lt; skew &lt; 1;
 * the normalising sum is computed once (exactly up to {@value #EXACT_TERMS} values, the tail by its integral).
 */
public final class ZipfianKeys implements KeyChooser {

    static final long EXACT_TERMS = 10_000_000;

    private final long min;
    private final long n;
    private final double theta;
    private final double zetaN;
    private final double alpha;
    private final double eta;
    private final double secondThreshold;

    public ZipfianKeys(long min, long max, double skew) {
        if (!(skew > 0 && skew < 1)) {
            throw new IllegalArgumentException("skew must be in (0, 1), was " + skew);
        }
        this.min = min;
        this.n = max - min + 1;
        this.theta = skew;
        this.zetaN = zeta(n, skew);
        this.alpha = 1 / (1 - skew);
        double zeta2 = zeta(2, skew);
        this.eta = n < 2 ? 0 : (1 - Math.pow(2.0 / n, 1 - skew)) / (1 - zeta2 / zetaN);
        this.secondThreshold = 1 + Math.pow(0.5, skew);
    }

    /** The sum of 1/i^theta for i in 1..n. */
    static double zeta(long n, double theta) {
        long exact = Math.min(n, EXACT_TERMS);
        double sum = 0;
        for (long i = exact; i >= 1; i--) { // smallest terms first: less rounding
            sum += 1 / Math.pow(i, theta);
        }
        if (n > exact) {
            // the integral of x^-theta from exact + 1/2 to n + 1/2: the midpoint rule's error is negligible here
            sum += (Math.pow(n + 0.5, 1 - theta) - Math.pow(exact + 0.5, 1 - theta)) / (1 - theta);
        }
        return sum;
    }

    @Override
    public long next(SplittableRandom random) {
        if (n == 1) {
            return min;
        }
        double u = random.nextDouble();
        double uz = u * zetaN;
        if (uz < 1) {
            return min;
        }
        if (uz < secondThreshold) {
            return min + 1;
        }
        long k = (long) (n * Math.pow(eta * u - eta + 1, alpha));
        return min + Math.min(Math.max(k, 0), n - 1);
    }

    public double skew() {
        return theta;
    }
}
