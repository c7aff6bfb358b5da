package dev.benchdeck.server.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.server.IntegrationTestSupport;
import dev.benchdeck.server.system.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioApiIntegrationTest extends IntegrationTestSupport {

    @Test
    void demoContentIsCreatedOnFirstStart() {
        JsonNode scenarios = get("/api/v1/scenarios").json();
        assertThat(scenarios.findValuesAsText("name")).contains("hello, 10 users, 10 s",
                "open model 200/s on /delay/20", "sweep 5/10/20 users on /delay/10");
        assertThat(scenarios.get(0).get("estimated_seconds").asDouble()).isEqualTo(12.0);
        String demo = get("/api/v1/targets/" + demoTargetId()).json().get("url").asText();
        assertThat(demo).as("the demo endpoints run beside the API, on a port of their own").startsWith("http://127.0.0.1:")
                .doesNotContain(":" + port + "/");
        assertThat(send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(demo + "/hello"))).body()).hasSize(100);
        assertThat(send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(demo + "/status/503"))).status()).isEqualTo(503);
    }

    @Test
    void invalidPlansAreRefusedWithEveryProblemAndItsPath() {
        String body = Json.write(Map.of("name", "bad", "target_id", demoTargetId(), "plan_yaml", """
                workload: {driver: http, path: /hello}
                load:
                  model: open
                  steps:
                    - rate: 10
                    - rate: -1
                timeout: 0s
                """));
        Response response = post("/api/v1/scenarios", body);
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsText("path")).contains("load.steps[1].rate", "timeout");
    }

    @Test
    void scenarioForAnUnknownTargetIs404AndMissingFieldsAre400() {
        Response unknown = post("/api/v1/scenarios", Json.write(Map.of("name", "x", "target_id", 987654, "plan_yaml", "load: {users: 1}")));
        assertThat(unknown.status()).isEqualTo(404);
        Response missing = post("/api/v1/scenarios", "{\"name\": \"x\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").findValuesAsText("path")).containsExactly("plan_yaml", "target_id");
    }

    @Test
    void validateReportsAllProblemsAndTheEstimate() {
        Response invalid = post("/api/v1/plans/validate", Json.write(Map.of("target_id", demoTargetId(),
                "plan_yaml", "workload: {driver: http, path: /hello}\nload: {users: 0, duration: 0s}\n")));
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.json().get("valid").asBoolean()).isFalse();
        assertThat(invalid.json().get("problems").findValuesAsText("path")).contains("load.users", "load.duration");

        Response valid = post("/api/v1/plans/validate", Json.write(Map.of("target_id", demoTargetId(),
                "plan_yaml", "workload: {driver: http, path: /hello}\nload: {users: 2, warmup: 2s, duration: 10s}\n")));
        assertThat(valid.json().get("valid").asBoolean()).isTrue();
        assertThat(valid.json().get("estimated_seconds").asDouble()).isEqualTo(12.0);
    }
}
