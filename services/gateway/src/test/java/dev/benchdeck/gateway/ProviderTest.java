package dev.benchdeck.gateway;

import dev.benchdeck.engine.testkit.RedisProcess;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.gateway.config.ProviderDefinition;
import dev.benchdeck.mockllm.FaultShares;
import dev.benchdeck.mockllm.MockLlmServer;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real-provider code paths against the mock LLM: OpenAI-compatible and Anthropic streams, errors in and before the stream. */
class ProviderTest {

    MockLlmServer mock;
    GatewayServer gateway;
    TestClient client;

    @BeforeEach
    void start() throws Exception {
        mock = MockLlmServer.start(Gateways.mock(20, 5, 10));
        URI base = URI.create(mock.baseUri() + "/v1");
        gateway = GatewayServer.start(Gateways.builder()
                .provider(ProviderDefinition.openAi("openai", base, "BENCHDECK_TEST_NO_SUCH_KEY", List.of("gpt-4o-mini")))
                .provider(ProviderDefinition.anthropic("anthropic", base, null, List.of("claude-3-5-haiku")))
                .build());
        client = new TestClient(gateway.baseUri());
        client.putConfig("{\"enable_caching\": false, \"provider_order\": [\"openai\"]}");
    }

    @AfterEach
    void stop() {
        gateway.close();
        mock.close();
    }

    @Test
    void relaysAnOpenAiCompatibleStream() throws Exception {
        TestClient.Answer answer = client.stream("{\"query\":\"hello\",\"provider\":\"openai\",\"model\":\"gpt-4o-mini\",\"max_tokens\":7}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.chunks()).hasSize(7);
        assertThat(answer.done()).isTrue();
        assertThat(answer.timing().path("provider").asText()).isEqualTo("openai");
        assertThat(answer.timing().path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(mock.stats().outcomes().get("completed")).isEqualTo(1);
    }

    @Test
    void relaysAnAnthropicStream() throws Exception {
        TestClient.Answer answer = client.stream("{\"query\":\"hello\",\"provider\":\"anthropic\",\"model\":\"claude-3-5-haiku\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.chunks()).hasSize(10);
        assertThat(answer.text().strip().split(" ")).hasSize(10);
        assertThat(answer.done()).isTrue();
    }

    @Test
    void anErrorAfterTheFirstChunkIsAnErrorEventAndAFailure() throws Exception {
        mock.updateConfig(mock.config().toBuilder().faults(new FaultShares(0, 0, 1, 0, 0)).build());

        TestClient.Answer answer = client.stream("{\"query\":\"hello\",\"provider\":\"openai\"}");

        assertThat(answer.chunks()).hasSize(5);
        JsonNode error = answer.last("error").json();
        assertThat(error.path("code").asText()).isEqualTo("upstream_error_event");
        assertThat(error.path("chunk_index").asInt()).isEqualTo(5);
        assertThat(answer.done()).isFalse();
        JsonNode stats = client.admin("/admin/execution-stats").json();
        assertThat(stats.path("requests").path("failed").asLong()).isEqualTo(1);
        assertThat(stats.path("requests").path("completed").asLong()).isZero();
        assertThat(stats.path("providers").path("openai").path("failures").asLong()).isEqualTo(1);
    }

    @Test
    void aDroppedUpstreamMidStreamIsAnErrorEvent() throws Exception {
        mock.updateConfig(mock.config().toBuilder().faults(new FaultShares(0, 0, 0, 1, 0)).build());

        TestClient.Answer answer = client.stream("{\"query\":\"hello\",\"provider\":\"openai\"}");

        assertThat(answer.last("error").json().path("code").asText()).isEqualTo("upstream_incomplete");
    }

    @Test
    void anHttpErrorBeforeTheStreamWithNowhereToFailOverIsAnErrorEvent() throws Exception {
        mock.updateConfig(mock.config().toBuilder().faults(new FaultShares(0, 1, 0, 0, 0)).build());

        TestClient.Answer answer = client.stream("{\"query\":\"hello\",\"provider\":\"openai\"}");

        JsonNode error = answer.last("error").json();
        assertThat(error.path("code").asText()).isEqualTo("all_providers_failed");
        assertThat(error.path("message").asText()).contains("upstream_status_500");
        TestClient.Answer whole = client.stream("{\"query\":\"hello\",\"provider\":\"openai\",\"stream\":false}");
        assertThat(whole.status()).isEqualTo(502);
        assertThat(whole.json().path("code").asText()).isEqualTo("all_providers_failed");
    }

    @Test
    void anUnreachableProviderFailsOverToTheNext() throws Exception {
        try (GatewayServer g = GatewayServer.start(Gateways.builder()
                .provider(ProviderDefinition.openAi("down", URI.create("http://127.0.0.1:" + RedisProcess.freePort() + "/v1"), null, List.of("*")))
                .provider(ProviderDefinition.openAi("up", URI.create(mock.baseUri() + "/v1"), null, List.of("*"))).build())) {
            TestClient c = new TestClient(g.baseUri());

            TestClient.Answer answer = c.stream("{\"query\":\"hello\",\"provider\":\"down\",\"model\":\"m\"}");

            assertThat(answer.done()).isTrue();
            assertThat(answer.timing().path("provider").asText()).isEqualTo("up");
            assertThat(answer.timing().path("failovers").asInt()).isEqualTo(1);
        }
    }

    @Test
    void theApiKeyIsNeverShown() throws Exception {
        String health = client.get("/health").body();
        String config = client.admin("/admin/config").body();
        String stats = client.admin("/admin/execution-stats").body();

        assertThat(health + config + stats).doesNotContain("BENCHDECK_TEST_NO_SUCH_KEY");
        assertThat(client.get("/health").json().path("providers").path("openai").path("api_key_present").asBoolean(true)).isFalse();
    }
}
