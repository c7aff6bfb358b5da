package dev.benchdeck.server.history;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A scenario's history: per step, one point per completed run (oldest first) with the value of each metric the step
 * measured, the run's labels, whether it is in the baseline the next run would be checked against, and its alerts.
 */
public record ScenarioHistory(long scenarioId, String scenarioName, List<MetricInfo> metrics, List<StepHistory> steps) {

    /** A metric of the history: its unit and which way is worse. */
    public record MetricInfo(String name, String unit,
                             @Schema(allowableValues = {"higher_is_worse", "lower_is_worse"}) String worse) {
    }

    public record StepHistory(int index, String label, List<Point> points,
                              @Schema(description = "per metric, the baseline after the newest point (on its branch): what the next run is held against")
                              Map<String, BaselineMark> baselines) {
    }

    public record Point(long runId,
                        @Schema(description = "the run's number in its scenario: 1 for its first run (any status)") long number,
                        Instant at, @Nullable String source, Map<String, String> labels, Map<String, Double> values,
                        @Schema(description = "part of the baseline of at least one metric") boolean inBaseline,
                        List<AlertMark> alerts) {
    }

    public record BaselineMark(double mean, double sd, int runs, List<Long> runIds) {
    }

    public record AlertMark(long id, String metric, String test, String status, String message) {
    }
}
