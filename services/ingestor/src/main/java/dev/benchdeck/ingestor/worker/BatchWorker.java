package dev.benchdeck.ingestor.worker;

import dev.benchdeck.ingestor.queue.Delivery;
import dev.benchdeck.ingestor.queue.MessageQueue;
import dev.benchdeck.ingestor.queue.QueueConsumer;
import dev.benchdeck.ingestor.queue.QueueUnavailableException;
import dev.benchdeck.ingestor.stats.IngestStats;
import dev.benchdeck.ingestor.store.DatabaseSettings;
import dev.benchdeck.ingestor.store.MessageStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * One batch worker: take up to {@code batchSize} (or what came within {@code batchWait}), write them in one
 * transaction (COPY into staging, insert what is new), and only then acknowledge. A failed write releases the
 * delivery for redelivery; the primary key makes a redelivered message a no-op.
 */
final class BatchWorker implements Runnable {

    private static final System.Logger LOG = System.getLogger(BatchWorker.class.getName());
    static final long MAX_BACKOFF_MS = 2_000;

    private final String name;
    private final MessageQueue queue;
    private final DatabaseSettings database;
    private final int batchSize;
    private final Duration batchWait;
    private final IngestStats stats;
    private final BatchListener listener;
    private final WorkerHealth health;
    private volatile boolean running = true;
    private Connection own;

    BatchWorker(String name, MessageQueue queue, DatabaseSettings database, int batchSize, Duration batchWait,
                IngestStats stats, BatchListener listener, WorkerHealth health) {
        this.name = name;
        this.queue = queue;
        this.database = database;
        this.batchSize = batchSize;
        this.batchWait = batchWait;
        this.stats = stats;
        this.listener = listener;
        this.health = health;
    }

    void stop() {
        running = false;
    }

    @Override
    public void run() {
        long backoff = 50;
        try (QueueConsumer consumer = queue.consumer(name)) {
            while (running && !Thread.currentThread().isInterrupted()) {
                Delivery delivery;
                try {
                    delivery = consumer.take(batchSize, batchWait);
                    health.queueOk();
                } catch (QueueUnavailableException e) {
                    stats.error("queue_unavailable");
                    health.queueFailed(e.getMessage());
                    backoff = pause(backoff);
                    continue;
                }
                if (delivery.isEmpty() || !running) {
                    if (!delivery.isEmpty()) {
                        consumer.release(delivery);
                    }
                    continue;
                }
                if (store(consumer, delivery)) {
                    backoff = 50;
                } else {
                    backoff = pause(backoff);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeOwn();
        }
    }

    /** True when the batch was stored (acknowledged or not). */
    private boolean store(QueueConsumer consumer, Delivery delivery) throws InterruptedException {
        long start = System.nanoTime();
        Instant insertedAt = Instant.now();
        int inserted;
        try {
            Connection c = delivery.transaction() != null ? delivery.transaction() : ownConnection();
            inserted = MessageStore.write(c, delivery.messages(), insertedAt);
            if (delivery.transaction() == null) {
                c.commit();
            }
        } catch (SQLException e) {
            stats.error("database_write");
            health.databaseFailed("PostgreSQL (" + database.describe() + "): " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            rollbackOwn();
            consumer.release(delivery);
            return false;
        }
        try {
            consumer.acknowledge(delivery);
        } catch (QueueUnavailableException e) {
            // with a separate queue the rows are stored; the entries come again and are skipped by their ids
            stats.error("acknowledge_failed");
            health.queueFailed(e.getMessage());
            if (delivery.transaction() != null) {
                health.databaseFailed(e.getMessage());
                return false;
            }
        }
        health.databaseOk();
        long micros = (System.nanoTime() - start) / 1_000;
        stats.batch(delivery.messages(), inserted, micros, insertedAt);
        try {
            listener.stored(delivery.messages(), inserted, micros, insertedAt);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a batch listener failed", e);
        }
        return true;
    }

    private Connection ownConnection() throws SQLException {
        if (own == null) {
            Connection c = database.connect();
            try {
                MessageStore.prepareWriter(c);
                c.setAutoCommit(false);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
            own = c;
        }
        return own;
    }

    private void rollbackOwn() {
        if (own != null) {
            try {
                own.rollback();
            } catch (SQLException e) {
                closeOwn();
            }
            // after an error the connection may be broken: start over with a fresh one
            closeOwn();
        }
    }

    private void closeOwn() {
        if (own != null) {
            try {
                own.close();
            } catch (SQLException ignored) {
                // already broken
            }
            own = null;
        }
    }

    private long pause(long backoff) throws InterruptedException {
        Thread.sleep(backoff);
        return Math.min(MAX_BACKOFF_MS, backoff * 2);
    }
}
