package dev.benchdeck.driver.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.benchdeck.driver.jdbc.ops.SqlErrorClasses;
import dev.benchdeck.embeddedpg.EmbeddedPostgres;
import dev.benchdeck.engine.driver.Driver;
import dev.benchdeck.engine.driver.DriverException;
import dev.benchdeck.engine.time.EngineClock;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Bad input fails at open or at setup with one clear line, before any row is loaded. */
@Timeout(60)
class BadInputTest {

    private static final String ROLE = "bench_no_create";

    @BeforeAll
    static void roleWithoutCreate() throws Exception {
        TestDatabase.execute("DROP TABLE IF EXISTS bad_input_existing", "DROP TABLE IF EXISTS bad_input_table",
                "DROP ROLE IF EXISTS " + ROLE, "CREATE ROLE " + ROLE + " LOGIN PASSWORD 'pw'",
                "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
                "CREATE TABLE bad_input_existing (id bigint PRIMARY KEY, balance bigint NOT NULL, filler character(84) NOT NULL)");
    }

    private static DriverException openFails(String target, String workload) {
        return catchThrowableOfType(DriverException.class,
                () -> JdbcPlans.parse(target, workload).jdbc().open(EngineClock.system()).close());
    }

    private static DriverException prepareFails(String target, String workload, RecordingSetup setup) throws Exception {
        try (Driver driver = JdbcPlans.parse(target, workload).open()) {
            DriverException e = catchThrowableOfType(DriverException.class, () -> driver.prepare(setup));
            assertThat(e).as("prepare must fail").isNotNull();
            assertThat(setup.of("load")).as("nothing loaded").isEmpty();
            return e;
        }
    }

    @Test
    void anUnreachableHostIsAConnectionError() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        DriverException e = openFails("{host: 127.0.0.1, port: " + closedPort + ", database: postgres, user: u, "
                + "password: secret-pw, sslmode: disable, connect_timeout: 2s}", "{driver: jdbc}");
        assertThat(e.errorClass()).isEqualTo(SqlErrorClasses.CONNECTION);
        assertThat(e.getMessage()).startsWith("cannot connect to PostgreSQL at 127.0.0.1:" + closedPort + ": ")
                .contains("refused").doesNotContain("\n").doesNotContain("secret-pw");
    }

    @Test
    void aWrongPasswordIsAnAuthError() {
        EmbeddedPostgres pg = TestDatabase.postgres();
        DriverException e = openFails("{host: 127.0.0.1, port: " + pg.port() + ", database: postgres, user: " + ROLE
                + ", password: not-the-password, sslmode: disable}", "{driver: jdbc}");
        assertThat(e.errorClass()).isEqualTo(SqlErrorClasses.AUTH);
        assertThat(e.getMessage()).startsWith("login refused for " + ROLE + "@127.0.0.1:" + pg.port() + "/postgres: ")
                .contains("password authentication failed").contains("28P01").doesNotContain("not-the-password");
    }

    @Test
    void aMissingPasswordVariableIsAnAuthError() {
        DriverException e = openFails("{host: 127.0.0.1, database: postgres, user: u, password_env: BENCHDECK_NO_SUCH_VAR}",
                "{driver: jdbc}");
        assertThat(e.errorClass()).isEqualTo(SqlErrorClasses.AUTH);
        assertThat(e.getMessage()).contains("BENCHDECK_NO_SUCH_VAR is not set");
    }

    @Test
    void aRoleWithoutCreateCannotSetUpTheTable() throws Exception {
        String target = "{host: 127.0.0.1, port: " + TestDatabase.postgres().port() + ", database: postgres, user: " + ROLE
                + ", password: pw, sslmode: disable}";
        DriverException e = prepareFails(target, "{driver: jdbc, table: bad_input_table, rows: 1000}", new RecordingSetup());
        assertThat(e.errorClass()).isEqualTo(SqlErrorClasses.PRIVILEGES);
        assertThat(e.getMessage()).contains("user " + ROLE + " may not create table bad_input_table in schema public")
                .contains("GRANT CREATE ON SCHEMA public TO " + ROLE);

        DriverException noSelect = prepareFails(target, "{driver: jdbc, table: bad_input_existing, rows: 1000, setup: none,"
                + " mix: {point_select: 1, update: 1}}", new RecordingSetup());
        assertThat(noSelect.errorClass()).isEqualTo(SqlErrorClasses.PRIVILEGES);
        assertThat(noSelect.getMessage()).contains("may not SELECT, UPDATE on table bad_input_existing");
    }

    @Test
    void sqlThatDoesNotParseFailsBeforeTheLoadAndLeavesNoTable() throws Exception {
        DriverException e = prepareFails(JdbcPlans.target(""), "{driver: jdbc, table: bad_input_table, rows: 1000,"
                + " setup: recreate, operation: custom, sql: 'SELEC balance FROM bad_input_table WHERE id = ?',"
                + " params: [{uniform: [1, 1000]}]}", new RecordingSetup());
        assertThat(e.errorClass()).isEqualTo(SqlErrorClasses.SYNTAX);
        assertThat(e.getMessage()).startsWith("workload.sql does not work: syntax error at or near \"SELEC\"")
                .contains("42601");
        try (Connection c = TestDatabase.connect(); ResultSet rs = c.createStatement()
                .executeQuery("SELECT to_regclass('bad_input_table') IS NULL")) {
            rs.next();
            assertThat(rs.getBoolean(1)).isTrue();
        }
    }

    @Test
    void sqlNamingAnUnknownColumnOrTakingOtherParametersFailsBeforeTheLoad() throws Exception {
        DriverException column = prepareFails(JdbcPlans.target(""), "{driver: jdbc, table: bad_input_table, rows: 1000,"
                + " operation: custom, sql: 'SELECT nope FROM bad_input_table WHERE id = ?', params: [{uniform: [1, 9]}]}",
                new RecordingSetup());
        assertThat(column.getMessage()).contains("column \"nope\" does not exist").contains("42703");
        DriverException count = prepareFails(JdbcPlans.target(""), "{driver: jdbc, table: bad_input_table, rows: 1000,"
                + " operation: custom, sql: 'SELECT balance FROM bad_input_table WHERE id BETWEEN ? AND ?',"
                + " params: [{uniform: [1, 9]}]}", new RecordingSetup());
        assertThat(count.getMessage()).isEqualTo("workload.sql has 2 parameters (?) but workload.params lists 1 generator");
    }
}
