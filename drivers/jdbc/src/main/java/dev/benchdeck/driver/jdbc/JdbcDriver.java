package dev.benchdeck.driver.jdbc;

import dev.benchdeck.driver.jdbc.config.JdbcTarget;
import dev.benchdeck.driver.jdbc.config.JdbcWorkload;
import dev.benchdeck.driver.jdbc.config.OperationKind;
import dev.benchdeck.driver.jdbc.credentials.CredentialProvider;
import dev.benchdeck.driver.jdbc.ops.Operation;
import dev.benchdeck.driver.jdbc.ops.Operations;
import dev.benchdeck.driver.jdbc.ops.SqlErrorClasses;
import dev.benchdeck.driver.jdbc.pool.JdbcPool;
import dev.benchdeck.driver.jdbc.setup.StatementCheck;
import dev.benchdeck.driver.jdbc.setup.TableSetup;
import dev.benchdeck.engine.driver.Driver;
import dev.benchdeck.engine.driver.DriverException;
import dev.benchdeck.engine.driver.Session;
import dev.benchdeck.engine.driver.SetupContext;
import dev.benchdeck.engine.time.EngineClock;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An opened jdbc driver. {@link #prepare} opens the pool (sized to the plan's peak concurrency
 * unless the target says otherwise), sets up the table on the login connection, builds the
 * operation and waits for the pool to fill; sessions then borrow a pooled connection per operation.
 */
final class JdbcDriver implements Driver {

    /** The most connections a pool gets without an explicit size; beyond it a plan should say so. */
    static final int MAX_DEFAULT_POOL = 500;
    static final String CONNECT_PHASE = "connect";
    private static final long SEED = 0x5eed_beefL;

    private final JdbcTarget target;
    private final JdbcWorkload workload;
    private final CredentialProvider credentials;
    private final EngineClock clock;
    private final AtomicInteger sessions = new AtomicInteger();
    private Connection setupConnection;
    private volatile JdbcPool pool;
    private volatile Operation operation;

    JdbcDriver(JdbcTarget target, JdbcWorkload workload, CredentialProvider credentials, Connection setupConnection,
               EngineClock clock) {
        this.target = target;
        this.workload = workload;
        this.credentials = credentials;
        this.setupConnection = setupConnection;
        this.clock = clock;
    }

    @Override
    public void prepare(SetupContext setup) throws DriverException, InterruptedException {
        int size = poolSize(target, setup.peakConcurrency());
        pool = JdbcPool.open(target, credentials, size);
        try (Connection connection = setupConnection) {
            setupConnection = null;
            long maxId = new TableSetup(workload).prepare(connection, setup, this::checkCustomStatement);
            operation = Operations.of(workload, maxId);
        } catch (SQLException e) {
            throw new DriverException(SqlErrorClasses.of(e), "setup failed: " + SqlErrorClasses.message(e), e);
        }
        awaitPool(size, setup);
    }

    static int poolSize(JdbcTarget target, int peakConcurrency) {
        Integer configured = target.pool().size();
        return configured != null ? configured : Math.max(1, Math.min(peakConcurrency, MAX_DEFAULT_POOL));
    }

    private void checkCustomStatement(Connection connection) throws SQLException, DriverException {
        if (workload.uses(OperationKind.CUSTOM)) {
            StatementCheck.check(connection, workload.sql(), workload.params().size());
        }
    }

    /** Waits (bounded) until the pool holds its connections, so the first step does not measure logins. */
    private void awaitPool(int size, SetupContext setup) throws InterruptedException {
        Duration limit = target.connectTimeout().plus(Duration.ofSeconds(5));
        long deadline = System.nanoTime() + limit.toNanos();
        String message = "opening " + size + " pooled connection" + (size == 1 ? "" : "s");
        long open = openConnections();
        setup.progress(CONNECT_PHASE, message, open, size, "connections", false);
        while (open < size && System.nanoTime() < deadline) {
            if (setup.cancelled()) {
                throw new InterruptedException("setup cancelled");
            }
            Thread.sleep(20);
            open = openConnections();
            setup.progress(CONNECT_PHASE, message, Math.min(open, size), size, "connections", false);
        }
        setup.progress(CONNECT_PHASE, open >= size ? message : message + " (only " + open + " open so far)",
                Math.min(open, size), size, "connections", true);
    }

    private long openConnections() {
        return Math.round(pool.gauges().getOrDefault("pool.total", 0.0));
    }

    @Override
    public Session newSession() {
        if (operation == null) {
            throw new IllegalStateException("the jdbc driver runs sessions only after prepare()");
        }
        int index = sessions.getAndIncrement();
        return new JdbcSession(pool, operation, clock, SEED + 0x9e37_79b9_7f4a_7c15L * index);
    }

    @Override
    public Map<String, Double> gauges() {
        JdbcPool current = pool;
        return current == null ? Map.of() : current.gauges();
    }

    @Override
    public void close() {
        try {
            if (setupConnection != null) {
                setupConnection.close();
            }
            if (pool != null && workload.teardown()) {
                try (Connection connection = pool.connection()) {
                    new TableSetup(workload).teardown(connection);
                }
            }
        } catch (SQLException e) {
            // the run's results stand; a table left behind is dropped by the next recreate
        } finally {
            if (pool != null) {
                pool.close();
            }
            credentials.close();
        }
    }
}
