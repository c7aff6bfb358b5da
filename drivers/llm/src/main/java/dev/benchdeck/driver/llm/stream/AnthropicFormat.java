package dev.benchdeck.driver.llm.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.benchdeck.driver.llm.sse.SseEvent;

/**
 * Anthropic's messages stream: {@code message_start}, {@code content_block_start},
 * {@code content_block_delta} (text in {@code delta.text}), {@code content_block_stop},
 * {@code message_delta} (the final {@code usage.output_tokens}), {@code message_stop}, {@code ping};
 * {@code event: error} is an in-stream error. Event types come from {@code event:} or, failing that,
 * the JSON's {@code type}.
 */
public final class AnthropicFormat implements StreamFormat {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return "anthropic";
    }

    @Override
    public StreamReading read(SseEvent event) throws MalformedStreamException {
        JsonNode body;
        try {
            body = JSON.readTree(event.data());
        } catch (JsonProcessingException e) {
            throw new MalformedStreamException("a " + event.type() + " event is not JSON: " + Formats.excerpt(event.data()));
        }
        if (body == null || !body.isObject()) {
            throw new MalformedStreamException("a " + event.type() + " event is not a JSON object: " + Formats.excerpt(event.data()));
        }
        String type = SseEvent.DEFAULT_TYPE.equals(event.type()) ? body.path("type").asText("") : event.type();
        return switch (type) {
            case "content_block_delta" -> {
                JsonNode text = body.path("delta").path("text");
                yield text.isTextual() && !text.asText().isEmpty() ? StreamReading.content(text.asText()) : StreamReading.OTHER;
            }
            case "message_delta" -> {
                JsonNode tokens = body.path("usage").path("output_tokens");
                yield tokens.canConvertToLong() ? StreamReading.usage(tokens.asLong()) : StreamReading.OTHER;
            }
            case "message_stop" -> StreamReading.END;
            case "error" -> StreamReading.error(Formats.errorMessage(body.path("error")));
            default -> StreamReading.OTHER;
        };
    }
}
