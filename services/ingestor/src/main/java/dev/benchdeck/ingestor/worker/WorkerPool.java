package dev.benchdeck.ingestor.worker;

import dev.benchdeck.ingestor.queue.MessageQueue;
import dev.benchdeck.ingestor.stats.IngestStats;
import dev.benchdeck.ingestor.store.DatabaseSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** N batch workers, each on its own platform thread (each holds a connection and blocks on the queue). */
public final class WorkerPool implements AutoCloseable {

    private final String instance;
    private final MessageQueue queue;
    private final DatabaseSettings database;
    private final int batchSize;
    private final Duration batchWait;
    private final IngestStats stats;
    private final BatchListener listener;
    private final WorkerHealth health = new WorkerHealth();
    private final List<BatchWorker> workers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private int configured;

    public WorkerPool(String instance, MessageQueue queue, DatabaseSettings database, int batchSize, Duration batchWait,
                      IngestStats stats, BatchListener listener) {
        this.instance = instance;
        this.queue = queue;
        this.database = database;
        this.batchSize = batchSize;
        this.batchWait = batchWait;
        this.stats = stats;
        this.listener = listener;
    }

    /** Starts {@code count} workers (replacing any running). */
    public synchronized void start(int count) {
        stop();
        configured = count;
        for (int i = 0; i < count; i++) {
            String name = instance + "-w" + i;
            BatchWorker w = new BatchWorker(name, queue, database, batchSize, batchWait, stats, listener, health);
            workers.add(w);
            threads.add(Thread.ofPlatform().daemon().name("ingest-" + name).start(w));
        }
    }

    /** Stops every worker; what they held and did not acknowledge goes back to the queue. */
    public synchronized void stop() {
        workers.forEach(BatchWorker::stop);
        for (Thread t : threads) {
            t.interrupt();
        }
        for (Thread t : threads) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
        threads.clear();
        configured = 0;
    }

    public synchronized int alive() {
        return (int) threads.stream().filter(Thread::isAlive).count();
    }

    public synchronized int configured() {
        return configured;
    }

    public WorkerHealth health() {
        return health;
    }

    @Override
    public void close() {
        stop();
    }
}
