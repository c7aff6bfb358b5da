package dev.benchdeck.driver.jdbc.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

class SqlErrorClassesTest {

    @ParameterizedTest
    @CsvSource({
            "08006, connection", "08001, connection", "57P01, connection", "28P01, auth", "28000, auth",
            "3D000, database_missing", "40001, serialization", "40P01, deadlock", "23505, constraint",
            "23503, constraint", "22012, data", "22P02, data", "57014, timeout", "42601, syntax", "42883, syntax",
            "42P01, undefined_table", "42703, undefined_column", "42501, privileges", "53300, too_many_connections",
            "53100, resources", "55P03, sql_55", "25001, sql_25", "0A000, sql_0a", "XX000, sql_xx"})
    void sqlStatesMapToTheirClass(String state, String errorClass) {
        assertThat(SqlErrorClasses.ofSqlState(state)).isEqualTo(errorClass);
        assertThat(SqlErrorClasses.of(new SQLException("x", state))).isEqualTo(errorClass);
    }

    @Test
    void missingOrMalformedStatesAreUnknown() {
        assertThat(SqlErrorClasses.ofSqlState(null)).isEqualTo(SqlErrorClasses.UNKNOWN);
        assertThat(SqlErrorClasses.ofSqlState("42")).isEqualTo(SqlErrorClasses.UNKNOWN);
        assertThat(SqlErrorClasses.of(new SQLException("no state"))).isEqualTo(SqlErrorClasses.UNKNOWN);
    }

    @Test
    void ioFailuresWithoutStateAreConnectionErrors() {
        assertThat(SqlErrorClasses.of(new SQLException("broken", (String) null, new SocketException("reset"))))
                .isEqualTo(SqlErrorClasses.CONNECTION);
        assertThat(SqlErrorClasses.of(new PSQLException("I/O", PSQLState.CONNECTION_FAILURE, new EOFException())))
                .isEqualTo(SqlErrorClasses.CONNECTION);
    }

    @Test
    void anEmptyPoolIsItsOwnClassUnlessLoginsFailed() {
        SQLException busy = new SQLTransientConnectionException(
                "benchdeck-jdbc - Connection is not available, request timed out after 30000ms", (String) null);
        assertThat(SqlErrorClasses.of(busy)).isEqualTo(SqlErrorClasses.POOL);
        SQLException refused = new SQLTransientConnectionException(
                "benchdeck-jdbc - Connection is not available, request timed out after 30000ms", "28P01",
                new SQLException("password authentication failed", "28P01"));
        assertThat(SqlErrorClasses.of(refused)).isEqualTo(SqlErrorClasses.AUTH);
    }

    @Test
    void messagesAreOneShortLineWithTheState() {
        SQLException e = new SQLException("duplicate key value\n  violates unique constraint \"t_pkey\"", "23505");
        assertThat(SqlErrorClasses.message(e))
                .isEqualTo("duplicate key value violates unique constraint \"t_pkey\" (SQLSTATE 23505)");
        assertThat(SqlErrorClasses.message(new SQLException("y".repeat(500), "XX000"))).hasSizeLessThan(230);
    }

    /** Runs, the connection check and the query check all name errors with these classes: each one is documented. */
    @Test
    void everyClassIsInTheDocs() throws Exception {
        String docs = java.nio.file.Files.readString(java.nio.file.Path.of("..", "..", "docs", "databases.md"));
        String section = docs.substring(docs.indexOf("## Error classes"));
        for (java.lang.reflect.Field field : SqlErrorClasses.class.getFields()) {
            String name = (String) field.get(null);
            String documented = field.getName().equals("SQLSTATE_CLASS_PREFIX") ? "`sql_<class>`" : "`" + name + "`";
            assertThat(section).as(field.getName()).contains(documented);
        }
    }
}
