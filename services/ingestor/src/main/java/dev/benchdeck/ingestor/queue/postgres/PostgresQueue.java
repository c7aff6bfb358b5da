package dev.benchdeck.ingestor.queue.postgres;

import dev.benchdeck.ingestor.message.Message;
import dev.benchdeck.ingestor.queue.MessageQueue;
import dev.benchdeck.ingestor.queue.QueueConsumer;
import dev.benchdeck.ingestor.queue.QueueDepth;
import dev.benchdeck.ingestor.queue.QueueUnavailableException;
import dev.benchdeck.ingestor.store.CopyText;
import dev.benchdeck.ingestor.store.DatabaseSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * The queue as a PostgreSQL table in the sink's own database (the default: nothing else to run). Publishes are
 * group-committed: a few flusher threads each COPY everything that arrived while the previous commit ran, so one
 * fsync confirms many requests. Workers take rows with {@code DELETE … FOR UPDATE SKIP LOCKED … RETURNING} inside a
 * transaction that also writes the messages, so taking and storing commit together; a worker that dies rolls back
 * and its rows become visible to the others.
 */
public final class PostgresQueue implements MessageQueue {

    private static final System.Logger LOG = System.getLogger(PostgresQueue.class.getName());
    static final String CREATE = """
            CREATE TABLE IF NOT EXISTS ingest_queue (
                seq        bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                id         text        NOT NULL,
                user_id    bigint      NOT NULL,
                channel_id bigint      NOT NULL,
                content    text        NOT NULL,
                created_at timestamptz NOT NULL)""";
    /** Messages held in memory waiting for a flusher; past this, publishes are refused rather than piling up. */
    static final int MAX_PENDING = 200_000;
    /** One COPY carries at most this many messages. */
    static final int MAX_FLUSH = 20_000;

    private final DatabaseSettings database;
    private final DataSource probes;
    private final LinkedBlockingQueue<PendingPublish> pending = new LinkedBlockingQueue<>();
    private final AtomicLong pendingMessages = new AtomicLong();
    private final AtomicLong inFlight = new AtomicLong();
    private final Object arrivals = new Object();
    private final List<Thread> flushers = new ArrayList<>();
    private volatile boolean closed;
    private volatile String lastFailure;
    private volatile long lastFailureNanos;

    private record PendingPublish(List<Message> messages, CompletableFuture<Void> done) {
    }

    public PostgresQueue(DatabaseSettings database, DataSource probes, int flusherCount) throws SQLException {
        this.database = database;
        this.probes = probes;
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute(CREATE);
        }
        for (int i = 0; i < flusherCount; i++) {
            Thread t = Thread.ofPlatform().daemon().name("ingest-queue-flush-" + i).start(this::flushLoop);
            flushers.add(t);
        }
    }

    @Override
    public String kind() {
        return "postgres";
    }

    @Override
    public CompletableFuture<Void> publish(List<Message> messages) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (closed) {
            done.completeExceptionally(new QueueUnavailableException("the ingestor is stopping", null));
        } else if (pendingMessages.addAndGet(messages.size()) > MAX_PENDING) {
            pendingMessages.addAndGet(-messages.size());
            done.completeExceptionally(new QueueUnavailableException("the queue's write backlog is full (" + MAX_PENDING
                    + " messages waiting for PostgreSQL)", null));
        } else {
            pending.add(new PendingPublish(messages, done));
        }
        return done;
    }

    private void flushLoop() {
        Connection c = null;
        List<PendingPublish> group = new ArrayList<>();
        while (!closed) {
            try {
                PendingPublish first = pending.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                int count = first.messages().size();
                PendingPublish next;
                while (count < MAX_FLUSH && (next = pending.poll()) != null) {
                    group.add(next);
                    count += next.messages().size();
                }
                pendingMessages.addAndGet(-count);
                if (c == null) {
                    c = connectForFlush();
                }
                copy(c, group);
                c.commit();
                lastFailure = null;
                group.forEach(p -> p.done().complete(null));
                synchronized (arrivals) {
                    arrivals.notifyAll();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (SQLException | RuntimeException e) {
                String why = "PostgreSQL (" + database.describe() + "): " + oneLine(e);
                failed(why);
                QueueUnavailableException failure = new QueueUnavailableException(why, e);
                group.forEach(p -> p.done().completeExceptionally(failure));
                closeQuietly(c);
                c = null;
            }
            group.clear();
        }
        closeQuietly(c);
        PendingPublish left;
        while ((left = pending.poll()) != null) {
            left.done().completeExceptionally(new QueueUnavailableException("the ingestor is stopping", null));
        }
    }

    /** While the database has just failed, refuse at once instead of making every request wait for a connect timeout. */
    private Connection connectForFlush() throws SQLException {
        String failure = lastFailure;
        if (failure != null && System.nanoTime() - lastFailureNanos < TimeUnit.MILLISECONDS.toNanos(500)) {
            throw new SQLException(failure.substring(failure.indexOf("): ") + 3), "08001");
        }
        Connection c = database.connect();
        c.setAutoCommit(false);
        return c;
    }

    private static void copy(Connection c, List<PendingPublish> group) throws SQLException {
        List<Message> all = new ArrayList<>();
        group.forEach(p -> all.addAll(p.messages()));
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY ingest_queue (id, user_id, channel_id, content, created_at) FROM STDIN",
                    new ByteArrayInputStream(CopyText.encode(all)));
        } catch (IOException e) {
            throw new SQLException("COPY failed: " + e.getMessage(), "08006", e);
        }
    }

    void failed(String why) {
        lastFailure = why;
        lastFailureNanos = System.nanoTime();
    }

    void awaitArrivals(long millis) throws InterruptedException {
        synchronized (arrivals) {
            arrivals.wait(Math.max(1, millis));
        }
    }

    AtomicLong inFlight() {
        return inFlight;
    }

    DatabaseSettings database() {
        return database;
    }

    @Override
    public QueueConsumer consumer(String name) {
        return new PostgresConsumer(this);
    }

    @Override
    public QueueDepth depth() throws QueueUnavailableException {
        try (Connection c = probes.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM ingest_queue")) {
            rs.next();
            long taken = inFlight.get();
            return new QueueDepth(Math.max(0, rs.getLong(1) - taken) + pendingMessages.get(), taken);
        } catch (SQLException e) {
            throw new QueueUnavailableException("PostgreSQL (" + database.describe() + "): " + oneLine(e), e);
        }
    }

    @Override
    public String unreachableReason() {
        try (Connection c = probes.getConnection(); Statement s = c.createStatement()) {
            s.execute("SELECT 1 FROM ingest_queue LIMIT 0");
            return null;
        } catch (SQLException e) {
            return "PostgreSQL (" + database.describe() + "): " + oneLine(e);
        }
    }

    static String oneLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank())) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage()).lines().findFirst().orElse(t.getClass().getSimpleName());
    }

    static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the connection is already broken
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread t : flushers) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        LOG.log(System.Logger.Level.DEBUG, "postgres queue closed");
    }
}
