package dev.benchdeck.server.run;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A run in lists and in the live feed; the numbers are the merged result of all steps, null until it
 * ends. {@code thresholdsPassed} is null when the run checked no threshold (or ended without results).
 */
public record RunSummary(long id, @Nullable Long scenarioId, String scenarioName, @Nullable Long targetId, String targetName,
                         RunState status, String createdBy, Instant queuedAt, @Nullable Instant startedAt, @Nullable Instant endedAt,
                         @Nullable Long requests, @Nullable Double throughput, @Nullable Double errorRate,
                         @Nullable Double p50Ms, @Nullable Double p95Ms, @Nullable Double p99Ms,
                         @Nullable Boolean thresholdsPassed, @JsonIgnore @Nullable Long createdById) {

    @JsonIgnore
    public boolean isFinished() {
        return status.finished();
    }
}
