package dev.benchdeck.driver.jdbc.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.driver.jdbc.TestDatabase;
import dev.benchdeck.driver.jdbc.config.JdbcTarget;
import dev.benchdeck.driver.jdbc.credentials.StaticPassword;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class QueryCheckTest {

    @BeforeAll
    static void table() throws Exception {
        TestDatabase.execute("drop table if exists query_check_items",
                "create table query_check_items (id bigint primary key, name text not null)",
                "insert into query_check_items select g, 'item ' || g from generate_series(1, 1500) g");
    }

    private static QueryReport check(String sql) {
        JdbcTarget target = TestDatabase.target();
        return QueryCheck.run(target, new StaticPassword(target.user(), target.password()), sql);
    }

    private static long count() throws Exception {
        try (Connection c = TestDatabase.connect(); ResultSet rs = c.createStatement().executeQuery("select count(*) from query_check_items")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aSelectReportsItsRowsColumnsTimingAndPlan() {
        QueryReport report = check("select id, name from query_check_items where id between 10 and 19");

        assertThat(report.ok()).isTrue();
        assertThat(report.rows()).isEqualTo(10);
        assertThat(report.rowsCapped()).isFalse();
        assertThat(report.columns()).containsExactly("id", "name");
        assertThat(report.millis()).isPositive();
        assertThat(report.plan()).contains("query_check_items").containsPattern("Scan");
        assertThat(report.errorClass()).isNull();
    }

    @Test
    void aLargeResultIsReadOnlyUpToTheCap() {
        QueryReport report = check("select * from query_check_items");

        assertThat(report.rows()).isEqualTo(QueryCheck.ROW_CAP);
        assertThat(report.rowsCapped()).isTrue();
    }

    @Test
    void aWriteIsTimedAndPlannedButRolledBack() throws Exception {
        long before = count();

        QueryReport report = check("delete from query_check_items where id <= 100");

        assertThat(report.ok()).isTrue();
        assertThat(report.rows()).isEqualTo(100);
        assertThat(report.plan()).startsWith("Delete on query_check_items");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aSyntaxErrorGivesItsPosition() {
        QueryReport report = check("select id,\n  name frm query_check_items");

        assertThat(report.ok()).isFalse();
        assertThat(report.errorClass()).isEqualTo("syntax");
        assertThat(report.sqlState()).isEqualTo("42601");
        assertThat(report.position()).isEqualTo(23); // "query_check_items", after the alias "frm"
        assertThat(report.message()).contains("syntax error at or near \"query_check_items\"").contains("line 2, column 12");
    }

    @Test
    void aMissingTableIsNamed() {
        QueryReport report = check("select * from no_such_table where id = 1");

        assertThat(report.ok()).isFalse();
        assertThat(report.errorClass()).isEqualTo("undefined_table");
        assertThat(report.message()).contains("relation \"no_such_table\" does not exist");
        assertThat(report.position()).isEqualTo(15);
    }

    @Test
    void ddlRunsWithoutAPlanAndLeavesNothingBehind() throws Exception {
        QueryReport report = check("create table query_check_scratch (id int)");

        assertThat(report.ok()).isTrue();
        assertThat(report.plan()).isNull();
        try (Connection c = TestDatabase.connect();
             ResultSet rs = c.createStatement().executeQuery("select to_regclass('query_check_scratch') is null")) {
            rs.next();
            assertThat(rs.getBoolean(1)).isTrue();
        }
    }

    @Test
    void moreThanOneStatementIsRefusedBeforeAnythingRuns() throws Exception {
        long before = count();

        QueryReport report = check("delete from query_check_items; commit");

        assertThat(report.ok()).isFalse();
        assertThat(report.message()).contains("one statement at a time").contains("2 statements");
        assertThat(count()).isEqualTo(before);
        assertThat(check("  ").message()).isEqualTo("no SQL statement given");
    }

    @Test
    void aSlowStatementStopsAtTheTimeout() {
        JdbcTarget target = TestDatabase.target();

        QueryReport report = QueryCheck.run(target, new StaticPassword(target.user(), target.password()),
                "select pg_sleep(5)", Duration.ofMillis(200));

        assertThat(report.ok()).isFalse();
        assertThat(report.errorClass()).isEqualTo("timeout");
        assertThat(report.sqlState()).isEqualTo("57014");
    }

    @Test
    void aLoginFailureIsReportedLikeTheConnectionCheck() {
        JdbcTarget target = TestDatabase.target();

        QueryReport report = QueryCheck.run(target, new StaticPassword(target.user(), "wrong"), "select 1");

        assertThat(report.ok()).isFalse();
        assertThat(report.errorClass()).isEqualTo("auth");
        assertThat(report.sqlState()).isEqualTo("28P01");
    }
}
