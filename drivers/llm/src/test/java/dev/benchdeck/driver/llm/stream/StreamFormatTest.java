package dev.benchdeck.driver.llm.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.benchdeck.driver.llm.sse.SseEvent;
import dev.benchdeck.driver.llm.sse.SseParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StreamFormatTest {

    /** Parses a whole stream and reads each event with the format, as "KIND:text/tokens". */
    private static List<String> readAll(StreamFormat format, String stream) {
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);
        parser.feed(stream.getBytes(StandardCharsets.UTF_8));
        parser.end();
        List<String> out = new ArrayList<>();
        for (SseEvent e : events) {
            try {
                StreamReading r = format.read(e);
                out.add(r.kind() + (r.kind() == StreamReading.Kind.USAGE ? ":" + r.tokens() : r.text().isEmpty() ? "" : ":" + r.text()));
            } catch (MalformedStreamException ex) {
                out.add("MALFORMED:" + ex.getMessage());
            }
        }
        return out;
    }

    @Test
    void openAiChatRoleChunkIsNotContentAndTheFinalUsageChunkGivesTheTokens() {
        String stream = """
                data: {"id":"c1","choices":[{"index":0,"delta":{"role":"assistant","content":""}}]}

                data: {"id":"c1","choices":[{"index":0,"delta":{"content":"Hello"}}]}

                data: {"id":"c1","choices":[{"index":0,"delta":{"content":" world"}}]}

                data: {"id":"c1","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}

                data: {"id":"c1","choices":[],"usage":{"prompt_tokens":5,"completion_tokens":3,"total_tokens":8}}

                data: [DONE]

                """;
        assertThat(readAll(OpenAiFormat.chat(), stream))
                .containsExactly("OTHER", "CONTENT:Hello", "CONTENT: world", "OTHER", "USAGE:3", "END");
    }

    @Test
    void gatewayChunksAreContentTimingIsNotAndDoneEnds() {
        String stream = """
                : heartbeat

                event: chunk
                data: {"content":" Hello","chunk_index":0}

                event: chunk
                data: {"content":" world","chunk_index":1}

                event: timing
                data: {"stages_ms":{"validation":0.01},"provider":"fake"}

                data: [DONE]

                """;
        assertThat(readAll(new GatewayFormat(), stream)).containsExactly("CONTENT: Hello", "CONTENT: world", "OTHER", "END");
    }

    @Test
    void gatewayErrorEventsFailAndChunksWithoutContentAreMalformed() {
        String stream = """
                event: chunk
                data: {"content":" a","chunk_index":0}

                event: error
                data: {"code":"upstream_error_event","message":"overloaded","chunk_index":1}

                event: chunk
                data: {"text":"b"}

                """;
        assertThat(readAll(new GatewayFormat(), stream)).containsExactly("CONTENT: a", "ERROR:upstream_error_event: overloaded",
                "MALFORMED:a chunk has no text field \"content\": {\"text\":\"b\"}");
    }

    @Test
    void openAiCompletionsReadTextAndAnInStreamErrorFails() {
        String stream = """
                data: {"choices":[{"text":"Once","index":0}]}

                data: {"error":{"type":"server_error","message":"model overloaded"}}

                """;
        assertThat(readAll(OpenAiFormat.completions(), stream))
                .containsExactly("CONTENT:Once", "ERROR:server_error: model overloaded");
    }

    @Test
    void aChunkThatIsNotJsonIsMalformed() {
        assertThat(readAll(OpenAiFormat.chat(), "data: {\"choices\": [\n\n"))
                .singleElement().asString().startsWith("MALFORMED:a chunk is not JSON");
        assertThatThrownBy(() -> OpenAiFormat.chat().read(new SseEvent("message", "42", "")))
                .isInstanceOf(MalformedStreamException.class).hasMessageContaining("not a JSON object");
    }

    @Test
    void anthropicMessagesStream() {
        String stream = """
                event: message_start
                data: {"type":"message_start","message":{"id":"m1","usage":{"input_tokens":12,"output_tokens":1}}}

                event: content_block_start
                data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

                event: ping
                data: {"type": "ping"}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Hi"}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":" there"}}

                event: content_block_stop
                data: {"type":"content_block_stop","index":0}

                event: message_delta
                data: {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":2}}

                event: message_stop
                data: {"type":"message_stop"}

                """;
        // message_start's usage is the input side (output_tokens 1 is a placeholder): only message_delta counts
        assertThat(readAll(new AnthropicFormat(), stream)).containsExactly(
                "OTHER", "OTHER", "OTHER", "CONTENT:Hi", "CONTENT: there", "OTHER", "USAGE:2", "END");
    }

    @Test
    void anthropicErrorEvent() {
        String stream = """
                event: error
                data: {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}

                """;
        assertThat(readAll(new AnthropicFormat(), stream)).containsExactly("ERROR:overloaded_error: Overloaded");
    }

    @Test
    void genericSseCountsEveryEventWithDataUntilTheEndEvent() {
        String stream = """
                event: progress
                data: step 1 of 3

                : heartbeat

                event: progress
                data: step 2 of 3

                event: failed
                data: {"reason":"captcha"}

                event: completed
                data: {"result":"ok"}

                """;
        GenericSseFormat format = new GenericSseFormat("completed", Set.of("failed"));
        assertThat(readAll(format, stream)).containsExactly(
                "CONTENT:step 1 of 3", "CONTENT:step 2 of 3", "ERROR:failed: {\"reason\":\"captcha\"}", "END");
    }
}
