package dev.benchdeck.driver.jdbc.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.benchdeck.driver.jdbc.JdbcDriverFactory;
import dev.benchdeck.driver.jdbc.TestDatabase;
import dev.benchdeck.driver.jdbc.config.JdbcTarget;
import org.junit.jupiter.api.Test;

/** The connection check the jdbc driver offers for postgres targets, given their settings as the server builds them. */
class OfferedConnectionCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A postgres target's settings: its plan target section with the password in place. */
    private static ObjectNode settings(String password) {
        JdbcTarget database = TestDatabase.target();
        return JSON.createObjectNode().put("host", database.host()).put("port", database.port()).put("database", "postgres")
                .put("user", database.user()).put("sslmode", "disable").put("connect_timeout", "3s").put("password", password);
    }

    private static ConnectionReport check(JsonNode settings) {
        return (ConnectionReport) new JdbcDriverFactory().check("postgres", settings).orElseThrow().run();
    }

    @Test
    void aPostgresTargetsSettingsAreCheckedAsTheBenchmarkWillLogIn() {
        ConnectionReport report = check(settings(TestDatabase.target().password()));
        assertThat(report.ok()).as(report.toString()).isTrue();
        assertThat(report.serverVersion()).startsWith("17.");
        assertThat(report.user()).isEqualTo(TestDatabase.target().user());

        ConnectionReport refused = check(settings("not-the-password-0013"));
        assertThat(refused.ok()).isFalse();
        assertThat(refused.errorClass()).isEqualTo("auth");
        assertThat(refused.toString()).doesNotContain("not-the-password-0013");
    }

    @Test
    void settingsTheDriverCannotReadAreReportedWithEveryPathAndNothingIsTried() {
        ObjectNode broken = settings("pw-s3cret-0014").put("port", "not a port").put("sslmode", "sometimes");
        ConnectionReport report = check(broken);
        assertThat(report.ok()).isFalse();
        assertThat(report.errorClass()).isEqualTo(CheckErrors.INVALID_SETTINGS);
        assertThat(report.message()).contains("target.port", "target.sslmode").doesNotContain("pw-s3cret-0014");
        assertThat(report.steps()).singleElement().satisfies(step -> {
            assertThat(step.name()).isEqualTo("settings");
            assertThat(step.outcome()).isEqualTo(CheckStep.FAILED);
        });
    }

    @Test
    void theJdbcDriverChecksPostgresTargetsOnly() {
        JdbcDriverFactory factory = new JdbcDriverFactory();
        assertThat(factory.check("postgres", settings("x"))).isPresent();
        assertThat(factory.check("http", settings("x"))).isEmpty();
        assertThat(factory.check("ingestor", settings("x"))).isEmpty();
    }
}
