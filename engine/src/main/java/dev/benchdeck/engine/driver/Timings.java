package dev.benchdeck.engine.driver;

/**
 * When an operation's phases happened, in {@link dev.benchdeck.engine.time.EngineClock#nanoTime()}
 * units. {@code connectNanos} is the time spent opening a connection for this operation, or
 * {@code -1} when an open connection was reused; {@code firstByte} is {@code -1} when nothing arrived.
 */
public record Timings(long send, long firstByte, long end, long connectNanos) {

    public static final long NONE = -1;

    public Timings {
        if (end < send) {
            throw new IllegalArgumentException("end before send");
        }
    }

    public static Timings of(long send, long end) {
        return new Timings(send, NONE, end, NONE);
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
}
