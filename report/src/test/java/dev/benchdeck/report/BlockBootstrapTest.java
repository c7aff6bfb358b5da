package dev.benchdeck.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BlockBootstrapTest {

    @Test
    void findsARealShiftAndItsSize() {
        double[] base = TestRuns.ar1(1, 120, 100, 5, 0.7);
        double[] shifted = TestRuns.ar1(2, 120, 106, 5, 0.7);
        Significance s = BlockBootstrap.test(base, shifted, 0.99, 2000, 14);
        assertThat(s.significant()).isTrue();
        assertThat(s.pValue()).isLessThan(0.01);
        assertThat(s.estimate()).isEqualTo(BlockBootstrap.mean(shifted) - BlockBootstrap.mean(base), within(1e-9));
        assertThat(s.low()).isLessThan(s.estimate()).isPositive();
        assertThat(s.high()).isGreaterThan(s.estimate());
        assertThat(s.baselineBlock()).isEqualTo(11); // ceil(sqrt(120))
    }

    @Test
    void doesNotFlagNoiseOfTheSameDistribution() {
        int flagged = 0;
        for (int pair = 0; pair < 40; pair++) {
            double[] a = TestRuns.ar1(100 + 2 * pair, 120, 100, 5, 0.7);
            double[] b = TestRuns.ar1(101 + 2 * pair, 120, 100, 5, 0.7);
            Significance s = BlockBootstrap.test(a, b, 0.99, 1000, 14);
            if (s.significant()) {
                flagged++;
            }
            assertThat(s.low() <= s.estimate() && s.estimate() <= s.high()).isTrue();
        }
        // at 99 % about 0.4 of 40 pairs would be flagged by chance; resampling single seconds would flag many
        assertThat(flagged).isLessThanOrEqualTo(2);
    }

    @Test
    void resamplingSingleSamplesOfAutocorrelatedNoiseWouldOverstateSignificance() {
        int naive = 0;
        for (int pair = 0; pair < 40; pair++) {
            double[] a = TestRuns.ar1(100 + 2 * pair, 120, 100, 5, 0.7);
            double[] b = TestRuns.ar1(101 + 2 * pair, 120, 100, 5, 0.7);
            if (Math.abs(BlockBootstrap.mean(b) - BlockBootstrap.mean(a)) > 2.576 * Math.sqrt(variance(a) / 120 + variance(b) / 120)) {
                naive++; // what a z/t-test on the seconds as if independent concludes
            }
        }
        assertThat(naive).isGreaterThan(5);
    }

    @Test
    void theIntervalAndThePValueAgree() {
        double[] a = TestRuns.ar1(7, 60, 50, 3, 0.5);
        for (double shift : new double[] {0, 0.5, 1, 2, 3, 5}) {
            double[] b = TestRuns.ar1(8, 60, 50 + shift, 3, 0.5);
            Significance s = BlockBootstrap.test(a, b, 0.95, 2000, 14);
            boolean excludesZero = s.low() > 0 || s.high() < 0;
            if (Math.abs(s.pValue() - 0.05) > 0.005) {
                assertThat(s.significant()).as("shift " + shift + ": " + s).isEqualTo(excludesZero);
            }
        }
    }

    private static double variance(double[] x) {
        double m = BlockBootstrap.mean(x);
        double sum = 0;
        for (double v : x) {
            sum += (v - m) * (v - m);
        }
        return sum / (x.length - 1);
    }
}
