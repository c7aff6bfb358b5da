package dev.benchdeck.server.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.engine.plan.DurationText;
import dev.benchdeck.engine.plan.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the server asks of a database benchmark (a {@code jdbc} plan) beyond what the driver checks:
 * every step measures at least {@value #MIN_STEP_SECONDS} s, since shorter steps mostly measure caches
 * warming up. (Tables of at least 1,000 rows are the jdbc driver's own rule, at {@code workload.rows}.)
 * Read from the plan as written, so that these problems come with the driver's: each is reported where
 * the duration is written, a step's own or else {@code load.duration}; a duration that does not parse
 * is left to the plan reader.
 */
final class DatabasePlanRules {

    static final long MIN_STEP_SECONDS = 10;
    static final String DRIVER = "jdbc";

    private DatabasePlanRules() {
    }

    static List<Problem> problems(JsonNode plan) {
        if (!DRIVER.equals(plan.path("workload").path("driver").asText())) {
            return List.of();
        }
        JsonNode load = plan.path("load");
        List<Problem> problems = new ArrayList<>();
        boolean sharedTooShort = tooShort(load.get("duration"));
        boolean sharedUsed = !load.path("steps").isArray() || load.path("steps").isEmpty();
        int index = 0;
        for (JsonNode step : load.path("steps")) {
            if (step.has("duration")) {
                if (tooShort(step.get("duration"))) {
                    problems.add(new Problem("load.steps[" + index + "].duration", message()));
                }
            } else if (!step.has("requests")) {
                sharedUsed = true;
            }
            index++;
        }
        if (sharedTooShort && sharedUsed) {
            problems.add(0, new Problem("load.duration", message()));
        }
        return problems;
    }

    private static boolean tooShort(JsonNode duration) {
        if (duration == null || !(duration.isTextual() || duration.isNumber())) {
            return false;
        }
        try {
            return DurationText.parse(duration.asText()).compareTo(Duration.ofSeconds(MIN_STEP_SECONDS)) < 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String message() {
        return "must be at least " + MIN_STEP_SECONDS + "s for a database benchmark";
    }
}
