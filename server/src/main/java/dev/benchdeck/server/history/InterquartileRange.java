package dev.benchdeck.server.history;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Inter-quartile range (Tukey's fences): with {@code IQR = Q3 − Q1} of the baseline, flagged when the value is beyond
 * {@code Q3 + k·IQR} (higher is worse) or below {@code Q1 − k·IQR} (lower is worse). Needs four baseline runs and
 * IQR > 0.
 */
public record InterquartileRange(double multiplier) implements BaselineTest {

    @Override
    public String name() {
        return "iqr";
    }

    @Override
    public boolean applicable(Baseline baseline) {
        return baseline.size() >= 4 && baseline.q3() > baseline.q1();
    }

    @Override
    public Optional<Finding> check(double value, Baseline baseline, Direction direction) {
        if (!applicable(baseline)) {
            return Optional.empty();
        }
        double iqr = baseline.q3() - baseline.q1();
        double fence = direction == Direction.HIGHER_IS_WORSE ? baseline.q3() + multiplier * iqr : baseline.q1() - multiplier * iqr;
        if (direction.worse(value - fence) <= 0) {
            return Optional.empty();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("q1", baseline.q1());
        details.put("q3", baseline.q3());
        details.put("fence", fence);
        details.put("multiplier", multiplier);
        details.put("baseline_runs", baseline.size());
        return Optional.of(new Finding(name(), value, baseline.mean(), details, String.format(java.util.Locale.ROOT,
                "%s is beyond the fence %s (quartiles %s and %s of %d runs, %.1f × IQR)", BaselineTest.format(value),
                BaselineTest.format(fence), BaselineTest.format(baseline.q1()), BaselineTest.format(baseline.q3()),
                baseline.size(), multiplier)));
    }
}
