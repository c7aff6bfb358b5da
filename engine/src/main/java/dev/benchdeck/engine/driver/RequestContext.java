package dev.benchdeck.engine.driver;

/**
 * What the engine tells a session about the operation it asks for.
 *
 * @param sequence  a run-wide sequence number (0, 1, 2, …), for templating
 * @param user      the virtual user (closed model) or session slot (open model) running it
 * @param timeoutNanos the per-request timeout; the session must give up and report
 *                  {@link ErrorClasses#TIMEOUT} when it has passed
 */
public record RequestContext(long sequence, int user, long timeoutNanos) {
}
