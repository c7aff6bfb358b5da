package dev.benchdeck.engine.driver;

/**
 * What the engine tells a session about the operation it asks for.
 *
 * @param sequence  a run-wide sequence number (0, 1, 2, …), for templating
 * @param user      the virtual user (closed model) or session slot (open model) running it
 * @param timeoutNanos the per-request timeout; the session must give up and report
 *                  {@link ErrorClasses#TIMEOUT} when it has passed
 * @param newUser   whether the operation belongs to a new virtual user (the open model starts one per
 *                  arrival) rather than to the next iteration of the same one: a journey then forgets
 *                  the user's cookies
 */
public record RequestContext(long sequence, int user, long timeoutNanos, boolean newUser) {

    /** An operation of a user that keeps its identity across operations (the closed model). */
    public RequestContext(long sequence, int user, long timeoutNanos) {
        this(sequence, user, timeoutNanos, false);
    }
}
