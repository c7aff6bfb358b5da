package dev.benchdeck.engine.driver;

/**
 * When an operation's phases happened, in {@link dev.benchdeck.engine.time.EngineClock#nanoTime()}
 * units. {@code send} is when the operation itself began, after any wait for a pooled connection;
 * {@code connectWaitNanos} is that wait, or {@code -1} when the operation did not go through a
 * bounded pool. {@code connectNanos} is the time spent opening a connection for this operation, or
 * {@code -1} when an open connection was reused; {@code firstByte} is {@code -1} when nothing arrived.
 */
public record Timings(long send, long firstByte, long end, long connectNanos, long connectWaitNanos) {

    public static final long NONE = -1;

    public Timings {
        if (end < send) {
            throw new IllegalArgumentException("end before send");
        }
    }

    /** Timings of an operation that did not wait for a pooled connection. */
    public Timings(long send, long firstByte, long end, long connectNanos) {
        this(send, firstByte, end, connectNanos, NONE);
    }

    public static Timings of(long send, long end) {
        return new Timings(send, NONE, end, NONE, NONE);
    }

    public long serviceNanos() {
        return end - send;
    }

    public boolean hasFirstByte() {
        return firstByte != NONE;
    }

    public boolean opened() {
        return connectNanos != NONE;
    }

    public boolean waitedForConnection() {
        return connectWaitNanos != NONE;
    }
}
