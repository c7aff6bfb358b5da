package dev.benchdeck.gateway.limit;

/** No connection slot: the queue was full, or the wait passed queue_timeout. Answered with 503 and Retry-After. */
public final class QueueRejection extends RuntimeException {

    /** Why. */
    public enum Reason { FULL, TIMEOUT }

    private final Reason reason;

    public QueueRejection(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
