package dev.benchdeck.server.target;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.embeddedpg.EmbeddedPostgres;
import dev.benchdeck.server.IntegrationTestSupport;
import dev.benchdeck.server.system.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Postgres targets against the embedded PostgreSQL the server itself stores its data in. */
class PostgresTargetIntegrationTest extends IntegrationTestSupport {

    @Autowired
    EmbeddedPostgres pg;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TargetService targets;

    @Test
    void secretsAreStoredEncryptedNeverReturnedAndKeptOrDroppedOnUpdate() {
        Response created = post("/api/v1/targets", Json.write(postgresTarget("pg crud", pg, pg.password())));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode target = created.json();
        long id = target.get("id").asLong();
        assertThat(target.get("kind").asText()).isEqualTo("postgres");
        assertThat(target.get("url").asText()).isEqualTo("postgresql://postgres@127.0.0.1:" + pg.port() + "/postgres");
        assertThat(target.get("has_credentials").asBoolean()).isTrue();
        assertThat(target.get("options").get("sslmode").asText()).isEqualTo("disable");
        assertThat(target.get("options").has("password")).isFalse();
        for (String body : new String[] {created.body(), get("/api/v1/targets").body(), get("/api/v1/targets/" + id).body()}) {
            assertThat(body).doesNotContain(pg.password());
        }
        byte[] stored = jdbc.sql("select credentials from targets where id = :id").param("id", id).query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(pg.password());
        String options = jdbc.sql("select options::text from targets where id = :id").param("id", id).query(String.class).single();
        assertThat(options).doesNotContain(pg.password());
        assertThat(targets.secrets(id).password()).isEqualTo(pg.password());
        assertThat(targets.secrets(id).toString()).doesNotContain(pg.password());

        Map<String, Object> renamed = new LinkedHashMap<>(postgresTarget("pg crud, renamed", pg, "unused"));
        renamed.remove("credentials");
        Response kept = put("/api/v1/targets/" + id, Json.write(renamed));
        assertThat(kept.status()).as(kept.body()).isEqualTo(200);
        assertThat(kept.json().get("has_credentials").asBoolean()).as("kept when not given").isTrue();
        assertThat(targets.secrets(id).password()).isEqualTo(pg.password());

        Response becameHttp = put("/api/v1/targets/" + id, """
                {"name": "now http", "kind": "http", "url": "http://127.0.0.1:9/"}""");
        assertThat(becameHttp.status()).as(becameHttp.body()).isEqualTo(200);
        assertThat(becameHttp.json().get("has_credentials").asBoolean()).as("a password means nothing to an http target").isFalse();
    }

    @Test
    void badSettingsAreReportedTogetherWithTheirPathsInTheRequest() {
        Response response = post("/api/v1/targets", """
                {"name": "bad pg", "kind": "postgres",
                 "options": {"port": 70000, "database": "postgres", "user": "bench", "sslmode": "sometimes",
                             "pool": {"size": 0}, "colour": "blue"}}""");
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsText("path"))
                .contains("options.host", "options.port", "options.sslmode", "options.pool.size", "options.colour")
                .noneMatch(path -> path.startsWith("target") || path.startsWith("workload"));

        Response misplaced = post("/api/v1/targets", """
                {"name": "secret in the wrong place", "kind": "postgres",
                 "options": {"host": "127.0.0.1", "database": "postgres", "user": "bench", "password": "hunter2",
                             "lakebase": {"workspace_url": "https://example.cloud.databricks.com", "instance": "i", "token": "dapi-secret"}},
                 "credentials": {"headers": {"Authorization": "Bearer x"}}}""");
        assertThat(misplaced.status()).as(misplaced.body()).isEqualTo(422);
        assertThat(misplaced.json().get("errors").findValuesAsText("path"))
                .contains("options.password", "options.lakebase.token", "credentials.headers");
        assertThat(misplaced.body()).doesNotContain("hunter2").doesNotContain("dapi-secret");

