package dev.benchdeck.driver.jdbc.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchdeck.driver.jdbc.JdbcPlans;
import dev.benchdeck.driver.jdbc.RecordingSetup;
import dev.benchdeck.driver.jdbc.TestDatabase;
import dev.benchdeck.engine.driver.Driver;
import dev.benchdeck.engine.driver.DriverException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** setup: reuse, recreate and none against tables in every state; nothing is loaded when a check fails. */
@Timeout(60)
class TableSetupTest {

    private static RecordingSetup prepare(String table, String workload) throws Exception {
        RecordingSetup setup = new RecordingSetup();
        try (Driver driver = JdbcPlans.workload("{driver: jdbc, table: " + table + ", rows: 1000, " + workload + "}").open()) {
            driver.prepare(setup);
        }
        return setup;
    }

    private static DriverException failure(String table, String workload, RecordingSetup setup) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> {
            try (Driver driver = JdbcPlans.workload("{driver: jdbc, table: " + table + ", rows: 1000, " + workload + "}")
                    .open()) {
                driver.prepare(setup);
            }
        });
        assertThat(thrown).isInstanceOf(DriverException.class);
        assertThat(setup.of("load")).as("nothing loaded").isEmpty();
        return (DriverException) thrown;
    }

    private static long single(String sql) throws SQLException {
        try (Connection c = TestDatabase.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void reuseKeepsATableOfTheRightSizeAndReloadsOneThatChanged() throws Exception {
        TestDatabase.execute("DROP TABLE IF EXISTS reuse_me");
        assertThat(prepare("reuse_me", "setup: reuse").phases()).contains("load");

        RecordingSetup kept = prepare("reuse_me", "setup: reuse");
        assertThat(kept.phases()).doesNotContain("load").contains("table");
        assertThat(kept.of("table").getLast().message()).contains("reusing").contains("1,000 rows");

        TestDatabase.execute("DELETE FROM reuse_me WHERE id = 7");
        RecordingSetup reloaded = prepare("reuse_me", "setup: reuse");
        assertThat(reloaded.of("table").getFirst().message()).contains("reloading").contains("999 rows, not 1,000");
        assertThat(reloaded.of("load").getLast().done()).isEqualTo(1000);
        assertThat(single("SELECT count(*) FROM reuse_me")).isEqualTo(1000);
    }

    @Test
    void aTableOfTheWrongShapeIsNamedColumnByColumnAndNeverTouched() throws Exception {
        TestDatabase.execute("DROP TABLE IF EXISTS wrong_shape",
                "CREATE TABLE wrong_shape (id integer PRIMARY KEY, filler text NOT NULL, note text)",
                "COMMENT ON TABLE wrong_shape IS 'benchdeck'", "INSERT INTO wrong_shape VALUES (1, 'x', 'keep')");
        for (String mode : new String[] {"reuse", "none"}) {
            DriverException e = failure("wrong_shape", "setup: " + mode, new RecordingSetup());
            assertThat(e.errorClass()).isEqualTo("table");
            assertThat(e.getMessage()).contains("public.wrong_shape exists with a different shape")
                    .contains("id is id integer not null (expected id bigint not null)")
                    .contains("balance is missing").contains("note is not part of the shape");
        }
        assertThat(single("SELECT count(*) FROM wrong_shape WHERE note = 'keep'")).isEqualTo(1);
    }

    @Test
    void aTableBenchdeckDidNotCreateIsNeverDroppedOrReloaded() throws Exception {
        TestDatabase.execute("DROP TABLE IF EXISTS not_ours",
                "CREATE TABLE not_ours (id bigint PRIMARY KEY, balance bigint NOT NULL, filler character(84) NOT NULL)",
                "INSERT INTO not_ours SELECT g, 5, 'f' FROM generate_series(1, 10) g");
        assertThat(failure("not_ours", "setup: recreate", new RecordingSetup()).getMessage())
                .contains("not created by Benchdeck").contains("never dropped");
        assertThat(failure("not_ours", "setup: reuse", new RecordingSetup()).getMessage())
                .contains("has 10 rows, not 1,000").contains("not reloaded");
        assertThat(single("SELECT sum(balance) FROM not_ours")).isEqualTo(50);
        // as it is, it serves setup: none
        assertThat(prepare("not_ours", "setup: none").of("table").getLast().message()).contains("as it is");
    }

    @Test
    void noneNeedsAnExistingTable() {
        DriverException e = failure("no_such_table", "setup: none", new RecordingSetup());
        assertThat(e.getMessage()).contains("table no_such_table does not exist").contains("setup: reuse");
    }

    @Test
    void aCancelledLoadLeavesNoTableBehind() throws Exception {
        TestDatabase.execute("DROP TABLE IF EXISTS cancelled_load");
        RecordingSetup setup = new RecordingSetup().cancelAfter("load", 3);
        try (Driver driver = JdbcPlans.workload("{driver: jdbc, table: cancelled_load, rows: 5000, batch_size: 1000}").open()) {
            assertThatThrownBy(() -> driver.prepare(setup)).isInstanceOf(InterruptedException.class);
        }
        assertThat(single("SELECT count(*) FROM pg_class WHERE relname = 'cancelled_load'")).isZero();
    }

    @Test
    void teardownDropsTheTableAtClose() throws Exception {
        TestDatabase.execute("DROP TABLE IF EXISTS torn_down");
        prepare("torn_down", "teardown: true");
        assertThat(single("SELECT count(*) FROM pg_class WHERE relname = 'torn_down'")).isZero();
    }
}
