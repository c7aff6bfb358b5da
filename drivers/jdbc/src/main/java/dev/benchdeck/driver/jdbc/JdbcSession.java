package dev.benchdeck.driver.jdbc;

import dev.benchdeck.driver.jdbc.ops.Operation;
import dev.benchdeck.driver.jdbc.ops.SqlErrorClasses;
import dev.benchdeck.driver.jdbc.pool.JdbcPool;
import dev.benchdeck.engine.driver.ErrorClasses;
import dev.benchdeck.engine.driver.Outcome;
import dev.benchdeck.engine.driver.RequestContext;
import dev.benchdeck.engine.driver.Session;
import dev.benchdeck.engine.driver.Timings;
import dev.benchdeck.engine.time.EngineClock;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.SplittableRandom;

/**
 * One user: per operation it borrows a pooled connection, runs the operation, and returns the
 * connection, so the pool's gauges show real contention. The time measured includes the wait for
 * a free connection. A failed statement is an outcome with its SQLSTATE class, never an exception; an
 * answer that takes longer than the request timeout is a {@code timeout}; then, and when the connection was
 * lost, the connection is closed so that the pool replaces it.
 */
final class JdbcSession implements Session {

    private final JdbcPool pool;
    private final Operation operation;
    private final EngineClock clock;
    private final SplittableRandom random;

    JdbcSession(JdbcPool pool, Operation operation, EngineClock clock, long seed) {
        this.pool = pool;
        this.operation = operation;
        this.clock = clock;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public Outcome execute(RequestContext request) throws InterruptedException {
        long start = clock.nanoTime();
        try (Connection connection = pool.connection()) {
            // the request timeout bounds every read of the answer; the pool restores its own value on return
            connection.setNetworkTimeout(Runnable::run, (int) Math.clamp(request.timeoutNanos() / 1_000_000, 1, Integer.MAX_VALUE));
            try {
                operation.run(connection, random);
            } catch (SQLException e) {
                dropIfLost(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            long end = clock.nanoTime();
            if (Thread.interrupted()) {
                throw new InterruptedException("stopped during a statement");
            }
            return Outcome.failure(SqlErrorClasses.of(e), SqlErrorClasses.message(e), Timings.of(start, end));
        } catch (RuntimeException e) {
            return Outcome.failure(ErrorClasses.INTERNAL, e.toString(), Timings.of(start, clock.nanoTime()));
        }
        return Outcome.success(Timings.of(start, clock.nanoTime()));
    }

    /** A killed, broken or timed-out connection is closed, so the pool replaces it instead of lending it again. */
    private static void dropIfLost(Connection connection, SQLException e) {
        String errorClass = SqlErrorClasses.of(e);
        if (SqlErrorClasses.CONNECTION.equals(errorClass) || SqlErrorClasses.TIMEOUT.equals(errorClass)) {
            try {
                connection.abort(Runnable::run);
            } catch (SQLException ignored) {
                // it is going anyway; the statement's error is what the run records
            }
        }
    }

    @Override
    public void close() {
        // connections belong to the pool; an operation in flight is ended by interrupting its thread
    }
}
