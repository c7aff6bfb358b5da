package dev.benchdeck.server.history;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Static limit: the value is worse than a fixed limit ({@code value > max}, or {@code value < min}); no baseline needed. */
public record StaticLimit(Double max, Double min) implements BaselineTest {

    @Override
    public String name() {
        return "static";
    }

    @Override
    public boolean applicable(Baseline baseline) {
        return true;
    }

    @Override
    public Optional<Finding> check(double value, Baseline baseline, Direction direction) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (max != null && value > max) {
            details.put("max", max);
            return Optional.of(new Finding(name(), value, null, details,
                    BaselineTest.format(value) + " is above the limit " + BaselineTest.format(max)));
        }
        if (min != null && value < min) {
            details.put("min", min);
            return Optional.of(new Finding(name(), value, null, details,
                    BaselineTest.format(value) + " is below the limit " + BaselineTest.format(min)));
        }
        return Optional.empty();
    }
}
