package dev.benchdeck.server.history;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * z-score: {@code z = (x − x̄) / s} with the baseline's sample standard deviation, flagged when the worse way's z is
 * above {@code maxZ}. Needs two baseline runs and some spread (s > 0).
 */
public record ZScore(double maxZ) implements BaselineTest {

    @Override
    public String name() {
        return "z_score";
    }

    @Override
    public boolean applicable(Baseline baseline) {
        return baseline.size() >= 2 && baseline.sd() > 0;
    }

    @Override
    public Optional<Finding> check(double value, Baseline baseline, Direction direction) {
        if (!applicable(baseline)) {
            return Optional.empty();
        }
        double z = (value - baseline.mean()) / baseline.sd();
        if (direction.worse(z) <= maxZ) {
            return Optional.empty();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("z", z);
        details.put("max_z", maxZ);
        details.put("sd", baseline.sd());
        details.put("baseline_runs", baseline.size());
        return Optional.of(new Finding(name(), value, baseline.mean(), details, String.format(java.util.Locale.ROOT,
                "%s is %.1f standard deviations from the baseline %s (%d runs; limit %.1f)", BaselineTest.format(value), z,
                BaselineTest.format(baseline.mean()), baseline.size(), maxZ)));
    }
}
