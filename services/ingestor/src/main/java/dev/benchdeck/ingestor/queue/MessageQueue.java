package dev.benchdeck.ingestor.queue;

import dev.benchdeck.ingestor.message.Message;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A durable, at-least-once queue between the HTTP side and the batch workers. Exactly-once <em>effect</em> comes
 * from the writer (a message's id is its primary key), so a queue may redeliver but must never lose what
 * {@link #publish} confirmed.
 */
public interface MessageQueue extends AutoCloseable {

    /**
     * Completes once every message is durably queued, or exceptionally ({@link QueueUnavailableException}): all or
     * none in PostgreSQL and Redis; Kafka (no transaction) may keep part of a failed batch, which ids make harmless.
     */
    CompletableFuture<Void> publish(List<Message> messages);

    /** A consumer for one worker: it holds what it took until it acknowledges it. */
    QueueConsumer consumer(String name);

    /** Waiting (not yet taken) and unacknowledged (taken, not yet acknowledged). */
    QueueDepth depth() throws QueueUnavailableException;

    /** Null when reachable, else why not, in one line. */
    String unreachableReason();

    /** "postgres", "redis" or "kafka". */
    String kind();

    @Override
    void close();
}
