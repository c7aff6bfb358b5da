package dev.benchdeck.ingestor.queue.postgres;

import dev.benchdeck.ingestor.message.Message;
import dev.benchdeck.ingestor.queue.Delivery;
import dev.benchdeck.ingestor.queue.QueueConsumer;
import dev.benchdeck.ingestor.queue.QueueUnavailableException;
import dev.benchdeck.ingestor.store.MessageStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One worker's connection: takes rows in an open transaction (locked, so no other worker sees them), which the
 * writer then uses for the insert; {@link #acknowledge} commits both, {@link #release} rolls both back.
 */
final class PostgresConsumer implements QueueConsumer {

    /** How long one take waits for the first message before it returns empty (the worker then takes again). */
    static final long IDLE_WAIT_MS = 200;
    /** Publishes from other processes are not signalled: they are seen by polling this often. */
    static final long POLL_MS = 50;
    private static final String TAKE = "DELETE FROM ingest_queue WHERE seq IN (SELECT seq FROM ingest_queue ORDER BY seq"
            + " LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING id, user_id, channel_id, content, created_at";

    private final PostgresQueue queue;
    private Connection connection;
    private int held;

    PostgresConsumer(PostgresQueue queue) {
        this.queue = queue;
    }

    @Override
    public Delivery take(int max, Duration batchWait) throws QueueUnavailableException, InterruptedException {
        try {
            Connection c = connection();
            List<Message> got = new ArrayList<>();
            long idleDeadline = System.nanoTime() + IDLE_WAIT_MS * 1_000_000;
            while (got.isEmpty()) {
                takeSome(c, max, got);
                if (got.isEmpty()) {
                    c.commit();
                    long left = (idleDeadline - System.nanoTime()) / 1_000_000;
                    if (left <= 0) {
                        return Delivery.EMPTY;
                    }
                    queue.awaitArrivals(Math.min(left, POLL_MS));
                }
            }
            long deadline = System.nanoTime() + batchWait.toNanos();
            while (got.size() < max) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    break;
                }
                queue.awaitArrivals(Math.min(left, POLL_MS));
                takeSome(c, max - got.size(), got);
            }
            held = got.size();
            queue.inFlight().addAndGet(held);
            return new Delivery(got, List.of(), c);
        } catch (SQLException e) {
            drop();
            throw new QueueUnavailableException("PostgreSQL (" + queue.database().describe() + "): " + PostgresQueue.oneLine(e), e);
        }
    }

    private static void takeSome(Connection c, int limit, List<Message> into) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(TAKE)) {
            s.setInt(1, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    into.add(new Message(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant()));
                }
            }
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            Connection c = queue.database().connect();
            try {
                MessageStore.prepareWriter(c);
                c.setAutoCommit(false);
            } catch (SQLException e) {
                PostgresQueue.closeQuietly(c);
                throw e;
            }
            connection = c;
        }
        return connection;
    }

    @Override
    public void acknowledge(Delivery delivery) throws QueueUnavailableException {
        try {
            connection.commit();
        } catch (SQLException e) {
            drop();
            throw new QueueUnavailableException("PostgreSQL: the commit failed: " + PostgresQueue.oneLine(e), e);
        } finally {
            unhold();
        }
    }

    @Override
    public void release(Delivery delivery) {
        try {
            if (connection != null) {
                connection.rollback();
            }
        } catch (SQLException e) {
            drop();
        } finally {
            unhold();
        }
    }

    private void unhold() {
        queue.inFlight().addAndGet(-held);
        held = 0;
    }

    /** A broken connection is closed; the server rolls its transaction back, so what it held is visible again. */
    private void drop() {
        PostgresQueue.closeQuietly(connection);
        connection = null;
    }

    @Override
    public void close() {
        unhold();
        drop();
    }
}
