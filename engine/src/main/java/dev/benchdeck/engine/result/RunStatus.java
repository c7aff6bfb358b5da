package dev.benchdeck.engine.result;

/** How a run ended. */
public enum RunStatus {
    /** Every step ran to its end. */
    COMPLETED,
    /** Stopped on request (Ctrl-C, the API); results hold what was measured until then. */
    CANCELLED,
    /** Stopped by the plan's deadline; results hold what was measured until then. */
    TIMED_OUT,
    /** Could not run (e.g. the target was unreachable before the load started). */
    FAILED
}
