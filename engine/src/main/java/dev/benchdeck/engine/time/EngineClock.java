package dev.benchdeck.engine.time;

import java.util.concurrent.locks.LockSupport;

/**
 * The engine's only source of time: a monotonic clock for measuring and pacing and a wall clock for
 * timestamps. Injected so that tests can drive schedules deterministically.
 */
public interface EngineClock {

    /** Monotonic nanoseconds; only differences are meaningful. */
    long nanoTime();

    /** Wall-clock milliseconds since the epoch, for timestamps shown to people. */
    long currentTimeMillis();

    /** Blocks until {@link #nanoTime()} has reached {@code deadline}. */
    void sleepUntil(long deadline) throws InterruptedException;

    static EngineClock system() {
        return SystemClock.INSTANCE;
    }

    /** The real clock: {@link System#nanoTime()} and parking. */
    enum SystemClock implements EngineClock {
        INSTANCE;

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public long currentTimeMillis() {
            return System.currentTimeMillis();
        }

        @Override
        public void sleepUntil(long deadline) throws InterruptedException {
            long remaining;
            while ((remaining = deadline - System.nanoTime()) > 0) {
                // parkNanos may return early (spurious wake-ups), hence the loop
                LockSupport.parkNanos(remaining);
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        }
    }
}
