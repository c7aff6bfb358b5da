package dev.benchdeck.driver.llm.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.benchdeck.driver.llm.sse.SseEvent;

/**
 * OpenAI's streams: chat completions ({@code choices[].delta.content}) and completions
 * ({@code choices[].text}), {@code data: {...}} chunks ending with {@code data: [DONE]}. With
 * {@code stream_options.include_usage} the last chunk before {@code [DONE]} has empty
 * {@code choices} and {@code usage.completion_tokens}. An {@code error} object in a chunk is an
 * in-stream error.
 */
public final class OpenAiFormat implements StreamFormat {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final boolean chat;

    private OpenAiFormat(boolean chat) {
        this.chat = chat;
    }

    public static OpenAiFormat chat() {
        return new OpenAiFormat(true);
    }

    public static OpenAiFormat completions() {
        return new OpenAiFormat(false);
    }

    @Override
    public String name() {
        return chat ? "openai-chat" : "openai-completions";
    }

    @Override
    public StreamReading read(SseEvent event) throws MalformedStreamException {
        String data = event.data();
        if ("[DONE]".equals(data.strip())) {
            return StreamReading.END;
        }
        JsonNode chunk;
        try {
            chunk = JSON.readTree(data);
        } catch (JsonProcessingException e) {
            throw new MalformedStreamException("a chunk is not JSON: " + Formats.excerpt(data));
        }
        if (chunk == null || !chunk.isObject()) {
            throw new MalformedStreamException("a chunk is not a JSON object: " + Formats.excerpt(data));
        }
        if (chunk.hasNonNull("error")) {
            return StreamReading.error(Formats.errorMessage(chunk.get("error")));
        }
        JsonNode choices = chunk.path("choices");
        StringBuilder text = new StringBuilder();
        for (JsonNode choice : choices) {
            JsonNode piece = chat ? choice.path("delta").path("content") : choice.path("text");
            if (piece.isTextual()) {
                text.append(piece.asText());
            }
        }
        if (!text.isEmpty()) {
            return StreamReading.content(text.toString());
        }
        JsonNode tokens = chunk.path("usage").path("completion_tokens");
        if (tokens.canConvertToLong() && choices.isEmpty()) {
            return StreamReading.usage(tokens.asLong());
        }
        return StreamReading.OTHER;
    }
}
