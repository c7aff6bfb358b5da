package dev.benchdeck.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.server.IntegrationTestSupport;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

class AuditIntegrationTest extends IntegrationTestSupport {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    @Autowired
    AuditRetention retention;

    @Test
    void scenarioAndRunChangesAreRecordedAndFiltered() {
        long scenario = createScenario("audited scenario", "workload: {driver: http, path: /hello}\nload: {users: 1, requests: 5}\n");
        long run = trigger(scenario);
        awaitRun(run, r -> r.get("status").asText().matches("completed|failed"), Duration.ofSeconds(60));
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/runs/" + run)).DELETE()).status()).isEqualTo(204);
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/scenarios/" + scenario)).DELETE()).status()).isEqualTo(204);

        JsonNode all = get("/api/v1/audit?limit=1000").json();
        List<String> mine = all.get("items").findValues("object_id").stream().map(JsonNode::asText).toList();
        assertThat(mine).contains(String.valueOf(scenario), String.valueOf(run));
        for (String action : List.of("scenario_created", "scenario_deleted", "run_started", "run_deleted")) {
            JsonNode page = get("/api/v1/audit?action=" + action).json();
            assertThat(page.get("total").asLong()).as(action).isPositive();
            assertThat(page.get("items").findValuesAsText("action")).as(action).containsOnly(action);
        }
        JsonNode first = get("/api/v1/audit?action=run_deleted&limit=1").json();
        assertThat(first.get("items")).hasSize(1);
        JsonNode entry = first.get("items").get(0);
        assertThat(entry.get("object_type").asText()).isEqualTo("run");
        assertThat(entry.get("address").asText()).isEqualTo("127.0.0.1");
        assertThat(entry.has("actor")).isTrue();
        assertThat(entry.get("detail").asText()).contains("audited scenario");
        assertThat(get("/api/v1/audit?from=2999-01-01T00:00:00Z").json().get("total").asLong()).isZero();
        assertThat(get("/api/v1/audit?to=2000-01-01T00:00:00Z").json().get("items")).isEmpty();
    }

    @Test
    void everyTargetScenarioAndRunChangeIsRecordedWithNamesAndIds() {
        long target = createTarget(java.util.Map.of("name", "audited http", "kind", "http", "url", "http://127.0.0.1:9",
                "credentials", java.util.Map.of("headers", java.util.Map.of("X-Api-Key", "audit-header-s3cret"))));
        put("/api/v1/targets/" + target, dev.benchdeck.server.system.Json.write(java.util.Map.of("name", "audited http 2", "kind", "http",
                "url", "http://127.0.0.1:9")));
        String plan = "workload: {driver: http, path: /hello}\nload: {users: 1, duration: 60s}\n";
        long scenario = createScenario("audited long scenario", plan);
        put("/api/v1/scenarios/" + scenario, dev.benchdeck.server.system.Json.write(java.util.Map.of("name", "audited long scenario 2",
                "target_id", demoTargetId(), "plan_yaml", plan)));
        long run = trigger(scenario);
        assertThat(post("/api/v1/runs/" + run + "/cancel", null).status()).isEqualTo(202);
        awaitRun(run, status("cancelled"), Duration.ofSeconds(30));
        Response rerun = post("/api/v1/runs/" + run + "/rerun", null);
        assertThat(rerun.status()).as(rerun.body()).isEqualTo(202);
        long second = rerun.json().get("id").asLong();
        assertThat(post("/api/v1/runs/" + second + "/cancel", null).status()).isEqualTo(202);
        awaitRun(second, status("cancelled"), Duration.ofSeconds(30));
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/runs/" + second)).DELETE()).status()).isEqualTo(204);
        assertThat(send(HttpRequest.newBuilder(uri("/api/v1/targets/" + target)).DELETE()).status()).isEqualTo(204);

        assertThat(entry("target_created", target).get("detail").asText()).contains("audited http").doesNotContain("s3cret");
        assertThat(entry("target_updated", target).get("detail").asText()).contains("audited http 2");
        assertThat(entry("target_deleted", target).get("detail").asText()).contains("audited http 2");
        assertThat(entry("scenario_created", scenario).get("detail").asText()).contains("audited long scenario");
        assertThat(entry("scenario_updated", scenario).get("detail").asText()).contains("audited long scenario 2");
        assertThat(entry("run_started", run).get("detail").asText()).contains("\"scenario_id\":" + scenario);
        assertThat(entry("run_cancelled", run).get("object_type").asText()).isEqualTo("run");
        assertThat(entry("run_started", second).get("detail").asText()).contains("\"rerun_of\":" + run);
        assertThat(entry("run_cancelled", second).get("actor").asText()).isEqualTo(ADMIN);
        assertThat(entry("run_deleted", second).get("detail").asText()).contains("cancelled");
        assertThat(get("/api/v1/audit?limit=1000").body()).doesNotContain("audit-header-s3cret");
    }

