package dev.benchdeck.mockllm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The one JSON mapper: snake_case names (as in the provider APIs), unknown fields rejected. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A JSON string literal, quoted and escaped. */
    static String quote(String text) {
        return write(text);
    }

    /** Parses a request body; a body that is not a JSON object is a {@link RefusedRequest}. */
    static ObjectNode readObject(byte[] body) {
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (java.io.IOException e) {
            String reason = e instanceof JsonProcessingException parse ? parse.getOriginalMessage() : e.getMessage();
            throw RefusedRequest.badRequest("the request body is not valid JSON: " + reason.lines().findFirst().orElse(""));
        }
        if (node == null || !node.isObject()) {
            throw RefusedRequest.badRequest("the request body must be a JSON object");
        }
        return (ObjectNode) node;
    }
}
