package dev.benchdeck.server.run;

import java.time.Instant;

/** A run in lists and in the live feed; the numbers are the merged result of all steps, null until it ends. */
public record RunSummary(long id, Long scenarioId, String scenarioName, Long targetId, String targetName, String status,
                         String createdBy, Instant queuedAt, Instant startedAt, Instant endedAt,
                         Long requests, Double throughput, Double errorRate, Double p50Ms, Double p95Ms, Double p99Ms,
                         Boolean thresholdsPassed) {

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isFinished() {
        return !RunStates.QUEUED.equals(status) && !RunStates.RUNNING.equals(status);
    }
}
