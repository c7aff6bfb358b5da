package dev.benchdeck.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Stage 3 on its own (local buckets): requests and tokens per minute, per client, 429 with Retry-After and RateLimit-*. */
class RateLimitTest {

    GatewayServer gateway;
    TestClient client;

    @BeforeEach
    void start() throws Exception {
        gateway = GatewayServer.start(Gateways.builder().provider(Gateways.fake(0, 1, 10)).build());
        client = new TestClient(gateway.baseUri());
        client.putConfig("{\"enable_caching\": false}");
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void theRequestLimitRefusesTheFourthRequestOfAMinute() throws Exception {
        client.putConfig("{\"rate_limit\": {\"requests_per_minute\": 3, \"tokens_per_minute\": 0}}");
        for (int i = 0; i < 3; i++) {
            TestClient.Answer ok = client.stream(TestClient.request("r" + i));
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("ratelimit-limit")).isEqualTo("3");
            assertThat(ok.header("ratelimit-remaining")).isEqualTo(Integer.toString(2 - i));
        }

        TestClient.Answer refused = client.stream(TestClient.request("r3"));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("content-type")).isEqualTo("application/problem+json");
        assertThat(Long.parseLong(refused.header("retry-after"))).isBetween(1L, 20L);
        assertThat(refused.header("ratelimit-limit")).isEqualTo("3");
        assertThat(refused.header("ratelimit-remaining")).isEqualTo("0");
        assertThat(refused.header("ratelimit-reset")).isNotNull();
        assertThat(refused.json().path("code").asText()).isEqualTo("requests_per_minute");
        // another client (its own API key) has its own bucket
        assertThat(client.stream(TestClient.request("r4"), "X-API-Key", "client-b").status()).isEqualTo(200);
        assertThat(client.admin("/admin/execution-stats").json().path("rate_limited").asLong()).isEqualTo(1);
    }

    @Test
    void inputTokensAreCountedBeforeTheCall() throws Exception {
        client.putConfig("{\"rate_limit\": {\"requests_per_minute\": 0, \"tokens_per_minute\": 5}}");

        TestClient.Answer refused = client.stream(TestClient.request("one two three four five six"));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().path("code").asText()).isEqualTo("tokens_per_minute");
        assertThat(refused.header("retry-after")).isNotNull();
    }

    @Test
    void outputTokensAreCountedAsTheyStreamAndStopAStreamThatWouldOvershoot() throws Exception {
        client.putConfig("{\"rate_limit\": {\"requests_per_minute\": 0, \"tokens_per_minute\": 8}}");

        TestClient.Answer cut = client.stream(TestClient.request("two words"));

        // 2 input tokens leave 6: six chunks of one token go out, the seventh would overshoot
        assertThat(cut.status()).isEqualTo(200);
        assertThat(cut.chunks()).hasSize(6);
        JsonNode error = cut.last("error").json();
        assertThat(error.path("code").asText()).isEqualTo("token_limit");
        assertThat(cut.done()).isFalse();
        TestClient.Answer next = client.stream(TestClient.request("again"));
        assertThat(next.status()).isEqualTo(429);
        JsonNode stats = client.admin("/admin/execution-stats").json();
        assertThat(stats.path("requests").path("failed").asLong()).isEqualTo(1);
        assertThat(stats.path("rate_limits").path("streams_cut_by_token_limit").asLong()).isEqualTo(1);
    }

    @Test
    void aChangedLimitAppliesAtOnce() throws Exception {
        client.putConfig("{\"rate_limit\": {\"requests_per_minute\": 1, \"tokens_per_minute\": 0}}");
        client.stream(TestClient.request("a"));
        assertThat(client.stream(TestClient.request("b")).status()).isEqualTo(429);

        client.putConfig("{\"rate_limit\": {\"requests_per_minute\": 100}}");

        assertThat(client.stream(TestClient.request("c")).status()).isEqualTo(200);
    }
}
