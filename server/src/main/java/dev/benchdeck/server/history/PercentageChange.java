package dev.benchdeck.server.history;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Percentage against the baseline: {@code change = (x − x̄) / |x̄| · 100}, flagged when the change for the worse is
 * more than {@code maxPercent}. Needs one baseline run and a non-zero mean.
 */
public record PercentageChange(double maxPercent) implements BaselineTest {

    @Override
    public String name() {
        return "percentage";
    }

    @Override
    public boolean applicable(Baseline baseline) {
        return baseline.size() >= 1 && baseline.mean() != 0;
    }

    @Override
    public Optional<Finding> check(double value, Baseline baseline, Direction direction) {
        if (!applicable(baseline)) {
            return Optional.empty();
        }
        double change = (value - baseline.mean()) / Math.abs(baseline.mean()) * 100;
        if (direction.worse(change) <= maxPercent) {
            return Optional.empty();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("change_percent", change);
        details.put("max_percent", maxPercent);
        details.put("baseline_runs", baseline.size());
        return Optional.of(new Finding(name(), value, baseline.mean(), details, String.format(java.util.Locale.ROOT,
                "%s is %+.1f %% against the baseline %s (mean of %d runs; limit %.1f %%)", BaselineTest.format(value), change,
                BaselineTest.format(baseline.mean()), baseline.size(), maxPercent)));
    }
}
