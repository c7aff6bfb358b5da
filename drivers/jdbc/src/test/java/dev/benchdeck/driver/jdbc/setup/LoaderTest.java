package dev.benchdeck.driver.jdbc.setup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.driver.jdbc.JdbcPlans;
import dev.benchdeck.driver.jdbc.RecordingSetup;
import dev.benchdeck.driver.jdbc.TestDatabase;
import dev.benchdeck.engine.driver.Driver;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class LoaderTest {

    @Test
    void loadsExactlyTheRowsInBatchesThenBuildsTheKeyAndVacuums() throws Exception {
        TestDatabase.execute("DROP TABLE IF EXISTS load_exact");
        RecordingSetup setup = new RecordingSetup();
        try (Driver driver = JdbcPlans.workload("{table: load_exact, rows: 2500, batch_size: 1000, setup: recreate}")
                .open()) {
            driver.prepare(setup);
        }
        assertThat(setup.phases()).containsExactly("table", "load", "index", "vacuum", "connect");
        assertThat(setup.of("load")).extracting(RecordingSetup.Report::done).containsExactly(0L, 1000L, 2000L, 2500L);
        assertThat(setup.of("load")).allMatch(r -> r.total() == 2500 && r.unit().equals("rows"));
        assertThat(setup.of("load").getLast().finished()).isTrue();
        try (Connection c = TestDatabase.connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT count(*), min(id), max(id), count(DISTINCT id), min(octet_length(filler)), sum(balance),"
                        + " obj_description('load_exact'::regclass, 'pg_class') FROM load_exact")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(2500);
            assertThat(rs.getLong(2)).isEqualTo(1);
            assertThat(rs.getLong(3)).isEqualTo(2500);
            assertThat(rs.getLong(4)).isEqualTo(2500);
            assertThat(rs.getInt(5)).isEqualTo(84);
            assertThat(rs.getLong(6)).isZero();
            assertThat(rs.getString(7)).isEqualTo("benchdeck");
        }
        assertThat(TableState.of(TestDatabase.connect(), new BenchTable("load_exact")).primaryKeyOnId()).isTrue();
    }

    @Test
    void byDefaultOneCopyLoadsEveryRowAndReportsProgressAsItGoes() throws Exception {
        TestDatabase.execute("DROP TABLE IF EXISTS load_one_copy");
        RecordingSetup setup = new RecordingSetup();
        try (Driver driver = JdbcPlans.workload("{table: load_one_copy, rows: 250000, setup: recreate}").open()) {
            driver.prepare(setup);
        }
        // one COPY (no "in batches of" in its message), progress every 100,000 rows written
        assertThat(setup.of("load")).extracting(RecordingSetup.Report::done).containsExactly(0L, 100_000L, 200_000L, 250_000L);
        assertThat(setup.of("load").getLast().finished()).isTrue();
        assertThat(setup.of("load")).allSatisfy(r -> assertThat(r.message()).isEqualTo("COPY into load_one_copy"));
        try (Connection c = TestDatabase.connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT count(*), count(DISTINCT id), max(id) FROM load_one_copy")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(250_000);
            assertThat(rs.getLong(2)).isEqualTo(250_000);
            assertThat(rs.getLong(3)).isEqualTo(250_000);
        }
        TestDatabase.execute("DROP TABLE load_one_copy");
    }

    @Test
    void digitsAreWrittenLikeLongToString() {
        byte[] buffer = new byte[40];
        for (long v : new long[] {0, 7, 10, 99, 1_000_000, Long.MAX_VALUE}) {
            int end = RowLoader.writeDigits(buffer, 3, v);
            assertThat(new String(buffer, 3, end - 3)).isEqualTo(Long.toString(v));
        }
    }
}
