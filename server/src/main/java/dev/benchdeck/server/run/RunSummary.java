package dev.benchdeck.server.run;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A run in lists and in the live feed; the numbers are the merged result of all steps, null until it
 * ends. {@code thresholdsPassed} is null when the run checked no threshold (or ended without results).
 * {@code labels} holds where it came from ({@link RunLabels}).
 */
public record RunSummary(long id, @Nullable Long scenarioId, String scenarioName, @Nullable Long targetId, String targetName,
                         RunState status, String createdBy, Instant queuedAt, @Nullable Instant startedAt, @Nullable Instant endedAt,
                         @Nullable Long requests, @Nullable Double throughput, @Nullable Double errorRate,
                         @Nullable Double p50Ms, @Nullable Double p95Ms, @Nullable Double p99Ms,
                         @Nullable Boolean thresholdsPassed, @JsonIgnore @Nullable Long createdById,
                         @Schema(description = "where the run was started: dashboard, api, cli-upload or schedule (null: before sources were kept)",
                                 allowableValues = {"dashboard", "api", "cli-upload", "schedule"})
                         @Nullable String source,
                         @Schema(description = "key → value; commit, branch, version and environment are the run's own fields, the rest free labels")
                         Map<String, String> labels) {

    @JsonIgnore
    public boolean isFinished() {
        return status.finished();
    }
}