        Response wrongKind = post("/api/v1/targets", """
                {"name": "x", "kind": "mysql", "url": "http://127.0.0.1:9"}""");
        assertThat(wrongKind.status()).isEqualTo(400);
        assertThat(wrongKind.json().get("errors").findValuesAsText("path")).containsExactly("kind");
        Response httpWithoutUrl = post("/api/v1/targets", """
                {"name": "x", "kind": "http"}""");
        assertThat(httpWithoutUrl.status()).isEqualTo(400);
        assertThat(httpWithoutUrl.json().get("errors").findValuesAsText("path")).containsExactly("url");
    }

    @Test
    void theConnectionTestReportsVersionRoundTripAndPrivilegesOrTheRefusedPassword() {
        long good = createTarget(postgresTarget("pg test ok", pg, pg.password()));
        Response ok = post("/api/v1/targets/" + good + "/test", null);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        JsonNode report = ok.json();
        assertThat(report.get("ok").asBoolean()).as(ok.body()).isTrue();
        assertThat(report.get("server_version").asText()).contains("17.");
        assertThat(report.get("round_trip_millis").asDouble()).isPositive();
        assertThat(report.get("can_create_table").asBoolean()).isTrue();
        assertThat(report.get("user").asText()).isEqualTo("postgres");
        assertThat(ok.body()).doesNotContain(pg.password());

        long wrong = createTarget(postgresTarget("pg test wrong password", pg, "not-the-password"));
        Response refused = post("/api/v1/targets/" + wrong + "/test", null);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.json().get("ok").asBoolean()).isFalse();
        assertThat(refused.json().get("error_class").asText()).isEqualTo("auth");
        assertThat(refused.json().get("message").asText()).contains("password");
        assertThat(refused.body()).doesNotContain("not-the-password");

        assertThat(post("/api/v1/targets/424242/test", null).status()).isEqualTo(404);
    }

    @Test
    void theHttpTestGetsTheUrlAndSaysWhenNothingAnswers() {
        Response demo = post("/api/v1/targets/" + demoTargetId() + "/test", null);
        assertThat(demo.status()).isEqualTo(200);
        assertThat(demo.json().get("ok").asBoolean()).as(demo.body()).isTrue();
        assertThat(demo.json().get("status").asInt()).isBetween(200, 499);
        assertThat(demo.json().get("millis").asDouble()).isPositive();

        long closed = createTarget(Map.of("name", "nothing listens", "kind", "http", "url", "http://127.0.0.1:9/"));
        JsonNode refused = post("/api/v1/targets/" + closed + "/test", null).json();
        assertThat(refused.get("ok").asBoolean()).isFalse();
        assertThat(refused.get("error_class").asText()).isEqualTo("connect");
    }

    @Test
    void theQueryCheckTimesAStatementShowsItsPlanAndPointsAtASyntaxError() {
        long id = createTarget(postgresTarget("pg query check", pg, pg.password()));
        Response ok = post("/api/v1/targets/" + id + "/query-check", """
                {"sql": "select id, name from targets where id > 0"}""");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("ok").asBoolean()).as(ok.body()).isTrue();
        assertThat(ok.json().get("millis").asDouble()).isPositive();
        assertThat(ok.json().get("rows").asLong()).isPositive();
        assertThat(ok.json().get("columns").toString()).contains("id", "name");
        assertThat(ok.json().get("plan").asText()).contains("Scan");

        JsonNode syntax = post("/api/v1/targets/" + id + "/query-check", """
                {"sql": "selec 1"}""").json();
        assertThat(syntax.get("ok").asBoolean()).isFalse();
        assertThat(syntax.get("error_class").asText()).isEqualTo("syntax");
        assertThat(syntax.get("sql_state").asText()).isEqualTo("42601");
        assertThat(syntax.get("position").asInt()).isEqualTo(1);

        Response blank = post("/api/v1/targets/" + id + "/query-check", "{\"sql\": \" \"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("errors").findValuesAsText("path")).containsExactly("sql");
        Response notADatabase = post("/api/v1/targets/" + demoTargetId() + "/query-check", "{\"sql\": \"select 1\"}");
        assertThat(notADatabase.status()).isEqualTo(422);
        assertThat(notADatabase.contentType()).startsWith("application/problem+json");
    }
}
