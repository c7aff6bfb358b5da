package dev.benchdeck.server.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.engine.result.ResultJson;
import dev.benchdeck.engine.result.StepResult;
import dev.benchdeck.mockllm.MockLlmConfig;
import dev.benchdeck.mockllm.MockLlmServer;
import dev.benchdeck.server.IntegrationTestSupport;
import dev.benchdeck.server.system.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** LLM and automation runs through the API against an in-process mock LLM server, and the overview's streaming figures. */
class LlmRunIntegrationTest extends IntegrationTestSupport {

    private static final String KEY = "sk-run-9d8c7b6a";
    private static MockLlmServer mock;

    @BeforeAll
    static void startMock() throws Exception {
        mock = MockLlmServer.start(MockLlmConfig.defaults().toBuilder().ttft(10, 0).itl(15, 0).outputTokens(5, 0)
                .automationRun(30, 0).build());
    }

    @AfterAll
    static void stopMock() {
        mock.close();
    }

    @Test
    void anLlmSweepRunsAgainstTheMockWithTheCliMetricNamesAndShowsInTheOverview() throws Exception {
        long target = createTarget(Map.of("name", "llm run", "kind", "llm", "url", "http://127.0.0.1:" + mock.port(),
                "options", Map.of("provider", "openai-compatible", "model", "mock-1"), "credentials", Map.of("api_key", KEY)));
        Response scenario = post("/api/v1/scenarios", Json.write(Map.of("name", "llm sweep", "target_id", target, "plan_yaml", """
                workload: {driver: llm, api: openai-chat, prompt: 'say hi', max_tokens: 8, slo: {ttft: 500ms, tpot: 50ms}}
                load: {model: closed, warmup: 0s, duration: 1s, steps: [{users: 1}, {users: 2}]}
                timeout: 10s
                """)));
        assertThat(scenario.status()).as(scenario.body()).isEqualTo(201);
        long run = trigger(scenario.json().get("id").asLong());
        JsonNode done = awaitRun(run, r -> !List.of("queued", "running").contains(r.get("status").asText()), Duration.ofSeconds(30));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.get("plan_yaml").asText()).contains("model: mock-1", "provider: openai-compatible").doesNotContain(KEY);

        assertThat(done.get("steps")).hasSize(2);
        for (JsonNode step : done.get("steps")) {
            assertThat(step.get("errors").asLong()).as(step.toString()).isZero();
            StepResult parsed = ResultJson.mapper().treeToValue(step, StepResult.class);
            for (String metric : List.of(StepResult.TTFT, StepResult.ITL, StepResult.TPOT, StepResult.E2E, StepResult.REQUEST_TOKENS_PER_SECOND)) {
                assertThat(step.get("latencies").has(metric)).as(metric + " in " + step.get("latencies").fieldNames()).isTrue();
                assertThat(parsed.metric(metric + ".p50")).as(metric + " " + step.get("latencies").get(metric).get("summary")).isPositive();
            }
            assertThat(parsed.metric("ttft.p50")).isGreaterThanOrEqualTo(10.0);
            JsonNode stream = step.get("stream");
            assertThat(stream.get("output_tokens").asLong()).isEqualTo(5 * step.get("requests").asLong());
            assertThat(stream.get("good_requests").asLong()).isEqualTo(step.get("ok").asLong());
            assertThat(stream.get("usage_streams").asLong()).isEqualTo(stream.get("streams").asLong());
        }
        List<String> intervals = get("/api/v1/runs/" + run + "/intervals").json().findValuesAsText("output_tokens");
        assertThat(intervals).isNotEmpty();

        JsonNode streaming = get("/api/v1/overview").json().get("streaming");
        assertThat(streaming.get("total_runs").asLong()).isPositive();
        assertThat(streaming.get("success_rate").asDouble()).isPositive();
        assertThat(streaming.get("recent_runs").findValuesAsText("id")).contains(String.valueOf(run));
        assertThat(streaming.get("recent_runs").size()).isLessThanOrEqualTo(10);
        JsonNode ttft = streaming.get("ttft_ms");
        // the overview pools every streaming run in this shared test database (cached gateway replays come in ~1 ms)
        assertThat(ttft.get("p50").asDouble()).isPositive();
        assertThat(ttft.get("p99").asDouble()).isGreaterThanOrEqualTo(ttft.get("p95").asDouble());
        assertThat(streaming.get("e2e_ms").get("p50").asDouble()).isGreaterThan(ttft.get("p50").asDouble());
        assertThat(streaming.get("e2e_ms").get("count").asLong()).isGreaterThanOrEqualTo(done.get("requests").asLong());
    }

    @Test
    void anAutomationTargetFillsPathAndInputsAndItsRunsComplete() {
        long target = createTarget(Map.of("name", "automation run", "kind", "automation", "url", "http://127.0.0.1:" + mock.port(),
                "options", Map.of("automation_id", "web-agent", "inputs", Map.of("url", "https://example.test"))));
        Response scenario = post("/api/v1/scenarios", Json.write(Map.of("name", "automation sync", "target_id", target, "plan_yaml", """
                workload: {driver: llm}
                load: {model: closed, users: 2, warmup: 0s, duration: 1s}
                timeout: 10s
                """)));
        assertThat(scenario.status()).as(scenario.body()).isEqualTo(201);
        long run = trigger(scenario.json().get("id").asLong());
        JsonNode done = awaitRun(run, r -> !List.of("queued", "running").contains(r.get("status").asText()), Duration.ofSeconds(30));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.get("plan_yaml").asText()).contains("api: automation-sync", "path: /automations/web-agent/run", "https://example.test");
        assertThat(done.get("requests").asLong()).isPositive();
        assertThat(done.get("steps").get(0).get("errors").asLong()).as(done.get("steps").toString()).isZero();

        Response async = post("/api/v1/plans/validate", Json.write(Map.of("target_id", target, "plan_yaml", """
                workload: {driver: llm, api: automation-async}
                load: {users: 1, duration: 1s}
                """)));
        assertThat(async.json().get("valid").asBoolean()).as(async.body()).isTrue();
    }
}
