package dev.benchdeck.server.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.embeddedpg.EmbeddedPostgres;
import dev.benchdeck.server.IntegrationTestSupport;
import dev.benchdeck.server.target.TargetService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo content: a database demo of its own inside the embedded PostgreSQL, each part made once, demo targets following their servers. */
class DemoContentIntegrationTest extends IntegrationTestSupport {

    @Autowired
    EmbeddedPostgres pg;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TargetService targets;

    @Autowired
    DemoContent content;

    @Autowired
    DemoHttpTarget httpTarget;

    private List<JsonNode> named(String collection, String name) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode item : get("/api/v1/" + collection).json()) {
            if (item.get("name").asText().equals(name)) {
                found.add(item);
            }
        }
        return found;
    }

    private String demoUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + pg.port() + "/" + database;
    }

    @Test
    void theDatabaseDemoHasARoleAndDatabaseOfItsOwnAndItsSweepRunsThreeSteps() throws Exception {
        List<JsonNode> demoTargets = named("targets", DemoDatabase.TARGET_NAME);
        assertThat(demoTargets).hasSize(1);
        JsonNode target = demoTargets.get(0);
        assertThat(target.get("kind").asText()).isEqualTo("postgres");
        assertThat(target.get("has_credentials").asBoolean()).isTrue();
        assertThat(target.get("options").get("user").asText()).isEqualTo(DemoDatabase.ROLE).isNotEqualTo(pg.user());
        assertThat(target.get("options").get("port").asInt()).isEqualTo(pg.port());
        String password = targets.secrets(target.get("id").asLong()).password();
        assertThat(password).isNotBlank().isNotEqualTo(pg.password());
        assertThat(get("/api/v1/targets").body()).doesNotContain(password);
        assertThat(jdbc.sql("select rolsuper or rolcreaterole or rolcreatedb from pg_roles where rolname = :role")
                .param("role", DemoDatabase.ROLE).query(Boolean.class).single()).as("an ordinary role").isFalse();
        try (Connection own = DriverManager.getConnection(demoUrl(DemoDatabase.DATABASE), DemoDatabase.ROLE, password)) {
            assertThat(own.isValid(2)).isTrue();
        }
        assertThatThrownBy(() -> DriverManager.getConnection(demoUrl("postgres"), DemoDatabase.ROLE, password).close())
                .as("Benchdeck's own database is out of its reach").isInstanceOf(SQLException.class)
                .hasMessageContaining("permission denied");

        List<JsonNode> scenarios = named("scenarios", DemoDatabase.SCENARIO_NAME);
        assertThat(scenarios).hasSize(1);
        long run = trigger(scenarios.get(0).get("id").asLong());
        JsonNode done = awaitRun(run, r -> !List.of("queued", "running").contains(r.get("status").asText()), Duration.ofSeconds(150));
        assertThat(done.get("status").asText()).as(done.path("failure").asText()).isEqualTo("completed");
        assertThat(done.get("steps").findValuesAsText("label")).containsExactly("users=2", "users=4", "users=8");
        for (JsonNode step : done.get("steps")) {
            assertThat(step.get("requests").asLong()).isPositive();
            assertThat(step.get("errors").asLong()).as(step.toString()).isZero();
        }
    }

    @Test
    void eachPartIsMadeOnceAndADataDirectoryWithOlderDemoContentGetsTheDatabaseDemo() throws Exception {
        content.serverStarted(null);
        assertThat(named("targets", DemoDatabase.TARGET_NAME)).as("made once").hasSize(1);
        assertThat(named("scenarios", DemoDatabase.SCENARIO_NAME)).hasSize(1);

        // as a data directory from before the database demo: other demo parts, no database part
        long old = named("targets", DemoDatabase.TARGET_NAME).get(0).get("id").asLong();
        jdbc.sql("delete from demo_content where name = 'database'").update();
        jdbc.sql("delete from scenarios where target_id = :id").param("id", old).update();
        jdbc.sql("delete from targets where id = :id").param("id", old).update();
        content.serverStarted(null);
        List<JsonNode> made = named("targets", DemoDatabase.TARGET_NAME);
        assertThat(made).hasSize(1);
        assertThat(named("scenarios", DemoDatabase.SCENARIO_NAME)).hasSize(1);
        String password = targets.secrets(made.get(0).get("id").asLong()).password();
        try (Connection own = DriverManager.getConnection(demoUrl(DemoDatabase.DATABASE), DemoDatabase.ROLE, password)) {
            assertThat(own.isValid(2)).as("the role's password is the new target's").isTrue();
        }
    }

    @Test
    void theHttpDemoTargetOfAnOlderDataDirectoryMovesToTheDemoEndpoints() {
        long id = demoTargetId();
        String url = httpTarget.baseUrl().orElseThrow();
        assertThat(get("/api/v1/targets/" + id).json().get("url").asText()).isEqualTo(url);
        // as made when the demo endpoints were served by the API's own server under /demo
        jdbc.sql("update targets set url = 'http://127.0.0.1:8080/demo' where id = :id").param("id", id).update();
        jdbc.sql("delete from demo_content where name = 'http'").update();
        content.serverStarted(null);
        assertThat(get("/api/v1/targets/" + id).json().get("url").asText()).isEqualTo(url);
        assertThat(jdbc.sql("select target_id from demo_content where name = 'http'").query(Long.class).single()).isEqualTo(id);
    }
}
