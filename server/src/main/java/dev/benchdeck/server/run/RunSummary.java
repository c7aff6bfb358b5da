package dev.benchdeck.server.run;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;

/**
 * A run in lists and in the live feed; the numbers are the merged result of all steps, null until it
 * ends. {@code thresholdsPassed} is null when the run checked no threshold (or ended without results).
 */
public record RunSummary(long id, Long scenarioId, String scenarioName, Long targetId, String targetName, RunState status,
                         String createdBy, Instant queuedAt, Instant startedAt, Instant endedAt,
                         Long requests, Double throughput, Double errorRate, Double p50Ms, Double p95Ms, Double p99Ms,
                         Boolean thresholdsPassed, @JsonIgnore Long createdById) {

    @JsonIgnore
    public boolean isFinished() {
        return status.finished();
    }
}
