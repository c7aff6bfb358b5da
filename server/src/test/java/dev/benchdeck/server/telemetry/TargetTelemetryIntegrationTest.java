package dev.benchdeck.server.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.embeddedpg.EmbeddedPostgres;
import dev.benchdeck.gateway.GatewayServer;
import dev.benchdeck.gateway.config.GatewayConfig;
import dev.benchdeck.mockllm.MockLlmConfig;
import dev.benchdeck.gateway.config.ProviderDefinition;
import dev.benchdeck.server.IntegrationTestSupport;
import dev.benchdeck.server.system.Json;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Target telemetry sampled during runs, stored beside the intervals and pushed on the live feed: a gateway, a postgres target, a Prometheus endpoint. */
class TargetTelemetryIntegrationTest extends IntegrationTestSupport {

    private static final String TOKEN = "telemetry-admin-token-5f4e3d2c";
    private static GatewayServer gateway;

    @Autowired
    EmbeddedPostgres pg;

    @BeforeAll
    static void startGateway() throws Exception {
        gateway = GatewayServer.start(GatewayConfig.builder().port(0).adminToken(TOKEN)
                .provider(ProviderDefinition.fake("fake", MockLlmConfig.defaults().toBuilder().ttft(20, 0).itl(5, 0)
                        .outputTokens(8, 0).build(), List.of("*")))
                .build());
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @Test
    void aGatewayRunStoresTheGatewaysStageTimesOnTheRunsTimeAxisAndPushesThem() throws Exception {
        long target = createTarget(Map.of("name", "telemetry gateway", "kind", "gateway", "url", gateway.baseUri().toString(),
                "credentials", Map.of("admin_token", TOKEN)));
        assertThat(get("/api/v1/targets/" + target).body()).doesNotContain(TOKEN);
        Response scenario = post("/api/v1/scenarios", Json.write(Map.of("name", "gateway telemetry", "target_id", target, "plan_yaml", """
                workload: {driver: llm, api: gateway, model: fake-1, prompt_words: {mean: 20, spread: 5}, max_tokens: 8}
                load: {model: closed, users: 3, warmup: 0s, duration: 3s}
                timeout: 20s
                """)));
        assertThat(scenario.status()).as(scenario.body()).isEqualTo(201);
        long run = trigger(scenario.json().get("id").asLong());
        BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        WebSocket socket = subscribe(run, messages);
        JsonNode done = awaitRun(run, r -> !List.of("queued", "running").contains(r.get("status").asText()), Duration.ofSeconds(40));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.get("plan_yaml").asText()).doesNotContain(TOKEN);

        JsonNode samples = get("/api/v1/runs/" + run + "/telemetry").json();
        assertThat(samples.size()).as(samples.toString()).isGreaterThanOrEqualTo(3);
        double lastInterval = 0;
        for (JsonNode interval : get("/api/v1/runs/" + run + "/intervals").json()) {
            lastInterval = Math.max(lastInterval, interval.get("elapsed_seconds").asDouble());
        }
        List<Double> streamingP99 = new ArrayList<>();
        for (JsonNode sample : samples) {
            assertThat(sample.get("source").asText()).isEqualTo("gateway");
            assertThat(sample.get("elapsed_seconds").asDouble()).isBetween(0.0, lastInterval + 3.0);
            JsonNode metrics = sample.get("metrics");
            assertThat(metrics.has("active_streams")).as(metrics.toString()).isTrue();
            assertThat(metrics.has("cache_hit_ratio")).isTrue();
            assertThat(metrics.has("stage.validation.p50_ms")).isTrue();
            streamingP99.add(metrics.get("stage.streaming.p99_ms").asDouble());
        }
        // on the run's time axis in the order they were taken (none timed before the axis was known, then after it)
        List<Double> times = new ArrayList<>();
        samples.forEach(sample -> times.add(sample.get("elapsed_seconds").asDouble()));
        assertThat(times).isSorted();
        // the fake answers with 20 ms to the first of 8 tokens 5 ms apart: a stream takes ≥ 55 ms at the gateway
        assertThat(streamingP99.stream().mapToDouble(Double::doubleValue).max().orElse(0)).isGreaterThanOrEqualTo(50.0);
        assertThat(samples.get(samples.size() - 1).get("metrics").get("requests_completed").asDouble()).isPositive();

        List<JsonNode> pushed = new ArrayList<>();
        messages.drainTo(pushed);
        assertThat(pushed.stream().filter(m -> m.get("type").asText().equals("telemetry")).toList())
                .as("telemetry on the live feed").isNotEmpty()
                .allSatisfy(m -> assertThat(m.get("sample").get("metrics").has("stage.streaming.p99_ms")).isTrue());
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
    }

