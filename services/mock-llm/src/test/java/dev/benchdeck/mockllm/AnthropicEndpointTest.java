package dev.benchdeck.mockllm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.mockllm.SseClient.Event;
import dev.benchdeck.mockllm.SseClient.Recording;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AnthropicEndpointTest {

    private static MockLlmServer mock;
    private static SseClient client;

    @BeforeAll
    static void start() throws Exception {
        mock = MockLlmServer.start(MockLlmConfig.defaults().toBuilder().ttft(5, 0).itl(1, 0).outputTokens(5, 0).build());
        client = new SseClient(mock.baseUri());
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    private static final String STREAM = """
            {"model":"claude-test","max_tokens":100,"stream":true,"system":"you are terse",
             "messages":[{"role":"user","content":"four words right here"}]}""";

    @Test
    void streamHasTheMessagesEventSequence() throws Exception {
        Recording recording = client.post("/v1/messages", STREAM);

        assertThat(recording.status()).isEqualTo(200);
        assertThat(recording.types()).containsExactlyElementsOf(concat(
                List.of("message_start", "content_block_start", "ping"),
                Collections.nCopies(5, "content_block_delta"),
                List.of("content_block_stop", "message_delta", "message_stop")));
        List<Event> events = recording.dataEvents();
        JsonNode start = events.get(0).json();
        assertThat(start.path("type").asText()).isEqualTo("message_start");
        assertThat(start.at("/message/model").asText()).isEqualTo("claude-test");
        assertThat(start.at("/message/role").asText()).isEqualTo("assistant");
        assertThat(start.at("/message/usage/input_tokens").asInt()).isEqualTo(7);
        assertThat(events.get(1).json().at("/content_block/type").asText()).isEqualTo("text");
        for (Event delta : events.subList(3, 8)) {
            assertThat(delta.json().at("/delta/type").asText()).isEqualTo("text_delta");
            assertThat(delta.json().at("/delta/text").asText()).matches(" [a-z]+");
            assertThat(delta.json().path("index").asInt()).isZero();
        }
        JsonNode messageDelta = events.get(9).json();
        assertThat(messageDelta.at("/delta/stop_reason").asText()).isEqualTo("end_turn");
        assertThat(messageDelta.at("/usage/output_tokens").asInt()).isEqualTo(5);
        assertThat(events.get(10).json().path("type").asText()).isEqualTo("message_stop");
        assertThat(recording.endedCleanly()).isTrue();
    }

    @Test
    void maxTokensCapsTheOutputWithStopReasonMaxTokens() throws Exception {
        Recording recording = client.post("/v1/messages", STREAM.replace("\"max_tokens\":100", "\"max_tokens\":2"));

        assertThat(recording.types()).filteredOn("content_block_delta"::equals).hasSize(2);
        JsonNode messageDelta = recording.dataEvents().stream().filter(e -> e.type().equals("message_delta")).findFirst().orElseThrow().json();
        assertThat(messageDelta.at("/delta/stop_reason").asText()).isEqualTo("max_tokens");
        assertThat(messageDelta.at("/usage/output_tokens").asInt()).isEqualTo(2);
    }

    @Test
    void nonStreamingMessageHasContentAndUsage() throws Exception {
        JsonNode body = client.json("POST", "/v1/messages", """
                {"model":"claude-test","max_tokens":100,"messages":[{"role":"user","content":[{"type":"text","text":"two words"}]}]}""");

        assertThat(body.path("type").asText()).isEqualTo("message");
        assertThat(body.path("model").asText()).isEqualTo("claude-test");
        assertThat(body.at("/content/0/type").asText()).isEqualTo("text");
        assertThat(body.at("/content/0/text").asText().strip().split(" ")).hasSize(5);
        assertThat(body.path("stop_reason").asText()).isEqualTo("end_turn");
        assertThat(body.at("/usage/input_tokens").asInt()).isEqualTo(2);
        assertThat(body.at("/usage/output_tokens").asInt()).isEqualTo(5);
    }

    @Test
    void heartbeatIsAPingEvent() throws Exception {
        Recording recording = client.post("/v1/messages", STREAM, "X-Mock-TTFT-Ms", "130", "X-Mock-Heartbeat-Ms", "50");

        assertThat(recording.types().subList(0, 5)).containsExactly("message_start", "content_block_start", "ping", "ping", "ping");
        assertThat(recording.types().get(5)).isEqualTo("content_block_delta");
        assertThat(recording.events()).noneMatch(Event::comment);
    }

    @Test
    void midStreamErrorIsAnErrorEventWithOverloadedError() throws Exception {
        Recording recording = client.post("/v1/messages", STREAM, "X-Mock-Fault", "error");

        List<String> types = recording.types();
        assertThat(types.get(types.size() - 1)).isEqualTo("error");
        assertThat(types).filteredOn("content_block_delta"::equals).hasSize(2);
        assertThat(types).doesNotContain("message_stop");
        JsonNode error = recording.dataEvents().get(types.size() - 1).json();
        assertThat(error.path("type").asText()).isEqualTo("error");
        assertThat(error.at("/error/type").asText()).isEqualTo("overloaded_error");
        assertThat(error.at("/error/message").asText()).isNotBlank();
        assertThat(recording.endedCleanly()).isTrue();
    }

    @Test
    void rateLimitIsAnAnthropicErrorBody() throws Exception {
        var response = client.send("POST", "/v1/messages", STREAM, "X-Mock-Fault", "429");

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
        JsonNode body = SseClient.JSON.readTree(response.body());
        assertThat(body.path("type").asText()).isEqualTo("error");
        assertThat(body.at("/error/type").asText()).isEqualTo("rate_limit_error");
    }

    private static List<String> concat(List<String> a, List<String> b, List<String> c) {
        return java.util.stream.Stream.of(a, b, c).flatMap(List::stream).toList();
    }
}
