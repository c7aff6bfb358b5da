package dev.benchdeck.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.server.IntegrationTestSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo gateway: a gateway target made once, on 127.0.0.1, whose admin token the server holds, and a scenario through it. */
class DemoGatewayIntegrationTest extends IntegrationTestSupport {

    @Autowired
    DemoContent content;

    @Autowired
    DemoGateway gateway;

    private List<JsonNode> named(String collection, String name) {
        List<JsonNode> found = new ArrayList<>();
        get("/api/v1/" + collection).json().forEach(item -> {
            if (item.get("name").asText().equals(name)) {
                found.add(item);
            }
        });
        return found;
    }

    @Test
    void theDemoGatewayTargetIsMadeOnceReachesItsAdminApiAndItsScenarioStreamsThroughIt() {
        content.serverStarted(null);
        List<JsonNode> targets = named("targets", DemoContent.GATEWAY_TARGET_NAME);
        assertThat(targets).as("made once").hasSize(1);
        JsonNode target = targets.get(0);
        assertThat(target.get("kind").asText()).isEqualTo("gateway");
        assertThat(target.get("url").asText()).isEqualTo(gateway.baseUrl().orElseThrow());
        assertThat(target.toString()).doesNotContain(gateway.adminToken());
        long id = target.get("id").asLong();

        JsonNode check = post("/api/v1/targets/" + id + "/test", null).json();
        assertThat(check.get("ok").asBoolean()).as(check.toString()).isTrue();
        assertThat(get("/api/v1/targets/" + id + "/gateway/config").json().has("enable_caching")).isTrue();

        List<JsonNode> scenarios = named("scenarios", DemoContent.GATEWAY_SCENARIO_NAME);
        assertThat(scenarios).hasSize(1);
        long run = trigger(scenarios.get(0).get("id").asLong());
        JsonNode done = awaitRun(run, r -> !List.of("queued", "running").contains(r.get("status").asText()), Duration.ofSeconds(60));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.get("steps")).hasSize(3);
        done.get("steps").forEach(step -> assertThat(step.get("errors").asLong()).as(step.toString()).isZero());
        assertThat(get("/api/v1/runs/" + run + "/telemetry").json().size()).isGreaterThanOrEqualTo(10);
    }
}
