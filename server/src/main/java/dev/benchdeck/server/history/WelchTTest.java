package dev.benchdeck.server.history;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Welch's t-test of new runs against the baseline runs, each run one sample, one-sided (only worse), at
 * {@code confidence} (e.g. 0.99). With baseline mean x̄₁, variance s₁², n runs, and new mean x̄₂, variance s₂², k runs:
 * {@code t = (x̄₂ − x̄₁) / √(s₁²/n + s₂²/k)}, Welch–Satterthwaite
 * {@code ν = (s₁²/n + s₂²/k)² / ((s₁²/n)²/(n−1) + (s₂²/k)²/(k−1))}, {@code p = 1 − F_ν(t)} (the worse way); flagged
 * when {@code p < 1 − confidence}. A single new run has no variance of its own: the baseline's stands in for it
 * (s₂² = s₁², k = 1), which gives the prediction-interval form {@code t = (x − x̄) / (s·√(1 + 1/n))} with ν = n − 1.
 * Needs three baseline runs and some spread.
 */
public record WelchTTest(double confidence) implements BaselineTest {

    @Override
    public String name() {
        return "t_test";
    }

    @Override
    public boolean applicable(Baseline baseline) {
        return baseline.size() >= 3 && baseline.sd() > 0;
    }

    @Override
    public Optional<Finding> check(double value, Baseline baseline, Direction direction) {
        if (!applicable(baseline)) {
            return Optional.empty();
        }
        Statistic s = statistic(baseline.values(), new double[] {value});
        double t = direction.worse(s.t());
        double p = 1 - StudentT.cdf(t, s.degreesOfFreedom());
        if (p >= 1 - confidence) {
            return Optional.empty();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("t", t);
        details.put("degrees_of_freedom", s.degreesOfFreedom());
        details.put("p_value", p);
        details.put("confidence", confidence);
        details.put("sd", baseline.sd());
        details.put("baseline_runs", baseline.size());
        return Optional.of(new Finding(name(), value, baseline.mean(), details, String.format(java.util.Locale.ROOT,
                "%s differs from the baseline %s (%d runs): t = %.2f, p = %.2g < %.2g", BaselineTest.format(value),
                BaselineTest.format(baseline.mean()), baseline.size(), t, p, 1 - confidence)));
    }

    /** Welch's t (new minus baseline) and ν. */
    static Statistic statistic(double[] baseline, double[] candidate) {
        Baseline b = Baseline.of(baseline);
        Baseline c = Baseline.of(candidate);
        int n = b.size();
        int k = c.size();
        if (k == 1) {
            return new Statistic((c.mean() - b.mean()) / (b.sd() * Math.sqrt(1 + 1.0 / n)), n - 1);
        }
        double v1 = b.sd() * b.sd() / n;
        double v2 = c.sd() * c.sd() / k;
        double t = (c.mean() - b.mean()) / Math.sqrt(v1 + v2);
        double nu = (v1 + v2) * (v1 + v2) / (v1 * v1 / (n - 1) + v2 * v2 / (k - 1));
        return new Statistic(t, nu);
    }

    record Statistic(double t, double degreesOfFreedom) {
    }
}
