package dev.benchdeck.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.engine.shard.AgentsSpec;
import dev.benchdeck.engine.shard.Shard;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What to run: the target, the workload (a driver and its parameters), the load and its steps, the
 * per-request timeout, the run deadline and the thresholds; {@code agents} when it is split over load agents,
 * {@code shard} the part of such a run this plan is ({@link Shard#WHOLE} otherwise). Produced only by {@link PlanReader},
 * so a {@code Plan} is always valid. {@code source} is the plan as written, after overrides.
 */
public record Plan(String name, String description, String driver, JsonNode target, JsonNode workload,
                   LoadSpec load, Duration timeout, Duration deadline, long seed,
                   List<Threshold> thresholds, JsonNode source, Double maxErrorRate,
                   @Nullable AgentsSpec agents, Shard shard) {

    public Plan {
        thresholds = List.copyOf(thresholds);
    }

    /** Whether the run is split over load agents ({@code agents} in the plan). */
    public boolean distributed() {
        return agents != null;
    }

    /** The planned length of the run, or empty when a step ends on a request count alone. */
    public Optional<Duration> estimatedDuration() {
        Duration total = Duration.ZERO;
        for (StepSpec step : load.steps()) {
            Duration measured = step instanceof OpenStep open ? open.measuredDuration() : step.duration();
            if (measured == null) {
                return Optional.empty();
            }
            total = total.plus(step.ramp()).plus(step.warmup()).plus(measured);
        }
        return Optional.of(total);
    }
}
