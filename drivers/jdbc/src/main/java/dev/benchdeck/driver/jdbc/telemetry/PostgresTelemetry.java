package dev.benchdeck.driver.jdbc.telemetry;

import dev.benchdeck.driver.jdbc.config.JdbcTarget;
import dev.benchdeck.driver.jdbc.credentials.CredentialException;
import dev.benchdeck.driver.jdbc.credentials.CredentialProvider;
import dev.benchdeck.driver.jdbc.credentials.CredentialProviders;
import dev.benchdeck.driver.jdbc.pool.FreshCredentialConnector;
import dev.benchdeck.engine.telemetry.TelemetrySource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PostgreSQL's own view of a run, from one connection of its own: {@code pg_stat_database} rates of the
 * target database (commits and rollbacks per second, the blocks hit ratio of the last second) and
 * {@code pg_stat_activity} (active connections, those waiting on an event, all connections; this
 * sampler's own excluded). A lost connection is opened again on the next sample.
 */
public final class PostgresTelemetry implements TelemetrySource {

    private static final String DATABASE = """
            select xact_commit, xact_rollback, blks_hit, blks_read from pg_stat_database where datname = current_database()""";
    private static final String ACTIVITY = """
            select count(*) filter (where state = 'active'),
                   count(*) filter (where state = 'active' and wait_event is not null),
                   count(*)
            from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'""";

    private final JdbcTarget target;
    private final CredentialProvider credentials;
    private Connection connection;
    private Counters previous;

    public PostgresTelemetry(JdbcTarget target) throws CredentialException {
        this.target = target;
        this.credentials = CredentialProviders.forTarget(target);
    }

    private record Counters(long nanos, long commits, long rollbacks, long hits, long reads) {
    }

    @Override
    public Map<String, Double> sample() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = new FreshCredentialConnector(target, credentials).open().connection();
            connection.setAutoCommit(true);
        }
        Map<String, Double> out = new LinkedHashMap<>();
        try (Statement s = connection.createStatement()) {
            s.setQueryTimeout(2);
            // a fresh snapshot each time: within a transaction PostgreSQL repeats its first statistics snapshot
            try (ResultSet rs = s.executeQuery(DATABASE)) {
                if (rs.next()) {
                    Counters now = new Counters(System.nanoTime(), rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
                    rates(now, out);
                    previous = now;
                }
            }
            try (ResultSet rs = s.executeQuery(ACTIVITY)) {
                if (rs.next()) {
                    out.put("active_connections", (double) rs.getLong(1));
                    out.put("waiting_connections", (double) rs.getLong(2));
                    out.put("connections", (double) rs.getLong(3));
                }
            }
        } catch (SQLException e) {
            closeConnection();
            throw e;
        }
        return out;
    }

    private void rates(Counters now, Map<String, Double> out) {
        if (previous == null) {
            return;
        }
        double seconds = Math.max(1e-3, (now.nanos() - previous.nanos()) / 1e9);
        out.put("commits_per_s", round((now.commits() - previous.commits()) / seconds));
        out.put("rollbacks_per_s", round((now.rollbacks() - previous.rollbacks()) / seconds));
        long hits = now.hits() - previous.hits();
        long reads = now.reads() - previous.reads();
        if (hits + reads > 0) {
            out.put("blocks_hit_ratio", round((double) hits / (hits + reads)));
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    private void closeConnection() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // already broken; a new one is opened next time
        }
        connection = null;
    }

    @Override
    public void close() {
        closeConnection();
        credentials.close();
    }
}
