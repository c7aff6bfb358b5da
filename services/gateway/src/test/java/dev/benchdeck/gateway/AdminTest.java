package dev.benchdeck.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The admin API: the token, the config's validation (every problem, nothing applied), metrics; /health is open. */
class AdminTest {

    static GatewayServer gateway;
    static TestClient client;

    @BeforeAll
    static void start() throws Exception {
        gateway = GatewayServer.start(Gateways.builder().provider(Gateways.fake(0, 0, 3)).build());
        client = new TestClient(gateway.baseUri());
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void everyAdminEndpointNeedsTheToken() throws Exception {
        for (String path : List.of("/admin/execution-stats", "/admin/config", "/admin/metrics")) {
            TestClient.Answer none = client.get(path);
            assertThat(none.status()).as(path).isEqualTo(401);
            assertThat(none.header("www-authenticate")).startsWith("Bearer");
            assertThat(none.header("content-type")).isEqualTo("application/problem+json");
            assertThat(client.get(path, "Authorization", "Bearer wrong-token-0123456789").status()).isEqualTo(401);
            assertThat(client.get(path, "Authorization", TestClient.TOKEN).status()).isEqualTo(401);
        }
        assertThat(client.put("/admin/config", "{\"use_fake_llm\": true}").status()).isEqualTo(401);
        assertThat(client.admin("/admin/config").json().path("use_fake_llm").asBoolean()).isFalse();
    }

    @Test
    void healthIsOpenAndHoldsNoSecret() throws Exception {
        TestClient.Answer health = client.get("/health");

        assertThat(health.status()).isEqualTo(200);
        JsonNode body = health.json();
        assertThat(body.path("status").asText()).isEqualTo("ok");
        assertThat(body.path("redis").path("configured").asBoolean()).isFalse();
        assertThat(body.path("redis").path("cache").asText()).isEqualTo("l1");
        assertThat(body.path("providers").path("fake").path("circuit").asText()).isEqualTo("closed");
        assertThat(health.body()).doesNotContain(TestClient.TOKEN);
    }

    @Test
    void badConfigValuesAreAllReportedWithTheirPathsAndNothingIsApplied() throws Exception {
        JsonNode before = client.admin("/admin/config").json();

        TestClient.Answer refused = client.putConfig("""
                {"use_fake_llm": "yes", "cache_ttl_seconds": 0, "queue_type": "kafka", "max_concurrent_connections": -1,
                 "heartbeat_interval_ms": 1.5, "rate_limit": {"requests_per_minute": -5, "burst": 3},
                 "provider_order": ["fake", "nope", "fake"], "circuit_breaker": {"failure_rate_threshold": 101},
                 "colour": "blue", "enable_caching": false}""");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.header("content-type")).isEqualTo("application/problem+json");
        List<String> paths = new ArrayList<>();
        refused.json().path("errors").forEach(e -> paths.add(e.path("path").asText()));
        assertThat(paths).containsExactlyInAnyOrder("use_fake_llm", "cache_ttl_seconds", "queue_type", "max_concurrent_connections",
                "heartbeat_interval_ms", "rate_limit.requests_per_minute", "rate_limit.burst", "provider_order[1]",
                "provider_order[2]", "circuit_breaker.failure_rate_threshold", "colour");
        assertThat(client.admin("/admin/config").json()).isEqualTo(before);
        assertThat(client.putConfig("not json").status()).isEqualTo(400);
        assertThat(client.putConfig("[1]").status()).isEqualTo(422);
        assertThat(client.admin("/admin/config").json()).isEqualTo(before);
    }

    @Test
    void aGoodConfigIsAppliedAtOnceAndReturnedAsStored() throws Exception {
        TestClient.Answer put = client.putConfig("{\"heartbeat_interval_ms\": 2500, \"rate_limit\": {\"tokens_per_minute\": 0}}");

        assertThat(put.status()).isEqualTo(200);
        JsonNode stored = client.admin("/admin/config").json();
        assertThat(put.json()).isEqualTo(stored);
        assertThat(stored.path("heartbeat_interval_ms").asLong()).isEqualTo(2500);
        assertThat(stored.path("rate_limit").path("tokens_per_minute").asLong()).isZero();
        assertThat(stored.path("rate_limit").path("requests_per_minute").asLong()).isEqualTo(6000);
        assertThat(stored.fieldNames()).toIterable().contains("use_fake_llm", "enable_caching", "queue_type",
                "max_concurrent_connections", "cache_ttl_seconds", "cache_max_entries", "provider_order");
        assertThat(gateway.settings().heartbeatIntervalMs()).isEqualTo(2500);
    }

    @Test
    void metricsAreThePrometheusTextOfEveryStage() throws Exception {
        client.stream(TestClient.request("measure"));

        TestClient.Answer metrics = client.admin("/admin/metrics");

        assertThat(metrics.header("content-type")).startsWith("text/plain; version=0.0.4");
        for (String stage : List.of("validation", "cache", "rate_limit", "provider_selection", "streaming", "cleanup")) {
            assertThat(metrics.body()).contains("benchdeck_gateway_stage_seconds{stage=\"" + stage + "\",quantile=\"0.99\"}")
                    .contains("benchdeck_gateway_stage_seconds_count{stage=\"" + stage + "\"}");
        }
        assertThat(metrics.body()).contains("benchdeck_gateway_requests_total ").contains("benchdeck_gateway_active_streams 0")
                .contains("benchdeck_gateway_circuit_state{provider=\"fake\",state=\"closed\"} 1");
    }
}
