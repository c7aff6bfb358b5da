package dev.benchdeck.mockllm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.benchdeck.mockllm.SseClient.Event;
import dev.benchdeck.mockllm.SseClient.Recording;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenAiEndpointTest {

    private static MockLlmServer mock;
    private static SseClient client;

    @BeforeAll
    static void start() throws Exception {
        mock = MockLlmServer.start(MockLlmConfig.defaults().toBuilder().ttft(5, 0).itl(1, 0).outputTokens(6, 0).build());
        client = new SseClient(mock.baseUri());
    }

    @AfterAll
    static void stop() {
        mock.close();
    }

    private static final String CHAT = """
            {"model":"gpt-test","stream":true,"stream_options":{"include_usage":true},
             "messages":[{"role":"system","content":"be brief"},{"role":"user","content":[{"type":"text","text":"three more words"}]}]}""";

    @Test
    void chatStreamHasRoleChunkContentDeltasFinishUsageAndDone() throws Exception {
        Recording recording = client.post("/v1/chat/completions", CHAT);

        assertThat(recording.status()).isEqualTo(200);
        assertThat(recording.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
        List<Event> events = recording.dataEvents();
        assertThat(events).hasSize(1 + 6 + 1 + 1 + 1);
        JsonNode first = events.get(0).json();
        assertThat(first.path("object").asText()).isEqualTo("chat.completion.chunk");
        assertThat(first.path("model").asText()).isEqualTo("gpt-test");
        assertThat(first.at("/choices/0/delta/role").asText()).isEqualTo("assistant");
        assertThat(first.at("/choices/0/delta/content").asText()).isEmpty();
        for (Event content : events.subList(1, 7)) {
            assertThat(content.json().at("/choices/0/delta/content").asText()).matches(" [a-z]+");
            assertThat(content.json().at("/choices/0/finish_reason").isNull()).isTrue();
            assertThat(content.json().path("id").asText()).isEqualTo(first.path("id").asText());
        }
        JsonNode finish = events.get(7).json();
        assertThat(finish.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(finish.at("/choices/0/delta").size()).isZero();
        JsonNode usage = events.get(8).json();
        assertThat(usage.path("choices").isArray()).isTrue();
        assertThat(usage.path("choices")).isEmpty();
        assertThat(usage.at("/usage/prompt_tokens").asInt()).isEqualTo(5);
        assertThat(usage.at("/usage/completion_tokens").asInt()).isEqualTo(6);
        assertThat(usage.at("/usage/total_tokens").asInt()).isEqualTo(11);
        assertThat(events.get(9).data()).isEqualTo("[DONE]");
        assertThat(recording.endedCleanly()).isTrue();
    }

    @Test
    void withoutIncludeUsageThereIsNoUsageChunk() throws Exception {
        Recording recording = client.post("/v1/chat/completions", """
                {"model":"m","stream":true,"messages":[{"role":"user","content":"hi"}]}""");

        List<Event> events = recording.dataEvents();
        assertThat(events).hasSize(1 + 6 + 1 + 1);
        assertThat(events).noneMatch(e -> e.data().contains("usage"));
        assertThat(events.get(8).data()).isEqualTo("[DONE]");
    }

    @Test
    void maxTokensCapsTheOutputAndEndsWithLength() throws Exception {
        Recording recording = client.post("/v1/chat/completions", """
                {"model":"m","stream":true,"max_tokens":4,"stream_options":{"include_usage":true},"messages":[{"role":"user","content":"hi"}]}""");

        List<Event> events = recording.dataEvents();
        assertThat(events.subList(1, events.size()).stream().filter(e -> e.data().contains("\"content\":\" "))).hasSize(4);
        assertThat(events.get(5).json().at("/choices/0/finish_reason").asText()).isEqualTo("length");
        assertThat(events.get(6).json().at("/usage/completion_tokens").asInt()).isEqualTo(4);
    }

    @Test
    void maxCompletionTokensWinsOverMaxTokens() throws Exception {
        JsonNode body = client.json("POST", "/v1/chat/completions", """
                {"model":"m","max_completion_tokens":2,"max_tokens":5,"messages":[{"role":"user","content":"hi"}]}""");

        assertThat(body.at("/usage/completion_tokens").asInt()).isEqualTo(2);
        assertThat(body.at("/choices/0/finish_reason").asText()).isEqualTo("length");
    }

    @Test
    void maxTokensAboveTheOutputLengthDoesNotCap() throws Exception {
        JsonNode body = client.json("POST", "/v1/chat/completions", """
                {"model":"m","max_tokens":100,"messages":[{"role":"user","content":"hi"}]}""");

        assertThat(body.at("/usage/completion_tokens").asInt()).isEqualTo(6);
        assertThat(body.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
    }

    @Test
    void nonStreamingChatIsOneBodyWithUsage() throws Exception {
        JsonNode body = client.json("POST", "/v1/chat/completions", """
                {"model":"gpt-x","messages":[{"role":"user","content":"one two"}]}""");

        assertThat(body.path("object").asText()).isEqualTo("chat.completion");
        assertThat(body.path("model").asText()).isEqualTo("gpt-x");
        assertThat(body.at("/choices/0/message/role").asText()).isEqualTo("assistant");
        assertThat(body.at("/choices/0/message/content").asText().strip().split(" ")).hasSize(6);
        assertThat(body.at("/usage/prompt_tokens").asInt()).isEqualTo(2);
        assertThat(body.at("/usage/completion_tokens").asInt()).isEqualTo(6);
        assertThat(body.at("/usage/total_tokens").asInt()).isEqualTo(8);
    }

    @Test
    void completionsStreamTextChunksWithoutRoleChunk() throws Exception {
        Recording recording = client.post("/v1/completions", """
                {"model":"davinci","prompt":"say something","stream":true,"stream_options":{"include_usage":true}}""");

        List<Event> events = recording.dataEvents();
        assertThat(events).hasSize(6 + 1 + 1 + 1);
        assertThat(events.get(0).json().path("object").asText()).isEqualTo("text_completion");
        assertThat(events.get(0).json().at("/choices/0/text").asText()).matches(" [a-z]+");
        assertThat(events.get(6).json().at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        assertThat(events.get(7).json().path("choices")).isEmpty();
        assertThat(events.get(7).json().at("/usage/prompt_tokens").asInt()).isEqualTo(2);
        assertThat(events.get(8).data()).isEqualTo("[DONE]");
    }

    @Test
    void nonStreamingCompletionsHaveTextAndUsage() throws Exception {
        JsonNode body = client.json("POST", "/v1/completions", """
                {"model":"davinci","prompt":["a b","c"]}""");

        assertThat(body.path("object").asText()).isEqualTo("text_completion");
        assertThat(body.at("/choices/0/text").asText().strip().split(" ")).hasSize(6);
        assertThat(body.at("/usage/prompt_tokens").asInt()).isEqualTo(3);
    }

    @Test
    void multiTokenChunksCarryTokensPerChunkWordsAndTheRestInTheLast() throws Exception {
        Recording recording = client.post("/v1/chat/completions", """
                {"model":"m","stream":true,"messages":[{"role":"user","content":"hi"}]}""",
                "X-Mock-Tokens", "7", "X-Mock-Tokens-Per-Chunk", "3");

        List<String> contents = recording.dataEvents().stream().skip(1)
                .filter(e -> e.data().contains("\"content\":\" "))
                .map(e -> e.json().at("/choices/0/delta/content").asText()).toList();
        assertThat(contents).hasSize(3);
        assertThat(contents.get(0)).matches("( [a-z]+){3}");
        assertThat(contents.get(1)).matches("( [a-z]+){3}");
        assertThat(contents.get(2)).matches(" [a-z]+");
    }

    @Test
    void heartbeatCommentsAreSentWhileWaitingForTheFirstToken() throws Exception {
        Recording recording = client.post("/v1/chat/completions", """
                {"model":"m","stream":true,"messages":[{"role":"user","content":"hi"}]}""",
                "X-Mock-TTFT-Ms", "230", "X-Mock-Heartbeat-Ms", "50", "X-Mock-Tokens", "2");

        // pings 50, 100, 150 and 200 ms after the role chunk; the next one would come after the first token
        List<Event> pings = recording.events().stream().filter(Event::comment).toList();
        assertThat(pings).hasSize(4).allMatch(e -> e.data().equals("ping"));
        for (int i = 1; i < pings.size(); i++) {
            assertThat(pings.get(i).atMillis() - pings.get(i - 1).atMillis()).isBetween(40.0, 60.0);
        }
        Event firstContent = recording.dataEvents().get(1);
        assertThat(firstContent.atNanos()).isGreaterThan(pings.get(3).atNanos());
    }

    @Test
    void noHeartbeatByDefault() throws Exception {
        Recording recording = client.post("/v1/chat/completions", """
                {"model":"m","stream":true,"messages":[{"role":"user","content":"hi"}]}""", "X-Mock-TTFT-Ms", "120");

        assertThat(recording.events()).noneMatch(Event::comment);
    }
}
