package dev.benchdeck.engine.driver;

/**
 * What one operation produced. Streaming operations also report each event's arrival time
 * ({@code eventTimes}, empty for plain request/response).
 */
public sealed interface Outcome {

    Timings timings();

    long[] eventTimes();

    static Outcome success(Timings timings) {
        return new Success(timings, NO_EVENTS);
    }

    static Outcome failure(String errorClass, String message, Timings timings) {
        return new Failure(errorClass, message, timings, NO_EVENTS);
    }

    long[] NO_EVENTS = new long[0];

    /** The operation did what the workload expects. */
    record Success(Timings timings, long[] eventTimes) implements Outcome {
    }

    /**
     * The operation failed; {@code errorClass} is one of {@link ErrorClasses} or a driver's own
     * class (for example a SQLSTATE class), {@code message} a short human-readable reason.
     */
    record Failure(String errorClass, String message, Timings timings, long[] eventTimes) implements Outcome {
    }
}
