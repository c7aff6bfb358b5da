package dev.benchdeck.server.run;

/** Published (synchronously) once a run's end is stored as {@code completed}, by the executor and by an upload. */
public record RunCompleted(long runId) {
}
