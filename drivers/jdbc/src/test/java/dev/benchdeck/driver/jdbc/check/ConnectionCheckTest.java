package dev.benchdeck.driver.jdbc.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.benchdeck.driver.jdbc.TestDatabase;
import dev.benchdeck.driver.jdbc.config.JdbcTarget;
import dev.benchdeck.driver.jdbc.config.LakebaseSettings;
import dev.benchdeck.driver.jdbc.config.PoolSettings;
import dev.benchdeck.driver.jdbc.credentials.StaticPassword;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConnectionCheckTest {

    private static JdbcTarget target(String host, int port, String database, String user, String sslmode, String password) {
        return new JdbcTarget(host, port, database, user, sslmode, password, null, null, PoolSettings.defaults(),
                Duration.ofSeconds(3));
    }

    private static JdbcTarget superuser() {
        return TestDatabase.target();
    }

    @Test
    void aReachableServerReportsVersionRoundTripAndTheCreatePrivilege() {
        JdbcTarget target = superuser();

        ConnectionReport report = ConnectionCheck.run(target);

        assertThat(report.ok()).isTrue();
        assertThat(report.serverVersion()).startsWith("17.");
        assertThat(report.roundTripMillis()).isPositive().isLessThan(1_000.0);
        assertThat(report.canCreateTable()).isTrue();
        assertThat(report.user()).isEqualTo(target.user());
        assertThat(report.database()).isEqualTo("postgres");
        assertThat(report.schema()).isEqualTo("public");
        assertThat(report.errorClass()).isNull();
        assertThat(report.steps()).extracting(CheckStep::name)
                .containsExactly("connect", "server_version", "round_trip", "create_privilege");
        assertThat(report.steps()).extracting(CheckStep::outcome).containsOnly(CheckStep.OK);
    }

    @Test
    void aUserWithoutCreateOnItsSchemaIsOkButCannotCreateTheTable() throws Exception {
        TestDatabase.execute("drop role if exists check_reader",
                "create role check_reader login password 'reader-pw'",
                "revoke create on schema public from public");
        JdbcTarget base = superuser();

        ConnectionReport report = ConnectionCheck.run(target(base.host(), base.port(), "postgres", "check_reader", "disable", "reader-pw"));

        assertThat(report.ok()).isTrue();
        assertThat(report.canCreateTable()).isFalse();
        assertThat(report.user()).isEqualTo("check_reader");
        assertThat(report.steps().getLast().outcome()).isEqualTo(CheckStep.WARNING);
        assertThat(report.steps().getLast().detail()).contains("may not create tables in schema public")
                .contains("GRANT CREATE ON SCHEMA public TO check_reader");
    }

    @Test
    void aClosedPortIsAConnectErrorThatNamesHostAndPort() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        JdbcTarget base = superuser();

        ConnectionReport report = ConnectionCheck.run(target("127.0.0.1", closedPort, "postgres", base.user(), "disable", "x"));

        assertThat(report.ok()).isFalse();
        assertThat(report.errorClass()).isEqualTo("connection");
        assertThat(report.message()).contains("127.0.0.1:" + closedPort).contains("check the host and port");
        assertThat(report.steps()).extracting(CheckStep::outcome)
                .containsExactly(CheckStep.FAILED, CheckStep.SKIPPED, CheckStep.SKIPPED, CheckStep.SKIPPED);
    }

    @Test
    void aWrongPasswordIsAnAuthenticationErrorWithoutThePassword() {
        JdbcTarget base = superuser();

        ConnectionReport report = ConnectionCheck.run(
                target(base.host(), base.port(), "postgres", base.user(), "disable", "wrong-secret-42"));

        assertThat(report.ok()).isFalse();
        assertThat(report.errorClass()).isEqualTo("auth");
        assertThat(report.message()).contains("refused the password for user \"" + base.user() + "\"")
                .doesNotContain("wrong-secret-42");
    }

    @Test
    void anUnknownDatabaseIsNamed() {
        JdbcTarget base = superuser();

        ConnectionReport report = ConnectionCheck.run(
                target(base.host(), base.port(), "no_such_db", base.user(), "disable", base.password()));

        assertThat(report.ok()).isFalse();
        assertThat(report.errorClass()).isEqualTo("database_missing");
        assertThat(report.message()).contains("database \"no_such_db\" does not exist");
    }

    @Test
    void askingForTlsFromAServerWithoutTlsSaysWhichSettingToChange() {
        JdbcTarget base = superuser();

        ConnectionReport report = ConnectionCheck.run(
                target(base.host(), base.port(), "postgres", base.user(), "require", base.password()));

        assertThat(report.ok()).isFalse();
        assertThat(report.errorClass()).isEqualTo("tls");
        assertThat(report.message()).contains("does not offer TLS").contains("sslmode");
    }

    @Test
    void aCredentialProviderThatCannotStartIsReportedAsACredentialError() {
        JdbcTarget base = superuser();
        JdbcTarget lakebase = new JdbcTarget(base.host(), base.port(), "postgres", "someone@example.com", "require", null,
                null, new LakebaseSettings("https://example.cloud.databricks.com", null, null, null, "t", null, null),
                PoolSettings.defaults(), Duration.ofSeconds(3));

        ConnectionReport report = ConnectionCheck.run(lakebase);

        assertThat(report.ok()).isFalse();
        assertThat(report.errorClass()).isEqualTo("credential");
        assertThat(report.message()).contains("exactly one of instance");
        assertThat(report.steps().getFirst().name()).isEqualTo("credential");
    }

    @Test
    void theProviderIsUsedAsGiven() {
        JdbcTarget base = superuser();

        ConnectionReport report = ConnectionCheck.run(base, new StaticPassword(base.user(), "also-wrong"));

        assertThat(report.errorClass()).isEqualTo("auth");
        assertThat(report.message()).contains(": check the password");
    }

    @Test
    void reportsArePlainRecordsThatJacksonWrites() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(ConnectionCheck.run(superuser()));

        assertThat(json).contains("\"ok\":true", "\"roundTripMillis\":", "\"canCreateTable\":true",
                "\"steps\":[{\"name\":\"connect\",\"outcome\":\"ok\"");
    }
}