    @Test
    void aPostgresRunStoresCommitRatesAndActiveConnections() {
        long target = createTarget(postgresTarget("telemetry pg", pg, pg.password()));
        Response scenario = post("/api/v1/scenarios", Json.write(Map.of("name", "pg telemetry", "target_id", target, "plan_yaml", """
                workload: {driver: jdbc, table: benchdeck_it_telemetry, rows: 1000, batch_size: 500, setup: recreate,
                           mix: {point_select: 50, update: 50}}
                load: {model: closed, users: 4, warmup: 0s, duration: 10s}
                """)));
        assertThat(scenario.status()).as(scenario.body()).isEqualTo(201);
        long run = trigger(scenario.json().get("id").asLong());
        JsonNode done = awaitRun(run, r -> !List.of("queued", "running").contains(r.get("status").asText()), Duration.ofSeconds(90));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("completed");

        JsonNode samples = get("/api/v1/runs/" + run + "/telemetry").json();
        assertThat(samples.size()).as(samples.toString()).isGreaterThanOrEqualTo(8);
        double maxCommits = 0;
        double maxActive = 0;
        for (JsonNode sample : samples) {
            assertThat(sample.get("source").asText()).isEqualTo("postgres");
            JsonNode metrics = sample.get("metrics");
            assertThat(metrics.has("active_connections")).as(metrics.toString()).isTrue();
            maxCommits = Math.max(maxCommits, metrics.path("commits_per_s").asDouble());
            maxActive = Math.max(maxActive, metrics.get("connections").asDouble());
        }
        // 4 users updating all along: hundreds of commits a second, and the run's 4 connections beside the sampler's
        assertThat(maxCommits).as(samples.toString()).isGreaterThan(10);
        assertThat(maxActive).isGreaterThanOrEqualTo(4);
        assertThat(samples.toString()).doesNotContain(pg.password());
    }

    @Test
    void anHttpRunRecordsTheTargetsChosenPrometheusSeries() {
        // the demo target names its own /metrics: all answers, 5xx answers and requests in flight
        long run = trigger(createScenario("prometheus telemetry", """
                workload: {driver: http, path: /status/503}
                load: {users: 2, duration: 3s}
                """));
        awaitRun(run, r -> !List.of("queued", "running").contains(r.get("status").asText()), Duration.ofSeconds(30));
        JsonNode samples = get("/api/v1/runs/" + run + "/telemetry").json();
        assertThat(samples.size()).as(samples.toString()).isGreaterThanOrEqualTo(2);
        double maxAll = 0;
        double max5xx = 0;
        for (JsonNode sample : samples) {
            assertThat(sample.get("source").asText()).isEqualTo("http");
            JsonNode metrics = sample.get("metrics");
            assertThat(metrics.has("prom.demo_in_flight_requests")).as(metrics.toString()).isTrue();
            maxAll = Math.max(maxAll, metrics.path("prom.demo_requests_total.per_s").asDouble());
            max5xx = Math.max(max5xx, metrics.path("prom.demo_requests_total{status=~\"5..\"}.per_s").asDouble());
        }
        // every request of the run is a 503: the target counts hundreds a second of them
        assertThat(max5xx).as(samples.toString()).isGreaterThan(10);
        assertThat(maxAll).isGreaterThanOrEqualTo(max5xx);
    }

