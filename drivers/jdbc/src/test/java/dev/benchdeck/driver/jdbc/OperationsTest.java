package dev.benchdeck.driver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.engine.driver.Driver;
import dev.benchdeck.engine.driver.Outcome;
import dev.benchdeck.engine.driver.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every operation kind against a real PostgreSQL, checked by its effect on the table. */
@Timeout(60)
class OperationsTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void freshTables() throws SQLException {
        TestDatabase.execute("DROP TABLE IF EXISTS ops_read", "DROP TABLE IF EXISTS ops_write");
    }

    /** Opens and prepares a workload on {@code table} (2,000 rows), runs {@code count} operations in one session. */
    private static Outcome[] run(String table, String workload, int count) throws Exception {
        Outcome[] outcomes = new Outcome[count];
        try (Driver driver = JdbcPlans.workload("{driver: jdbc, table: " + table + ", rows: 2000, batch_size: 700, "
                + workload + "}").open()) {
            driver.prepare(new RecordingSetup());
            try (Session session = driver.newSession()) {
                for (int i = 0; i < count; i++) {
                    outcomes[i] = session.execute(JdbcPlans.request(i));
                }
            }
        }
        return outcomes;
    }

    private static long single(String sql) throws SQLException {
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void assertAllSucceeded(Outcome[] outcomes) {
        for (Outcome outcome : outcomes) {
            assertThat(outcome).as(String.valueOf(outcome)).isInstanceOf(Outcome.Success.class);
            assertThat(outcome.timings().serviceNanos()).isPositive();
        }
    }

    @Test
    void pointSelectAndRangeScanReadWithoutChangingAnything() throws Exception {
        assertAllSucceeded(run("ops_read", "operation: point_select, keys: zipfian", 50));
        assertAllSucceeded(run("ops_read", "operation: range_scan, range_size: 2000", 5));
        assertAllSucceeded(run("ops_read", "operation: point_select, prepared: false", 20));
        assertThat(single("SELECT count(*) FROM ops_read")).isEqualTo(2000);
        assertThat(single("SELECT sum(balance) FROM ops_read")).isZero();
    }

    @Test
    void writesInsertAfterTheLargestIdUpdateBalancesAndDeleteTheirOwnRowsFirst() throws Exception {
        assertAllSucceeded(run("ops_write", "setup: recreate, operation: insert", 10));
        assertThat(single("SELECT count(*) FROM ops_write WHERE id BETWEEN 2001 AND 2010")).isEqualTo(10);

        // reuse sees 2,010 rows: it reloads, then batch inserts continue after id 2000
        assertAllSucceeded(run("ops_write", "operation: batch_insert, insert_batch: 25", 4));
        assertThat(single("SELECT count(*) FROM ops_write")).isEqualTo(2100);
        assertThat(single("SELECT max(id) FROM ops_write")).isEqualTo(2100);

        assertAllSucceeded(run("ops_write", "setup: none, operation: update", 200));
        assertThat(single("SELECT count(*) FROM ops_write WHERE balance <> 0")).isBetween(150L, 200L);

        // deletes take this run's inserts oldest first, so what is left of them is the newest, without gaps
        assertAllSucceeded(run("ops_write", "setup: none, mix: {insert: 1, delete: 1}", 40));
        long left = single("SELECT count(*) FROM ops_write WHERE id > 2100");
        assertThat(left).isBetween(0L, 40L);
        if (left > 0) {
            assertThat(single("SELECT max(id) - min(id) + 1 FROM ops_write WHERE id > 2100")).isEqualTo(left);
        }
        assertThat(single("SELECT count(*) FROM ops_write")).isBetween(2100L - 40, 2100L + 40);
    }

    @Test
    void aMixRunsEveryKindItNames() throws Exception {
        TestDatabase.execute("DROP TABLE IF EXISTS ops_mix");
        assertAllSucceeded(run("ops_mix", "setup: recreate, mix: {point_select: 1, update: 1, insert: 1}", 300));
        assertThat(single("SELECT count(*) FROM ops_mix WHERE id > 2000")).isBetween(60L, 140L);
        assertThat(single("SELECT count(*) FROM ops_mix WHERE balance <> 0")).isBetween(60L, 140L);
    }

    @Test
    void customStatementsBindEveryGenerator() throws Exception {
        TestDatabase.execute("DROP TABLE IF EXISTS ops_custom_log", "CREATE TABLE ops_custom_log (u bigint, z bigint, s bigint, f text)");
        Path names = Files.writeString(dir.resolve("names.csv"), "name\nann\nbob\n");
        Outcome[] outcomes = run("ops_read", "operation: custom, sql: 'INSERT INTO ops_custom_log VALUES (?, ?, ?, ?)', "
                + "params: [{uniform: [10, 20]}, {zipfian: [1, 5], skew: 1.2}, {sequence: 100}, {file: '" + names
                + "', column: name}]", 6);
        assertAllSucceeded(outcomes);
        assertThat(single("SELECT count(*) FROM ops_custom_log WHERE u BETWEEN 10 AND 20 AND z BETWEEN 1 AND 5")).isEqualTo(6);
        assertThat(single("SELECT sum(s) FROM ops_custom_log")).isEqualTo(100 + 101 + 102 + 103 + 104 + 105);
        assertThat(single("SELECT count(*) FROM ops_custom_log WHERE f = 'ann'")).isEqualTo(3);
        assertAllSucceeded(run("ops_read", "operation: custom, sql: 'SELECT balance FROM ops_read WHERE id = ?', "
                + "params: [{uniform: [1, 2000]}]", 10));
    }
}
