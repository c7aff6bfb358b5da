package dev.benchdeck.server.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.cli.agent.AgentClient;
import dev.benchdeck.cli.agent.LoadAgent;
import dev.benchdeck.cli.agent.ServerRefusedException;
import dev.benchdeck.engine.record.HistogramCodec;
import dev.benchdeck.engine.result.EnvironmentInfo;
import dev.benchdeck.engine.shard.AgentMessages;
import dev.benchdeck.server.IntegrationTestSupport;
import dev.benchdeck.server.security.Role;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Runs split over real load agents (the CLI's, in this JVM and in a process of their own) against the demo target. */
@TestPropertySource(properties = {"benchdeck.test.instance=agents", "benchdeck.agents.wait=8s"})
class AgentRunIntegrationTest extends IntegrationTestSupport {

    @Test
    void threeAgentsRunOneShardEachAndTheMergedHistogramIsExactlyTheSumOfTheirs() throws Exception {
        TestUser user = newUser("agents", Role.EDITOR);
        List<LoadAgent> agents = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            LoadAgent agent = new LoadAgent(new AgentClient(URI.create("http://127.0.0.1:" + port), user.token()), "exact-" + i,
                    Map.of("pool", "exact"), new PrintStream(new ByteArrayOutputStream()));
            agent.register();
            agents.add(agent);
            threads.add(Thread.ofPlatform().daemon().start(() -> {
                try {
                    agent.serve(true);
                } catch (InterruptedException ignored) {
                    // the test is over
                }
            }));
        }
        // the first heartbeats carry each agent's measured clock offset
        JsonNode list = get("/api/v1/agents").json();
        for (int i = 0; i < 50 && list.findValues("clock_offset_ms").stream().filter(JsonNode::isNumber).count() < 3; i++) {
            sleep(100);
            list = get("/api/v1/agents").json();
        }
        assertThat(list.findValuesAsText("name")).contains("exact-0", "exact-1", "exact-2");
        assertThat(list).filteredOn(a -> a.get("name").asText().startsWith("exact-"))
                .allSatisfy(a -> {
                    assertThat(a.get("online").asBoolean()).isTrue();
                    assertThat(a.get("cores").asInt()).isPositive();
                    assertThat(a.get("clock_offset_ms").isNumber()).isTrue();
                });

        long scenario = createScenario("on three agents", """
                workload: {driver: http, path: /hello}
                load:
                  model: closed
                  steps:
                    - {users: 4, duration: 2s}
                    - {users: 7, requests: 300}
                agents: {count: 3, labels: {pool: exact}}
                """);
        long run = trigger(scenario);
        JsonNode done = awaitRun(run, status("completed"), Duration.ofSeconds(40));
        JsonNode result = get("/api/v1/runs/" + run + "/result").json();
        JsonNode shards = get("/api/v1/runs/" + run + "/shards").json();
        assertThat(shards).hasSize(3).allSatisfy(s -> assertThat(s.get("status").asText()).isEqualTo("finished"));
        assertThat(shards.findValuesAsText("agent_name")).containsExactlyInAnyOrder("exact-0", "exact-1", "exact-2");

        // the request-count step: 300 requests in all, 100 per agent
        assertThat(result.get("steps").get(1).get("requests").asLong()).isEqualTo(300);
        // the merged steps are named as the plan's steps, not as an agent's share of them
        assertThat(result.get("steps").findValuesAsText("label")).containsExactly("users=4", "users=7");
        Histogram sum = new Histogram(3);
        long requests = 0;
        for (JsonNode shard : shards) {
            sum.add(HistogramCodec.decode(shard.get("overall").get("latencies").get("latency").get("histogram").asText()));
            requests += shard.get("overall").get("requests").asLong();
        }
        Histogram merged = HistogramCodec.decode(result.get("overall").get("latencies").get("latency").get("histogram").asText());
        assertThat(merged.getTotalCount()).isEqualTo(sum.getTotalCount()).isEqualTo(requests)
                .isEqualTo(done.get("requests").asLong());
        // value by value: every bucket of the merge holds exactly what the agents' buckets held
        List<long[]> expected = new ArrayList<>(), actual = new ArrayList<>();
        sum.recordedValues().forEach(v -> expected.add(new long[] {v.getValueIteratedTo(), v.getCountAtValueIteratedTo()}));
        merged.recordedValues().forEach(v -> actual.add(new long[] {v.getValueIteratedTo(), v.getCountAtValueIteratedTo()}));
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).containsExactly(expected.get(i));
        }
        // live intervals are merged too: the users of the first step add up to 4
        JsonNode intervals = get("/api/v1/runs/" + run + "/intervals").json();
        assertThat(intervals).anyMatch(i -> i.get("users").asInt() == 4);
        for (Thread thread : threads) {
            thread.join(10_000);
        }
        assertThat(get("/api/v1/agents").json()).filteredOn(a -> a.get("name").asText().startsWith("exact-"))
                .allSatisfy(a -> assertThat(a.get("current_run").isNull()).isTrue());
    }

    @Test
    void aBadTokenAndAnotherProtocolVersionAreRefusedClearly() throws Exception {
        AgentMessages.Registration registration = new AgentMessages.Registration("refused", Map.of(), 2, 1L << 30,
                EnvironmentInfo.current().benchdeckVersion(), AgentMessages.PROTOCOL);
        try (AgentClient bad = new AgentClient(URI.create("http://127.0.0.1:" + port), "bd_not_a_real_token")) {
            ServerRefusedException e = org.junit.jupiter.api.Assertions.assertThrows(ServerRefusedException.class, () -> bad.register(registration));
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.getMessage()).contains("token").doesNotContain("bd_not_a_real_token");
        }
        TestUser viewer = newUser("viewer-agent", Role.VIEWER);
        try (AgentClient readOnly = new AgentClient(URI.create("http://127.0.0.1:" + port), viewer.token())) {
            ServerRefusedException e = org.junit.jupiter.api.Assertions.assertThrows(ServerRefusedException.class, () -> readOnly.register(registration));
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.getMessage()).contains("scope run");
        }
        TestUser editor = newUser("future-agent", Role.EDITOR);
        try (AgentClient client = new AgentClient(URI.create("http://127.0.0.1:" + port), editor.token())) {
            AgentMessages.Registration future = new AgentMessages.Registration("future", Map.of(), 2, 1L << 30, "9.0.0", AgentMessages.PROTOCOL + 1);
            ServerRefusedException e = org.junit.jupiter.api.Assertions.assertThrows(ServerRefusedException.class, () -> client.register(future));
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.getMessage()).contains("protocol " + (AgentMessages.PROTOCOL + 1)).contains("this server speaks protocol " + AgentMessages.PROTOCOL);
            AgentMessages.Registration nameless = new AgentMessages.Registration(" ", Map.of(), 0, -1, "", AgentMessages.PROTOCOL);
            ServerRefusedException invalid = org.junit.jupiter.api.Assertions.assertThrows(ServerRefusedException.class, () -> client.register(nameless));
            assertThat(invalid.status()).isEqualTo(400);
            assertThat(invalid.getMessage()).contains("name").contains("cores").contains("memory_bytes").contains("version");
        }
        // someone else's agent cannot be driven with another user's token
        TestUser other = newUser("other-agent", Role.EDITOR);
        long agentId;
        try (AgentClient client = new AgentClient(URI.create("http://127.0.0.1:" + port), editor.token())) {
            agentId = client.register(registration).agentId();
        }
        try (AgentClient stranger = new AgentClient(URI.create("http://127.0.0.1:" + port), other.token())) {
            ServerRefusedException e = org.junit.jupiter.api.Assertions.assertThrows(ServerRefusedException.class,
                    () -> stranger.heartbeat(agentId, new AgentMessages.Heartbeat(0, 0, null)));
            assertThat(e.status()).isEqualTo(404);
        }
    }

    @Test
    void aRunWaitingForAgentsThatNeverComeFailsWithTheReason() {
        long scenario = createScenario("on absent agents", """
                workload: {driver: http, path: /hello}
                load: {users: 5, duration: 1s}
                agents: {count: 5, labels: {pool: nowhere}}
                """);
        JsonNode failed = awaitRun(trigger(scenario), status("failed"), Duration.ofSeconds(30));
        assertThat(failed.get("failure").asText()).contains("asks for 5 agents with labels pool=nowhere").contains("0 are online");
    }

    @Test
    void anAgentKilledMidRunIsMarkedLostAndTheRunKeepsWhatItSent() throws Exception {
        TestUser user = newUser("kill", Role.EDITOR);
        LoadAgent survivor = new LoadAgent(new AgentClient(URI.create("http://127.0.0.1:" + port), user.token()), "survivor",
                Map.of("pool", "kill"), new PrintStream(new ByteArrayOutputStream()));
        survivor.register();
        Thread serving = Thread.ofPlatform().daemon().start(() -> {
            try {
                survivor.serve(true);
            } catch (InterruptedException ignored) {
                // the test is over
            }
        });
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.benchdeck.cli.BenchdeckCommand",
                "agent", "--server", "http://127.0.0.1:" + port, "--name", "doomed", "--label", "pool=kill", "--once")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("BENCHDECK_AGENT_TOKEN", user.token());
        Process doomed = builder.start();
        try {
            for (int i = 0; i < 300 && get("/api/v1/agents").json().findValuesAsText("name").stream().noneMatch("doomed"::equals); i++) {
                sleep(100);
            }
            long scenario = createScenario("agent killed", """
                    workload: {driver: http, path: /hello}
                    load: {users: 4, duration: 12s}
                    agents: {count: 2, labels: {pool: kill}}
                    """);
            long run = trigger(scenario);
            // both shards under way and the doomed one has sent seconds of its own
            for (int i = 0; i < 200 && get("/api/v1/runs/" + run + "/intervals").json().size() < 3; i++) {
                sleep(100);
            }
            assertThat(get("/api/v1/runs/" + run + "/intervals").json().size()).isGreaterThanOrEqualTo(3);
            long before = get("/api/v1/runs/" + run + "/intervals").json().findValues("completed").stream().mapToLong(JsonNode::asLong).sum();
            doomed.destroyForcibly(); // SIGKILL: no goodbye, no end
            JsonNode done = awaitRun(run, status("completed"), Duration.ofSeconds(40));
            assertThat(done.get("failure").asText()).contains("agent doomed").contains("was lost at").contains("silent for 5 s");
            assertThat(done.get("overall").get("partial").asBoolean()).isTrue();
            JsonNode shards = get("/api/v1/runs/" + run + "/shards").json();
            assertThat(shards).anySatisfy(s -> {
                assertThat(s.get("agent_name").asText()).isEqualTo("doomed");
                assertThat(s.get("status").asText()).isEqualTo("lost");
                assertThat(s.get("ended_at").isTextual()).isTrue();
            });
            assertThat(shards).anySatisfy(s -> {
                assertThat(s.get("agent_name").asText()).isEqualTo("survivor");
                assertThat(s.get("status").asText()).isEqualTo("finished");
            });
            // what the lost agent sent stays: the merged seconds hold at least what had arrived before the kill
            long after = get("/api/v1/runs/" + run + "/intervals").json().findValues("completed").stream().mapToLong(JsonNode::asLong).sum();
            assertThat(after).isGreaterThanOrEqualTo(before).isPositive();
        } finally {
            doomed.destroyForcibly();
            serving.join(20_000);
        }
    }
}
