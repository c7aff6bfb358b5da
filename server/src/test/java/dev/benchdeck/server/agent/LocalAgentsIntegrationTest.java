package dev.benchdeck.server.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.server.IntegrationTestSupport;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The server's own load agent ({@code benchdeck.agents.local}, the default of {@code serve}): a plan without
 * {@code agents} runs in that process, not in the server's; other plans cannot claim it; killed mid-run it fails the
 * run, not the server, and is started again.
 */
@TestPropertySource(properties = {"benchdeck.test.instance=local-agents", "benchdeck.agents.local=true", "benchdeck.agents.wait=20s"})
class LocalAgentsIntegrationTest extends IntegrationTestSupport {

    @Autowired
    LocalAgents localAgents;

    private static final String PLAN = """
            workload: {driver: http, path: /hello}
            load:
              model: closed
              steps:
                - {users: 2, duration: %s}
            """;

    @Test
    void aPlanWithoutAgentsRunsInTheLocalAgentProcessAndOnlyThere() {
        awaitLocalAgent();
        long run = trigger(createScenario("in the local agent", PLAN.formatted("2s")));
        JsonNode done = awaitRun(run, status("completed"), Duration.ofSeconds(40));
        assertThat(done.get("requests").asLong()).isPositive();
        JsonNode shards = get("/api/v1/runs/" + run + "/shards").json();
        assertThat(shards).hasSize(1);
        assertThat(shards.get(0).get("agent_name").asText()).isEqualTo("local-1");
        assertThat(shards.get(0).get("status").asText()).isEqualTo("finished");
        // one shard: the run's figures are the agent's own, the generator's CPU included
        assertThat(shards.get(0).get("overall").get("requests").asLong()).isEqualTo(done.get("requests").asLong());
        JsonNode intervals = get("/api/v1/runs/" + run + "/intervals").json();
        assertThat(intervals).isNotEmpty().allSatisfy(i -> assertThat(i.get("users").asInt()).isEqualTo(2));

        // a plan asking for an agent does not get the server's own
        long wanting = trigger(createScenario("wants an agent", PLAN.formatted("1s") + "agents: 1\n"));
        JsonNode failed = awaitRun(wanting, status("failed"), Duration.ofSeconds(40));
        assertThat(failed.get("failure").asText()).contains("asks for 1 agents").contains("0 free");
    }

    @Test
    void theLocalAgentKilledMidRunFailsTheRunNotTheServerAndIsStartedAgain() throws Exception {
        long firstPid = awaitLocalAgent();
        long run = trigger(createScenario("local agent killed", PLAN.formatted("60s")));
        awaitRun(run, r -> get("/api/v1/runs/" + run + "/intervals").json().size() >= 2, Duration.ofSeconds(30));
        ProcessHandle.of(firstPid).orElseThrow().destroyForcibly();
        JsonNode failed = awaitRun(run, status("failed"), Duration.ofSeconds(30));
        assertThat(failed.get("failure").asText()).contains("agent local-1").contains("was lost");
        assertThat(get("/api/v1/runs/" + run + "/intervals").json().size()).isGreaterThanOrEqualTo(2);

        long secondPid = awaitLocalAgent();
        assertThat(secondPid).isNotEqualTo(firstPid);
        long again = trigger(createScenario("after the restart", PLAN.formatted("1s")));
        assertThat(awaitRun(again, status("completed"), Duration.ofSeconds(40)).get("requests").asLong()).isPositive();
    }

    @Autowired
    dev.benchdeck.server.security.LocalAgentKey localKey;

    @Test
    void theLocalKeyOpensTheAgentsEndpointsOnlyAndNobodyElseMayCarryTheLocalLabel() {
        HttpRequest.Builder withKey = HttpRequest.newBuilder().header("Authorization", "Bearer " + localKey.secret());
        assertThat(sendAsIs(withKey.copy().uri(URI.create("http://127.0.0.1:" + port + "/api/v1/agents")).GET().build()).status()).isEqualTo(200);
        assertThat(sendAsIs(withKey.copy().uri(URI.create("http://127.0.0.1:" + port + "/api/v1/runs")).GET().build()).status()).isEqualTo(401);

        // an editor's agent claiming to be a local one would get the server's local runs and their targets' secrets
        TestUser editor = newUser("impostor", dev.benchdeck.server.security.Role.EDITOR);
        Response refused = sendAsIs(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/agents"))
                .header("Authorization", "Bearer " + editor.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"name": "impostor", "labels": {"benchdeck-local": "any"}, "cores": 1, "memory_bytes": 1, "version": "dev", "protocol": 1}"""))
                .build());
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("labels.benchdeck-local");
    }

    @Test
    void aLocalAgentLookingKeyThatIsNotThisStartsIsRefused() {
        Response refused = sendAsIs(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/agents"))
                .header("Authorization", "Bearer bdl_not-this-servers-key").GET().build());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).doesNotContain("bdl_not-this-servers-key");
    }

    /** The pid of the running local agent once it is registered and online. */
    private long awaitLocalAgent() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Long> agent = localAgents.pids().stream().findFirst();
            boolean online = false;
            for (JsonNode a : get("/api/v1/agents").json()) {
                online |= a.get("name").asText().equals("local-1") && a.get("online").asBoolean()
                        && a.get("labels").has(LocalAgents.LABEL);
            }
            if (agent.isPresent() && online) {
                return agent.get();
            }
            sleep(200);
        }
        throw new AssertionError("no local agent came online; agents: " + get("/api/v1/agents").body());
    }
}
