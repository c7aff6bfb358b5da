package dev.benchdeck.server.run;

/** Published once a run's end is stored (completed, failed, cancelled or interrupted), for notifications. */
public record RunEnded(long runId, RunState status) {
}
