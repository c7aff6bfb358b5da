package dev.benchdeck.server.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each baseline test pinned on hand-computed figures, then on constructed series: a real step is found, noise of the
 * size measured between runs on this machine (a coefficient of variation of 10 %, docs/benchmarks.md's spread between
 * rounds) is flagged no more often than the test's own level says.
 */
class BaselineTestsTest {

    private static final Baseline FIVE = Baseline.of(new double[] {10, 12, 11, 13, 9}); // mean 11, s = √2.5

    @Test
    void baselineFigures() {
        assertThat(FIVE.mean()).isEqualTo(11);
        assertThat(FIVE.sd()).isCloseTo(Math.sqrt(2.5), within(1e-12));
        assertThat(FIVE.q1()).isEqualTo(10); // sorted 9 10 11 12 13: positions 1 and 3
        assertThat(FIVE.q3()).isEqualTo(12);
        assertThat(Baseline.quantile(new double[] {1, 2, 3, 4}, 0.25)).isEqualTo(1.75);
    }

    @Test
    void staticLimit() {
        assertThat(new StaticLimit(100.0, null).check(101, FIVE, Direction.HIGHER_IS_WORSE)).isPresent();
        assertThat(new StaticLimit(100.0, null).check(100, FIVE, Direction.HIGHER_IS_WORSE)).isEmpty();
        assertThat(new StaticLimit(null, 50.0).check(49, FIVE, Direction.LOWER_IS_WORSE).orElseThrow().message())
                .contains("below the limit 50");
    }

    @Test
    void percentageIsOneSided() {
        var test = new PercentageChange(10);
        assertThat(test.check(12.2, FIVE, Direction.HIGHER_IS_WORSE).orElseThrow().details().get("change_percent"))
                .isEqualTo((12.2 - 11) / 11 * 100);
        assertThat(test.check(12.0, FIVE, Direction.HIGHER_IS_WORSE)).isEmpty(); // +9.1 %
        assertThat(test.check(5, FIVE, Direction.HIGHER_IS_WORSE)).isEmpty(); // better
        assertThat(test.check(9.8, FIVE, Direction.LOWER_IS_WORSE)).isPresent(); // −10.9 % of a throughput
        assertThat(test.applicable(Baseline.of(new double[] {0, 0}))).isFalse();
    }

    @Test
    void zScore() {
        var test = new ZScore(3);
        double s = Math.sqrt(2.5);
        assertThat(test.check(11 + 3.01 * s, FIVE, Direction.HIGHER_IS_WORSE)).isPresent();
        assertThat(test.check(11 + 2.99 * s, FIVE, Direction.HIGHER_IS_WORSE)).isEmpty();
        assertThat(test.check(11 - 3.01 * s, FIVE, Direction.LOWER_IS_WORSE)).isPresent();
        assertThat(test.applicable(Baseline.of(new double[] {4, 4, 4}))).isFalse();
    }

    @Test
    void welchWithOneNewRunIsThePredictionInterval() {
        // t = (x − 11) / (√2.5 · √(1 + 1/5)), ν = 4; the 99 % one-sided critical t for ν = 4 is 3.747
        double critical = 11 + 3.747 * Math.sqrt(2.5) * Math.sqrt(1.2);
        var test = new WelchTTest(0.99);
        var found = test.check(critical + 0.05, FIVE, Direction.HIGHER_IS_WORSE).orElseThrow();
        assertThat((double) found.details().get("degrees_of_freedom")).isEqualTo(4);
        assertThat((double) found.details().get("p_value")).isLessThan(0.01).isGreaterThan(0.009);
        assertThat(test.check(critical - 0.05, FIVE, Direction.HIGHER_IS_WORSE)).isEmpty();
    }

    @Test
    void welchOfTwoSamplesUsesSatterthwaite() {
        // x̄₁ = 11, s₁² = 2.5, n = 5; x̄₂ = 15, s₂² = 4, k = 3 (14, 14, 17 → mean 15, s² = 3)
        var s = WelchTTest.statistic(new double[] {10, 12, 11, 13, 9}, new double[] {14, 14, 17});
        double v1 = 2.5 / 5;
        double v2 = 3.0 / 3;
        assertThat(s.t()).isCloseTo(4 / Math.sqrt(v1 + v2), within(1e-12));
        assertThat(s.degreesOfFreedom()).isCloseTo((v1 + v2) * (v1 + v2) / (v1 * v1 / 4 + v2 * v2 / 2), within(1e-12));
    }

    @Test
    void interquartileRange() {
        var test = new InterquartileRange(1.5);
        assertThat(test.check(15.01, FIVE, Direction.HIGHER_IS_WORSE)).isPresent(); // fence 12 + 1.5·2 = 15
        assertThat(test.check(15, FIVE, Direction.HIGHER_IS_WORSE)).isEmpty();
        assertThat(test.check(6.99, FIVE, Direction.LOWER_IS_WORSE)).isPresent(); // fence 10 − 3 = 7
    }

    @Test
    void aRealStepIsFoundByEveryTest() {
        double[] noise = noise(new Random(7), 10, 100, 0.10);
        Baseline baseline = Baseline.of(noise);
        double slowed = 160; // +60 %: a slowed target
        for (BaselineTest test : List.of(new PercentageChange(10), new ZScore(3), new WelchTTest(0.99), new InterquartileRange(1.5))) {
            assertThat(test.check(slowed, baseline, Direction.HIGHER_IS_WORSE)).as(test.name()).isPresent();
            assertThat(test.check(100 * 100 / slowed, baseline, Direction.LOWER_IS_WORSE)).as(test.name() + " on a throughput").isPresent();
        }
    }

    @Test
    void noiseOfTheMeasuredSizeIsRarelyFlagged() {
        Random random = new Random(42);
        int checks = 2000;
        int t = 0;
        int z = 0;
        for (int i = 0; i < checks; i++) {
            double[] series = noise(random, 11, 100, 0.10);
            Baseline baseline = Baseline.of(java.util.Arrays.copyOf(series, 10));
            t += new WelchTTest(0.99).check(series[10], baseline, Direction.HIGHER_IS_WORSE).isPresent() ? 1 : 0;
            z += new ZScore(3).check(series[10], baseline, Direction.HIGHER_IS_WORSE).isPresent() ? 1 : 0;
        }
        // the t-test's level is exact for normal noise (1 %); a z of 3 against 10 runs flags a little more than 0.13 %
        assertThat(t / (double) checks).isBetween(0.003, 0.02);
        assertThat(z / (double) checks).isLessThan(0.03);
    }

    static double[] noise(Random random, int n, double mean, double coefficientOfVariation) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = mean * (1 + coefficientOfVariation * random.nextGaussian());
        }
        return values;
    }
}
