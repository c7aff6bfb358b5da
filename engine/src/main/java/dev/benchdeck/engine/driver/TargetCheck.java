package dev.benchdeck.engine.driver;

/**
 * A connection check of one target, offered by the driver factory of its kind: can the target be reached and
 * used with its settings and secrets, as a user asks before a benchmark. Offered by the driver, so a new kind of
 * target brings its check without server code.
 */
@FunctionalInterface
public interface TargetCheck {

    /** Runs the check once, bounded in time. A problem with the target is a report with {@code ok} false, never an exception. */
    Report run();

    /**
     * What a check found: a record the server answers as JSON as it is (components in snake_case), so it never holds
     * a secret, not even in a message. {@code ok}: the target answered as a benchmark needs it to.
     */
    interface Report {
        boolean ok();
    }
}
