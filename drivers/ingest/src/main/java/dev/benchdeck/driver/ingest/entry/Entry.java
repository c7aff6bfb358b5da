package dev.benchdeck.driver.ingest.entry;

import dev.benchdeck.engine.driver.Outcome;

/** A way into the pipeline under test (an HTTP endpoint, a Redis stream or list), shared by the run's sessions. */
public interface Entry extends AutoCloseable {

    /** A session for one user; one publish at a time. */
    Publisher newPublisher();

    /** Releases connections and threads. */
    @Override
    void close();

    /** Publishes batches for one user. */
    interface Publisher extends AutoCloseable {

        /**
         * Publishes {@code batch}, which began at {@code send} ({@code nanoTime}); success only once the entry
         * confirmed every message. Failures are returned, never thrown.
         */
        Outcome publish(Batch batch, long send, long timeoutNanos) throws InterruptedException;

        /** Aborts a publish in flight (from another thread) and releases the session. */
        @Override
        void close();
    }

    /** Messages {@code firstSeq … firstSeq + size − 1}, all sent at {@code sendEpochMicros} (wall clock). */
    record Batch(long firstSeq, int size, long sendEpochMicros) {
    }
}
