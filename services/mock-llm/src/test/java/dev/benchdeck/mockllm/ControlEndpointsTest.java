package dev.benchdeck.mockllm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ControlEndpointsTest {

    private MockLlmServer mock;
    private SseClient client;

    @BeforeEach
    void start() throws Exception {
        mock = MockLlmServer.start(MockLlmConfig.defaults());
        client = new SseClient(mock.baseUri());
    }

    @AfterEach
    void stop() {
        mock.close();
    }

    @Test
    void getConfigShowsEveryFieldInSnakeCase() throws Exception {
        JsonNode config = client.json("GET", "/mock/config", null);

        assertThat(config.path("ttft_ms").asLong()).isEqualTo(200);
        assertThat(config.path("ttft_spread_ms").asLong()).isEqualTo(50);
        assertThat(config.path("itl_ms").asLong()).isEqualTo(20);
        assertThat(config.path("output_tokens").asInt()).isEqualTo(60);
        assertThat(config.path("tokens_per_chunk").asInt()).isEqualTo(1);
        assertThat(config.path("heartbeat_ms").asLong()).isZero();
        assertThat(config.at("/faults/rate_limit").asDouble()).isZero();
        assertThat(config.path("automation_run_ms").asLong()).isEqualTo(1250);
        assertThat(config.path("automation_run_spread_ms").asLong()).isEqualTo(750);
    }

    @Test
    void putChangesOnlyTheNamedFieldsAndTheNextRequestsFollow() throws Exception {
        HttpResponse<String> put = client.send("PUT", "/mock/config", """
                {"ttft_ms":0,"ttft_spread_ms":0,"itl_ms":0,"itl_spread_ms":0,"output_tokens":3,"output_tokens_spread":0,"faults":{"server_error":0.25}}""");

        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(mock.config().outputTokens()).isEqualTo(3);
        assertThat(mock.config().faults().serverError()).isEqualTo(0.25);
        assertThat(mock.config().faults().rateLimit()).isZero();
        assertThat(mock.config().automationSteps()).isEqualTo(5);
        JsonNode answer = client.json("POST", "/v1/chat/completions", """
                {"model":"m","messages":[{"role":"user","content":"hi"}]}""", "X-Mock-Fault", "none");
        assertThat(answer.at("/usage/completion_tokens").asInt()).isEqualTo(3);
    }

    @Test
    void invalidUpdatesAre400AndLeaveTheConfigAlone() throws Exception {
        MockLlmConfig before = mock.config();

        assertRejected("{\"ttft\":5}", "unknown config field 'ttft'");
        assertRejected("{\"faults\":{\"boom\":1}}", "faults.boom");
        assertRejected("{\"ttft_ms\":10,\"ttft_spread_ms\":50}", "may not exceed");
        assertRejected("{\"faults\":{\"drop\":1.5}}", "faults.drop must be between 0 and 1");
        assertRejected("{\"itl_ms\":\"fast\"}", "itl_ms must be a number");
        assertRejected("[1]", "JSON object");
        assertThat(mock.config()).isEqualTo(before);
    }

    @Test
    void statsCountRequestsOutcomesAndActiveStreams() throws Exception {
        mock.updateConfig(mock.config().toBuilder().ttft(0, 0).itl(0, 0).outputTokens(2, 0).build());
        String chat = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        client.send("POST", "/v1/chat/completions", chat);
        client.send("POST", "/v1/chat/completions", chat, "X-Mock-Fault", "429");
        client.send("GET", "/nowhere", null);
        Thread streaming = Thread.ofVirtual().start(() -> {
            try {
                client.post("/v1/chat/completions", chat.replace("{\"model\"", "{\"stream\":true,\"model\""), "X-Mock-TTFT-Ms", "400");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(150);

        JsonNode stats = client.json("GET", "/mock/stats", null);
        streaming.join();

        assertThat(stats.path("active_streams").asLong()).isEqualTo(1);
        assertThat(stats.path("total_requests").asLong()).isEqualTo(5);
        assertThat(stats.at("/outcomes/completed").asLong()).isEqualTo(1);
        assertThat(stats.at("/outcomes/rate_limited").asLong()).isEqualTo(1);
        assertThat(stats.at("/outcomes/not_found").asLong()).isEqualTo(1);
        // the server counts a stream as ended after its body: a moment after the client saw the end
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (mock.stats().activeStreams() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(mock.stats().activeStreams()).isZero();
        assertThat(mock.stats().peakActiveStreams()).isEqualTo(1);
    }

    private void assertRejected(String body, String message) throws Exception {
        HttpResponse<String> response = client.send("PUT", "/mock/config", body);
        assertThat(response.statusCode()).as(body).isEqualTo(400);
        assertThat(SseClient.JSON.readTree(response.body()).at("/error/message").asText()).as(body).contains(message);
    }
}
