package dev.benchdeck.driver.ingest.sink;

import dev.benchdeck.engine.time.EngineClock;

/** Turns the engine's monotonic send times into wall-clock microseconds, for {@code created_at} and the sink's stamps. */
public record SendClock(long originNanos, long originEpochMicros) {

    public static SendClock of(EngineClock clock) {
        return new SendClock(clock.nanoTime(), clock.currentTimeMillis() * 1000);
    }

    public long epochMicros(long nanos) {
        return originEpochMicros + Math.floorDiv(nanos - originNanos, 1000);
    }
}
