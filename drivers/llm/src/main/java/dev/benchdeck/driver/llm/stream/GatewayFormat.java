package dev.benchdeck.driver.llm.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.benchdeck.driver.llm.sse.SseEvent;

/**
 * Benchdeck's streaming gateway ({@code POST /api/v1/stream}): {@code event: chunk} with
 * {@code {"content": "…", "chunk_index": n}}, heartbeat comments, {@code event: error} with
 * {@code {"code", "message"}} when the answer fails after it began, a final {@code event: timing}
 * (the gateway's stage durations, not content), then {@code data: [DONE]}.
 */
public final class GatewayFormat implements StreamFormat {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "gateway";
    }

    @Override
    public StreamReading read(SseEvent event) throws MalformedStreamException {
        String data = event.data();
        if ("[DONE]".equals(data.strip())) {
            return StreamReading.END;
        }
        switch (event.type()) {
            case "chunk": {
                JsonNode content = parse(data).path("content");
                if (!content.isTextual()) {
                    throw new MalformedStreamException("a chunk has no text field \"content\": " + Formats.excerpt(data));
                }
                return content.asText().isEmpty() ? StreamReading.OTHER : StreamReading.content(content.asText());
            }
            case "error": {
                JsonNode error = parse(data);
                return StreamReading.error(Formats.excerpt(error.path("code").asText("error") + ": " + error.path("message").asText("")));
            }
            default:
                return StreamReading.OTHER;
        }
    }

    private static JsonNode parse(String data) throws MalformedStreamException {
        try {
            JsonNode node = JSON.readTree(data);
            if (node == null || !node.isObject()) {
                throw new MalformedStreamException("an event is not a JSON object: " + Formats.excerpt(data));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new MalformedStreamException("an event is not JSON: " + Formats.excerpt(data));
        }
    }
}
