package dev.benchdeck.gateway.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Map;

/** How one HTTP API is asked for a stream and how its events read. */
sealed interface WireFormat permits WireFormat.OpenAiChat, WireFormat.AnthropicMessages {

    ObjectMapper JSON = new ObjectMapper();

    /** The path after the base URL. */
    String path();

    /** Authentication and version headers for {@code apiKey} (null: none). */
    Map<String, String> headers(String apiKey);

    byte[] body(ProviderRequest request);

    /** What an event means. */
    Reading read(String type, String data);

    /** One event's meaning: content, the end, an error, or nothing to relay. */
    record Reading(Kind kind, String text) {
        enum Kind { CONTENT, END, ERROR, OTHER, MALFORMED }

        static final Reading END = new Reading(Kind.END, null);
        static final Reading OTHER = new Reading(Kind.OTHER, null);
    }

    static byte[] bytes(ObjectNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode parse(String data) {
        try {
            JsonNode node = JSON.readTree(data);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    static String excerpt(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }

    /** OpenAI's chat completions and every server that speaks them: {@code choices[0].delta.content}, {@code [DONE]}. */
    record OpenAiChat() implements WireFormat {
        @Override
        public String path() {
            return "/chat/completions";
        }

        @Override
        public Map<String, String> headers(String apiKey) {
            return apiKey == null ? Map.of() : Map.of("authorization", "Bearer " + apiKey);
        }

        @Override
        public byte[] body(ProviderRequest request) {
            ObjectNode body = JSON.createObjectNode().put("model", request.model()).put("stream", true);
            body.putArray("messages").addObject().put("role", "user").put("content", request.query());
            if (request.maxTokens() != null) {
                body.put("max_tokens", request.maxTokens());
            }
            if (request.temperature() != null) {
                body.put("temperature", request.temperature());
            }
            return bytes(body);
        }

        @Override
        public Reading read(String type, String data) {
            if (data.strip().equals("[DONE]")) {
                return Reading.END;
            }
            JsonNode chunk = parse(data);
            if (chunk == null) {
                return new Reading(Reading.Kind.MALFORMED, "a chunk is not a JSON object: " + excerpt(data));
            }
            if (chunk.hasNonNull("error")) {
                JsonNode error = chunk.get("error");
                return new Reading(Reading.Kind.ERROR, excerpt(error.path("message").asText(error.toString())));
            }
            JsonNode content = chunk.path("choices").path(0).path("delta").path("content");
            return content.isTextual() && !content.asText().isEmpty() ? new Reading(Reading.Kind.CONTENT, content.asText()) : Reading.OTHER;
        }
    }

    /** Anthropic's messages API: {@code content_block_delta} text deltas, {@code message_stop}, {@code error} events. */
    record AnthropicMessages() implements WireFormat {
        static final int DEFAULT_MAX_TOKENS = 1024;

        @Override
        public String path() {
            return "/messages";
        }

        @Override
        public Map<String, String> headers(String apiKey) {
            return apiKey == null ? Map.of("anthropic-version", "2023-06-01")
                    : Map.of("x-api-key", apiKey, "anthropic-version", "2023-06-01");
        }

        @Override
        public byte[] body(ProviderRequest request) {
            ObjectNode body = JSON.createObjectNode().put("model", request.model()).put("stream", true)
                    .put("max_tokens", request.maxTokens() == null ? DEFAULT_MAX_TOKENS : request.maxTokens());
            body.putArray("messages").addObject().put("role", "user").put("content", request.query());
            if (request.temperature() != null) {
                body.put("temperature", request.temperature());
            }
            return bytes(body);
        }

        @Override
        public Reading read(String type, String data) {
            switch (type) {
                case "message_stop":
                    return Reading.END;
                case "error": {
                    JsonNode error = parse(data);
                    return new Reading(Reading.Kind.ERROR, error == null ? excerpt(data)
                            : excerpt(error.path("error").path("type").asText("error") + ": " + error.path("error").path("message").asText("")));
                }
                case "content_block_delta": {
                    JsonNode delta = parse(data);
                    if (delta == null) {
                        return new Reading(Reading.Kind.MALFORMED, "a content_block_delta is not a JSON object: " + excerpt(data));
                    }
                    JsonNode text = delta.path("delta").path("text");
                    return text.isTextual() && !text.asText().isEmpty() ? new Reading(Reading.Kind.CONTENT, text.asText()) : Reading.OTHER;
                }
                default:
                    return Reading.OTHER;
            }
        }
    }
}
