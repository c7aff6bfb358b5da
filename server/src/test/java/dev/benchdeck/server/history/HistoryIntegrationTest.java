package dev.benchdeck.server.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.engine.result.Distribution;
import dev.benchdeck.engine.result.ResultJson;
import dev.benchdeck.engine.result.RunResult;
import dev.benchdeck.engine.result.RunStatus;
import dev.benchdeck.engine.result.StepResult;
import dev.benchdeck.server.IntegrationTestSupport;
import dev.benchdeck.server.security.Role;
import dev.benchdeck.server.system.Json;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * Labels, uploads, the history, the regression check on completion and the alerts' triage, end to end on the shared
 * server: one real run (labels set as it starts, the check hooked to its completion), then uploaded results with
 * known latencies so that the baseline, the alert and the false positive's effect are exact.
 */
class HistoryIntegrationTest extends IntegrationTestSupport {

    private static final long T0 = 1_780_000_000_000L;

    /** A one-step completed result whose latencies are all {@code ms} (± 1 ms spread), 100 requests in 1 s. */
    private static String result(String plan, double ms, int seq, Map<String, String> labels) {
        Histogram h = new Histogram(3);
        for (int i = 0; i < 100; i++) {
            h.recordValue((long) (ms * 1000) + (i % 3) * 1000L);
        }
        StepResult step = new StepResult(0, "users=2", 1, 100, 100, 0, Map.of(), 0, 100, 0,
                Map.of(StepResult.LATENCY, Distribution.of(h)), List.of(), null, false, null);
        long start = T0 + seq * 60_000L;
        return ResultJson.write(new RunResult(plan, RunStatus.COMPLETED, null, start, start + 1000, null, List.of(step), step,
                List.of(), List.of(), List.of(), labels));
    }

