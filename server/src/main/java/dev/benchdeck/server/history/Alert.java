package dev.benchdeck.server.history;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a regression test found on a run's step and metric. {@code status} is {@code open} until someone acknowledges
 * it (a real regression, seen) or marks it a {@code false_positive} (its value then stays out of later baselines);
 * {@code statusBy}, {@code statusAt} and {@code statusReason} say who, when and why.
 */
public record Alert(long id, long runId, @Nullable Long scenarioId, String scenarioName, long runNumber, int stepIndex, String stepLabel,
                    String metric, String unit,
                    @Schema(allowableValues = {"static", "percentage", "z_score", "t_test", "iqr", "change_point"}) String test,
                    double value, @Nullable Double baseline,
                    @JsonRawValue @Schema(type = "object", description = "the test's own figures: its statistic, limit, p-value, baseline runs…")
                    String details,
                    String message,
                    @Schema(allowableValues = {"open", "acknowledged", "false_positive"}) String status,
                    @Nullable String statusBy, @Nullable Instant statusAt, @Nullable String statusReason, Instant createdAt) {
}