    @Test
    void aTargetWithoutTelemetryOrWithItsEndpointDownRecordsNothingAndTheRunGoesOn() {
        String demoUrl = get("/api/v1/targets/" + demoTargetId()).json().get("url").asText();
        long plain = createTarget(Map.of("name", "no telemetry", "kind", "http", "url", demoUrl));
        long down = createTarget(Map.of("name", "metrics down", "kind", "http", "url", demoUrl,
                "options", Map.of("metrics", Map.of("url", "http://127.0.0.1:1/metrics", "series", List.of("up")))));
        for (long target : List.of(plain, down)) {
            Response scenario = post("/api/v1/scenarios", Json.write(Map.of("name", "no telemetry " + target, "target_id", target,
                    "plan_yaml", "workload: {driver: http, path: /hello}\nload: {users: 1, duration: 2s}\n")));
            assertThat(scenario.status()).as(scenario.body()).isEqualTo(201);
            long run = trigger(scenario.json().get("id").asLong());
            JsonNode done = awaitRun(run, r -> !List.of("queued", "running").contains(r.get("status").asText()), Duration.ofSeconds(30));
            assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("completed");
            assertThat(done.get("plan_yaml").asText()).doesNotContain("metrics");
            Response telemetry = get("/api/v1/runs/" + run + "/telemetry");
            assertThat(telemetry.status()).isEqualTo(200);
            assertThat(telemetry.json().size()).isZero();
        }
        assertThat(get("/api/v1/runs/987654321/telemetry").status()).isEqualTo(404);
    }

    @Test
    void badMetricsSettingsAreRefusedWithTheirPathsAndNothingIsStored() {
        int before = get("/api/v1/targets").json().size();
        Response refused = post("/api/v1/targets", Json.write(Map.of("name", "bad metrics", "kind", "http", "url", "http://127.0.0.1:9",
                "options", Map.of("metrics", Map.of("url", "ftp://user:pw@127.0.0.1/metrics", "every", 5,
                        "series", List.of("ok_total", "9bad", "x{a=b}", 7))))));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        JsonNode errors = refused.json().get("errors");
        List<String> paths = new ArrayList<>();
        errors.forEach(e -> paths.add(e.get("path").asText()));
        assertThat(paths).containsExactlyInAnyOrder("options.metrics.every", "options.metrics.url", "options.metrics.series[1]",
                "options.metrics.series[2]", "options.metrics.series[3]");
        assertThat(refused.body()).doesNotContain("user:pw");
        assertThat(post("/api/v1/targets", Json.write(Map.of("name", "no series", "kind", "postgres",
                "options", Map.of("host", "127.0.0.1", "database", "x", "user", "u", "metrics", Map.of("url", "http://127.0.0.1:9187/metrics")))))
                .json().get("errors").get(0).get("path").asText()).isEqualTo("options.metrics.series");
        assertThat(post("/api/v1/targets", Json.write(Map.of("name", "not an object", "kind", "gateway", "url", "http://127.0.0.1:9",
                "options", Map.of("metrics", "http://127.0.0.1:9/metrics")))).json().toString()).contains("options.metrics");
        assertThat(get("/api/v1/targets").json().size()).isEqualTo(before);

        long gateway = createTarget(Map.of("name", "gateway with metrics", "kind", "gateway", "url", "http://127.0.0.1:9",
                "options", Map.of("metrics", Map.of("url", "http://127.0.0.1:9/admin/metrics", "series", List.of("gateway_requests_total")))));
        assertThat(get("/api/v1/targets/" + gateway).json().at("/options/metrics/series/0").asText()).isEqualTo("gateway_requests_total");
    }
}