    private Response upload(String resultJson, Long scenarioId, String token) {
        String body = "{\"result\": " + resultJson + (scenarioId == null ? "" : ", \"scenario_id\": " + scenarioId) + "}";
        return send(HttpRequest.newBuilder(uri("/api/v1/runs/import")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Response patch(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    @Test
    void aRunStartedWithLabelsKeepsThemAndCanBeRelabelled() {
        long scenario = createScenario("labelled hello", """
                workload: {driver: http, path: /hello}
                load: {users: 1, duration: 500ms}
                """);
        Response started = post("/api/v1/scenarios/" + scenario + "/runs",
                "{\"labels\": {\"branch\": \"main\", \"commit\": \"ABCDEF1\", \"os\": \"linux\"}}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        long run = started.json().get("id").asLong();
        JsonNode done = awaitRun(run, status("completed"), Duration.ofSeconds(20));
        assertThat(done.get("labels")).isEqualTo(Json.read("{\"commit\": \"abcdef1\", \"branch\": \"main\", \"os\": \"linux\"}"));
        assertThat(done.get("source").asText()).isEqualTo("api");

        Response relabelled = patch("/api/v1/runs/" + run + "/labels", "{\"os\": null, \"version\": \"1.2.3\"}");
        assertThat(relabelled.status()).as(relabelled.body()).isEqualTo(200);
        assertThat(relabelled.json().get("labels")).isEqualTo(Json.read("{\"commit\": \"abcdef1\", \"branch\": \"main\", \"version\": \"1.2.3\"}"));
        assertThat(get("/api/v1/runs?scenario_id=" + scenario + "&branch=main&label=version:1.2.3").json().get("total").asLong()).isEqualTo(1);
        assertThat(get("/api/v1/runs?scenario_id=" + scenario + "&label=version:9").json().get("total").asLong()).isZero();

        Response bad = patch("/api/v1/runs/" + run + "/labels", "{\"commit\": \"not hex\", \"bad key\": \"x\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("labels.commit").contains("bad key");
        assertThat(get("/api/v1/runs?label=nocolon").status()).isEqualTo(400);
        // the completed run has a history point already
        JsonNode history = get("/api/v1/scenarios/" + scenario + "/history").json();
        assertThat(history.get("steps").get(0).get("points")).hasSize(1);
        assertThat(history.get("steps").get(0).get("points").get(0).get("values").has("latency.p99")).isTrue();
    }

    @Test
    void uploadsBuildAHistoryAndASlowedRunRaisesAnAlertThatCanBeMarkedAFalsePositive() {
        TestUser editor = newUser("history-editor", Role.EDITOR);
        TestUser viewer = newUser("history-viewer", Role.VIEWER);
        String plan = "uploaded plan " + System.nanoTime();
        Map<String, String> main = Map.of("branch", "main");
        double[] baseline = {10, 10.4, 9.8, 10.2, 10.1};
        List<Long> ids = new ArrayList<>();
        Response first = upload(result(plan, baseline[0], 0, main), null, editor.token());
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("source").asText()).isEqualTo("cli-upload");
        long scenario = first.json().get("scenario_id").asLong();
        assertThat(get("/api/v1/scenarios/" + scenario).json().get("history_only").asBoolean()).isTrue();
        assertThat(post("/api/v1/scenarios/" + scenario + "/runs", null).status()).isEqualTo(409);
        ids.add(first.json().get("id").asLong());
        for (int i = 1; i < baseline.length; i++) {
            Response next = upload(result(plan, baseline[i], i, main), null, editor.token());
            assertThat(next.json().get("scenario_id").asLong()).as("matched by name").isEqualTo(scenario);
            ids.add(next.json().get("id").asLong());
        }
        // another branch's slow runs are not main's baseline
        upload(result(plan, 50, 10, Map.of("branch", "feature")), scenario, editor.token());
        assertThat(get("/api/v1/runs/" + ids.getLast() + "/alerts").json()).isEmpty();

        long slowed = upload(result(plan, 25, 20, main), scenario, editor.token()).json().get("id").asLong();
        JsonNode alerts = get("/api/v1/runs/" + slowed + "/alerts").json();
        assertThat(alerts).extracting(a -> a.get("test").asText()).contains("t_test");
        JsonNode alert = java.util.stream.StreamSupport.stream(alerts.spliterator(), false)
                .filter(a -> a.get("metric").asText().equals("latency.p99") && a.get("test").asText().equals("t_test")).findFirst().orElseThrow();
        assertThat(alert.get("status").asText()).isEqualTo("open");
        assertThat(alert.get("baseline").asDouble()).as("mean p99 of main: 2 ms above each run's base").isBetween(11.8, 12.4);
        assertThat(get("/api/v1/alerts").json()).extracting(a -> a.get("id").asLong()).contains(alert.get("id").asLong());

        // the history: main's points, the baseline marked, the alert on the slowed run
        JsonNode history = get("/api/v1/scenarios/" + scenario + "/history?branch=main&metric=latency.p99&metric=throughput").json();
        JsonNode points = history.get("steps").get(0).get("points");
        assertThat(points).hasSize(6);
        assertThat(points.get(5).get("run_id").asLong()).isEqualTo(slowed);
        assertThat(points.get(5).get("alerts")).isNotEmpty();
        assertThat(points.get(5).get("values").fieldNames()).toIterable().containsExactly("latency.p99", "throughput");
        assertThat(points.get(0).get("in_baseline").asBoolean()).isTrue();
        assertThat(history.get("steps").get(0).get("baselines").get("latency.p99").get("runs").asInt()).isEqualTo(6);
        Response badQuery = get("/api/v1/scenarios/" + scenario + "/history?metric=speed&limit=0");
        assertThat(badQuery.status()).isEqualTo(400);
        assertThat(badQuery.body()).contains("metric[0]").contains("limit");

        // a viewer cannot triage; a false positive needs a reason, says who, and leaves the baseline alone
        String triage = "/api/v1/alerts/" + alert.get("id").asLong() + "/false-positive";
        assertThat(send(HttpRequest.newBuilder(uri(triage)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + viewer.token()).POST(HttpRequest.BodyPublishers.ofString("{}"))).status()).isEqualTo(403);
        assertThat(send(HttpRequest.newBuilder(uri(triage)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + editor.token()).POST(HttpRequest.BodyPublishers.ofString("{}"))).status()).isEqualTo(400);
        Response marked = send(HttpRequest.newBuilder(uri(triage)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + editor.token())
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"the machine was busy\"}")));
        assertThat(marked.status()).as(marked.body()).isEqualTo(200);
        assertThat(marked.json().get("status").asText()).isEqualTo("false_positive");
        assertThat(marked.json().get("status_by").asText()).isEqualTo(editor.username());
        assertThat(marked.json().get("status_reason").asText()).isEqualTo("the machine was busy");
        JsonNode after = get("/api/v1/scenarios/" + scenario + "/history?branch=main&metric=latency.p99").json().get("steps").get(0);
        assertThat(after.get("baselines").get("latency.p99").get("runs").asInt()).isEqualTo(5);
        assertThat(after.get("points").get(5).get("in_baseline").asBoolean()).isFalse();
        long next = upload(result(plan, 10.1, 30, main), scenario, editor.token()).json().get("id").asLong();
        assertThat(get("/api/v1/runs/" + next + "/alerts").json()).isEmpty();
    }

    @Test
    void detectionSettingsAreCheckedAndKept() {
        long scenario = createScenario("detection settings", """
                workload: {driver: http, path: /hello}
                load: {users: 1, duration: 500ms}
                """);
        JsonNode defaults = get("/api/v1/scenarios/" + scenario + "/detection").json();
        assertThat(defaults.get("t_test").get("confidence").asDouble()).isEqualTo(0.99);
        assertThat(defaults.get("baseline_runs").asInt()).isEqualTo(10);
        Response bad = put("/api/v1/scenarios/" + scenario + "/detection",
                "{\"metrics\": [\"latency.p99\", \"speed\"], \"t_test\": {\"confidence\": 2}}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("metrics[1]").contains("t_test.confidence");
        Response saved = put("/api/v1/scenarios/" + scenario + "/detection",
                "{\"percentage\": {\"enabled\": true, \"max_percent\": 15}, \"static_limits\": {\"latency.p99\": {\"max\": 50}}}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        JsonNode kept = get("/api/v1/scenarios/" + scenario + "/detection").json();
        assertThat(kept.get("percentage").get("max_percent").asDouble()).isEqualTo(15);
        assertThat(kept.get("static_limits").get("latency.p99").get("max").asDouble()).isEqualTo(50);
        assertThat(kept.get("t_test").get("enabled").asBoolean()).isTrue();
    }

    @Test
    void theDemoTargetCanBeSlowed() {
        assertThat(put("/api/v1/demo-target/config", "{\"extra_delay_ms\": 20001}").status()).isEqualTo(400);
        assertThat(put("/api/v1/demo-target/config", "{\"extra_delay_ms\": 5}").json().get("extra_delay_ms").asInt()).isEqualTo(5);
        assertThat(put("/api/v1/demo-target/config", "{\"extra_delay_ms\": 0}").json().get("extra_delay_ms").asInt()).isZero();
    }
}
