package dev.benchdeck.driver.ingest.sink;

import dev.benchdeck.driver.ingest.MessageIds;
import dev.benchdeck.driver.ingest.config.SinkSettings;
import dev.benchdeck.engine.driver.DriverException;
import dev.benchdeck.engine.time.EngineClock;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Polls the sink table on one connection, every {@code pollInterval}, for the run's messages, and records in the
 * {@link MessageLedger} when each was first seen. Each poll is two index lookups on the id column: the ids above
 * the highest seen so far (the tail, {@code id BETWEEN}), and the stragglers below it not seen yet
 * ({@code id = ANY(…)}, the oldest {@value #STRAGGLERS_PER_POLL} at most). A message counts as seen at the start of
 * the query that found it, so the end-to-end latency is known to within one poll (interval plus query time).
 */
public final class SinkWatcher implements AutoCloseable {

    static final int STRAGGLERS_PER_POLL = 10_000;

    private final SinkSettings sink;
    private final MessageIds ids;
    private final MessageLedger ledger;
    private final EngineClock clock;
    private final SendClock sendClock;
    private final long pollNanos;
    private final String tailQuery;
    private final String stragglerQuery;
    private final String countQuery;
    private final ReentrantLock connectionLock = new ReentrantLock();
    private final AtomicLong pollErrors = new AtomicLong();
    private final TreeSet<Long> stragglers = new TreeSet<>();
    private volatile String lastError;
    private Connection connection;
    private long maxSeen = -1;
    private Thread thread;
    private volatile boolean stopped;

    public SinkWatcher(SinkSettings sink, MessageIds ids, MessageLedger ledger, EngineClock clock, SendClock sendClock,
                       Duration pollInterval) {
        this.sink = sink;
        this.ids = ids;
        this.ledger = ledger;
        this.clock = clock;
        this.sendClock = sendClock;
        this.pollNanos = pollInterval.toNanos();
        String columns = sink.idColumn() + ", " + sink.timestampColumn();
        this.tailQuery = "SELECT " + columns + " FROM " + sink.table() + " WHERE " + sink.idColumn() + " >= ? AND "
                + sink.idColumn() + " <= ?";
        this.stragglerQuery = "SELECT " + columns + " FROM " + sink.table() + " WHERE " + sink.idColumn() + " = ANY(?)";
        this.countQuery = "SELECT " + sink.idColumn() + ", count(*) FROM " + sink.table() + " WHERE " + sink.idColumn()
                + " >= ? AND " + sink.idColumn() + " <= ? GROUP BY " + sink.idColumn();
    }

    /** Connects, checks the table and its columns exist, and starts polling. */
    public void start() throws DriverException {
        try {
            connection = connect();
        } catch (SQLException e) {
            throw new DriverException("sink", "cannot connect to the sink " + sink.jdbcUrl() + " as " + sink.user() + ": "
                    + e.getMessage(), e);
        }
        try (PreparedStatement s = connection.prepareStatement("SELECT " + sink.idColumn() + ", " + sink.timestampColumn()
                + " FROM " + sink.table() + " WHERE false")) {
            s.executeQuery().close();
        } catch (SQLException e) {
            closeConnection();
            throw new DriverException("sink", "the sink table " + sink.table() + " with columns " + sink.idColumn() + ", "
                    + sink.timestampColumn() + " cannot be read: " + e.getMessage(), e);
        }
        thread = Thread.ofPlatform().daemon().name("bd-ingest-sink-watcher").start(this::loop);
    }

    private Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", sink.user());
        String password = sink.password();
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "10");
        props.setProperty("socketTimeout", "60");
        props.setProperty("ApplicationName", "benchdeck ingest sink watcher");
        Connection c = DriverManager.getConnection(sink.jdbcUrl(), props);
        c.setAutoCommit(true);
        return c;
    }

    private void loop() {
        long next = clock.nanoTime();
        while (!stopped) {
            connectionLock.lock();
            try {
                pollOnce();
                lastError = null;
            } catch (SQLException e) {
                pollErrors.incrementAndGet();
                lastError = e.getMessage();
                closeConnection();
            } finally {
                connectionLock.unlock();
            }
            next += pollNanos;
            long now = clock.nanoTime();
            if (next < now) {
                next = now; // a slow poll: the next one starts at once, not a burst of catch-up polls
            }
            try {
                clock.sleepUntil(next);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void pollOnce() throws SQLException {
        if (connection == null) {
            connection = connect();
        }
        long high = ledger.issued() - 1;
        if (high > maxSeen) {
            pollTail(high);
        }
        pollStragglers();
    }

    private void pollTail(long high) throws SQLException {
        long newMax = maxSeen;
        try (PreparedStatement s = connection.prepareStatement(tailQuery)) {
            s.setString(1, ids.id(maxSeen + 1));
            s.setString(2, ids.id(high));
            long at = clock.nanoTime();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long seq = sighted(rs, at);
                    if (seq > newMax && seq <= high) {
                        newMax = seq;
                    }
                }
            }
        }
        for (long seq = maxSeen + 1; seq < newMax; seq++) {
            if (ledger.awaited(seq)) {
                stragglers.add(seq);
            }
        }
        maxSeen = newMax;
    }

    private void pollStragglers() throws SQLException {
        List<String> wanted = new ArrayList<>();
        for (Iterator<Long> it = stragglers.iterator(); it.hasNext() && wanted.size() < STRAGGLERS_PER_POLL; ) {
            long seq = it.next();
            if (ledger.awaited(seq)) {
                wanted.add(ids.id(seq));
            } else {
                it.remove();
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        try (PreparedStatement s = connection.prepareStatement(stragglerQuery)) {
            Array array = connection.createArrayOf("text", wanted.toArray());
            s.setArray(1, array);
            long at = clock.nanoTime();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    stragglers.remove(sighted(rs, at));
                }
            }
            array.free();
        }
    }

    /** Records one row's sighting; its sequence, or -1 for a row that is not one of this run's messages. */
    private long sighted(ResultSet rs, long at) throws SQLException {
        long seq = ids.sequence(rs.getString(1));
        if (seq < 0) {
            return -1;
        }
        long sent = ledger.sentAt(seq);
        Timestamp stamp = rs.getTimestamp(2);
        long lag = Long.MIN_VALUE;
        if (stamp != null && sent != Long.MIN_VALUE) {
            long stampMicros = Math.floorDiv(stamp.getTime(), 1000) * 1_000_000 + stamp.getNanos() / 1000;
            lag = stampMicros - sendClock.epochMicros(sent);
        }
        ledger.seen(seq, at, lag);
        return seq;
    }

    /**
     * How many rows the sink holds for each sequence {@code first … last}: one query over the id range (the final
     * count: lost and duplicated). Polling pauses meanwhile.
     */
    public int[] rowsPerMessage(long first, long last) throws SQLException {
        int[] rows = new int[(int) Math.max(0, last - first + 1)];
        if (rows.length == 0) {
            return rows;
        }
        connectionLock.lock();
        try {
            if (connection == null) {
                connection = connect();
            }
            try (PreparedStatement s = connection.prepareStatement(countQuery)) {
                s.setString(1, ids.id(first));
                s.setString(2, ids.id(last));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        long seq = ids.sequence(rs.getString(1));
                        if (seq >= first && seq <= last) {
                            rows[(int) (seq - first)] += (int) Math.min(Integer.MAX_VALUE, rs.getLong(2));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            closeConnection();
            throw e;
        } finally {
            connectionLock.unlock();
        }
        return rows;
    }

    public long pollErrors() {
        return pollErrors.get();
    }

    /** The last poll's failure, or {@code null} when the last poll worked. */
    public String lastError() {
        return lastError;
    }

    @Override
    public void close() {
        stopped = true;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        connectionLock.lock();
        try {
            closeConnection();
        } finally {
            connectionLock.unlock();
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already broken: nothing to release
            }
            connection = null;
        }
    }
}
