package dev.benchdeck.server.run;

import dev.benchdeck.engine.result.RunStatus;

/** The statuses of a run as stored and shown: queued → running → completed | failed | cancelled | interrupted. */
public final class RunStates {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";
    public static final String INTERRUPTED = "interrupted";

    private RunStates() {
    }

    /** A run stopped by its plan's deadline has completed (its failure says why it ended early). */
    static String of(RunStatus engineStatus) {
        return switch (engineStatus) {
            case COMPLETED, TIMED_OUT -> COMPLETED;
            case CANCELLED -> CANCELLED;
            case FAILED -> FAILED;
        };
    }
}
