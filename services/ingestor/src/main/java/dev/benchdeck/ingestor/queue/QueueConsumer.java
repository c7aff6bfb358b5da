package dev.benchdeck.ingestor.queue;

import java.time.Duration;

/** One worker's view of the queue. Not shared between threads. */
public interface QueueConsumer extends AutoCloseable {

    /**
     * Up to {@code max} messages: waits (a short while) for the first, then takes what else arrives within
     * {@code batchWait} of it. An empty delivery when nothing came.
     */
    Delivery take(int max, Duration batchWait) throws QueueUnavailableException, InterruptedException;

    /** The delivery's messages are stored: the queue may forget them. */
    void acknowledge(Delivery delivery) throws QueueUnavailableException;

    /** The delivery was not stored (the database failed): it goes back for redelivery. */
    void release(Delivery delivery);

    @Override
    void close();
}
