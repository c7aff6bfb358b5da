package dev.benchdeck.mockllm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.mockllm.SseClient.Event;
import dev.benchdeck.mockllm.SseClient.Recording;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {

    private static final String CHAT = """
            {"model":"m","stream":true,"messages":[{"role":"user","content":"hi"}]}""";

    private MockLlmServer mock;
    private SseClient client;

    @BeforeEach
    void start() throws Exception {
        mock = MockLlmServer.start(MockLlmConfig.defaults().toBuilder().ttft(5, 0).itl(2, 0).outputTokens(10, 0).stallMs(300).build());
        client = new SseClient(mock.baseUri());
    }

    @AfterEach
    void stop() {
        mock.close();
    }

    @Test
    void rateLimitAnswers429WithRetryAfterAndAnOpenAiError() throws Exception {
        mock.updateConfig(mock.config().toBuilder().retryAfterSeconds(7).build());

        HttpResponse<String> response = client.send("POST", "/v1/chat/completions", CHAT, "X-Mock-Fault", "429");

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
        JsonNode error = SseClient.JSON.readTree(response.body()).path("error");
        assertThat(error.path("type").asText()).isEqualTo("rate_limit_error");
        assertThat(error.path("code").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(counted("rate_limited")).containsEntry("rate_limited", 1L);
    }

    @Test
    void serverErrorAnswers500() throws Exception {
        HttpResponse<String> response = client.send("POST", "/v1/chat/completions", CHAT, "X-Mock-Fault", "500");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(SseClient.JSON.readTree(response.body()).at("/error/type").asText()).isEqualTo("server_error");
        assertThat(counted("server_error")).containsEntry("server_error", 1L);
    }

    @Test
    void errorEventIsAnErrorChunkAfterHalfTheTokensThenTheStreamEnds() throws Exception {
        Recording recording = client.post("/v1/chat/completions", CHAT, "X-Mock-Fault", "error");

        assertThat(recording.status()).isEqualTo(200);
        List<Event> events = recording.dataEvents();
        assertThat(events).hasSize(1 + 5 + 1);
        JsonNode error = events.get(6).json().path("error");
        assertThat(error.path("type").asText()).isEqualTo("server_error");
        assertThat(error.path("message").asText()).contains("overloaded");
        assertThat(events).noneMatch(e -> e.data().equals("[DONE]"));
        assertThat(recording.endedCleanly()).isTrue();
        assertThat(counted("error_event")).containsEntry("error_event", 1L);
    }

    @Test
    void dropCutsTheConnectionMidStream() throws Exception {
        Recording recording = client.post("/v1/chat/completions", CHAT, "X-Mock-Fault", "drop");

        assertThat(recording.status()).isEqualTo(200);
        assertThat(recording.endedCleanly()).isFalse();
        assertThat(recording.dataEvents()).hasSize(1 + 5);
        assertThat(counted("dropped")).containsEntry("dropped", 1L);
    }

    @Test
    void stallPausesMidStreamThenTheStreamCompletes() throws Exception {
        Recording recording = client.post("/v1/chat/completions", CHAT, "X-Mock-Fault", "stall");

        List<Event> content = recording.dataEvents().stream().filter(e -> e.data().contains("\"content\":\" ")).toList();
        assertThat(content).hasSize(10);
        double gap = content.get(5).atMillis() - content.get(4).atMillis();
        // the stall is 300 ms after token 4 was sent: token 4 read late on a busy machine shortens the gap seen here
        assertThat(gap).isBetween(280.0, 340.0);
        assertThat(recording.dataEvents().get(recording.dataEvents().size() - 1).data()).isEqualTo("[DONE]");
        assertThat(counted("completed")).containsEntry("stalled", 1L).containsEntry("completed", 1L);
    }

    @Test
    void stallLengthCanBeSetPerRequestAndHeartbeatsFillIt() throws Exception {
        Recording recording = client.post("/v1/chat/completions", CHAT,
                "X-Mock-Fault", "stall", "X-Mock-Stall-Ms", "1000", "X-Mock-Heartbeat-Ms", "300");

        // at 300, 600 and 900 ms: 100 ms from the stall's end, so a loaded machine's late timer still counts three
        assertThat(recording.events().stream().filter(Event::comment)).hasSize(3);
    }

    @Test
    void faultsCombineStallThenDrop() throws Exception {
        Recording recording = client.post("/v1/chat/completions", CHAT, "X-Mock-Fault", "stall,drop", "X-Mock-Stall-Ms", "50");

        assertThat(recording.endedCleanly()).isFalse();
        assertThat(counted("dropped")).containsEntry("stalled", 1L).containsEntry("dropped", 1L);
    }

    @Test
    void nonStreamingRequestsSufferTheSameFaults() throws Exception {
        String whole = CHAT.replace("\"stream\":true", "\"stream\":false");

        assertThat(client.send("POST", "/v1/chat/completions", whole, "X-Mock-Fault", "error").statusCode()).isEqualTo(500);
        assertThat(client.send("POST", "/v1/chat/completions", whole, "X-Mock-Fault", "429").statusCode()).isEqualTo(429);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.send("POST", "/v1/chat/completions", whole, "X-Mock-Fault", "drop"))
                .isInstanceOf(java.io.IOException.class);
    }

    @Test
    void configuredSharesApplyToThatShareOfRequests() throws Exception {
        mock.updateConfig(mock.config().toBuilder().ttft(0, 0).itl(0, 0).faults(new FaultShares(0.5, 0, 0, 0, 0)).build());
        String whole = CHAT.replace("\"stream\":true", "\"stream\":false");

        int limited = 0;
        for (int i = 0; i < 200; i++) {
            if (client.send("POST", "/v1/chat/completions", whole).statusCode() == 429) {
                limited++;
            }
        }
        // binomial(200, 0.5): outside 65..135 has a probability below 1e-6
        assertThat(limited).isBetween(65, 135);
    }

    @Test
    void shareOneFaultsEveryRequestAndTheNoneHeaderOverridesIt() throws Exception {
        mock.updateConfig(mock.config().toBuilder().faults(new FaultShares(0, 1, 0, 0, 0)).build());

        assertThat(client.send("POST", "/v1/chat/completions", CHAT).statusCode()).isEqualTo(500);
        assertThat(client.post("/v1/chat/completions", CHAT, "X-Mock-Fault", "none").status()).isEqualTo(200);
    }

    /** The outcome counts once {@code outcome} was counted: the server counts after the body ended, a moment after the client saw it. */
    private java.util.Map<String, Long> counted(String outcome) throws InterruptedException {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (mock.stats().outcomes().getOrDefault(outcome, 0L) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return mock.stats().outcomes();
    }
}
