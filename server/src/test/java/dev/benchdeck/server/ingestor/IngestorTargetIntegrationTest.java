package dev.benchdeck.server.ingestor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.server.IntegrationTestSupport;
import dev.benchdeck.server.security.Role;
import dev.benchdeck.server.system.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Ingestor targets against the demo ingestor the server starts (its PostgreSQL queue in the embedded PostgreSQL):
 * the check, the server-kept series, the message feed, simulations with bad input refused, and an ingestor gone away.
 */
class IngestorTargetIntegrationTest extends IntegrationTestSupport {

    private JsonNode demoIngestor() {
        for (JsonNode target : get("/api/v1/targets").json()) {
            if (target.get("kind").asText().equals("ingestor") && target.get("name").asText().equals("Demo ingestor")) {
                return target;
            }
        }
        throw new AssertionError("no demo ingestor target in " + get("/api/v1/targets").body());
    }

    private JsonNode await(String path, Predicate<JsonNode> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            Response r = get(path);
            last = r.status() == 200 ? r.json() : null;
            if (last != null && condition.test(last)) {
                return last;
            }
            sleep(200);
        }
        throw new AssertionError(path + " never met the condition; last: " + last);
    }

    @Test
    void theDemoIngestorTargetChecksItsHealthAndKeepsItsSinkPasswordToItself() {
        JsonNode target = demoIngestor();
        assertThat(target.get("url").asText()).startsWith("http://127.0.0.1:");
        assertThat(target.get("has_credentials").asBoolean()).isTrue();
        assertThat(target.get("options").get("sink").get("table").asText()).isEqualTo("messages");
        assertThat(target.get("options").get("sink").has("password")).isFalse();
        JsonNode check = post("/api/v1/targets/" + target.get("id").asLong() + "/test", null).json();
        assertThat(check.get("ok").asBoolean()).as(check.toString()).isTrue();
        assertThat(check.get("health").asText()).isEqualTo("ok");
        assertThat(check.get("queue").asText()).isEqualTo("postgres");
    }

    @Test
    void theSeriesIsKeptBySecondWithoutAnyoneWatchingAndASimulationMovesCardsSeriesAndFeed() {
        long id = demoIngestor().get("id").asLong();
        String base = "/api/v1/targets/" + id + "/ingestor";
        JsonNode series = await(base + "/series", s -> s.get("points").size() >= 2, Duration.ofSeconds(10));
        assertThat(series.get("interval_ms").asInt()).isEqualTo(1000);
        JsonNode first = series.get("points").get(0);
        assertThat(first.has("msgs_per_s") && first.has("queue_depth") && first.has("e2e_p99_ms")).as(first.toString()).isTrue();
        JsonNode before = get(base + "/stats").json();
        assertThat(before.get("status").asText()).as(before.toString()).isEqualTo("connected");
        long total = before.get("total_messages").asLong();

        Response started = post(base + "/simulate", "{\"count\": 300, \"rate\": 0, \"content\": \"it burst {n}\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String simulation = started.json().get("id").asText();
        assertThat(simulation).startsWith("sim-");

        JsonNode after = await(base + "/stats", s -> s.get("total_messages").asLong() >= total + 300, Duration.ofSeconds(20));
        assertThat(after.get("total_batches").asLong()).isGreaterThan(0);
        assertThat(after.get("simulations").findValuesAsText("id")).contains(simulation);
        await(base + "/series", s -> {
            for (JsonNode p : s.get("points")) {
                if (p.get("msgs_per_s").asDouble() > 0 && p.get("e2e_p99_ms").isNumber()) {
                    return true;
                }
            }
            return false;
        }, Duration.ofSeconds(10));
        JsonNode feed = get(base + "/messages").json().get("messages");
        assertThat(feed.size()).isEqualTo(50);
        assertThat(feed.get(0).get("content").asText()).startsWith("it burst ");
        assertThat(feed.get(0).get("inserted_at").asText()).isNotBlank();
        assertThat(get(base + "/messages?limit=5").json().get("messages").size()).isEqualTo(5);

        JsonNode audit = get("/api/v1/audit?action=ingestor_simulation_started").json().get("items").get(0);
        assertThat(audit.get("object_id").asText()).isEqualTo(String.valueOf(id));
        assertThat(audit.toString()).contains(simulation).contains("300");
    }

    @Test
    void badSimulationsAndFeedQueriesAre400WithTheirPathsAndStartNothing() {
        long id = demoIngestor().get("id").asLong();
        String base = "/api/v1/targets/" + id + "/ingestor";
        int simulations = get(base + "/stats").json().get("simulations").size();

        Response bad = post(base + "/simulate", "{\"count\": 0, \"rate\": -1, \"content\": \"\"}");
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().get("errors").findValuesAsText("path")).containsExactlyInAnyOrder("count", "rate", "content");
        assertPath(post(base + "/simulate", "{\"count\": 2000000}"), "count");
        assertPath(post(base + "/simulate", "{\"rate\": 5}"), "count");
        assertPath(post(base + "/simulate", "{\"count\": \"many\"}"), "count");
        assertPath(post(base + "/simulate", "{\"count\": 10, \"rate\": \"fast\"}"), "rate");
        assertPath(post(base + "/simulate", "{\"count\": 10, \"content\": \"a\\u0000b\"}"), "content");
        Response malformed = post(base + "/simulate", "{\"count\": 10");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(post(base + "/simulate", "[10]").status()).isEqualTo(400);
        assertPath(get(base + "/messages?limit=0"), "limit");
        assertPath(get(base + "/messages?limit=51"), "limit");
        assertPath(get(base + "/messages?limit=many"), "limit");
        assertThat(get(base + "/stats").json().get("simulations").size()).as("nothing started").isEqualTo(simulations);

        assertThat(post("/api/v1/targets/" + demoTargetId() + "/ingestor/simulate", "{\"count\": 10}").status()).isEqualTo(422);
        assertThat(get("/api/v1/targets/" + demoTargetId() + "/ingestor/series").status()).isEqualTo(422);
        assertThat(get("/api/v1/targets/987654321/ingestor/stats").status()).isEqualTo(404);
        TestUser viewer = newUser("ingest-viewer", Role.VIEWER);
        assertThat(as(viewer, "GET", base + "/series", null).status()).isEqualTo(200);
        assertThat(as(viewer, "POST", base + "/simulate", "{\"count\": 10}").status()).isEqualTo(403);
    }

    private static void assertPath(Response response, String path) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsText("path")).as(response.body()).contains(path);
    }

    @Test
    void anIngestorTargetNeedsASinkAndTakesOnlyItsOwnSecrets() {
        String url = demoIngestor().get("url").asText();
        Response noSink = post("/api/v1/targets", Json.write(Map.of("name", "i", "kind", "ingestor", "url", url)));
        assertThat(noSink.status()).as(noSink.body()).isEqualTo(422);
        assertThat(noSink.json().get("errors").findValuesAsText("path")).contains("options.sink");
        Response misplaced = post("/api/v1/targets", Json.write(Map.of("name", "i", "kind", "ingestor", "url", url,
                "options", Map.of("sink", Map.of("url", "jdbc:postgresql://127.0.0.1:5432/x", "password", "hunter2-secret"), "model", "m"),
                "credentials", Map.of("api_key", "sk-123456789"))));
        assertThat(misplaced.status()).as(misplaced.body()).isEqualTo(422);
        assertThat(misplaced.json().get("errors").findValuesAsText("path"))
                .contains("options.sink.password", "options.model", "credentials.api_key");
        assertThat(misplaced.body()).doesNotContain("hunter2-secret");
        Response badSink = post("/api/v1/targets", Json.write(Map.of("name", "i", "kind", "ingestor", "url", url,
                "options", Map.of("sink", Map.of("url", "mysql://nope")))));
        assertThat(badSink.status()).as(badSink.body()).isEqualTo(422);
        assertThat(badSink.json().get("errors").findValuesAsText("path")).contains("options.sink.url");
    }

    @Test
    void anIngestorThatDoesNotAnswerIsDisconnectedIn502sAndGapsNotIn500s() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        long id = createTarget(Map.of("name", "gone ingestor", "kind", "ingestor", "url", "http://127.0.0.1:" + closed,
                "options", Map.of("sink", Map.of("url", "jdbc:postgresql://127.0.0.1:" + closed + "/x")),
                "credentials", Map.of("password", "sink-password-1", "admin_token", "ingestor-admin-token-0123")));
        String base = "/api/v1/targets/" + id + "/ingestor";
        JsonNode check = post("/api/v1/targets/" + id + "/test", null).json();
        assertThat(check.get("ok").asBoolean()).isFalse();
        assertThat(check.get("error_class").asText()).isEqualTo("connect");
        JsonNode stats = get(base + "/stats").json();
        assertThat(stats.get("status").asText()).isEqualTo("disconnected");
        assertThat(stats.get("error").asText()).contains("cannot reach");
        assertThat(get(base + "/messages").status()).isEqualTo(502);
        Response simulate = post(base + "/simulate", "{\"count\": 10}");
        assertThat(simulate.status()).isEqualTo(502);
        assertThat(simulate.body()).doesNotContain("ingestor-admin-token-0123");
        JsonNode series = await(base + "/series", s -> s.get("points").size() >= 1, Duration.ofSeconds(10));
        assertThat(series.get("points").get(0).get("msgs_per_s").isNull()).as(series.toString()).isTrue();
        assertThat(get("/api/v1/targets").body()).doesNotContain("sink-password-1").doesNotContain("ingestor-admin-token-0123");
        assertThat(post("/api/v1/targets/" + id + "/test", null).status()).isEqualTo(200);

        // the sink's password goes to the sink: a new sink address drops it unless it is given again
        Map<String, Object> same = Map.of("name", "gone ingestor", "kind", "ingestor", "url", "http://127.0.0.1:" + closed,
                "options", Map.of("sink", Map.of("url", "jdbc:postgresql://127.0.0.1:" + closed + "/x")));
        assertThat(put("/api/v1/targets/" + id, Json.write(same)).json().get("has_credentials").asBoolean()).isTrue();
        Map<String, Object> moved = Map.of("name", "gone ingestor", "kind", "ingestor", "url", "http://127.0.0.1:" + closed,
                "options", Map.of("sink", Map.of("url", "jdbc:postgresql://192.0.2.1:5432/elsewhere")));
        assertThat(put("/api/v1/targets/" + id, Json.write(moved)).json().get("has_credentials").asBoolean()).isFalse();
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/targets/" + id)).DELETE()).status()).isEqualTo(204);
    }

    private Response as(TestUser user, String method, String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + user.token()).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)));
    }

    @Test
    void theDemoIngestionScenarioProducesAnOrdinaryRunWithNothingLost() {
        long scenario = -1;
        for (JsonNode s : get("/api/v1/scenarios").json()) {
            if (s.get("name").asText().equals("Ingestion 500 and 2,000 msg/s (demo)")) {
                scenario = s.get("id").asLong();
            }
        }
        assertThat(scenario).as("the demo ingestion scenario").isPositive();
        long run = trigger(scenario);
        JsonNode done = awaitRun(run, r -> !List.of("queued", "running").contains(r.get("status").asText()), Duration.ofSeconds(90));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.get("steps")).hasSize(2);
        // a publish that timed out on a busy machine is an error of the step, never a lost message: it was not confirmed
        done.get("steps").forEach(step -> assertThat(step.get("requests").asLong()).as(step.toString()).isPositive());
        JsonNode result = get("/api/v1/runs/" + run + "/result").json();
        assertThat(result.toString()).as(result.toString()).contains("\"lost\":0").contains("\"duplicated\":0");
    }
}