    /** The one entry of that action about that object. */
    private JsonNode entry(String action, long objectId) {
        List<JsonNode> found = new java.util.ArrayList<>();
        get("/api/v1/audit?limit=1000&action=" + action).json().get("items").forEach(e -> {
            if (e.get("object_id").asText().equals(String.valueOf(objectId))) {
                found.add(e);
            }
        });
        assertThat(found).as(action + " of " + objectId).hasSize(1);
        return found.get(0);
    }

    @Test
    void theActorComesFromTheSecurityContext() {
        var ada = new dev.benchdeck.server.security.Actor(4242, "ada", dev.benchdeck.server.security.Role.EDITOR, null, false, false);
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(ada, null, List.of()));
        try {
            audit.record("settings_updated", "settings", null, "{\"self_registration\": false}");
        } finally {
            SecurityContextHolder.clearContext();
        }
        JsonNode page = get("/api/v1/audit?actor=ada").json();
        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("actor").asText()).isEqualTo("ada");
        assertThat(page.get("items").get(0).get("address").isNull()).as("no request, no address").isTrue();
    }

    @Test
    void tokensAndFailedSignInsAreRecordedWithWhoAndNeverTheSecret() {
        TestUser editor = newUser("audited", dev.benchdeck.server.security.Role.EDITOR);
        Response created = send(HttpRequest.newBuilder(uri("/api/v1/account/tokens")).header("Authorization", "Bearer " + editor.token())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"ci\", \"scopes\": [\"read\"]}")));
        assertThat(created.status()).isEqualTo(201);
        String secret = created.json().get("token").asText();
        JsonNode entries = get("/api/v1/audit?actor=" + editor.username() + "&action=token_created").json().get("items");
        assertThat(entries).as("the test support's own token was made without a request, so by nobody").hasSize(1);
        assertThat(entries.get(0).get("detail").asText()).contains("\"ci\"").contains("read").doesNotContain(secret);

    }

    @Test
    void badParametersAreProblemsWithTheirNames() {
        Response response = get("/api/v1/audit?limit=0&from=yesterday&to=%2B1000000000-01-01T00:00:00Z");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsText("path")).containsExactlyInAnyOrder("limit", "from", "to");
        assertThat(get("/api/v1/audit?limit=1001").status()).isEqualTo(400);
    }

    @Test
    void entriesOlderThanTheRetentionAreDeleted() {
        jdbc.sql("insert into audit_log (at, action) values (:at, 'ancient_action')")
                .param("at", java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(91)))).update();
        jdbc.sql("insert into audit_log (at, action) values (:at, 'recent_action')")
                .param("at", java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(89)))).update();
        assertThat(retention.purge()).isGreaterThanOrEqualTo(1);
        assertThat(get("/api/v1/audit?action=ancient_action").json().get("total").asLong()).isZero();
        assertThat(get("/api/v1/audit?action=recent_action").json().get("total").asLong()).isEqualTo(1);
    }
}
