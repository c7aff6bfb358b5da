package dev.benchdeck.server.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StudentTTest {

    @Test
    void cdfMatchesTabulatedQuantiles() {
        // one-sided critical values from the t table: P(T ≤ t) for ν degrees of freedom
        assertThat(StudentT.cdf(6.965, 2)).isCloseTo(0.99, within(1e-4));
        assertThat(StudentT.cdf(2.764, 10)).isCloseTo(0.99, within(1e-4));
        assertThat(StudentT.cdf(1.812, 10)).isCloseTo(0.95, within(1e-4));
        assertThat(StudentT.cdf(2.0, 10)).isCloseTo(0.963306, within(1e-5));
        assertThat(StudentT.cdf(-2.0, 10)).isCloseTo(1 - 0.963306, within(1e-5));
        assertThat(StudentT.cdf(0, 7.3)).isCloseTo(0.5, within(1e-12));
        // ν = 1 is the Cauchy distribution: ½ + atan(t)/π
        assertThat(StudentT.cdf(3.0, 1)).isCloseTo(0.5 + Math.atan(3.0) / Math.PI, within(1e-10));
        // large ν approaches the normal distribution: Φ(2.326) = 0.99
        assertThat(StudentT.cdf(2.3263, 1_000_000)).isCloseTo(0.99, within(1e-4));
    }

    @Test
    void lnGammaOfWholeAndHalfNumbers() {
        assertThat(StudentT.lnGamma(5)).isCloseTo(Math.log(24), within(1e-12));
        assertThat(StudentT.lnGamma(0.5)).isCloseTo(0.5 * Math.log(Math.PI), within(1e-12));
    }
}
