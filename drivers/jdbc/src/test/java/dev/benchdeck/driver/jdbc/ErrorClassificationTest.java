package dev.benchdeck.driver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.driver.jdbc.ops.SqlErrorClasses;
import dev.benchdeck.engine.driver.Driver;
import dev.benchdeck.engine.driver.Outcome;
import dev.benchdeck.engine.driver.Session;
import dev.benchdeck.embeddedpg.EmbeddedPostgres;
import dev.benchdeck.engine.testkit.DriverCompatibilityKit;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Failures of the database come back as outcomes with their SQLSTATE class; the session carries on. */
@Timeout(60)
class ErrorClassificationTest extends DriverCompatibilityKit {

    @Override
    protected InetSocketAddress backend() {
        return new InetSocketAddress("127.0.0.1", TestDatabase.postgres().port());
    }

    /** The kit's driver: one pooled connection through the proxy, a trivial statement. */
    @Override
    protected Driver openDriver(InetSocketAddress proxy) throws Exception {
        EmbeddedPostgres pg = TestDatabase.postgres();
        return JdbcPlans.parse("{host: 127.0.0.1, port: " + proxy.getPort() + ", database: postgres, user: " + pg.user()
                        + ", password: '" + pg.password() + "', sslmode: disable, pool: {size: 1, acquire_timeout: 1s}}",
                "{driver: jdbc, operation: custom, sql: 'select 1'}").open();
    }

    /** A connection the pool holds is found dead (connection), or no new one can be had (pool). */
    @Override
    protected Set<String> refusedClasses() {
        return Set.of(SqlErrorClasses.CONNECTION, SqlErrorClasses.POOL);
    }

    @Override
    protected Set<String> hangUpClasses() {
        return Set.of(SqlErrorClasses.CONNECTION);
    }

    /** A JDBC call blocks its thread: the engine interrupts that thread (a virtual one) to stop it. */
    @Override
    protected void abort(Session session, Thread running) {
        running.interrupt();
    }

    @BeforeAll
    static void table() throws Exception {
        TestDatabase.execute("DROP TABLE IF EXISTS errors_table");
    }

    private static Driver open(String workload) throws Exception {
        Driver driver = JdbcPlans.workload("{driver: jdbc, table: errors_table, rows: 1000, " + workload + "}").open();
        driver.prepare(new RecordingSetup(1));
        return driver;
    }

    @Test
    void aDuplicateIdIsAConstraintError() throws Exception {
        try (Driver driver = open("operation: custom, sql: 'INSERT INTO errors_table (id, balance, filler) VALUES (?, 0, ''x'')',"
                + " params: [{uniform: [1, 1000]}]"); Session session = driver.newSession()) {
            Outcome outcome = session.execute(JdbcPlans.request(0));
            assertThat(outcome).isInstanceOf(Outcome.Failure.class);
            Outcome.Failure failure = (Outcome.Failure) outcome;
            assertThat(failure.errorClass()).isEqualTo(SqlErrorClasses.CONSTRAINT);
            assertThat(failure.message()).contains("duplicate key").contains("SQLSTATE 23505");
            assertThat(failure.timings().serviceNanos()).isPositive();
        }
    }

    @Test
    void aStatementTimeoutIsATimeout() throws Exception {
        try (Driver driver = open("operation: custom, sql: 'select pg_sleep(1)', statement_timeout: 100ms");
             Session session = driver.newSession()) {
            Outcome outcome = session.execute(JdbcPlans.request(0));
            assertThat(outcome).isInstanceOf(Outcome.Failure.class);
            assertThat(((Outcome.Failure) outcome).errorClass()).isEqualTo(SqlErrorClasses.TIMEOUT);
            assertThat(((Outcome.Failure) outcome).message()).contains("SQLSTATE 57014");
            assertThat(outcome.timings().serviceNanos() / 1e6).isBetween(90.0, 900.0);
        }
    }

    @Test
    void aKilledConnectionIsAConnectionErrorAndThePoolReplacesIt() throws Exception {
        List<Outcome> outcomes = new ArrayList<>();
        try (Driver driver = open("operation: point_select, prepared: true"); Session session = driver.newSession()) {
            for (int i = 0; i < 5; i++) {
                outcomes.add(session.execute(JdbcPlans.request(i)));
            }
            assertThat(driver.gauges()).containsEntry("pool.total", 1.0);
            TestDatabase.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    + "WHERE application_name = 'benchdeck' AND pid <> pg_backend_pid()");
            Outcome afterKill = session.execute(JdbcPlans.request(5));
            assertThat(afterKill).as(String.valueOf(afterKill)).isInstanceOf(Outcome.Failure.class);
            assertThat(((Outcome.Failure) afterKill).errorClass()).isEqualTo(SqlErrorClasses.CONNECTION);
            for (int i = 6; i < 20; i++) {
                outcomes.add(session.execute(JdbcPlans.request(i)));
            }
        }
        assertThat(outcomes).allMatch(Outcome.Success.class::isInstance);
    }
}
