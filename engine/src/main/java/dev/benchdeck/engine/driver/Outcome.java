package dev.benchdeck.engine.driver;

import dev.benchdeck.engine.stream.StreamTimeline;

/**
 * What one operation produced. Streaming operations also report each event's arrival time
 * ({@code eventTimes}, empty for plain request/response) and, for token streams (LLM answers), the
 * {@link StreamTimeline} the stream metrics are computed from ({@code null} otherwise).
 */
public sealed interface Outcome {

    Timings timings();

    long[] eventTimes();

    StreamTimeline stream();

    /** What a journey iteration measured step by step ({@code null} for a single operation). */
    JourneyTrace journey();

    /** This outcome as the result of a whole journey iteration, with what its steps measured. */
    default Outcome withJourney(JourneyTrace trace) {
        return this instanceof Failure f ? new Failure(f.errorClass(), f.message(), f.timings(), f.eventTimes(), f.stream(), trace)
                : new Success(timings(), eventTimes(), stream(), trace);
    }

    static Outcome success(Timings timings) {
        return new Success(timings, NO_EVENTS, null, null);
    }

    static Outcome success(Timings timings, long[] eventTimes, StreamTimeline stream) {
        return new Success(timings, eventTimes, stream, null);
    }

    static Outcome failure(String errorClass, String message, Timings timings) {
        return new Failure(errorClass, message, timings, NO_EVENTS, null, null);
    }

    /** A failure after part of a stream arrived (an in-stream error, a dropped connection). */
    static Outcome failure(String errorClass, String message, Timings timings, long[] eventTimes, StreamTimeline stream) {
        return new Failure(errorClass, message, timings, eventTimes, stream, null);
    }

    long[] NO_EVENTS = new long[0];

    /** The operation did what the workload expects. */
    record Success(Timings timings, long[] eventTimes, StreamTimeline stream, JourneyTrace journey) implements Outcome {
    }

    /**
     * The operation failed; {@code errorClass} is one of {@link ErrorClasses} or a driver's own
     * class (for example a SQLSTATE class), {@code message} a short human-readable reason.
     */
    record Failure(String errorClass, String message, Timings timings, long[] eventTimes, StreamTimeline stream,
                   JourneyTrace journey)
            implements Outcome {
    }
}
